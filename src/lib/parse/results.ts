/**
 * Transformer plugin: results, what the review part says happened in the reviewed
 * year ("预计全年生产总值增长6%左右", "完成一般公共预算收入673.9亿元，增长6.1%",
 * "生产总值1050亿元,增长6%"), for every indicator in the dictionary, with the
 * year described and whether the report calls it an estimate (预计).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { statementsIn } from './extract-common.ts';
import { asciiDigits } from '../text/index.ts';
import { eachBlock } from './ids.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { RawStatement } from './targets.ts';

/** Sentences of a paragraph, with offsets. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[。！？!?]/g)) {
    out.push({ text: text.slice(start, m.index + 1), start });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

/**
 * The year a figure is stated for, from its own clause. A review, above all one of five years, also
 * names other years: "全省生产总值从2015年的2.6万亿元增长到…" is 2015's level, "1979年进出口贸易总额比上年
 * 增长28％" is 1979's; a change against a base year further back than the year before ("单位生产总值能耗比
 * 2005年下降20%") spans several years. Otherwise the figure is the reviewed year's.
 */
export function statedYear(clause: string, kind: string, reviewYear: number | null): { year: number | null; multiYear: boolean } {
  if (reviewYear === null) return { year: null, multiYear: false };
  // Years, not months of them (2023年8月) nor periods (2022年以来).
  const named = [...asciiDigits(clause).matchAll(/(比|较|与|同|是)?((?:19|20)\d\d)年(?!\d{1,2}月|以来|来)/g)];
  const own = named.filter((m) => !m[1]).at(-1);
  const base = named.filter((m) => m[1] && m[1] !== '是').at(-1);
  const year = own && Number(own[2]) < reviewYear ? Number(own[2]) : reviewYear;
  return { year, multiYear: kind === 'growth' && base !== undefined && Number(base[2]) < year - 1 };
}

export const extractResults: Plugin<[], Root> = function () {
  return (tree, file) => {
    const year = file.data.meta?.reviewYear ?? null;
    const out: RawStatement[] = (file.data.results = []);
    // The text before the first part is read too: the opening, or a review that sits under an
    // unnumbered heading or starts without one.
    const reviewed = (part: string | undefined) => part === 'review' || part === 'opening';
    eachBlock(tree, (node) => {
      const data = node.data as ReportNodeData;
      if (node.type !== 'paragraph' || !reviewed(data.part) || data.kind === 'cover') return;
      const text = toString(node);
      for (const s of sentences(text)) {
        const found = statementsIn(s.text, { qualitativeToo: false, maxLead: 10, stopAt: /[；;]/ });
        for (const st of found) {
          // A comparison ("高于全省平均10个百分点") says how it stood against others, not what happened.
          if (st.figure.kind === 'qualitative' || st.figure.value === null || st.figure.comparator === 'above-benchmark') continue;
          // 预计 before the figure, whether before the indicator or between it and the number.
          const before = s.text.slice(0, st.end);
          // 年均 (average) and 累计 (cumulative) figures describe the whole period, not the year.
          const period = st.figure.average || /累计/.test(s.text.slice(Math.max(0, st.start - 12), st.end));
          const clause = s.text.slice(s.text.slice(0, st.start).search(/[，,；;：:][^，,；;：:]*$/) + 1, st.end);
          const stated = statedYear(clause, st.figure.kind, year);
          out.push({
            ...st, start: st.start + s.start, end: st.end + s.start, paragraphId: data.id!, base: data.startOffset, line: data.line,
            horizon: period || stated.multiYear ? 'five-year' : 'annual', year: stated.year, estimate: /预计/.test(before),
          });
        }
      }
    });
  };
};
