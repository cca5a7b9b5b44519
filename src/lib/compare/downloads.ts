/**
 * The comparison downloads: /data/comparisons.csv and .json (one row per region,
 * indicator, measure, horizon and year), and one CSV per chart with exactly the
 * plotted numbers. URLs are made absolute with the site's root (its origin and base
 * path, e.g. https://example.org/report-explorer/; the records hold paths under
 * that root) so a row pasted into a spreadsheet or a paper still links to its sentence.
 */
import type { Comparison, ComparisonSide, ComparisonsFile } from './schema.ts';
import { ComparisonsFileSchema } from './schema.ts';
import type { Series } from './series.ts';
import type { HierarchyGap } from './hierarchy.ts';
import { toCsv } from '../text/csv.ts';
import { RULES } from './verdicts.ts';

/** A site path as an absolute URL under `root` (origin and base path: absoluteUrl(homePath(), site)). */
const abs = (root: string, path: string | null | undefined) => (path ? new URL(path.replace(/^\/+/, ''), root.endsWith('/') ? root : `${root}/`).href : '');

function absoluteSide(origin: string, s: ComparisonSide | null): ComparisonSide | null {
  return s && { ...s, url: abs(origin, s.url), sourceUrl: abs(origin, s.sourceUrl) };
}

/** The records with absolute URLs. */
export function absoluteComparisons(rows: Comparison[], origin: string): Comparison[] {
  return rows.map((c) => ({
    ...c,
    target: absoluteSide(origin, c.target),
    result: absoluteSide(origin, c.result),
    parts: c.parts.map((p) => ({ ...p, result: absoluteSide(origin, p.result)! })),
    benchmark: c.benchmark && { ...c.benchmark, source: absoluteSide(origin, c.benchmark.source)! },
    mention: c.mention && { ...c.mention, url: abs(origin, c.mention.url) },
  }));
}

export const COMPARISON_COLUMNS = [
  'id', 'region', 'region_name', 'region_code', 'indicator', 'indicator_label', 'measure', 'horizon', 'year',
  'target_value', 'target_value_max', 'target_unit', 'target_qualifier', 'target_comparator', 'target_bound', 'target_stated', 'target_quote',
  'target_document', 'target_url', 'target_source',
  'result_value', 'result_unit', 'result_qualifier', 'result_bound', 'result_stated', 'result_estimate', 'result_check', 'result_quote',
  'result_document', 'result_url', 'result_source', 'result_parts',
  'benchmark_label', 'benchmark_value', 'benchmark_document', 'verdict', 'verdict_label', 'rule', 'summary', 'flags', 'part_of',
] as const;

const BOUND_WORD = { lower: 'lower（下限：至少此数）', upper: 'upper（上限：至多此数）' } as const;
const boundCell = (b: 'lower' | 'upper' | null | undefined) => (b ? BOUND_WORD[b] : '');

/** 城镇 增长4%（预计，未完成）; 农村 增长6.2%（预计，超额完成）. */
function partsCell(c: Comparison): string {
  return c.parts
    .map((p) => `${p.indicator.label} ${p.result.stated}（${[p.result.estimate ? '预计' : '', p.result.bound ? (p.result.bound === 'lower' ? '下限' : '上限') : '', p.verdictLabel].filter(Boolean).join('，')}）`)
    .join('; ');
}

/** What each column holds, for the /data/ page. */
export const COMPARISON_COLUMN_NOTES: Readonly<Record<(typeof COMPARISON_COLUMNS)[number], string>> = {
  id: '记录编号：地区-指标-口径-年份（五年目标加 -5y）',
  region: '地区拼音代码', region_name: '地区名称', region_code: 'GB/T 2260 行政区划代码',
  indicator: '指标代码', indicator_label: '指标名称', measure: '口径：growth 增速 / level 总量 / share 占比 / qualitative 定性',
  horizon: 'annual 年度 / five-year 五年', year: '目标所属年份（五年目标为末年）',
  target_value: '目标数值（按原文单位）', target_value_max: '区间目标的上限', target_unit: '目标单位',
  target_qualifier: '目标限定语（左右、以上……）', target_comparator: '限定方式代码',
  target_bound: '目标是下限（lower：以上、超过、突破）或上限（upper：以内、低于）；空为确数或约数', target_stated: '目标的文字表述',
  target_quote: '目标原文', target_document: '目标所在报告', target_url: '目标原句链接', target_source: '目标在源文件中的行',
  result_value: '结果数值（按原文单位；result_bound 非空时只是界限，不是确数）', result_unit: '结果单位', result_qualifier: '结果限定语',
  result_bound: '结果是下限（lower：“超过1000亿元”即至少1000亿元）或上限（upper）；空为确数或约数',
  result_stated: '结果的文字表述', result_estimate: '报告称“预计”为 true（含紧随“预计”句列出的数字）',
  result_check: '数字可疑（提取时可能丢失数字或单位），请核对原文：说明', result_quote: '结果原文',
  result_document: '结果所在报告（下一年）', result_url: '结果原句链接', result_source: '结果在源文件中的行',
  result_parts: '只报告分项时（城镇、农村居民收入）：各分项的结果与评判，以 ; 分隔',
  benchmark_label: '评判所用基准（如同年生产总值增速、全省增速）', benchmark_value: '基准数值', benchmark_document: '基准数字所在报告',
  verdict: '评判代码（mixed：分项不一）', verdict_label: '评判', rule: '所用规则及本例的计算', summary: '一句话概述', flags: '提示（代码: 说明），以 | 分隔',
  part_of: '这一结果同时作为分项，与另一条记录的目标对照时，那条记录的编号',
};

export function comparisonsCsv(rows: Comparison[], origin: string): string {
  const data = rows.map((c) => ({
    id: c.id, region: c.region.slug, region_name: c.region.name, region_code: c.region.code,
    indicator: c.indicator.key, indicator_label: c.indicator.label, measure: c.measure, horizon: c.horizon, year: c.year,
    target_value: c.target?.value, target_value_max: c.target?.valueMax, target_unit: c.target?.unit,
    target_qualifier: c.target?.qualifier, target_comparator: c.target?.comparator, target_bound: boundCell(c.target?.bound), target_stated: c.target?.stated,
    target_quote: c.target?.quote, target_document: c.target?.documentId,
    target_url: abs(origin, c.target?.url), target_source: abs(origin, c.target?.sourceUrl),
    result_value: c.result?.value, result_unit: c.result?.unit, result_qualifier: c.result?.qualifier, result_bound: boundCell(c.result?.bound),
    result_stated: c.result?.stated, result_estimate: c.result ? String(c.result.estimate) : '', result_check: c.result?.check ?? '', result_quote: c.result?.quote,
    result_document: c.result?.documentId, result_url: abs(origin, c.result?.url), result_source: abs(origin, c.result?.sourceUrl),
    result_parts: partsCell(c),
    benchmark_label: c.benchmark?.label, benchmark_value: c.benchmark?.value, benchmark_document: c.benchmark?.source.documentId,
    verdict: c.verdict, verdict_label: c.verdictLabel, rule: c.rule, summary: c.summary,
    flags: c.flags.map((f) => `${f.code}: ${f.message}`).join(' | '),
    part_of: c.partOf ?? '',
  }));
  return toCsv(data, [...COMPARISON_COLUMNS]);
}

export function comparisonsJson(rows: Comparison[], origin: string): ComparisonsFile {
  return ComparisonsFileSchema.parse({
    description:
      '各地政府工作报告的年度目标与下一年报告回顾中所述结果的对照。Targets from each government work report beside the results the next year’s report states, with verdicts and the rules used. Schema: ComparisonsFileSchema in src/lib/compare/schema.ts (also in the JSON Schema on /data/).',
    site: new URL(origin).href,
    rules: [...RULES],
    comparisons: absoluteComparisons(rows, origin),
  });
}

export const SERIES_COLUMNS = [
  'chart', 'label', 'year', 'region', 'indicator', 'measure', 'unit', 'target', 'target_bound', 'result', 'result_bound',
  'target_stated', 'result_stated', 'result_estimate', 'check_source', 'check_note', 'result_parts', 'verdict', 'verdict_label', 'target_url', 'result_url',
] as const;

/** Exactly the numbers a chart plots, one row per x label. */
export function seriesCsv(series: Series, origin: string): string {
  const data = series.points.map((p) => ({
    chart: series.id, label: p.label, year: p.year, region: p.region, indicator: series.indicator.key, measure: series.measure,
    unit: series.unit, target: p.target, target_bound: boundCell(p.targetBound), result: p.result, result_bound: boundCell(p.resultBound),
    target_stated: p.targetStated, result_stated: p.resultStated,
    result_estimate: p.resultStated || p.parts.length ? String(p.estimate) : '', check_source: String(p.check), check_note: p.checkNote ?? '',
    result_parts: p.parts.map((x) => `${x.label} ${x.stated}（${x.estimate ? '预计，' : ''}${x.verdictLabel}）`).join('; '),
    verdict: p.verdict, verdict_label: p.verdictLabel,
    target_url: abs(origin, p.targetUrl), result_url: abs(origin, p.resultUrl),
  }));
  return toCsv(data, [...SERIES_COLUMNS]);
}

export const HIERARCHY_COLUMNS = [
  'id', 'year', 'indicator', 'indicator_label', 'measure', 'region', 'region_name', 'region_level', 'parent', 'parent_name', 'parent_level',
  'distance', 'target_value', 'target_qualifier', 'target_stated', 'parent_value', 'parent_qualifier', 'parent_stated',
  'gap_points', 'ambition', 'note', 'target_url', 'parent_url',
] as const;

/** The gaps between a region's targets and its parents' (层层加码), one row per pair and year. */
export function hierarchyCsv(gaps: readonly HierarchyGap[], origin: string): string {
  const data = gaps.map((g) => ({
    id: g.id, year: g.year, indicator: g.indicator.key, indicator_label: g.indicator.label, measure: g.measure,
    region: g.region.slug, region_name: g.region.name, region_level: g.region.level,
    parent: g.parent.slug, parent_name: g.parent.name, parent_level: g.parent.level, distance: g.distance,
    target_value: g.target.value, target_qualifier: g.target.qualifier, target_stated: g.target.stated,
    parent_value: g.parentTarget.value, parent_qualifier: g.parentTarget.qualifier, parent_stated: g.parentTarget.stated,
    gap_points: g.gap, ambition: g.ambition ?? '', note: g.note ?? '',
    target_url: abs(origin, g.target.url), parent_url: abs(origin, g.parentTarget.url),
  }));
  return toCsv(data, [...HIERARCHY_COLUMNS]);
}
