/**
 * Comparison records: for a region, an indicator and a year, the target the
 * report of that year set and the result the next year's report states, with
 * a verdict and the rule that produced it. Defined once here as zod schemas;
 * the /data/ downloads, the charts and the tests all use these types.
 */
import { z } from 'zod';
import { DivisionSchema, FigureKindSchema, RegionLevelSchema, ResultSchema } from '../schema.ts';

/**
 * - exceeded / met / missed: graded by the rule in `rule` (a result stated as a bound, 超过1000亿元, is
 *   graded as a bound: "met" then means at least met);
 * - mixed: the indicator's result is stated only in its parts (城镇 and 农村 incomes against a 居民收入
 *   target), and the parts disagree: one met the target, another did not (each part's verdict is in `parts`);
 * - not-gradable: a target or result exists but cannot be graded (qualitative target,
 *   no comparable figure, a benchmark figure missing from the data);
 * - check-source: a figure looks implausible (see `flags`); shown as stated, not graded;
 * - pending: no report for the following year yet;
 * - review-missing: the following year's report is in the collection, but its review part is not;
 * - not-reported: the following year's review never mentions the indicator;
 * - no-target: a result with no matching target (the report of that year is not in the collection, or set none).
 */
export const VerdictSchema = z.enum([
  'exceeded', 'met', 'missed', 'mixed', 'not-gradable', 'check-source', 'pending', 'review-missing', 'not-reported', 'no-target',
]);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One side of a comparison: a target or a result, as the report states it, with links to its sentence. */
export const ComparisonSideSchema = ResultSchema.pick({
  id: true, documentId: true, paragraphId: true, line: true, metric: true, value: true, valueMax: true, unit: true,
  qualifier: true, comparator: true, benchmark: true, quote: true, estimate: true,
}).extend({
  /**
   * The sentence: /reports/<document>/#<paragraph>:~:text=<quote> (the text fragment highlights the words).
   * A site path on the site's pages; an absolute URL in the /data/ downloads.
   */
  url: z.string(),
  /** The source line it was read from: /sources/<file>/#L<line> (absolute in the downloads). */
  sourceUrl: z.string(),
  file: z.string(),
  /** The figure in words, as stated: 增长6%左右, 超过1000亿元, 与经济增长同步. */
  stated: z.string(),
  /**
   * What the figure says about the true number: a lower bound (超过1000亿元, 9%以上: at least this),
   * an upper bound (低于3.5%, 以内: at most this), or null for a point (6%, 6%左右). Signed: 下降5%以上
   * (at least a 5% fall) is an upper bound on the growth rate, −5. Charts draw bounds as arrows, never as points.
   */
  bound: z.enum(['lower', 'upper']).nullable(),
  /** Why this figure should be checked against the source before use (digits lost, a unit off), or null. */
  check: z.string().nullable(),
});
export type ComparisonSide = z.infer<typeof ComparisonSideSchema>;

export const FlagCodeSchema = z.enum([
  /** A growth rate beyond ±30%: digits or a decimal point may have been lost in extraction. */
  'growth-out-of-range',
  /** The result is in a unit the target's figure cannot be converted to. */
  'unit-mismatch',
  /** A level ten times or more away from the same region's other stated levels of the indicator. */
  'magnitude',
  /** The figure is where a change started (由35.4%提高到…), not the year's figure. */
  'start-of-change',
  /** The words say 年均/累计 (an average or a total over several years), so the row was moved to the five-year goals. */
  'multi-year',
  /** Levels from different reports: later reports may use revised statistics. */
  'levels-across-reports',
  /** A figure for 城乡居民 as one: it is not clear whether it is the urban or the rural figure. */
  'combined-indicator',
  /** The report states more than one figure for this indicator and year; the first is used. */
  'several-figures',
  /** The indicator's own result is not stated; its parts (城镇 and 农村 incomes) were graded against the target. */
  'graded-by-parts',
  /** The target is relative to another region's figure (高于全省) and that region's report states it. */
  'benchmark-from-parent',
]);
export type FlagCode = z.infer<typeof FlagCodeSchema>;

export const ComparisonFlagSchema = z.object({ code: FlagCodeSchema, message: z.string() });
export type ComparisonFlag = z.infer<typeof ComparisonFlagSchema>;

/** One part of an indicator graded against the whole's target: 城镇居民人均可支配收入 against a 居民收入 target. */
export const ComparisonPartSchema = z.object({
  indicator: z.object({ key: z.string(), label: z.string() }),
  result: ComparisonSideSchema,
  verdict: VerdictSchema,
  verdictLabel: z.string(),
  rule: z.string(),
});
export type ComparisonPart = z.infer<typeof ComparisonPartSchema>;

export const ComparisonSchema = z.object({
  /** Stable id: <region>-<indicator>-<measure>-<year>, with -5y for five-year goals. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  region: z.object({
    slug: z.string(),
    name: z.string(),
    shortName: z.string(),
    code: z.string().nullable(),
    /** national, province, prefecture, county: for relating a region's targets to its parents' (hierarchy.ts). */
    level: RegionLevelSchema,
    /** Enclosing divisions, nearest first (威海市, 山东省), as the parser read them. */
    parents: z.array(DivisionSchema),
  }),
  indicator: z.object({ key: z.string(), label: z.string(), en: z.string(), unit: z.string().nullable() }),
  /** What is compared: growth rates, levels, shares, or a qualitative target. */
  measure: FigureKindSchema,
  horizon: z.enum(['annual', 'five-year']),
  /** The year the target is for (five-year goals: the last year of the period). */
  year: z.int(),
  target: ComparisonSideSchema.nullable(),
  result: ComparisonSideSchema.nullable(),
  /** The figure a benchmark target is graded against (the same region's GDP growth for 与经济增长同步). */
  benchmark: z
    .object({ label: z.string(), value: z.number(), unit: z.string().nullable(), source: ComparisonSideSchema })
    .nullable(),
  /** The report whose review should state the result (null when there is none yet). */
  nextDocumentId: z.string().nullable(),
  /** Where the next review names the indicator without a comparable figure. */
  mention: z.object({ documentId: z.string(), paragraphId: z.string(), url: z.string(), text: z.string() }).nullable(),
  /**
   * When the next review states the indicator only in its parts (城镇 +4%, 农村 +6.2% for a
   * 居民人均可支配收入 target of 5.4%): each part's result and verdict against the target. Empty otherwise.
   */
  parts: z.array(ComparisonPartSchema),
  /** This row's result was also graded as a part of another row's target (that row's id), or null. */
  partOf: z.string().nullable(),
  verdict: VerdictSchema,
  /** The verdict in Chinese: 超额完成, 完成, 未完成 … */
  verdictLabel: z.string(),
  /** The rule applied, in words (Chinese). */
  rule: z.string(),
  /** The rule applied, in English. */
  ruleEn: z.string(),
  /** One sentence: 2022年目标增长6%，实际增长3%（预计），未完成。 */
  summary: z.string(),
  flags: z.array(ComparisonFlagSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** The /data/comparisons.json file. */
export const ComparisonsFileSchema = z.object({
  description: z.string(),
  /** The site the URLs point into. */
  site: z.string(),
  /** Where the rules below are explained. */
  rules: z.array(z.object({ comparator: z.string(), zh: z.string(), en: z.string() })),
  comparisons: z.array(ComparisonSchema),
});
export type ComparisonsFile = z.infer<typeof ComparisonsFileSchema>;
