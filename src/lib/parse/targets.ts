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
import { qualitative, readFigures, TARGET_VERB, withoutLayout } from './figures.ts';
import { findIndicators } from '../indicators.ts';
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
const ITEM_SPLIT = /[，,；;。]/g;

/** The last year of a five-year goal: "到2025年", the “十四五” period, or five years on. */
function planEnd(context: string, year: number | null): number | null {
  const to = context.match(/到((?:19|20)\d{2})年/);
  if (to) return Number(to[1]);
  const plan = context.match(/十([一二三四五六])五/);
  if (plan) return 2010 + 5 * '一二三四五六'.indexOf(plan[1]!);
  return year ? year + 4 : null;
}

/** Clauses of a targets list that explain the targets rather than state one. */
const NOT_A_TARGET = /^(并|也|这|这样|上述|以上|在实际工作中|实际工作中|努力|争取|取得|考虑|体现|主要考虑|综合考虑|统筹考虑|确定|提出|其中|是为了|既|兼顾|使|以便|从而|为此|按照|根据|围绕|坚持)|的(基础上|前提下|原则)$/;
/** …and words that give such a clause away wherever they stand, in an item that names no indicator. */
const EXPLAINS = /更好结果|考虑了|体现了|综合考虑|统筹考虑|积极进取|奋发有为|兼顾了|是为了/;
/** "三次产业分别增长4.5%、6.5%、7%", "一、二、三产增加值分别增长…", "一产、二产、三产增加值分别增长…". */
const THREE_SECTORS = /^(三次产业|第一、二、三产业|一、二、三产|一产、二产、三产|一二三产业|第一产业、第二产业、第三产业)(增加值)?(分别)?/;
const SECTORS = [
  { metric: '第一产业增加值', canonical: null },
  { metric: '第二产业增加值', canonical: null },
  { metric: '第三产业增加值', canonical: 'services-value-added' },
];

/** An item the dictionary does not know: "生态环境质量持续改善" → 生态环境质量 + 持续改善; "完成国家下达的X" → X + 完成国家下达的. */
function unknownItem(raw: string): Statement[] {
  const skip = /^(要在|要|在)(?=[\u4e00-\u9fa5]{2})/.exec(raw)?.[0].length ?? 0;
  const text = raw.slice(skip);
  const clean = withoutLayout(text);
  const verb = TARGET_VERB.exec(text);
  if (verb && verb.index >= 2) {
    const metric = text.slice(0, verb.index).replace(/[、，,\s]+$/, '').replace(/(均|都|始终|分别)$/, '');
    const predicate = text.slice(verb.index);
    const figures = readFigures(predicate, metric).filter((f) => f.value !== null || f.comparator !== 'qualitative');
    // "化学需氧量和二氧化硫排放量分别减少3.8%和2%": one subject per figure, sharing the last one's noun.
    const parts = metric.split(/[和、及]/).filter(Boolean);
    if (/分别/.test(text) && figures.length > 1 && parts.length === figures.length) {
      const noun = /(排放量|总量|产量|增加值|收入|面积)$/.exec(parts[parts.length - 1]!)?.[0] ?? '';
      return figures.map((figure, k) => ({
        metric: withoutLayout(parts[k]!.endsWith(noun) ? parts[k]! : parts[k]! + noun), canonical: null, figure, start: skip, end: raw.length,
      }));
    }
    const found = figures.length ? figures : [qualitative(predicate)];
    return found.map((figure) => ({ metric: withoutLayout(metric), canonical: null, figure, start: skip, end: raw.length }));
  }
  if (verb && verb.index === 0) {
    const of = clean.indexOf('的');
    if (of > 0 && of <= 12 && of < clean.length - 2) {
      return [{ metric: clean.slice(of + 1), canonical: null, figure: { ...qualitative(''), qualifier: clean.slice(0, of + 1) }, start: skip, end: raw.length }];
    }
  }
  return [{ metric: clean, canonical: null, figure: qualitative(''), start: skip, end: raw.length }];
}

/**
 * How far a headline's list runs: to the end of its sentence, and on over the sentences after
 * it that state further targets ("…5%左右，力争取得更好结果。一产、二产、三产增加值分别增长…。规模以上…").
 */
export function listLength(text: string): number {
  let end = text.search(/。/);
  if (end < 0) return text.length;
  for (;;) {
    const next = text.slice(end + 1);
    const stop = next.search(/。/);
    if (!statesTargets(next.slice(0, stop < 0 ? next.length : stop))) break;
    end += 1 + (stop < 0 ? next.length : stop);
    if (stop < 0) break;
  }
  return end;
}

/** A sentence that goes on with a list of targets: it opens with an indicator and its figure, or a "…指标完成…" item. */
export function statesTargets(raw: string): boolean {
  const sentence = raw.replace(/^\s*(同时|此外|另外)[，,]/, '');
  if (!sentence.trim() || NOT_A_TARGET.test(withoutLayout(sentence)) || /是一个|是一项|这是|意味着|必须|考验/.test(sentence)) return false;
  const statements = statementsIn(sentence, { qualitativeToo: false });
  return (
    THREE_SECTORS.test(sentence.trim()) ||
    Boolean(statements.length && statements[0]!.start <= 2 && statements.some((x) => x.canonical && (x.figure.value !== null || x.figure.comparator !== 'qualitative'))) ||
    /^[^，。；]{2,24}(指标|目标|任务|方面)[^，。；]{0,4}(完成|控制在|达到|符合|取得)/.test(sentence.trim())
  );
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
  let previous: Statement | null = null;
  for (const p of pieces) {
    const lead = /^[\s：:、]*(?:(其中|同时|全年)[\s：:、]*)?/.exec(p.text)![0].length;
    const text = p.text.slice(lead).replace(/[。\s]+$/, '');
    const at = (s: Statement): Statement => ({ ...s, start: s.start + p.start + lead, end: s.end + p.start + lead });
    if (text.length < 2 || NOT_A_TARGET.test(withoutLayout(text)) || /^[\d０-９]/.test(text)) continue;
    const sectors = THREE_SECTORS.exec(text);
    if (sectors) {
      const figures = readFigures(text.slice(sectors[0].length), '增加值').filter((f) => f.value !== null);
      if (figures.length === 3) {
        figures.forEach((figure, k) => out.push(at({ ...SECTORS[k]!, figure, start: 0, end: text.length })));
        continue;
      }
    }
    const found = statementsIn(text, { qualitativeToo: true });
    if (found.length) {
      const first = found[0]!;
      // "全面完成节能减排降碳和…指标": the verb stands before the indicator.
      const before = withoutLayout(text.slice(0, first.start));
      if (before.length >= 2 && TARGET_VERB.exec(before)?.index === 0 && found.every((s) => s.figure.kind === 'qualitative')) {
        for (const s of found) out.push(at({ ...s, start: 0, figure: { ...s.figure, qualifier: before } }));
      } else for (const s of found) out.push(at(s));
      previous = found[found.length - 1]!;
      continue;
    }
    // "地区生产总值跨越千亿台阶、增长7%以上": a further figure for the indicator just named.
    const figures = readFigures(text, previous?.metric ?? '');
    if (previous?.canonical && figures.length && figures[0]!.start <= 2 && figures.every((f) => f.value !== null)) {
      for (const figure of figures) out.push(at({ metric: previous.metric, canonical: previous.canonical, figure, start: 0, end: text.length }));
      continue;
    }
    // An item the dictionary does not know: keep it, as written, as a target of its own.
    if (EXPLAINS.test(text)) continue;
    for (const s of unknownItem(text)) out.push(at(s));
    previous = null;
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
    /**
     * In a five-year part without a headline sentence: "到2025年，生产总值突破1200亿元，年均增长5%左右".
     * Not a change already made: "从2015年的2.6万亿元增长到2020年的3.62万亿元" (a review of the period).
     */
    const fiveYearSentences = (text: string, para: Paragraph, context: string) => {
      const d = para.data as ReportNodeData;
      for (const m of text.matchAll(/(?<!增长|增加|提高|上升|扩大|下降|降低|减少)到((?:19|20)\d{2})年(?!的)[，,]?([^。；;]*)/g)) {
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
      // A part on both ("二、“十五五”时期目标任务和2026年工作安排") leaves it to the paragraph's own words.
      const partBoth = FIVE_YEAR.test(heading1) && /(19|20)\d{2}年|今年|年度/.test(heading1.replace(/到(19|20)\d{2}年/g, ''));
      const lead = text.slice(0, head.index + head[0].length);
      const fiveYear = (partBoth ? FIVE_YEAR.test(lead) || /纲要/.test(lead) : FIVE_YEAR.test(context)) && !/今年|年度|(19|20)\d{2}年/.test(headWords);
      const horizon = fiveYear ? 'five-year' : 'annual';
      const itemYear = fiveYear ? planEnd(context, year) : headYear ? Number(headYear) : year;
      const start = head.index + head[0].length;
      const list = text.slice(start, start + listLength(text.slice(start)));
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
        // A list cut into paragraphs at its sentence ends (a file without line breaks) goes on in the next ones.
        if (start + list.length >= text.replace(/[。\s]+$/, '').length) {
          for (let j = i + 1; j < blocks.length; j++) {
            const next = blocks[j]!;
            if (next.type !== 'paragraph') break;
            const t = toString(next);
            if (!statesTargets(t.replace(/[。\s]+$/, ''))) break;
            const n = listLength(t);
            emit(targetItems(t.slice(0, n)), next, 0);
            if (n < t.replace(/[。\s]+$/, '').length) break;
          }
        }
        return;
      }
      // "主要预期目标是：" closing its paragraph: the items are the next paragraph's first sentence.
      const next = blocks[i + 1];
      if (next?.type === 'paragraph' && (next.data as ReportNodeData).kind !== 'bullet') {
        const t = toString(next);
        emit(targetItems(t.slice(0, listLength(t))), next, 0);
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

    const paragraphs = blocks.filter((b): b is Paragraph => b.type === 'paragraph' && (b.data as ReportNodeData).kind !== 'cover');
    const push = (items: Statement[], para: Paragraph, offset: number) => {
      const d = para.data as ReportNodeData;
      for (const s of items) {
        out.push({ ...s, start: s.start + offset, end: s.end + offset, paragraphId: d.id!, base: d.startOffset, line: d.line, horizon: 'annual', year });
      }
    };
    // A targets paragraph without a headline phrase: "今年要优先稳就业保民生…城镇新增就业900万人以上，城镇调查失业率6%左右",
    // "今年国民生产总值计划增长百分之八". Read only where no headline sentence gave the year's targets.
    if (!out.some((t) => t.horizon === 'annual')) {
      for (const para of paragraphs) {
        const d = para.data as ReportNodeData;
        if (d.part === 'review' || d.part === 'government' || d.part === 'appendix') continue;
        const text = toString(para);
        const found = plannedSentences(text, year);
        if (found.length) {
          push(found, para, 0);
          break;
        }
      }
    }
    // "我们没有提出全年经济增速具体目标": a target that is explicitly not set.
    for (const para of paragraphs) {
      const d = para.data as ReportNodeData;
      if (d.part === 'review') continue;
      push(notSetStatements(toString(para)), para, 0);
    }
  };
};

/**
 * Sentences that state the coming year's figures without a headline phrase: "今年国民生产总值计划增长百分之八",
 * "综合考虑各方面因素，今年地区生产总值增长6％左右，…。固定资产投资增长10％，…". With a word of intent
 * (计划, 预期, 要, 力争) one figure is enough; without one, the sentence must state two.
 */
export function plannedSentences(text: string, year: number | null): Statement[] {
  const now = new RegExp(`(?:^|[。，,：:；])\\s*(今年|${year ?? '今年'}年)(?![以来初底末])`, 'g');
  for (const m of text.matchAll(now)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from);
    const intent = /^[^。，]{0,16}?(计划|预期|要|力争|目标)/.test(rest);
    // Cheap test first: an indicator must be named soon after 今年 (or, with intent, in the sentence).
    if (!findIndicators(intent ? rest.slice(0, Math.max(0, rest.search(/。/)) || rest.length) : rest.slice(0, 24)).length) continue;
    const list = rest.slice(0, listLength(rest));
    const statements = targetItems(list).filter((x) => x.canonical && x.figure.value !== null && x.figure.kind !== 'qualitative');
    if (statements.length >= (intent ? 1 : 2) && (intent || statements[0]!.start <= 12)) return statements.map((x) => ({ ...x, start: x.start + from, end: x.end + from }));
  }
  return [];
}

const NOT_SET = /(没有|未|不再|不)(提出|设定|设置|设|确定|规定)(?:[^，。；]{0,12}?)(具体|量化|数量|增长|增速)?(目标|指标)/;

/** "我们没有提出全年经济增速具体目标", "不设定地区生产总值增速目标": one record each, kind not-set, with its words. */
export function notSetStatements(text: string): Statement[] {
  const out: Statement[] = [];
  for (const m of text.matchAll(/[^。！？；，]+/g)) {
    const clause = m[0];
    const hit = NOT_SET.exec(clause);
    if (!hit) continue;
    const what = clause.slice(hit.index);
    const mention = findIndicators(what)[0];
    const canonical = mention?.indicator.key ?? (/经济增[速长]|增长速度/.test(what) ? 'gdp' : null);
    if (!canonical && !/增[速长]/.test(what)) continue;
    const metric = mention?.name ?? (what.match(/经济增[速长]|增长速度/)?.[0] ?? what);
    out.push({
      metric, canonical,
      figure: { kind: 'not-set', value: null, valueMax: null, unit: null, qualifier: hit[0], comparator: 'not-set', benchmark: null, average: false, start: 0, end: clause.length },
      start: m.index + (clause.length - clause.trimStart().length), end: m.index + clause.trimEnd().length,
    });
  }
  return out;
}
