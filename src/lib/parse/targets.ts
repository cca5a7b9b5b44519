/**
 * Transformer plugin: the headline targets (主要预期目标). Finds the sentence
 * "主要预期目标为：…" (also 建议主要预期目标为, 具体目标是, 主要目标是), splits it
 * into items — even where extraction lost the commas — and reads each item's
 * value, unit and qualifier. Five-year goals (今后五年, “十四五”, 年均) are kept apart.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { statementsIn, type Statement } from './extract-common.ts';
import { eachBlock } from './ids.ts';
import type { ReportNodeData } from './mdast-data.ts';

export interface RawStatement extends Statement {
  paragraphId: string;
  /** Source offset of the paragraph's first character; statement offsets are relative to it. */
  base: number;
  line: number;
  horizon: 'annual' | 'five-year';
  year: number | null;
  estimate?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    meta: { year: number | null; reviewYear: number | null };
    targets: RawStatement[];
    results: RawStatement[];
  }
}

const HEAD = /(?:((?:19|20)\d{2})年)?[^。；，,：:]{0,14}?(?:建议)?(?:主要预期目标|主要目标|预期目标|具体目标|发展目标|主要指标|奋斗目标)(?:建议)?(?:为|是|确定为|定为)?[：:]|(?:((?:19|20)\d{2})年)?[^。；，,：:]{0,14}?(?:主要预期目标|预期目标)(?:为|是)/;
const FIVE_YEAR = /今后五年|未来五年|五年(规划|目标|时期|内)|“?十[一二三四五六]五”?(时期|期间|规划期|目标)|规划期/;
const ITEM_SPLIT = /[，,；;]/g;

/** The last year of a five-year goal: "到2025年", the “十四五” period, or five years on. */
function planEnd(context: string, year: number | null): number | null {
  const to = context.match(/到((?:19|20)\d{2})年/);
  if (to) return Number(to[1]);
  const plan = context.match(/十([一二三四五六])五/);
  if (plan) return 2010 + 5 * '一二三四五六'.indexOf(plan[1]!);
  return year ? year + 4 : null;
}

/** Split the item list of a headline sentence, then read each item. */
export function targetItems(list: string): Statement[] {
  const out: Statement[] = [];
  let last = 0;
  const pieces: { text: string; start: number }[] = [];
  for (const m of list.matchAll(ITEM_SPLIT)) {
    pieces.push({ text: list.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  pieces.push({ text: list.slice(last), start: last });
  for (const p of pieces) {
    const lead = /^\s*(其中|力争|确保|同时)?\s*/.exec(p.text)![0].length;
    const text = p.text.slice(lead).replace(/[。\s]+$/, '');
    if (text.length < 2) continue;
    const found = statementsIn(text, { qualitativeToo: true });
    if (found.length) {
      for (const s of found) out.push({ ...s, start: s.start + p.start + lead, end: s.end + p.start + lead });
    } else {
      // An item the dictionary does not know: keep it, as written, as a qualitative target.
      out.push({
        metric: text, canonical: null,
        figure: { kind: 'qualitative', value: null, valueMax: null, unit: null, qualifier: null, comparator: 'qualitative', benchmark: null, average: false, start: 0, end: text.length },
        start: p.start + lead, end: p.start + lead + text.length,
      });
    }
  }
  return out;
}

export const extractTargets: Plugin<[], Root> = function () {
  return (tree, file) => {
    const year = file.data.meta?.year ?? null;
    const out: RawStatement[] = (file.data.targets = []);
    const blocks: (Heading | Paragraph)[] = [];
    eachBlock(tree, (n) => blocks.push(n));
    let heading1 = '';
    /** In a five-year part without a headline sentence: "到2025年，生产总值突破1200亿元，年均增长5%左右". */
    const fiveYearSentences = (text: string, para: Paragraph, context: string) => {
      const d = para.data as ReportNodeData;
      for (const m of text.matchAll(/到((?:19|20)\d{2})年[，,]?([^。；;]*)/g)) {
        const items = statementsIn(m[2]!, { qualitativeToo: false, maxLead: 14 }).filter((s) => s.canonical && s.figure.value !== null);
        const offset = m.index + m[0].length - m[2]!.length;
        for (const s of items) {
          out.push({
            ...s, start: s.start + offset, end: s.end + offset, paragraphId: d.id!, base: d.startOffset, line: d.line,
            horizon: 'five-year', year: Number(m[1]) || planEnd(context, year),
          });
        }
      }
    };
    blocks.forEach((node, i) => {
      if (node.type === 'heading') {
        if (node.depth === 2) heading1 = toString(node);
        return;
      }
      const data = node.data as ReportNodeData;
      if (data.kind === 'cover') return;
      const text = toString(node);
      const head = /目标|指标/.test(text) ? HEAD.exec(text) : null;
      if (!head) {
        if (FIVE_YEAR.test(heading1)) fiveYearSentences(text, node, heading1);
        return;
      }
      const headYear = head[1] ?? head[2];
      // Five-year goals: the part's heading or the words before the headline say so (今后五年, “十四五”时期).
      const context = `${heading1} ${text.slice(0, head.index + head[0].length)}`;
      const headWords = text.slice(Math.max(0, head.index - 20), head.index + head[0].length);
      const fiveYear = FIVE_YEAR.test(context) && !/今年|年度|(19|20)\d{2}年/.test(headWords);
      const horizon = fiveYear ? 'five-year' : 'annual';
      const itemYear = fiveYear ? planEnd(context, year) : headYear ? Number(headYear) : year;
      const start = head.index + head[0].length;
      const stop = text.slice(start).search(/。/);
      const list = text.slice(start, stop < 0 ? text.length : start + stop);
      const emit = (items: Statement[], para: Paragraph, offset: number) => {
        const d = para.data as ReportNodeData;
        for (const s of items) {
          out.push({
            ...s, start: s.start + offset, end: s.end + offset, paragraphId: d.id!, base: d.startOffset, line: d.line,
            horizon: s.figure.average ? 'five-year' : horizon, year: s.figure.average && !fiveYear ? planEnd(context, year) : itemYear,
          });
        }
      };
      if (list.trim()) {
        emit(targetItems(list), node, start);
        return;
      }
      // "主要预期目标是：" closing its paragraph: the items are the next paragraph's first sentence.
      const next = blocks[i + 1];
      if (next?.type === 'paragraph' && (next.data as ReportNodeData).kind !== 'bullet') {
        const t = toString(next);
        const end = t.search(/。/);
        emit(targetItems(t.slice(0, end < 0 ? t.length : end)), next, 0);
        return;
      }
      // "具体目标是：" with the goals in the "——" points that follow.
      for (let j = i + 1; j < blocks.length; j++) {
        const next = blocks[j]!;
        if (next.type !== 'paragraph' || (next.data as ReportNodeData).kind !== 'bullet') break;
        const t = toString(next);
        const body = t.replace(/^[—―-]+[^。]*。/, (m) => ' '.repeat(m.length));
        const items = targetItems(body).filter((s) => s.canonical && s.figure.kind !== 'qualitative');
        emit(items, next, 0);
      }
    });
  };
};
