/**
 * What the /data/ downloads contain: the CSV rows of targets and results and the
 * meaning of every column (shown on the /data/ page), and the JSON Schemas.
 */
import { z } from 'zod';
import { DiagnosticSchema, DocumentSchema, ParseResultSchema, ResultSchema, SourceSchema, TargetSchema, indicator, statedFields, type ReportDocument, type Result, type Target } from '../lib/index.ts';
import { ComparisonSchema, ComparisonsFileSchema } from '../lib/compare/index.ts';
import { absoluteUrl, anchorPath } from './urls.ts';

export interface Column {
  name: string;
  description: string;
}

export const FIGURE_COLUMNS: Column[] = [
  { name: 'documentId', description: '文档 id（地区拼音-年份），即报告页地址 /reports/<documentId>/' },
  { name: 'region', description: '地区名称，如 威海市' },
  { name: 'regionCode', description: 'GB/T 2260 行政区划代码（2、4 或 6 位）' },
  { name: 'reportYear', description: '报告年份（报告部署工作的年份）' },
  { name: 'id', description: '本条在文档内的 id：段落 id 加 -t1（目标）或 -r1（结果），重建后不变' },
  { name: 'paragraphId', description: '所在段落的 id，如 s2-p2；与 url 中的 # 部分相同' },
  { name: 'metric', description: '指标名称，按原文' },
  { name: 'canonical', description: '指标词典中的标准键（gdp、fiscal-revenue 等）；未识别为空' },
  { name: 'indicator', description: '标准指标的中文名称；未识别为空' },
  { name: 'kind', description: 'growth 增速 / level 总量 / share 占比 / qualitative 定性' },
  { name: 'value', description: '数值（单位见 unit）；下降为负数；定性表述为空' },
  { name: 'valueMax', description: '区间上限（如 6%—6.5% 的 6.5），否则为空' },
  { name: 'unit', description: '单位：%、亿元、万人 …' },
  { name: 'qualifier', description: '原文限定语：左右、以上、以内、高于全省、与经济增长同步 …' },
  { name: 'comparator', description: 'about 左右 / at-least 以上 / at-most 以内 / exact 确数 / range 区间 / above-benchmark 高于基准 / in-step 同步 / qualitative 定性' },
  { name: 'benchmark', description: 'above-benchmark、in-step 的比较对象：全省、经济增长 …' },
  { name: 'horizon', description: 'annual 年度 / five-year 五年' },
  { name: 'year', description: '数字所属年份（五年目标为期末年份；结果为回顾的年份）' },
  { name: 'quote', description: '原文，逐字' },
  { name: 'sourceFile', description: '原始文本文件' },
  { name: 'line', description: '原始文本中的行号' },
  { name: 'url', description: '段落的永久链接' },
];

export const RESULT_EXTRA: Column[] = [{ name: 'estimate', description: '报告称“预计”时为 true' }];

type Row = Record<string, string | number | boolean | null>;

function row(doc: ReportDocument, f: Target | Result, site: URL | string | undefined): Row {
  return {
    documentId: doc.id,
    region: doc.region?.name ?? null,
    regionCode: doc.region?.code ?? null,
    reportYear: doc.year,
    id: f.id,
    paragraphId: f.paragraphId,
    metric: f.metric,
    canonical: f.canonical,
    indicator: f.canonical ? (indicator(f.canonical)?.label ?? null) : null,
    kind: f.kind,
    ...statedFields(f),
    horizon: f.horizon,
    year: f.year,
    quote: f.quote,
    sourceFile: f.position.file,
    line: f.line,
    url: absoluteUrl(anchorPath(doc.id, f.paragraphId), site),
    ...('estimate' in f ? { estimate: f.estimate } : {}),
  };
}

export function targetRows(docs: readonly ReportDocument[], site: URL | string | undefined): Row[] {
  return docs.flatMap((d) => d.targets.map((t) => row(d, t, site)));
}

export function resultRows(docs: readonly ReportDocument[], site: URL | string | undefined): Row[] {
  return docs.flatMap((d) => d.results.map((r) => row(d, r, site)));
}

/** JSON Schemas published under /data/schema/<name>.schema.json. */
export const SCHEMAS = {
  document: { schema: DocumentSchema, title: '文档（报告、节选或新闻报道）及其全部段落、目标和结果' },
  target: { schema: TargetSchema, title: '一项目标' },
  result: { schema: ResultSchema, title: '一项结果（回顾的上年数字）' },
  diagnostic: { schema: DiagnosticSchema, title: '一条解析说明' },
  source: { schema: SourceSchema, title: '一个原始文本文件' },
  corpus: { schema: ParseResultSchema, title: '全部解析结果（corpus.json）' },
  comparison: { schema: ComparisonSchema, title: '一项目标与次年结果的对照（comparisons.csv 的一行）' },
  comparisons: { schema: ComparisonsFileSchema, title: '全部目标与结果对照（comparisons.json）' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchema(name: SchemaName, id: string): Record<string, unknown> {
  const { schema, title } = SCHEMAS[name];
  return { ...z.toJSONSchema(schema), $id: id, title };
}
