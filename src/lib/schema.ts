/**
 * The records the parser produces, defined once as zod schemas.
 * Every TypeScript type in the project comes from `z.infer` of these schemas;
 * the site, the JSON downloads and the CLI all validate against them.
 */
import { z } from 'zod';

/** Where a record came from: 1-based lines and 0-based UTF-16 offsets into the decoded source text. */
export const PositionSchema = z.object({
  file: z.string(),
  startLine: z.int().min(1),
  endLine: z.int().min(1),
  startOffset: z.int().min(0),
  endOffset: z.int().min(0),
});
export type Position = z.infer<typeof PositionSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** A problem or an oddity found in a source, always naming the file and line. */
export const DiagnosticSchema = z.object({
  file: z.string(),
  line: z.int().min(0),
  column: z.int().min(1).default(1),
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** Source characters that this diagnostic holds instead of a page (web residue, HTML, skipped files). */
  text: z.string().optional(),
  /** Offsets of `text` in the decoded source, so conservation can be checked. */
  startOffset: z.int().min(0).optional(),
  endOffset: z.int().min(0).optional(),
  documentId: z.string().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const SourceSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.int().min(0),
  encoding: z.string(),
  lines: z.int().min(0),
  /** The decoded text (after BOM removal), or the text a converter extracted; what line numbers refer to. */
  text: z.string(),
  /** What the file is: text, or a Word, PDF or HTML file converted to `text`. */
  format: z.enum(['text', 'docx', 'pdf', 'html']).default('text'),
  /** The package (and version) that extracted `text` from a Word, PDF or HTML file. */
  converter: z.object({ name: z.string(), version: z.string() }).nullable().default(null),
  /** PDF: the 1-based page of each line of `text`. */
  pages: z.array(z.int().min(1)).nullable().default(null),
});
export type Source = z.infer<typeof SourceSchema>;

export const RegionLevelSchema = z.enum(['national', 'province', 'prefecture', 'county', 'unknown']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const DivisionSchema = z.object({
  name: z.string(),
  /** GB/T 2260 code (2, 4 or 6 digits as in the division list; national is '100000'). */
  code: z.string().nullable(),
  level: RegionLevelSchema,
});
export type Division = z.infer<typeof DivisionSchema>;

export const RegionSchema = DivisionSchema.extend({
  /** Name without the administrative suffix: 荣成 for 荣成市. */
  shortName: z.string(),
  /** URL slug in pinyin: rongcheng. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Enclosing divisions, nearest first: 威海市, 山东省. */
  parents: z.array(DivisionSchema),
  /** How the region was recognised, for the about page and debugging. */
  evidence: z.string(),
});
export type Region = z.infer<typeof RegionSchema>;

export const SectionPartSchema = z.enum(['opening', 'review', 'tasks', 'government', 'appendix', 'other', 'article']);
export type SectionPart = z.infer<typeof SectionPartSchema>;

export const SectionSchema = z.object({
  id: z.string().regex(/^s[0-9a-z-]+$/),
  documentId: z.string(),
  /** 0 for the opening (no heading), 1 for 一、, 2 for （一）, 3 for 1. */
  level: z.int().min(0).max(3),
  /** The number as written: 二, （三）, 3; null where the report has none. */
  ordinal: z.string().nullable(),
  /** False where the number was lost in extraction and inferred from the sequence. */
  numbered: z.boolean(),
  /** Heading text without its number; null for the opening section. */
  heading: z.string().nullable(),
  /** The heading as written: number, words and full stop (empty for the opening). */
  text: z.string(),
  /** Where the heading itself stands in the source (null for the opening). */
  headingPosition: PositionSchema.nullable(),
  /** The sentence that follows the heading on the same line, where there is one. */
  lead: z.string().nullable(),
  parent: z.string().nullable(),
  part: SectionPartSchema,
  /** Order of the section in the document, 0-based. */
  order: z.int().min(0),
  position: PositionSchema,
});
export type Section = z.infer<typeof SectionSchema>;

/**
 * body; bullet (a "——" point); lead (opens with its point: 实施项目建设提速行动。…); cover (title block);
 * part: a line that names a part of the report (过去五年回顾和2002年工作情况, 2024年工作安排) above
 * numbered items, kept a paragraph so that ids do not move, shown as the part's title.
 */
export const ParagraphKindSchema = z.enum(['body', 'bullet', 'lead', 'cover', 'part']);
export type ParagraphKind = z.infer<typeof ParagraphKindSchema>;
export const ParagraphSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  sectionId: z.string(),
  /** 1-based position inside the section. */
  index: z.int().min(1),
  kind: ParagraphKindSchema,
  /** For lead paragraphs, the lead point (实施项目建设提速行动。). */
  lead: z.string().nullable(),
  /** The paragraph as written; only whitespace differs from the source (line breaks re-joined). */
  text: z.string(),
  position: PositionSchema,
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** not-set: the report says it sets no target for this indicator ("我们没有提出全年经济增速具体目标"). */
export const FigureKindSchema = z.enum(['growth', 'level', 'share', 'qualitative', 'not-set']);
export const ComparatorSchema = z.enum([
  'about', 'at-least', 'at-most', 'exact', 'range', 'above-benchmark', 'in-step', 'qualitative', 'not-set',
]);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** The shared shape of a stated figure (a target or a result). */
const FigureFields = {
  id: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  /** The indicator as the report writes it: 规上工业增加值. */
  metric: z.string(),
  /** Key in the indicator dictionary (gdp, fiscal-revenue …), or null when not recognised. */
  canonical: z.string().nullable(),
  kind: FigureKindSchema,
  /** Number as stated, in `unit`; null for qualitative figures. Negative for 下降. */
  value: z.number().nullable(),
  /** Upper bound of a range (6%—6.5%), else null. */
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  /** Qualifier as written: 左右, 以上, 以内, 不低于, 高于全省, 与经济增长同步 … */
  qualifier: z.string().nullable(),
  comparator: ComparatorSchema,
  /** What an above-benchmark / in-step figure is compared with: 全省, 经济增长 … */
  benchmark: z.string().nullable(),
  horizon: z.enum(['annual', 'five-year']),
  /** The year the figure is for (five-year goals: the last year of the period). */
  year: z.int().nullable(),
  /** The words of the item, verbatim. */
  quote: z.string(),
  line: z.int().min(1),
  position: PositionSchema,
};

export const TargetSchema = z.object(FigureFields);
export type Target = z.infer<typeof TargetSchema>;

/** What a stated figure says, without where it stands: read by the extractors and by the verdicts. */
export type StatedFigure = Pick<Target, 'kind' | 'value' | 'valueMax' | 'unit' | 'qualifier' | 'comparator' | 'benchmark'>;

/** A stated figure's numbers and wording, in the order every record and download that copies them uses. */
export function statedFields(f: StatedFigure): Omit<StatedFigure, 'kind'> {
  return { value: f.value, valueMax: f.valueMax, unit: f.unit, qualifier: f.qualifier, comparator: f.comparator, benchmark: f.benchmark };
}

export const ResultSchema = z.object({
  ...FigureFields,
  /** The report calls it an estimate (预计). */
  estimate: z.boolean(),
});
export type Result = z.infer<typeof ResultSchema>;

export const QuoteSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  /** The quoted words as the coverage prints them (line breaks re-joined). */
  text: z.string(),
  /** The coverage says the words come from the report (《政府工作报告》提出 …). */
  attributed: z.boolean(),
  source: z.object({ documentId: z.string(), paragraphId: z.string() }).nullable(),
  match: z.enum(['exact', 'differing', 'not-found']),
  /** 0–1 similarity with the closest report passage. */
  similarity: z.number(),
  /** The closest report passage, verbatim, when one was found. */
  sourceText: z.string().nullable(),
  line: z.int().min(1),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** A figure the coverage states differently from the report. */
export const DiscrepancySchema = z.object({
  id: z.string(),
  documentId: z.string(),
  metric: z.string(),
  coverage: z.object({ paragraphId: z.string(), value: z.number(), unit: z.string(), quote: z.string(), line: z.int() }),
  report: z.object({ documentId: z.string(), paragraphId: z.string(), value: z.number(), unit: z.string(), quote: z.string(), line: z.int() }),
});
export type Discrepancy = z.infer<typeof DiscrepancySchema>;

/**
 * report; partial-report (a part of one: first page only, 摘登, 节选, a text that starts mid-report);
 * five-year-plan (a report on a five-year plan outline: 关于…第十二个五年规划纲要的报告); coverage (press).
 */
export const DocumentKindSchema = z.enum(['report', 'partial-report', 'five-year-plan', 'coverage']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** What settled a document's region or year, and how strongly. */
export const EvidenceSchema = z.object({
  /**
   * The rule that decided. Region: opening (我代表X人民政府), speaker, title, session, page-header,
   * dateline, national-session, place-names / government-and-place-names (weak), state-council (weak).
   * Year: cover-date, npc-session, part-headings, targets-year, title, page-title, page-date,
   * past-year (刚刚过去的2023年), year-counts (weak).
   */
  rule: z.string(),
  /** strong: the text states it; weak: inferred (place names counted, years counted). */
  strength: z.enum(['strong', 'weak']),
  /** The words it was read from, as written (shortened), or what was counted. */
  text: z.string(),
  /** The source line holding those words, where one line does. */
  line: z.int().min(0).nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DocumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: DocumentKindSchema,
  sourceFile: z.string(),
  title: z.string(),
  region: RegionSchema.nullable(),
  /** The year the report plans for (for coverage: the year of the report it covers). */
  year: z.int().nullable(),
  /** The year the report reviews. */
  reviewYear: z.int().nullable(),
  /** 第十九届人民代表大会第二次会议, as written. */
  session: z.string().nullable(),
  speaker: z.object({ name: z.string(), office: z.string() }).nullable(),
  /** ISO date when it could be read with certainty. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The date line as written (——2024116), even when it could not be read. */
  dateText: z.string().nullable(),
  /** For coverage: the report it covers. */
  covers: z.string().nullable(),
  /** Which evidence settled the region and the year (null where none could be read). */
  evidence: z.object({ region: EvidenceSchema.nullable(), year: EvidenceSchema.nullable() }),
  startLine: z.int().min(1),
  endLine: z.int().min(1),
  position: PositionSchema,
  sections: z.array(SectionSchema),
  paragraphs: z.array(ParagraphSchema),
  targets: z.array(TargetSchema),
  results: z.array(ResultSchema),
  quotes: z.array(QuoteSchema),
  discrepancies: z.array(DiscrepancySchema),
});
export type ReportDocument = z.infer<typeof DocumentSchema>;

export const ParseResultSchema = z.object({
  parserVersion: z.string(),
  sources: z.array(SourceSchema),
  documents: z.array(DocumentSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;
