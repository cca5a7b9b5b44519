/**
 * One year's targets for one indicator across every region that set one, as a
 * distribution: each city (or county) a point on its province's row, the province's own
 * target and the nation's marked beside them where the corpus has those reports, so a
 * reader sees at once which cities set a higher figure than their province (层层加码).
 *
 * Pure: comparison records (src/lib/compare) and the regions of the documents in, plain
 * numbers out; the year page lays them out in HTML and the CSV endpoint writes the same
 * rows. Only percentages are compared (growth rates and shares): levels of different
 * regions are not comparable. A range (6%—6.5%) is placed at its middle.
 */
import type { Comparison } from '../lib/compare/index.ts';
import type { Division, Region } from '../lib/index.ts';
import { provinceKey, provinceOf } from './navigation.ts';
import { yearDistributionCsvPath } from './urls.ts';

/** A target as stated, with the number the distribution places it at. */
export interface PlacedTarget {
  slug: string;
  name: string;
  shortName: string;
  level: Region['level'];
  code: string | null;
  /** 增长5.5%左右, 6%—6.5%. */
  stated: string;
  value: number;
  valueMax: number | null;
  /** Where it is placed: the value, or the middle of a range. */
  at: number;
  qualifier: string | null;
  /** The sentence on the site. */
  url: string;
  comparisonId: string;
  verdict: Comparison['verdict'];
  verdictLabel: string;
  resultStated: string | null;
}

export type Relation = 'above' | 'equal' | 'below';

export interface DistPoint extends PlacedTarget {
  province: Division | null;
  /** This point minus its province's target, in percentage points (null: no province target in the corpus). */
  diff: number | null;
  relation: Relation | null;
  /** Row level when points would overlap (0 = on the line). */
  stack: number;
}

export interface DistRow {
  province: Division;
  /** The province's own target for the year, when its report is in the corpus. */
  target: PlacedTarget | null;
  points: DistPoint[];
  /** Levels used by stacked points (1 when none overlap). */
  stacks: number;
}

export interface Distribution {
  /** Element id and CSV name: dist-2024-gdp-growth. */
  id: string;
  year: number;
  indicator: { key: string; label: string };
  measure: 'growth' | 'share';
  title: string;
  national: PlacedTarget | null;
  rows: DistRow[];
  /** Every city and county point, in row order. */
  points: DistPoint[];
  counts: Record<Relation, number> & { noProvince: number };
  /** Axis range and ticks, in %. */
  axis: { min: number; max: number; ticks: number[] };
  csvPath: string;
  /** In words, for readers without the picture. */
  summary: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const fmt = (x: number) => String(round(x));

function placed(c: Comparison, region: Region | undefined): PlacedTarget | null {
  const t = c.target;
  if (!t || t.value === null || (t.unit ?? '%') !== '%') return null;
  return {
    slug: c.region.slug,
    name: c.region.name,
    shortName: c.region.shortName,
    level: region?.level ?? 'unknown',
    code: c.region.code,
    stated: t.stated,
    value: t.value,
    valueMax: t.valueMax,
    at: round(t.valueMax !== null ? (t.value + t.valueMax) / 2 : t.value),
    qualifier: t.qualifier,
    url: t.url,
    comparisonId: c.id,
    verdict: c.verdict,
    verdictLabel: c.verdictLabel,
    resultStated: c.result?.stated ?? null,
  };
}

function niceAxis(values: number[]): Distribution['axis'] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = Math.max(hi - lo, 1);
  const step = span <= 3 ? 0.5 : span <= 8 ? 1 : span <= 20 ? 2 : span <= 50 ? 5 : 10;
  // A quarter step of room at each end, so no marker sits on the frame.
  lo = Math.floor((lo - step / 4) / step) * step;
  hi = Math.ceil((hi + step / 4) / step) * step;
  if (hi === lo) hi = lo + step;
  const ticks: number[] = [];
  for (let x = lo; x <= hi + 1e-9; x += step) ticks.push(round(x));
  return { min: lo, max: hi, ticks };
}

/**
 * Stack points that would overlap: each takes the lowest level free within `bin` of its place.
 * The province's own target (`taken`) holds its place on the bottom level, so it hides no city.
 */
function stack(points: DistPoint[], bin: number, taken: number | null = null): number {
  const levels: number[][] = taken === null ? [] : [[taken]];
  for (const p of points) {
    let k = 0;
    while (levels[k]?.some((x) => Math.abs(x - p.at) < bin)) k++;
    (levels[k] ??= []).push(p.at);
    p.stack = k;
  }
  return Math.max(1, levels.length);
}

/**
 * The distributions of one year: one per indicator and measure (growth, share) with at
 * least `minPoints` cities or counties that set a target in %. `regions` gives each
 * comparison's region (level and GB/T 2260 parents) by slug.
 */
export function yearDistributions(all: readonly Comparison[], regions: ReadonlyMap<string, Region>, year: number, minPoints = 2): Distribution[] {
  const rows = all.filter((c) => c.year === year && c.horizon === 'annual' && (c.measure === 'growth' || c.measure === 'share'));
  const groups = new Map<string, Comparison[]>();
  for (const c of rows) {
    const k = `${c.indicator.key}|${c.measure}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const out: Distribution[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const measure = first.measure as Distribution['measure'];
    let national: PlacedTarget | null = null;
    const provinceTargets = new Map<string, PlacedTarget>();
    const points: DistPoint[] = [];
    for (const c of group) {
      const region = regions.get(c.region.slug);
      const t = placed(c, region);
      if (!t || !region) continue;
      if (region.level === 'national') national = t;
      else if (region.level === 'province') provinceTargets.set(provinceKey(region), t);
      else if (region.level === 'prefecture' || region.level === 'county') {
        points.push({ ...t, province: provinceOf(region), diff: null, relation: null, stack: 0 });
      }
    }
    if (points.length < minPoints) continue;
    for (const p of points) {
      const prov = p.province ? provinceTargets.get(provinceKey(p.province)) : undefined;
      if (!prov) continue;
      p.diff = round(p.at - prov.at);
      p.relation = Math.abs(p.diff) < 1e-9 ? 'equal' : p.diff > 0 ? 'above' : 'below';
    }
    // Rows: every province with a point or a target of its own, in GB/T 2260 order.
    const byProvince = new Map<string, DistRow>();
    const row = (d: Division) => {
      const k = provinceKey(d);
      const r = byProvince.get(k) ?? { province: d, target: provinceTargets.get(k) ?? null, points: [], stacks: 1 };
      byProvince.set(k, r);
      return r;
    };
    for (const p of points) if (p.province) row(p.province).points.push(p);
    for (const [k, t] of provinceTargets) if (!byProvince.has(k)) row({ name: t.name, code: t.code, level: 'province' });
    const ordered = [...byProvince.values()].sort(
      (a, b) => (a.province.code ?? '').localeCompare(b.province.code ?? '') || a.province.name.localeCompare(b.province.name, 'zh-CN'),
    );
    const values = [
      ...points.flatMap((p) => [p.value, p.valueMax ?? p.value]),
      ...[...provinceTargets.values()].map((t) => t.at),
      ...(national ? [national.at] : []),
    ];
    const axis = niceAxis(values);
    const bin = (axis.max - axis.min) / 45;
    for (const r of ordered) {
      r.points.sort((a, b) => a.at - b.at || (a.code ?? '').localeCompare(b.code ?? ''));
      r.stacks = stack(r.points, bin, r.target?.at ?? null);
    }
    const inRows = ordered.flatMap((r) => r.points);
    const counts = {
      above: inRows.filter((p) => p.relation === 'above').length,
      equal: inRows.filter((p) => p.relation === 'equal').length,
      below: inRows.filter((p) => p.relation === 'below').length,
      noProvince: inRows.filter((p) => p.relation === null).length,
    };
    const label = first.indicator.label;
    const title = `${year}年各地${label}${measure === 'growth' && !label.endsWith('增速') ? '增速' : ''}目标`.replace('各地地区', '各地');
    const ats = inRows.map((p) => p.at).sort((a, b) => a - b);
    const median = ats.length % 2 ? ats[(ats.length - 1) / 2]! : (ats[ats.length / 2 - 1]! + ats[ats.length / 2]!) / 2;
    const compared = counts.above + counts.equal + counts.below;
    const summary =
      (ats[0] === ats[ats.length - 1]
        ? `${inRows.length}个市县的目标都是${fmt(ats[0]!)}%`
        : `${inRows.length}个市县的目标在${fmt(ats[0]!)}%到${fmt(ats[ats.length - 1]!)}%之间，中位数${fmt(median)}%`) +
      (national ? `；全国目标${national.stated}` : '；收录的报告中没有当年全国目标') +
      (compared
        ? `；有所在省份目标可比的${compared}个中，${counts.above}个高于省目标，${counts.equal}个与省目标相同，${counts.below}个低于省目标`
        : '；收录的报告中没有这些市县所在省份的当年目标') +
      '。';
    out.push({
      id: `dist-${year}-${first.indicator.key}-${measure}`,
      year,
      indicator: { key: first.indicator.key, label },
      measure,
      title,
      national,
      rows: ordered,
      points: inRows,
      counts,
      axis,
      csvPath: yearDistributionCsvPath(year, first.indicator.key, measure),
      summary,
    });
  }
  // Most regions first: the headline indicators (GDP) lead.
  return out.sort((a, b) => b.points.length - a.points.length || a.id.localeCompare(b.id));
}

/** The CSV rows of a distribution: the nation, each province's target, then every point. */
export const DISTRIBUTION_COLUMNS = [
  'year', 'indicator', 'measure', 'role', 'region', 'code', 'level', 'province', 'province_code', 'target_stated', 'value', 'value_max', 'placed_at',
  'province_target_stated', 'province_target_at', 'diff_vs_province', 'relation', 'national_target_stated', 'national_target_at', 'url',
] as const;

export function distributionRows(d: Distribution, origin: string): Record<(typeof DISTRIBUTION_COLUMNS)[number], string | number | null>[] {
  const abs = (u: string) => new URL(u, origin).href;
  const base = { year: d.year, indicator: d.indicator.key, measure: d.measure };
  const nat = { national_target_stated: d.national?.stated ?? null, national_target_at: d.national?.at ?? null };
  const row = (role: string, t: PlacedTarget, province: Division | null, prov: PlacedTarget | null, diff: number | null, relation: Relation | null) => ({
    ...base, role, region: t.name, code: t.code, level: t.level, province: province?.name ?? null, province_code: province?.code ?? null,
    target_stated: t.stated, value: t.value, value_max: t.valueMax, placed_at: t.at,
    province_target_stated: prov?.stated ?? null, province_target_at: prov?.at ?? null, diff_vs_province: diff, relation, ...nat, url: abs(t.url),
  });
  return [
    ...(d.national ? [row('national', d.national, null, null, null, null)] : []),
    ...d.rows.flatMap((r) => [
      ...(r.target ? [row('province', r.target, r.province, null, null, null)] : []),
      ...r.points.map((p) => row(p.level, p, p.province, r.target, p.diff, p.relation)),
    ]),
  ];
}

/**
 * Markers one year page draws at most before its distributions after the first (the one with the
 * most regions, GDP as a rule) move to pages of their own, /years/<year>/<indicator>-<measure>/:
 * a year of a hundred cities has some 600 markers and their tables, a 0.8 MB page.
 */
export const YEAR_PAGE_MARKERS = 300;

/** Which of a year's distributions its page draws, and which get pages of their own. */
export function splitDistributions<D extends { points: readonly unknown[] }>(distributions: readonly D[]): { inline: D[]; own: D[] } {
  const markers = distributions.reduce((n, d) => n + d.points.length, 0);
  return markers <= YEAR_PAGE_MARKERS ? { inline: [...distributions], own: [] } : { inline: distributions.slice(0, 1), own: distributions.slice(1) };
}

/** The indicator|measure pairs a year page draws as distributions (its other charts skip them). */
export function distributionKeys(distributions: readonly Distribution[]): Set<string> {
  return new Set(distributions.map((d) => `${d.indicator.key}|${d.measure}`));
}
