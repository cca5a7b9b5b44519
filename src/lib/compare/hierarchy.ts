/**
 * Target-setting across the hierarchy (层层加码): for a year and an indicator that a county or a
 * city and its parents (the city, the province, the nation) all set targets for, the gap between
 * the targets. Built from the comparison rows' target sides, so every figure links to its sentence.
 *
 * - growth rates and shares only (levels differ in scale from one level of government to the next);
 * - the gap is the region's figure minus the parent's, in percentage points, signed;
 * - `ambition` says which way the gap points: for most indicators a higher target is the more
 *   ambitious one (加码); for ceilings (prices, unemployment, the deficit) and for declines
 *   (能耗下降3%) the lower figure is;
 * - a target stated relative to its parent (增速高于全省) has no number: it is listed, gap null;
 * - qualifiers are kept: 8%以上 beside 6.5%左右 is a gap of 1.5 points between a floor and a point,
 *   and the note says so.
 * Pure and browser-safe: the year page's distribution chart can use it on the rows it already has.
 */
import type { Comparison, ComparisonSide } from './schema.ts';
import { INDICATORS, indicator as indicatorByKey } from '../indicators.ts';
import { formatNumber } from './verdicts.ts';

type Level = Comparison['region']['level'];
export type HierarchyRegion = Pick<Comparison['region'], 'slug' | 'name' | 'shortName' | 'code' | 'level'>;

export interface HierarchyGap {
  /** Stable id: <region>-<parent>-<indicator>-<measure>-<year>. */
  id: string;
  year: number;
  indicator: { key: string; label: string };
  measure: 'growth' | 'share';
  region: HierarchyRegion;
  parent: HierarchyRegion;
  /** How far up the parent is: 1 for the nearest (a county's city), 2 next, …; the nation last. */
  distance: number;
  target: ComparisonSide;
  parentTarget: ComparisonSide;
  /** region − parent, in percentage points; null when either target has no number (高于全省). */
  gap: number | null;
  /** more: the region asks for more than its parent (加码); less: for less; same: equal targets. */
  ambition: 'more' | 'less' | 'same' | null;
  /** What a reader must know to read the gap: qualifiers that differ, a range, a benchmark target. */
  note: string | null;
  /** Row ids the two targets come from. */
  rowId: string;
  parentRowId: string;
}

const INDICATOR_ORDER = new Map(INDICATORS.map((ind, i) => [ind.key, i]));
const LEVEL_ORDER: Record<Level, number> = { national: 0, province: 1, prefecture: 2, county: 3, unknown: 4 };

const usable = (c: Comparison): c is Comparison & { target: ComparisonSide; measure: 'growth' | 'share' } =>
  c.horizon === 'annual' && c.target !== null && (c.measure === 'growth' || c.measure === 'share') &&
  (c.target.value !== null || c.target.comparator === 'above-benchmark' || c.target.comparator === 'in-step');

/** The region's ancestors with their distance, the nation last (its code is 100000 in the division list). */
function ancestors(region: Comparison['region']): { name: string; code: string | null; level: Level; distance: number }[] {
  if (region.level === 'national') return [];
  const up = region.parents.filter((p) => p.level !== 'national').map((p, i) => ({ ...p, distance: i + 1 }));
  return [...up, { name: '全国', code: '100000', level: 'national' as const, distance: up.length + 1 }];
}

function sameRegion(a: { name: string; code: string | null; level: Level }, r: Comparison['region']): boolean {
  if (a.level === 'national') return r.level === 'national';
  return (a.code !== null && a.code === r.code) || a.name === r.name;
}

function ambitionOf(key: string, gap: number, parentValue: number): HierarchyGap['ambition'] {
  if (Math.abs(gap) < 1e-9) return 'same';
  const lowerIsMore = Boolean(indicatorByKey(key)?.ceiling) || parentValue < 0;
  return gap > 0 !== lowerIsMore ? 'more' : 'less';
}

/** 控制在以内 and 以内 say the same. */
const plainQualifier = (q: string | null) => (q ?? '').replace(/^控制在/, '') || '无';

function noteFor(t: ComparisonSide, p: ComparisonSide): string | null {
  if (t.value === null) return `目标为“${t.qualifier ?? t.stated}”，没有数字，不计差距；${p.stated}为上级目标。`;
  if (p.value === null) return `上级目标为“${p.qualifier ?? p.stated}”，没有数字，不计差距。`;
  const notes: string[] = [];
  if (plainQualifier(t.qualifier) !== plainQualifier(p.qualifier)) notes.push(`限定语不同（${plainQualifier(t.qualifier)}／${plainQualifier(p.qualifier)}）`);
  if (t.valueMax !== null || p.valueMax !== null) notes.push('区间目标按下限计');
  return notes.length ? `${notes.join('；')}。` : null;
}

function pick(c: Comparison['region']): HierarchyRegion {
  return { slug: c.slug, name: c.name, shortName: c.shortName, code: c.code, level: c.level };
}

/**
 * Every pair of (region, ancestor) that set a target for the same indicator, measure and year,
 * with the gap between the two. `where` narrows the child rows (a region, a year, an indicator);
 * the parents are looked up among all `rows`.
 */
export function hierarchyGaps(rows: readonly Comparison[], where: (row: Comparison) => boolean = () => true): HierarchyGap[] {
  const byKey = new Map<string, (Comparison & { target: ComparisonSide })[]>();
  for (const c of rows) {
    if (!usable(c)) continue;
    const k = `${c.indicator.key}|${c.measure}|${c.year}`;
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const out: HierarchyGap[] = [];
  for (const c of rows) {
    if (!usable(c) || !where(c)) continue;
    const peers = byKey.get(`${c.indicator.key}|${c.measure}|${c.year}`) ?? [];
    for (const a of ancestors(c.region)) {
      const parent = peers.find((p) => p !== c && sameRegion(a, p.region));
      if (!parent) continue;
      const t = c.target;
      const pt = parent.target;
      const gap = t.value !== null && pt.value !== null && t.unit === pt.unit ? Number(formatNumber(t.value - pt.value)) : null;
      out.push({
        id: `${c.region.slug}-${parent.region.slug}-${c.indicator.key}-${c.measure}-${c.year}`,
        year: c.year,
        indicator: { key: c.indicator.key, label: indicatorByKey(c.indicator.key)?.label ?? c.indicator.label },
        measure: c.measure,
        region: pick(c.region),
        parent: pick(parent.region),
        distance: a.distance,
        target: t,
        parentTarget: pt,
        gap,
        ambition: gap === null ? null : ambitionOf(c.indicator.key, gap, pt.value!),
        note: noteFor(t, pt),
        rowId: c.id,
        parentRowId: parent.id,
      });
    }
  }
  return out.sort(
    (a, b) =>
      (INDICATOR_ORDER.get(a.indicator.key) ?? 99) - (INDICATOR_ORDER.get(b.indicator.key) ?? 99) ||
      a.measure.localeCompare(b.measure) ||
      a.year - b.year ||
      LEVEL_ORDER[a.region.level] - LEVEL_ORDER[b.region.level] ||
      a.region.slug.localeCompare(b.region.slug) ||
      a.distance - b.distance,
  );
}

/** A gap in words: 荣成市2024年生产总值增长5.5%，威海市5.5%左右，持平. */
export function gapWords(g: HierarchyGap): string {
  const head = `${g.year}年${g.region.shortName}${g.target.stated}，${g.parent.shortName}${g.parentTarget.stated}`;
  if (g.gap === null) return `${head}（不计差距）`;
  if (g.ambition === 'same') return `${head}，持平`;
  const pts = `${formatNumber(Math.abs(g.gap))}个百分点`;
  return `${head}，${g.gap > 0 ? '高' : '低'}${pts}${g.ambition === 'more' ? '（加码）' : ''}`;
}

/** A chart of several lines over years (a region's targets beside its parents'; gaps by pair). */
export interface LinesSeries {
  /** Element id and CSV file name stem. */
  id: string;
  title: string;
  /** One sentence: what a reader without the picture needs. */
  summary: string;
  unit: string;
  /** Years, oldest first. */
  labels: string[];
  lines: {
    label: string;
    /** The region's own line is drawn solid and first; parents dashed. */
    own: boolean;
    values: (number | null)[];
    stated: (string | null)[];
    urls: (string | null)[];
  }[];
  /** Drawn as a zero line (gaps). */
  zero: boolean;
}

function yearsOf(gaps: readonly HierarchyGap[]): number[] {
  const ys = gaps.map((g) => g.year);
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}

/** 生产总值增速, 居民消费价格涨幅, 城镇调查失业率 (a rate needs no word), 高新技术产业产值占比. */
function measureTitle(key: string, label: string, measure: 'growth' | 'share'): string {
  if (measure === 'share') return label;
  return `${label}${indicatorByKey(key)?.riseVerb === '上涨' ? '涨幅' : '增速'}`;
}

/** 加码2年、持平1年、较低1年、无法比较1年 (the years of each, in words). */
export function tally(gaps: readonly HierarchyGap[]): string {
  const count = (a: HierarchyGap['ambition']) => gaps.filter((g) => g.ambition === a);
  const parts = [
    ['加码', count('more')], ['持平', count('same')], ['较低', count('less')], ['无法比较', count(null)],
  ] as const;
  return parts
    .filter(([, gs]) => gs.length)
    .map(([w, gs]) => `${w}${gs.length}年（${gs.map((g) => g.year).join('、')}）`)
    .join('、');
}

/**
 * For one region: per indicator and measure, its target and each parent's target across years,
 * one line each (the lines a reader compares to see 层层加码).
 */
export function regionHierarchySeries(gaps: readonly HierarchyGap[], slug: string): LinesSeries[] {
  const own = gaps.filter((g) => g.region.slug === slug);
  const groups = new Map<string, HierarchyGap[]>();
  for (const g of own) groups.set(`${g.indicator.key}|${g.measure}`, [...(groups.get(`${g.indicator.key}|${g.measure}`) ?? []), g]);
  const out: LinesSeries[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const years = yearsOf(group);
    const parents = [...new Map(group.map((g) => [g.parent.slug, g])).values()].sort((a, b) => a.distance - b.distance);
    const at = (y: number, pick: (g: HierarchyGap) => ComparisonSide, from: (g: HierarchyGap) => boolean) => {
      const g = group.find((x) => x.year === y && from(x));
      return g ? pick(g) : null;
    };
    const line = (label: string, isOwn: boolean, pick: (g: HierarchyGap) => ComparisonSide, from: (g: HierarchyGap) => boolean) => {
      const sides = years.map((y) => at(y, pick, from));
      return { label, own: isOwn, values: sides.map((s) => s?.value ?? null), stated: sides.map((s) => s?.stated ?? null), urls: sides.map((s) => s?.url ?? null) };
    };
    const title = `${first.region.name}与上级的${measureTitle(first.indicator.key, first.indicator.label, first.measure)}目标`;
    const words = parents.map((p) => `与${p.parent.shortName}相比${tally(group.filter((g) => g.parent.slug === p.parent.slug))}`).join('；');
    out.push({
      id: `hier-${slug}-${first.indicator.key}-${first.measure}`,
      title,
      summary: `${words}。`,
      unit: '%',
      labels: years.map(String),
      lines: [
        line(first.region.shortName, true, (g) => g.target, () => true),
        ...parents.map((p) => line(p.parent.shortName, false, (g) => g.parentTarget, (g) => g.parent.slug === p.parent.slug)),
      ],
      zero: false,
    });
  }
  return out.sort((a, b) => (INDICATOR_ORDER.get(a.id.split('-')[2] ?? '') ?? 99) - (INDICATOR_ORDER.get(b.id.split('-')[2] ?? '') ?? 99));
}

/**
 * For one indicator: each region's gap to its nearest parent that set a target that year (a
 * county to its city, else its province, else the nation), across years: one line per region,
 * 0 meaning the same target. The tooltip and the table name the parent of each year.
 */
export function indicatorGapSeries(gaps: readonly HierarchyGap[], key: string): LinesSeries[] {
  const mine = gaps.filter((g) => g.indicator.key === key && g.gap !== null);
  const out: LinesSeries[] = [];
  for (const measure of ['growth', 'share'] as const) {
    const group = mine.filter((g) => g.measure === measure);
    if (!group.length) continue;
    const nearest = new Map<string, HierarchyGap>();
    for (const g of group) {
      const k = `${g.region.slug}|${g.year}`;
      const had = nearest.get(k);
      if (!had || g.distance < had.distance) nearest.set(k, g);
    }
    const kept = [...nearest.values()];
    const years = yearsOf(kept);
    const regions = [...new Map(kept.map((g) => [g.region.slug, g.region])).values()];
    const first = group[0]!;
    out.push({
      id: `gaps-${key}-${measure}`,
      title: `各地${measureTitle(key, first.indicator.label, measure)}目标比上级高出多少`,
      summary: `${regions.map((r) => `${r.shortName}与上级相比${tally(kept.filter((g) => g.region.slug === r.slug))}`).join('；')}。`,
      unit: '个百分点',
      labels: years.map(String),
      lines: regions.map((r) => {
        const gs = years.map((y) => nearest.get(`${r.slug}|${y}`) ?? null);
        return {
          label: `${r.shortName}对上级`,
          own: false,
          values: gs.map((g) => g?.gap ?? null),
          stated: gs.map((g) => (g ? `${g.target.stated}／${g.parent.shortName}${g.parentTarget.stated}` : null)),
          urls: gs.map((g) => g?.target.url ?? null),
        };
      }),
      zero: true,
    });
  }
  return out;
}
