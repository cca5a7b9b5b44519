/**
 * What the /terms/ page shows for a phrase, from SearchEngine.termCounts: a line per level of
 * government (or per region, when the reports come from a few regions) over the years, in uses
 * per 10,000 characters of all that level's reports that year (reports that never use it count
 * too); the table's rows (the reports that use it); and the CSV of every report. Pure: the page
 * (terms-page.ts) puts it on screen, tests read it.
 */
import type { LinesSeries } from '../lib/compare/index.ts';
import type { SearchDoc } from '../lib/search/index.ts';
import { toCsv } from '../lib/text/index.ts';
import { absoluteUrl, reportPath, searchPath, stripBase } from '../data/urls.ts';
import type { TermDocCount } from './search-engine.ts';

export const LEVEL_NAME: Record<string, string> = { national: '国务院', province: '省', prefecture: '市', county: '县', unknown: '其他' };
const LEVEL_ORDER = ['national', 'province', 'prefecture', 'county', 'unknown'];
/** Lines by region when the reports come from at most this many regions, else by level. */
export const MAX_REGION_LINES = 6;
/** Per 10,000 characters. */
const PER = 10_000;

const round = (n: number) => Math.round(n * 100) / 100;
export const perTenThousand = (occurrences: number, chars: number): number => (chars ? round((occurrences * PER) / chars) : 0);

/** The search page for a phrase within one report (its region and year, reports only), under the base. */
export function reportSearchUrl(q: string, doc: SearchDoc): string {
  const params = new URLSearchParams({ q });
  if (doc.region) params.set('region', doc.region.slug);
  if (doc.year) params.set('year', String(doc.year));
  params.set('kind', 'report');
  return `${searchPath()}?${params}`;
}

/** Reports only (press coverage quotes reports, and would count their words twice), with a year. */
export function reportCounts(docs: readonly TermDocCount[]): TermDocCount[] {
  return docs.filter((d) => d.doc.kind === 'report' && d.doc.year);
}

/** Years the chart shows before a phrase's first use (earlier years are all zero, and would squeeze the rest). */
const YEARS_BEFORE_FIRST_USE = 5;

export function termSeries(q: string, docs: readonly TermDocCount[]): LinesSeries {
  const years = docs.map((d) => d.doc.year!);
  const using = docs.filter((d) => d.occurrences > 0);
  const first = using.length ? Math.min(...using.map((d) => d.doc.year!)) : null;
  const from = Math.max(Math.min(...years), first === null ? -Infinity : first - YEARS_BEFORE_FIRST_USE);
  const unshown = docs.filter((d) => d.doc.year! < from).length;
  const labels: string[] = [];
  for (let y = from; y <= Math.max(...years); y++) labels.push(String(y));
  const regions = new Map<string, string>();
  for (const d of docs) if (d.doc.region) regions.set(d.doc.region.slug, d.doc.region.name);
  const byRegion = regions.size <= MAX_REGION_LINES;
  const groups = byRegion
    ? [...regions].map(([slug, name]) => ({ label: name, docs: docs.filter((d) => d.doc.region?.slug === slug) }))
    : LEVEL_ORDER.map((level) => ({ label: LEVEL_NAME[level]!, docs: docs.filter((d) => (d.doc.region?.level ?? 'unknown') === level) })).filter((g) => g.docs.length);
  const lines = groups.map((g) => {
    const at = labels.map((y) => g.docs.filter((d) => String(d.doc.year) === y));
    return {
      label: g.label,
      own: false,
      values: at.map((ds) => (ds.length ? perTenThousand(sum(ds, 'occurrences'), sum(ds, 'chars')) : null)),
      stated: at.map((ds) =>
        ds.length ? `每万字 ${perTenThousand(sum(ds, 'occurrences'), sum(ds, 'chars'))} 次（${sum(ds, 'occurrences')} 次，${ds.length} 份报告）` : null,
      ),
      urls: at.map((ds) => (byRegion && ds.length === 1 && ds[0]!.occurrences ? stripBase(reportSearchUrl(q, ds[0]!.doc)) : null)),
    };
  });
  const summary = using.length
    ? `${docs.length} 份报告中有 ${using.length} 份用到「${q}」，共 ${sum(using, 'occurrences')} 次，最早见于 ${first} 年的报告。每条线是${byRegion ? '一个地区' : '一级政府'}当年全部报告中每万字出现的次数。${unshown ? `图从 ${from} 年起；此前的 ${unshown} 份报告都没有用到。` : ''}`
    : `${docs.length} 份报告都没有用到「${q}」。`;
  return { id: 'term-trend', title: `「${q}」每万字出现次数，按${byRegion ? '地区' : '政府层级'}和年份`, summary, unit: '次/万字', labels, lines, zero: false };
}

function sum(ds: readonly TermDocCount[], key: 'occurrences' | 'chars' | 'entries'): number {
  return ds.reduce((n, d) => n + d[key], 0);
}

/** Newest first, then most uses. */
export function termRows(docs: readonly TermDocCount[]): TermDocCount[] {
  return [...docs].sort((a, b) => b.doc.year! - a.doc.year! || b.occurrences - a.occurrences || a.doc.id.localeCompare(b.doc.id));
}

/** Every report, those without the phrase too, with a header row. */
export function termCsv(q: string, docs: readonly TermDocCount[], site: string): string {
  const rows = termRows(docs).map((d) => ({
    词语: q,
    报告: d.doc.title,
    编号: d.doc.id,
    地区: d.doc.region?.name ?? '',
    层级: LEVEL_NAME[d.doc.region?.level ?? 'unknown']!,
    年份: d.doc.year,
    出现次数: d.occurrences,
    所在段落数: d.entries,
    字数: d.chars,
    每万字次数: perTenThousand(d.occurrences, d.chars),
    链接: absoluteUrl(reportPath(d.doc.id), site),
  }));
  return toCsv(rows, ['词语', '报告', '编号', '地区', '层级', '年份', '出现次数', '所在段落数', '字数', '每万字次数', '链接']);
}
