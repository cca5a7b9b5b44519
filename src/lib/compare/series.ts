/**
 * Chart series built from comparison records: one series per chart, holding
 * exactly the numbers the chart plots, the table beside it and its CSV, so the
 * three cannot drift apart. Pure and browser-safe; the page embeds a series as
 * JSON and the chart element reads it.
 *
 * - by years: one region, one indicator, one measure (growth, level, share), annual rows;
 * - by regions: one year, one indicator, one measure, every region with a figure.
 * Levels are converted to the indicator's unit for plotting (7600人 → 0.76万人); the
 * table and the CSV keep the words as stated beside the plotted number.
 */
import type { Comparison } from './schema.ts';
import { INDICATORS } from '../indicators.ts';
import { BLOCKING_FLAGS } from './plausibility.ts';
import { GRADED, convertUnit, formatNumber } from './verdicts.ts';

export interface SeriesPoint {
  /** x label: the year (by years) or the region's short name (by regions). */
  label: string;
  comparisonId: string | null;
  year: number;
  region: string;
  /** Plotted numbers (null: nothing plotted). */
  target: number | null;
  result: number | null;
  targetStated: string | null;
  resultStated: string | null;
  targetUrl: string | null;
  resultUrl: string | null;
  estimate: boolean;
  /**
   * The stated figure is a bound, not a point (超过1000亿元: lower; 低于3.5%: upper): the chart draws
   * an arrow from the plotted number, the table and the CSV say 下限/上限.
   */
  targetBound: 'lower' | 'upper' | null;
  resultBound: 'lower' | 'upper' | null;
  /** The result looks implausible: drawn with its own marker, not graded. */
  check: boolean;
  /** Why the figure should be checked, in words (shown beside it on the page), or null. */
  checkNote: string | null;
  /** Results stated only by parts (城镇 and 农村 incomes for a 居民收入 target), each plotted on its own. */
  parts: SeriesPart[];
  verdict: Comparison['verdict'] | null;
  verdictLabel: string;
  summary: string;
}

export interface SeriesPart {
  /** Short label: 城镇, 农村. */
  label: string;
  value: number | null;
  stated: string;
  url: string;
  estimate: boolean;
  bound: 'lower' | 'upper' | null;
  verdictLabel: string;
}

export interface Series {
  /** Element id and file name: region-rongcheng-gdp-growth, year-2024-gdp-growth. */
  id: string;
  by: 'years' | 'regions';
  title: string;
  indicator: { key: string; label: string; en: string };
  measure: 'growth' | 'level' | 'share';
  /** Unit of the plotted numbers. */
  unit: string;
  points: SeriesPoint[];
  /** One sentence in words: what a reader without the picture needs. */
  summary: string;
  /** A caveat shown under the chart (levels across reports). */
  note: string | null;
  /** Site path of the CSV with exactly the plotted numbers. */
  csvPath: string;
}

const MEASURE_WORD: Record<Series['measure'], string> = { growth: '增速', level: '总量', share: '占比' };
/** 生产总值 + 增速; 高新技术产业产值占比 stays as it is. */
function withMeasure(name: string, measure: Series['measure']): string {
  const word = MEASURE_WORD[measure];
  return name.endsWith(word) ? name : `${name}${word}`;
}

const INDICATOR_ORDER = new Map(INDICATORS.map((ind, i) => [ind.key, i]));
const LEVEL_NOTE = '总量按各年报告所述列出；后一年的报告可能采用修订后的统计数据，不同报告所述总量未必可比，这里不作平滑或修订。';

function plotted(c: Comparison, side: 'target' | 'result', unit: string): number | null {
  const s = c[side];
  if (!s || s.value === null) return null;
  if (c.measure !== 'level') return s.unit === unit || (s.unit === '%' && unit === '%') ? s.value : null;
  const v = convertUnit(s.value, s.unit, unit);
  return v === null ? null : Number(v.toPrecision(12));
}

function unitFor(rows: Comparison[], measure: Series['measure']): string {
  if (measure !== 'level') return '%';
  const ind = rows[0]!.indicator.unit;
  if (ind && rows.some((r) => [r.target, r.result].some((s) => s && convertUnit(1, s.unit, ind) !== null))) return ind;
  return rows.flatMap((r) => [r.target?.unit, r.result?.unit]).find((u): u is string => Boolean(u)) ?? '';
}

function point(c: Comparison, label: string, unit: string): SeriesPoint {
  return {
    label,
    comparisonId: c.id,
    year: c.year,
    region: c.region.shortName,
    target: plotted(c, 'target', unit),
    result: plotted(c, 'result', unit),
    targetStated: c.target?.stated ?? null,
    resultStated: c.result?.stated ?? null,
    targetUrl: c.target?.url ?? null,
    resultUrl: c.result?.url ?? null,
    estimate: c.result?.estimate ?? (c.parts.length > 0 && c.parts.every((p) => p.result.estimate)),
    targetBound: c.target?.bound ?? null,
    resultBound: c.result?.bound ?? null,
    check: c.verdict === 'check-source' || c.flags.some((f) => BLOCKING_FLAGS.has(f.code)),
    checkNote: c.result?.check ?? c.target?.check ?? (c.verdict === 'check-source' ? c.rule : null),
    parts: c.parts.map((p) => ({
      label: partLabel(p.indicator.label),
      value: p.result.unit === unit ? p.result.value : null,
      stated: p.result.stated,
      url: p.result.url,
      estimate: p.result.estimate,
      bound: p.result.bound,
      verdictLabel: p.verdictLabel,
    })),
    verdict: c.verdict,
    verdictLabel: c.verdictLabel,
    summary: c.summary,
  };
}

/** 城镇居民人均可支配收入 → 城镇. */
export function partLabel(label: string): string {
  return label.replace(/居民人均可支配收入$/, '') || label;
}

function emptyPoint(label: string, year: number, region: string): SeriesPoint {
  return {
    label, comparisonId: null, year, region, target: null, result: null, targetStated: null, resultStated: null,
    targetUrl: null, resultUrl: null, estimate: false, targetBound: null, resultBound: null, check: false, checkNote: null, parts: [],
    verdict: null, verdictLabel: '', summary: `${label}：无数据。`,
  };
}

/** Points a summary lists one by one; beyond this it counts the verdicts and lists the latest few. */
const SUMMARY_POINTS = 6;
const SUMMARY_LATEST = 3;

function sentence(title: string, points: SeriesPoint[], by: Series['by']): string {
  const withData = points.filter((p) => p.comparisonId);
  const say = (ps: SeriesPoint[]) => ps.map((p) => p.summary.replace(/。$/, '')).join('；');
  if (withData.length <= SUMMARY_POINTS) return `${title}：${say(withData)}。`;
  // A long series in one sentence would bury the chart: the span, the verdicts counted, the latest points.
  // In the order the region page's own count uses: met, exceeded, missed.
  const counts = new Map<string, number>();
  for (const v of ['met', 'exceeded', 'missed'] as const) {
    const ps = withData.filter((p) => p.verdict === v);
    if (ps.length) counts.set(ps[0]!.verdictLabel, ps.length);
  }
  const graded = withData.filter((p) => p.verdict && GRADED.has(p.verdict)).length;
  const span = by === 'years' ? `${withData[0]!.label}–${withData.at(-1)!.label}年共 ${withData.length} 年有数字` : `${withData.length} 个地区有数字`;
  const verdicts = graded ? `，可评判的 ${graded} 项中${[...counts].map(([label, n]) => `${label} ${n} 项`).join('、')}` : '';
  const latest = by === 'years' ? `；最近：${say(withData.slice(-SUMMARY_LATEST))}` : '';
  return `${title}：${span}${verdicts}${latest}。逐项数字见数据表。`;
}

const chartable = (c: Comparison): c is Comparison & { measure: Series['measure'] } =>
  c.horizon === 'annual' && c.measure !== 'qualitative' && (c.target?.value != null || c.result?.value != null || c.parts.length > 0);

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const MEASURE_ORDER: readonly string[] = ['growth', 'level', 'share'];
function byIndicator(a: Series, b: Series): number {
  return (
    (INDICATOR_ORDER.get(a.indicator.key) ?? 99) - (INDICATOR_ORDER.get(b.indicator.key) ?? 99) ||
    MEASURE_ORDER.indexOf(a.measure) - MEASURE_ORDER.indexOf(b.measure)
  );
}

/** One region's series across years: one per indicator and measure with a number to plot. */
export function regionSeries(all: Comparison[], slug: string): Series[] {
  const rows = all.filter((c) => c.region.slug === slug && chartable(c));
  const out: Series[] = [];
  for (const group of groupBy(rows, (c) => `${c.indicator.key}|${c.measure}`).values()) {
    const first = group[0]!;
    const measure = first.measure as Series['measure'];
    const unit = unitFor(group, measure);
    const years = group.map((c) => c.year);
    const byYear = new Map(group.map((c) => [c.year, c]));
    const points: SeriesPoint[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      const c = byYear.get(y);
      points.push(c ? point(c, String(y), unit) : emptyPoint(String(y), y, first.region.shortName));
    }
    const title = withMeasure(`${first.region.name}${first.indicator.label}`, measure);
    out.push(series(`region-${slug}`, 'years', title, first, measure, unit, points, slug));
  }
  return out.sort(byIndicator);
}

/** A series record: ids, summary sentence, caveat and CSV path follow from what it plots. */
function series(
  prefix: string, by: Series['by'], title: string, first: Comparison, measure: Series['measure'], unit: Series['unit'],
  points: SeriesPoint[], csvName: string,
): Series {
  return {
    id: `${prefix}-${first.indicator.key}-${measure}`,
    by,
    title,
    indicator: { key: first.indicator.key, label: first.indicator.label, en: first.indicator.en },
    measure,
    unit,
    points,
    summary: sentence(title, points, by),
    note: measure === 'level' ? LEVEL_NOTE : null,
    csvPath: `/indicators/${first.indicator.key}/${csvName}-${measure}.csv`,
  };
}

/** One year's series across regions: the same indicator's target (and result) in every region. */
export function yearSeries(all: Comparison[], year: number): Series[] {
  const rows = all.filter((c) => c.year === year && chartable(c));
  const out: Series[] = [];
  for (const group of groupBy(rows, (c) => `${c.indicator.key}|${c.measure}`).values()) {
    const first = group[0]!;
    const measure = first.measure as Series['measure'];
    const unit = unitFor(group, measure);
    const sorted = [...group].sort((a, b) => a.region.slug.localeCompare(b.region.slug));
    const points = sorted.map((c) => ({ ...point(c, c.region.shortName, unit), summary: `${c.region.shortName}${c.summary}` }));
    const title = withMeasure(`${year}年各地${first.indicator.label}`.replace('各地地区', '各地'), measure);
    out.push(series(`year-${year}`, 'regions', title, first, measure, unit, points, String(year)));
  }
  return out.sort(byIndicator);
}

/** Beyond this many regions a chart with a column per region is unreadable: the year pages list them in a table. */
export const MAX_CHART_REGIONS = 15;

/**
 * The year series a year page draws: two regions or more (a lone region's figures stay in the
 * table), at most MAX_CHART_REGIONS, and not an indicator|measure the page draws otherwise (`skip`:
 * its distributions).
 */
export function chartedYearSeries(all: Comparison[], year: number, skip: ReadonlySet<string> = new Set()): Series[] {
  return yearSeries(all, year).filter((s) => s.points.length > 1 && s.points.length <= MAX_CHART_REGIONS && !skip.has(`${s.indicator.key}|${s.measure}`));
}

/**
 * Every series a chart is drawn for, so every CSV a chart links to (the indicator pages serve
 * them): each region's, and each year's that its year page draws. `yearPages`, when given: the
 * years that have a page, each with the indicator|measure pairs drawn there as distributions instead.
 */
export function allSeries(all: Comparison[], yearPages?: ReadonlyMap<number, ReadonlySet<string>>): Series[] {
  const slugs = [...new Set(all.map((c) => c.region.slug))].sort();
  const years = [...new Set(all.map((c) => c.year))].filter((y) => !yearPages || yearPages.has(y)).sort((a, b) => a - b);
  return [...slugs.flatMap((s) => regionSeries(all, s)), ...years.flatMap((y) => chartedYearSeries(all, y, yearPages?.get(y)))];
}
