/**
 * Verdicts: did the result meet the target? The rule depends on how the target
 * is worded (its comparator and qualifier as written), and every verdict comes
 * with the rule in words, so a reader can check it and disagree with it.
 *
 * The rules (also listed on the indicator pages and in /data/comparisons.json):
 * - 左右 / 上下 / 约 (about): within ±0.5 percentage points of a growth rate or a share,
 *   within ±2% of a level → met; below that → missed; above → exceeded.
 *   Targets are set in steps of half a point, so half a point is the precision they carry.
 * - no qualifier (增长6%): read as a figure to reach: at or above → met
 *   (more than the tolerance above → exceeded); below → missed.
 * - 以上 / 不低于 / 不少于 / 突破 (at least): at or above → met; more than the tolerance
 *   above → exceeded; below → missed. 超过 / 高于 are strict (equal is missed).
 * - 以内 / 不超过 / 不高于 / 控制在 (at most): at or below → met; above → missed.
 *   低于 / 不到 are strict.
 * - ranges (6%—6.5%): inside → met; below → missed; above → exceeded.
 * - 高于全省 / 全国 / 全市 (above a benchmark): graded only when the benchmark region's
 *   figure for the same indicator and year is in the data; otherwise not gradable.
 * - 与经济增长同步 (in step): graded against the same region's GDP growth of the same
 *   year when the data has it (±0.5 points → met); 不低于经济增速 → at or above.
 * - 高于全省0.5个百分点 (a margin): the benchmark plus the margin, at or above → met.
 * - results stated as bounds (超过1000亿元, 9%以上, 低于3.5%) are graded as bounds: the verdict is the one
 *   every number the bound allows would get; "at least met" (met or exceeded) is met, said so in the rule;
 *   a bound that allows both meeting and missing the target is not gradable.
 * - qualitative targets (稳中提质) are not gradable.
 * - Declines (下降3%) are mirrored: falling further than the target is exceeding it.
 * - Ceilings: for consumer prices, unemployment and the deficit ratio a target of
 *   "3%左右" or "3%" is a ceiling: at most the target (plus the tolerance for 左右) → met.
 */
import { INDICATORS, indicator } from '../indicators.ts';
import type { StatedFigure } from '../schema.ts';
import type { Verdict } from './schema.ts';

/** Half a percentage point: the step growth targets are set in. */
export const POINT_TOLERANCE = 0.5;
/** For levels (亿元, 万人 …): 2% of the target. */
export const LEVEL_TOLERANCE = 0.02;

/** Indicators where a lower figure is the aim, so an unqualified or 左右 target is a ceiling. */
export const CEILING_INDICATORS: ReadonlySet<string> = new Set(INDICATORS.filter((i) => i.ceiling).map((i) => i.key));

/** The fields of a target or a result that grading reads. */
export type GradableFigure = StatedFigure;

/** A figure to grade a benchmark target against: the province's growth, or the region's GDP growth. */
export interface BenchmarkFigure {
  /** What it is, in words: 山东省社会消费品零售总额增速, 荣成市生产总值增速. */
  label: string;
  value: number;
  unit: string | null;
}

export interface Grade {
  verdict: Verdict;
  /** The rule in words, with this case's arithmetic. */
  rule: string;
  ruleEn: string;
}

export const VERDICT_LABELS: Readonly<Record<Verdict, { zh: string; en: string }>> = {
  exceeded: { zh: '超额完成', en: 'exceeded' },
  met: { zh: '完成', en: 'met' },
  missed: { zh: '未完成', en: 'missed' },
  mixed: { zh: '分项不一', en: 'mixed (parts differ)' },
  'not-gradable': { zh: '无法评判', en: 'not gradable' },
  'check-source': { zh: '待核对原文', en: 'check source' },
  pending: { zh: '待公布', en: 'pending' },
  'review-missing': { zh: '回顾未收录', en: 'review not in collection' },
  'not-reported': { zh: '未报告', en: 'not reported' },
  'no-target': { zh: '无对应目标', en: 'no target' },
};

/** The general rules, for the methods note and the JSON download. */
export const RULES: readonly { comparator: string; zh: string; en: string }[] = [
  {
    comparator: 'about',
    zh: '“左右”“上下”“约”：增速或比重与目标相差不超过0.5个百分点、总量相差不超过2%为完成；低于此范围为未完成，高于此范围为超额完成。',
    en: 'about (左右/上下/约): within ±0.5 percentage points (growth, shares) or ±2% (levels) → met; below → missed; above → exceeded.',
  },
  {
    comparator: 'exact',
    zh: '未加限定语（如“增长6%”）：按应达到的数字理解，实际不低于目标为完成，高出0.5个百分点（总量2%）以上为超额完成，低于目标为未完成。',
    en: 'no qualifier (增长6%): a figure to reach: at or above → met; more than 0.5 points (levels: 2%) above → exceeded; below → missed.',
  },
  {
    comparator: 'at-least',
    zh: '“以上”“不低于”“不少于”“突破”：实际不低于目标为完成，高出0.5个百分点（总量2%）以上为超额完成，低于目标为未完成；“超过”“高于”须严格高于目标。',
    en: 'at least (以上/不低于/不少于/突破): at or above → met; more than 0.5 points (levels: 2%) above → exceeded; below → missed. 超过/高于 are strict.',
  },
  {
    comparator: 'at-most',
    zh: '“以内”“不超过”“不高于”“控制在”：实际不高于目标为完成，高于目标为未完成；“低于”“不到”须严格低于目标。',
    en: 'at most (以内/不超过/不高于/控制在): at or below → met; above → missed. 低于/不到 are strict.',
  },
  {
    comparator: 'range',
    zh: '区间（如“6%—6.5%”）：落在区间内为完成，低于下限为未完成，高于上限为超额完成。',
    en: 'range (6%—6.5%): inside → met; below → missed; above → exceeded.',
  },
  {
    comparator: 'above-benchmark',
    zh: '“高于全省（全国、全市）”：只有收录的上级地区报告给出同年同一指标的增速时才评判（高于为完成，否则未完成；“高于全省0.5个百分点”须高出0.5个百分点）；没有则无法评判，不作推测。',
    en: 'above a benchmark (高于全省/全国/全市): graded only when a report of the benchmark region in the collection states its figure for the same indicator and year (higher → met, else missed; 高于全省0.5个百分点 needs that margin); otherwise not gradable, never guessed.',
  },
  {
    comparator: 'in-step',
    zh: '“与经济增长同步”：与同一地区同年生产总值增速比较，相差不超过0.5个百分点为完成，低0.5个百分点以上为未完成，高0.5个百分点以上为超额完成；“不低于经济增速”须不低于生产总值增速。数据中没有同年生产总值增速则无法评判。',
    en: 'in step with the economy (与经济增长同步): compared with the same region’s GDP growth of the same year: within ±0.5 points → met; below → missed; above → exceeded. 不低于经济增速: at or above GDP growth. Not gradable when that GDP growth is not in the data.',
  },
  {
    comparator: 'bound',
    zh: '结果只给出下限或上限（“超过1000亿元”“9%以上”“低于3.5%”）：按区间评判，区间内所有数字结论相同才下结论；“至少完成”（完成或超额完成）记为完成并注明；区间内既可能完成也可能未完成则无法评判。图中以箭头标出，不当作确数。',
    en: 'results stated as bounds (超过1000亿元, 9%以上, 低于3.5%) are graded as bounds: a verdict only when every number the bound allows gets it; “at least met” counts as met and says so; a bound that allows both meeting and missing is not gradable. Charts draw bounds as arrows, never as points.',
  },
  {
    comparator: 'parts',
    zh: '分项：下一年报告没有该指标本身的数字，只分别给出城镇、农村居民收入时，两项分别与目标比较；两项结论一致则采用并注明“按分项”，不一致记为“分项不一”。全体居民增速通常介于两者之间，但城镇化可使其略高于两者。',
    en: 'parts: when the next review states only the urban and rural incomes, not the indicator itself, each is graded against the target; if both agree that verdict is used (marked “by parts”), otherwise “mixed”. The all-residents growth usually lies between the two, though urbanisation can lift it a little above both.',
  },
  {
    comparator: 'qualitative',
    zh: '定性目标（如“稳中提质”）没有数字，无法评判。',
    en: 'qualitative targets (稳中提质) have no figure and are not gradable.',
  },
  {
    comparator: 'decline',
    zh: '下降目标（如“下降3%”）反向比较：降幅大于目标为超额完成。居民消费价格、失业率、赤字率的目标按上限理解：不高于目标（“左右”可高0.5个百分点）为完成，否则未完成。',
    en: 'declines (下降3%) are mirrored: falling further is exceeding. Consumer prices, unemployment and the deficit ratio are ceilings: at most the target (+0.5 points for 左右) → met, else missed.',
  },
];

/** 6 → "6", 5.50 → "5.5", 0.1+0.2 → "0.3". */
export function formatNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** Unit scales for converting levels: 万人 = 10 000 人. */
const SCALES: Readonly<Record<string, readonly [string, number]>> = {
  元: ['元', 1], 万元: ['元', 1e4], 亿元: ['元', 1e8], 万亿元: ['元', 1e12],
  美元: ['美元', 1], 万美元: ['美元', 1e4], 亿美元: ['美元', 1e8],
  人: ['人', 1], 万人: ['人', 1e4], 人次: ['人次', 1], 万人次: ['人次', 1e4],
  吨: ['吨', 1], 万吨: ['吨', 1e4], 亩: ['亩', 1], 万亩: ['亩', 1e4], 户: ['户', 1], 万户: ['户', 1e4],
  千瓦: ['千瓦', 1], 万千瓦: ['千瓦', 1e4], '%': ['%', 1],
};

/** The base unit a unit scales (万人 → 人), or null for a unit the verdicts cannot convert. */
export function baseUnit(unit: string | null): string | null {
  return (unit && SCALES[unit]?.[0]) || null;
}

/** `value` in `from` expressed in `to`, or null when the units measure different things. */
export function convertUnit(value: number, from: string | null, to: string | null): number | null {
  if (from === to) return value;
  if (!from || !to) return null;
  const a = SCALES[from];
  const b = SCALES[to];
  if (!a || !b || a[0] !== b[0]) return null;
  return (value * a[1]) / b[1];
}

const STRICT_ABOVE = /超过|高于|快于|好于|超(?!额)/;
const STRICT_BELOW = /低于|不到/;

function pct(n: number, unit: string | null): string {
  return `${formatNumber(n)}${unit === '%' || unit === null ? '%' : unit}`;
}

interface Scale {
  tol: number;
  tolText: string;
  tolTextEn: string;
  show: (n: number) => string;
}

function scaleFor(target: GradableFigure): Scale {
  if (target.kind === 'level') {
    const tol = Math.abs(target.value ?? 0) * LEVEL_TOLERANCE;
    return { tol, tolText: '2%', tolTextEn: '2%', show: (n) => `${formatNumber(n)}${target.unit ?? ''}` };
  }
  return { tol: POINT_TOLERANCE, tolText: '0.5个百分点', tolTextEn: '0.5 percentage points', show: (n) => pct(n, target.unit) };
}

function notGradable(rule: string, ruleEn: string): Grade {
  return { verdict: 'not-gradable', rule, ruleEn };
}

/** Compare `a` with a target band: below lo → missed, above hi → exceeded, else met. */
function band(a: number, lo: number, hi: number, strictLo = false): Verdict {
  if (a < lo || (strictLo && a === lo)) return 'missed';
  if (a > hi) return 'exceeded';
  return 'met';
}

/** Round away floating-point noise before comparing stated figures (5.3 − 0.5 …). */
function r(n: number): number {
  return Number(n.toFixed(9));
}

/** 高于全省0.5个百分点: the margin a benchmark target asks for (0 when it names none). */
function benchmarkMargin(target: GradableFigure): number {
  return target.value !== null && target.unit === '个百分点' ? target.value : 0;
}

function gradeBenchmark(target: GradableFigure, a: number, bench: BenchmarkFigure | null | undefined, needed?: string): Grade {
  const q = target.qualifier ?? '';
  const inStep = target.comparator === 'in-step';
  const need = needed ?? (target.benchmark === '经济增长' ? '同一地区同年的生产总值增速' : `同年${target.benchmark ?? '上级地区'}同一指标的增速`);
  const needEn = target.benchmark === '经济增长' ? 'the same region’s GDP growth for the same year' : `the ${target.benchmark ?? 'benchmark'} figure for the same indicator and year`;
  if (!bench) {
    return notGradable(
      `目标为“${q}”，需要${need}；收录的报告中没有，无法评判，不作推测。`,
      `The target is “${q}”; grading it needs ${needEn}, which no report in the collection states, so it is not graded (never guessed).`,
    );
  }
  const b = bench.value;
  const shown = `${bench.label}${pct(b, bench.unit)}`;
  if (inStep) {
    const v = band(r(a), r(b - POINT_TOLERANCE), r(b + POINT_TOLERANCE));
    return {
      verdict: v,
      rule: `“${q}”：与${shown}相差不超过0.5个百分点为完成。本例：实际${pct(a, '%')}，${v === 'met' ? '在此范围内' : v === 'missed' ? '低于此范围' : '高于此范围'}。`,
      ruleEn: `“${q}” (in step): within 0.5 points of ${formatNumber(b)}% (${bench.label}) → met. Here: ${formatNumber(a)}%.`,
    };
  }
  const margin = benchmarkMargin(target);
  const need2 = r(b + margin);
  const strict = margin === 0 && STRICT_ABOVE.test(q) && !/不低于/.test(q);
  const ok = strict ? r(a) > need2 : r(a) >= need2;
  const by = margin ? `高出${formatNumber(margin)}个百分点（即${pct(need2, '%')}）` : '';
  return {
    verdict: ok ? 'met' : 'missed',
    rule: `“${q}”：与${shown}比较，${margin ? `不低于${by}` : strict ? '高于' : '不低于'}为完成。本例：实际${pct(a, '%')}，${ok ? '达到' : '未达到'}。`,
    ruleEn: `“${q}”: compared with ${formatNumber(b)}% (${bench.label})${margin ? ` plus ${formatNumber(margin)} points` : ''}; ${strict ? 'higher' : 'at or above'} → met. Here: ${formatNumber(a)}%.`,
  };
}

/** What a stated figure says about the true number: at least it (lower), at most it (upper), or it (null). */
export function boundOf(f: Pick<GradableFigure, 'kind' | 'value' | 'comparator'>): 'lower' | 'upper' | null {
  if (f.value === null) return null;
  const decline = f.kind === 'growth' && f.value < 0;
  if (f.comparator === 'at-least') return decline ? 'upper' : 'lower';
  if (f.comparator === 'at-most') return decline ? 'lower' : 'upper';
  return null;
}

/** A nudge past an open end of a bound (超过1000: more than 1000), and a number far beyond the other end. */
const EPS = 1e-6;
const FAR = 1e9;

/**
 * The ends of what a result stated as a bound allows: 超过1000亿元 → (1000, ∞), 9%以上 → [9, ∞),
 * 下降5%以上 → (−∞, −5], 低于3.5% → (−∞, 3.5). Each end as a number to grade at; null for a point.
 */
function boundEnds(result: GradableFigure): [number, number] | null {
  const v = result.value;
  const bound = boundOf(result);
  if (v === null || !bound) return null;
  const q = result.qualifier ?? '';
  const open = bound === 'lower' ? (result.value! < 0 ? STRICT_BELOW.test(q) : STRICT_ABOVE.test(q) && !/不低于|不少于/.test(q))
    : (result.value! < 0 ? STRICT_ABOVE.test(q) && !/不低于|不少于/.test(q) : STRICT_BELOW.test(q));
  const step = Math.max(EPS, Math.abs(v) * 1e-9);
  return bound === 'lower' ? [open ? v + step : v, v + FAR] : [v - FAR, open ? v - step : v];
}

const VERDICT_ZH: Partial<Record<Verdict, string>> = { met: '完成', exceeded: '超额完成', missed: '未完成' };

/** Grade a result stated as a bound: the verdict every number it allows would get, or "at least met". */
function gradeBound(target: GradableFigure, result: GradableFigure, ends: [number, number], opts: GradeOptions): Grade {
  const [a, b] = ends.map((x) => grade(target, { ...result, value: x, valueMax: null, comparator: 'exact', qualifier: null }, opts));
  const words = `结果只给出${boundOf(result) === 'lower' ? '下限' : '上限'}（${formatNumber(result.value!)}${result.unit ?? ''}${result.qualifier ?? ''}），按区间评判`;
  const wordsEn = `The result is stated as a ${boundOf(result) === 'lower' ? 'lower' : 'upper'} bound (${result.qualifier ?? ''} ${formatNumber(result.value!)}${result.unit ?? ''}), graded as a bound`;
  const atBound = (ends[0] > -FAR / 2 && ends[0] < FAR / 2 ? a : b)!;
  const core = atBound.rule.replace(/本例：.*$/, '').trim();
  const coreEn = atBound.ruleEn.replace(/Here:.*$/, '').trim();
  if (a!.verdict === b!.verdict) {
    if (!GRADED.has(a!.verdict)) return atBound;
    return {
      verdict: a!.verdict,
      rule: `${words}：所允许的任何数字都是${VERDICT_ZH[a!.verdict]}。${core}`,
      ruleEn: `${wordsEn}: every number it allows is ${a!.verdict}. ${coreEn}`,
    };
  }
  const set = new Set([a!.verdict, b!.verdict]);
  if (set.size === 2 && set.has('met') && set.has('exceeded')) {
    return {
      verdict: 'met',
      rule: `${words}：至少完成，是否超额完成无法判断。${core}`,
      ruleEn: `${wordsEn}: at least met; whether exceeded cannot be told. ${coreEn}`,
    };
  }
  if ([...set].every((v) => GRADED.has(v))) {
    return notGradable(
      `${words}：实际可能${VERDICT_ZH[a!.verdict]}，也可能${VERDICT_ZH[b!.verdict]}，无法评判。${core}`,
      `${wordsEn}: it allows both ${a!.verdict} and ${b!.verdict}, so it is not graded. ${coreEn}`,
    );
  }
  return [a!, b!].find((g) => !GRADED.has(g.verdict))!;
}

/** The verdicts that grade a target: met, exceeded, missed (the rest say why it cannot be graded). */
export const GRADED: ReadonlySet<Verdict> = new Set(['exceeded', 'met', 'missed']);

interface GradeOptions {
  indicatorKey: string;
  benchmark?: BenchmarkFigure | null;
  benchmarkNeed?: string;
}

/**
 * Grade a result against a target. `indicatorKey` decides ceilings (CPI …); `benchmark`
 * is the figure a benchmark target needs, when the data has it. Targets and results of
 * different kinds (a growth target, a level result) are not gradable here: pair them first.
 */
export function grade(target: GradableFigure, result: GradableFigure, opts: GradeOptions): Grade {
  const q = target.qualifier ?? '';
  if (target.comparator === 'qualitative' || target.kind === 'qualitative') {
    return notGradable(
      `定性目标（“${q || '无数字'}”）没有数字，无法评判。`,
      `A qualitative target (“${q}”) has no figure to grade against.`,
    );
  }
  if (result.value === null) return notGradable('结果没有数字，无法评判。', 'The result has no figure.');
  const ends = boundEnds(result);
  if (ends) return gradeBound(target, result, ends, opts);
  const a0 = result.value;
  if (target.value === null || target.comparator === 'above-benchmark' || target.comparator === 'in-step') {
    if (target.comparator === 'above-benchmark' || target.comparator === 'in-step' || target.benchmark) {
      if (result.unit !== '%') return notGradable('结果不是增速，无法与基准比较。', 'The result is not a growth rate.');
      return gradeBenchmark(target, a0, opts.benchmark, opts.benchmarkNeed);
    }
    return notGradable('目标没有数字，无法评判。', 'The target has no figure.');
  }
  // Same kind, and a unit the result can be expressed in.
  const a1 = target.kind === 'level' ? convertUnit(a0, result.unit, target.unit) : result.unit === target.unit ? a0 : null;
  if (a1 === null) {
    return {
      verdict: 'check-source',
      rule: `目标单位为“${target.unit ?? '无'}”，结果单位为“${result.unit ?? '无'}”，无法换算比较，请核对原文。`,
      ruleEn: `The target is in “${target.unit}”, the result in “${result.unit}”; they cannot be compared. Check the source.`,
    };
  }
  const s = scaleFor(target);
  const t0 = target.value;
  const ceiling = CEILING_INDICATORS.has(opts.indicatorKey);
  const here = (v: Verdict) => `本例：目标${s.show(t0)}${q}，实际${s.show(a1)}，${v === 'met' ? '完成' : v === 'exceeded' ? '超额完成' : '未完成'}。`;
  const hereEn = (v: Verdict) => `Here: target ${s.show(t0)} ${q}, actual ${s.show(a1)} → ${v}.`;

  if (target.comparator === 'range') {
    const hi = target.valueMax ?? t0;
    const v = band(r(a1), r(Math.min(t0, hi)), r(Math.max(t0, hi)));
    return {
      verdict: v,
      rule: `区间目标${s.show(t0)}—${s.show(hi)}：落在区间内为完成，低于下限为未完成，高于上限为超额完成。${here(v)}`,
      ruleEn: `Range ${s.show(t0)}–${s.show(hi)}: inside → met; below → missed; above → exceeded. ${hereEn(v)}`,
    };
  }
  if (target.comparator === 'at-most' || (ceiling && (target.comparator === 'about' || target.comparator === 'exact'))) {
    const allowance = target.comparator === 'about' ? s.tol : 0;
    const strict = target.comparator === 'at-most' && STRICT_BELOW.test(q);
    const limit = r(t0 + allowance);
    const ok = strict ? r(a1) < limit : r(a1) <= limit;
    const v: Verdict = ok ? 'met' : 'missed';
    const what = target.comparator === 'at-most' ? `“${q}”为上限` : `${indicator(opts.indicatorKey)?.label ?? '该指标'}目标按上限理解`;
    return {
      verdict: v,
      rule: `${what}：实际${strict ? '低于' : '不高于'}${s.show(limit)}为完成，否则未完成。${here(v)}`,
      ruleEn: `A ceiling (${q || 'no qualifier'}): ${strict ? 'below' : 'at most'} ${s.show(limit)} → met, else missed. ${hereEn(v)}`,
    };
  }
  // Declines (下降3%) are mirrored so that falling further counts as exceeding.
  const decline = target.kind === 'growth' && t0 < 0;
  const t = decline ? -t0 : t0;
  const a = decline ? -a1 : a1;
  const dir = decline ? '（下降目标，按降幅比较）' : '';
  const dirEn = decline ? ' (a decline: compared by the size of the fall)' : '';
  if (target.comparator === 'about') {
    const v = band(r(a), r(t - s.tol), r(t + s.tol));
    return {
      verdict: v,
      rule: `“${q}”：与目标相差不超过${s.tolText}为完成，低于此范围为未完成，高于此范围为超额完成${dir}。${here(v)}`,
      ruleEn: `“${q}” (about): within ±${s.tolTextEn} → met; below → missed; above → exceeded${dirEn}. ${hereEn(v)}`,
    };
  }
  if (target.comparator === 'at-least' || target.comparator === 'exact') {
    const strict = target.comparator === 'at-least' && STRICT_ABOVE.test(q) && !/不低于|不少于/.test(q);
    const v = band(r(a), r(t), r(t + s.tol), strict);
    const head = target.comparator === 'exact' ? '未加限定语的目标按应达到的数字理解' : `“${q}”`;
    const headEn = target.comparator === 'exact' ? 'No qualifier: a figure to reach' : `“${q}” (at least)`;
    return {
      verdict: v,
      rule: `${head}：实际${strict ? '高于' : '不低于'}目标为完成，高出${s.tolText}以上为超额完成，低于目标为未完成${dir}。${here(v)}`,
      ruleEn: `${headEn}: ${strict ? 'above' : 'at or above'} → met; more than ${s.tolTextEn} above → exceeded; below → missed${dirEn}. ${hereEn(v)}`,
    };
  }
  return notGradable('无法识别目标的限定方式，无法评判。', 'The way the target is qualified is not recognised.');
}
