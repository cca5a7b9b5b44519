/**
 * Term trends: how often each report uses a phrase (新质生产力, 高质量发展), across years and
 * regions. The counts come from the search index in the browser (the start offsets of the phrase
 * in each paragraph, as the search page finds them); this module only adds them up per report,
 * scales them by the report's length and averages them by year and level of government, so the
 * chart, its table and its CSV hold the same numbers. Pure and browser-safe.
 */
import type { RegionLevel } from '../schema.ts';
import { toCsv } from '../text/csv.ts';
import type { LinesSeries } from '../compare/hierarchy.ts';

/** 6 → "6", 0.50 → "0.5". */
const formatNumber = (n: number) => String(Number(n.toFixed(6)));

/** What the terms page knows of a report without its text (/terms/docs.json). */
export interface TermDoc {
  id: string;
  title: string;
  region: { slug: string; name: string; level: RegionLevel } | null;
  year: number | null;
  /** Characters of text (paragraphs and headings, whitespace aside): the scale for “per 10,000 characters”. */
  chars: number;
}

export interface TermDocCount {
  doc: TermDoc;
  /** Times the report uses the phrase. */
  count: number;
  /** Uses per 10,000 characters. */
  per10k: number;
}

export interface TermLevelYear {
  level: RegionLevel;
  year: number;
  /** Reports of this level and year in the collection. */
  reports: number;
  /** …of which use the phrase at least once. */
  using: number;
  /** Mean uses per 10,000 characters over all those reports (those that never use it count 0). */
  meanPer10k: number;
}

export interface TermTrend {
  phrase: string;
  /** Every report with its count, oldest first (reports that never use it too). */
  docs: TermDocCount[];
  years: number[];
  byLevel: TermLevelYear[];
  total: number;
  /** The earliest report that uses it. */
  first: TermDocCount | null;
}

export const LEVEL_WORDS: Readonly<Record<RegionLevel, string>> = { national: '全国', province: '省级', prefecture: '地级', county: '县级', unknown: '其他' };
const LEVELS: readonly RegionLevel[] = ['national', 'province', 'prefecture', 'county', 'unknown'];

const round = (n: number) => Number(n.toFixed(2));

/** Add up `counts` (uses per report id) over `docs`; reports without a year are left out. */
export function termTrend(phrase: string, counts: ReadonlyMap<string, number>, docs: readonly TermDoc[]): TermTrend {
  const rows = docs
    .filter((d) => d.year !== null && d.chars > 0)
    .map((doc) => {
      const count = counts.get(doc.id) ?? 0;
      return { doc, count, per10k: round((count * 10000) / doc.chars) };
    })
    .sort((a, b) => a.doc.year! - b.doc.year! || (a.doc.region?.slug ?? '').localeCompare(b.doc.region?.slug ?? '') || a.doc.id.localeCompare(b.doc.id));
  const years = [...new Set(rows.map((r) => r.doc.year!))].sort((a, b) => a - b);
  const byLevel: TermLevelYear[] = [];
  for (const level of LEVELS) {
    for (const year of years) {
      const here = rows.filter((r) => r.doc.year === year && (r.doc.region?.level ?? 'unknown') === level);
      if (!here.length) continue;
      byLevel.push({
        level,
        year,
        reports: here.length,
        using: here.filter((r) => r.count > 0).length,
        meanPer10k: round(here.reduce((s, r) => s + r.per10k, 0) / here.length),
      });
    }
  }
  return {
    phrase,
    docs: rows,
    years,
    byLevel,
    total: rows.reduce((s, r) => s + r.count, 0),
    first: rows.find((r) => r.count > 0) ?? null,
  };
}

/** The chart: one line per level of government, the mean uses per 10,000 characters each year. */
export function termSeries(t: TermTrend): LinesSeries {
  // Every year from the first to the last, so the axis keeps time to scale (years with no report are gaps).
  const span = t.years.length ? Array.from({ length: t.years.at(-1)! - t.years[0]! + 1 }, (_, i) => t.years[0]! + i) : [];
  const levels = LEVELS.filter((l) => t.byLevel.some((x) => x.level === l));
  const first = t.first ? `最早见于${t.first.doc.year}年（${t.first.doc.region?.name ?? t.first.doc.title}）` : '收录的报告都没有用过';
  const peak = [...t.byLevel].sort((a, b) => b.meanPer10k - a.meanPer10k)[0];
  return {
    id: 'term-trend',
    title: `“${t.phrase}”的历年用法`,
    summary: `${t.docs.length}份报告共用“${t.phrase}”${t.total}次，${first}${peak && peak.meanPer10k > 0 ? `；${LEVEL_WORDS[peak.level]}报告${peak.year}年用得最多（平均每万字${formatNumber(peak.meanPer10k)}次）` : ''}。`,
    unit: '次/万字',
    labels: span.map(String),
    lines: levels.map((level, i) => {
      const at = span.map((y) => t.byLevel.find((x) => x.level === level && x.year === y) ?? null);
      return {
        label: `${LEVEL_WORDS[level]}报告`,
        own: i === 0,
        values: at.map((x) => x?.meanPer10k ?? null),
        stated: at.map((x) => (x ? `平均每万字${formatNumber(x.meanPer10k)}次（${x.using}/${x.reports}份报告用过）` : null)),
        urls: at.map(() => null),
      };
    }),
    zero: true,
  };
}

export const TERM_COLUMNS = ['phrase', 'document', 'title', 'region', 'region_name', 'region_level', 'year', 'count', 'chars', 'per_10k_chars', 'url'] as const;

/** One row per report: the phrase, the report, its uses and its length. */
export function termCsv(t: TermTrend, origin: string): string {
  return toCsv(
    t.docs.map((r) => ({
      phrase: t.phrase, document: r.doc.id, title: r.doc.title, region: r.doc.region?.slug ?? '', region_name: r.doc.region?.name ?? '',
      region_level: r.doc.region?.level ?? '', year: r.doc.year, count: r.count, chars: r.doc.chars, per_10k_chars: r.per10k,
      url: new URL(`/reports/${r.doc.id}/`, origin).href,
    })),
    [...TERM_COLUMNS],
  );
}
