/**
 * Plausibility checks on stated results. Some sources reach us through PDF
 * extraction that lost digits or punctuation (荣成: "规上工业增加值增长31%",
 * "实际利用外资8395美元"). A figure that fails a check is still shown exactly
 * as stated, but it is flagged "check source" and not graded.
 */
import type { ComparisonFlag } from './schema.ts';
import { convertUnit, formatNumber } from './verdicts.ts';

/** Growth rates beyond this (in %) are flagged. */
export const GROWTH_LIMIT = 30;
/** Levels this many times away from the median of the same series are flagged. */
export const MAGNITUDE_FACTOR = 10;

/** Flag codes that stop a verdict (the others are notes). */
export const BLOCKING_FLAGS: ReadonlySet<string> = new Set([
  'growth-out-of-range', 'unit-mismatch', 'magnitude', 'start-of-change', 'combined-indicator',
]);

interface FigureLike {
  kind: string;
  comparator?: string;
  value: number | null;
  unit: string | null;
  quote: string;
  metric: string;
}

/** The clause of `paragraph` that leads up to `quote`: from the last 。；，, before it. */
export function clauseBefore(paragraph: string, quote: string): string {
  const at = paragraph.indexOf(quote);
  if (at < 0) return '';
  const head = paragraph.slice(0, at);
  const cut = Math.max(...['。', '；', ';', '，', ',', '！', '？'].map((p) => head.lastIndexOf(p)));
  return head.slice(cut + 1);
}

/** The words say the figure covers several years: 年均, 累计, 五年来, 2003年以来. */
export function isMultiYear(fig: FigureLike, paragraph: string): boolean {
  const before = clauseBefore(paragraph, fig.quote);
  const digit = fig.quote.search(/\d/);
  const lead = digit < 0 ? fig.quote : fig.quote.slice(0, digit);
  if (/年均|累计|五年来|五年间|五年共|“十[一二三四五]五”(期间|时期)|(19|20)\d\d年以来|近[两三四五]年/.test(`${before}${lead}`)) return true;
  // A paragraph that opens 五年来，/过去五年，… sums up the five years: its rates and its 新增 counts are for the
  // period (national-2018: 五年来，…城镇新增就业6600万人以上; 能耗下降20%以上), while a level it states is the
  // last year's (地区生产总值超过千亿元).
  // …unless the sentence names its year (五年来，…2012年全省生产总值26575亿元，同比增长9.6%).
  const flow = fig.kind === 'growth' || /新增|增加|新建|共/.test(`${fig.metric}${fig.quote}`);
  if (!flow || !/^[\s—]*(过去|这|近)?五年(来|间|中|里)?[，,：:]/.test(paragraph)) return false;
  const at = paragraph.indexOf(fig.quote);
  const sentence = at < 0 ? '' : paragraph.slice(Math.max(...['。', '；', ';'].map((p) => paragraph.lastIndexOf(p, at))) + 1, at + fig.quote.length);
  return !/(19|20)\d\d年(?!以来|来)|同比|比上年|去年|上年/.test(sentence);
}

/** Checks that need only the figure and its paragraph. */
export function figureFlags(fig: FigureLike, paragraph: string, opts: { combinedIndicator: boolean }): ComparisonFlag[] {
  const flags: ComparisonFlag[] = [];
  // A lower bound at the limit (超过30%) is as implausible as a figure beyond it.
  const bound = fig.comparator === 'at-least' && fig.value !== null && fig.value > 0;
  if (fig.kind === 'growth' && fig.unit === '%' && fig.value !== null && (Math.abs(fig.value) > GROWTH_LIMIT || (bound && fig.value >= GROWTH_LIMIT))) {
    flags.push({
      code: 'growth-out-of-range',
      message: `报告写作“${fig.quote}”：增速超过±${GROWTH_LIMIT}%，文本提取时可能丢失了小数点或数字，请核对原文。`,
    });
  }
  const at = paragraph.indexOf(fig.quote);
  const after = at >= 0 ? paragraph.slice(at + fig.quote.length, at + fig.quote.length + 6) : '';
  if (/由\s*[\d.]+\s*(%|％)?$/.test(fig.quote) && /^(提高|提升|增加|上升|扩大|下降|降低|减少)/.test(after)) {
    flags.push({
      code: 'start-of-change',
      message: `“${fig.quote}${after.slice(0, 3)}…”中的数字是变化的起点，不是当年的数字。`,
    });
  }
  if (opts.combinedIndicator && fig.value !== null) {
    flags.push({
      code: 'combined-indicator',
      message: `“${fig.quote}”只读到一个数字，无法确定它属于城镇还是农村居民，请核对原文。`,
    });
  }
  return flags;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Levels of one series (one region, one indicator, every year) that are ten times or more
 * away from the others: the median of all of them when there are three or more, the other one
 * when there are two. Returns the ids flagged, with their message.
 */
export function magnitudeFlags(series: { id: string; value: number; unit: string | null; quote: string }[]): Map<string, ComparisonFlag> {
  const out = new Map<string, ComparisonFlag>();
  // The series' most common unit (1.65亿美元, 1.25亿美元, 8395美元 → 亿美元), so the message reads as the reports do.
  const units = series.map((s) => s.unit);
  const unit = [...new Set(units)].sort((a, b) => units.filter((u) => u === b).length - units.filter((u) => u === a).length)[0] ?? null;
  const conv = series
    .map((s) => ({ ...s, v: convertUnit(s.value, s.unit, unit) }))
    .filter((s): s is typeof s & { v: number } => s.v !== null && s.v > 0);
  if (conv.length < 2) return out;
  for (const s of conv) {
    const ref = conv.length === 2 ? conv.find((o) => o !== s)!.v : median(conv.map((c) => c.v));
    const ratio = s.v / ref;
    if (ratio >= MAGNITUDE_FACTOR || ratio <= 1 / MAGNITUDE_FACTOR) {
      out.set(s.id, {
        code: 'magnitude',
        message: `“${s.quote}”与本地区其他年份所述数字（约${formatNumber(Number(ref.toPrecision(3)))}${unit ?? ''}）相差${MAGNITUDE_FACTOR}倍以上，单位或数字可能在提取时丢失，请核对原文。`,
      });
    }
  }
  return out;
}

/**
 * A level target and its result ten times or more apart (人均生产总值10000元 read as a target for
 * 生产总值, against 1737.6亿元): not the same measure, or a unit lost. Flagged, not graded.
 */
export function pairMagnitudeFlag(target: FigureLike, result: FigureLike): ComparisonFlag | null {
  if (target.kind !== 'level' || result.kind !== 'level' || target.value === null || result.value === null) return null;
  const r = convertUnit(result.value, result.unit, target.unit);
  if (r === null || r <= 0 || target.value <= 0) return null;
  const ratio = r / target.value;
  if (ratio < MAGNITUDE_FACTOR && ratio > 1 / MAGNITUDE_FACTOR) return null;
  return {
    code: 'magnitude',
    message: `目标“${target.quote}”与结果“${result.quote}”相差${MAGNITUDE_FACTOR}倍以上：可能不是同一口径（如人均与总量），或提取时丢失了单位，请核对原文。`,
  };
}
