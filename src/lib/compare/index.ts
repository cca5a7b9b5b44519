/**
 * Comparisons: each target beside the result the next review states, with a verdict, the rule
 * applied and plausibility flags; chart series and downloads built from them.
 * Browser-safe: `series.ts` types (the chart client imports them); the rest runs at build time.
 */
export { GRADED, buildComparisons, compareComparisons, targetOutcomes, type TargetOutcome } from './build.ts';
export { ComparisonSchema, ComparisonsFileSchema, type Comparison, type ComparisonPart, type ComparisonSide, type Verdict } from './schema.ts';
export { RULES, VERDICT_LABELS, boundOf, formatNumber } from './verdicts.ts';
export { INDICATOR_PARTS } from './parts.ts';
export { statedFigure, type Horizon } from './figure-words.ts';
export { GROWTH_LIMIT, MAGNITUDE_FACTOR } from './plausibility.ts';
export { allSeries, chartedYearSeries, partLabel, regionSeries, yearSeries, type Series, type SeriesPart, type SeriesPoint } from './series.ts';
export { COMPARISON_COLUMNS, COMPARISON_COLUMN_NOTES, HIERARCHY_COLUMNS, comparisonsCsv, comparisonsJson, hierarchyCsv, seriesCsv } from './downloads.ts';
export { gapWords, hierarchyGaps, indicatorGapSeries, regionHierarchySeries, type HierarchyGap, type HierarchyRegion, type LinesSeries } from './hierarchy.ts';
export { maskedKey, reportChanges, similarity, targetChanges, type ChangesDocument, type PhraseChange, type ReportChanges, type SentenceChange, type TargetChange } from './changes.ts';
