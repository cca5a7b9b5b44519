/**
 * Term trends: how often each report uses a phrase, by year and level of government, from counts
 * the search index gives in the browser. Browser-safe and small (no zod, no parser): the terms
 * page's script imports it.
 */
export { LEVEL_WORDS, TERM_COLUMNS, termCsv, termSeries, termTrend, type TermDoc, type TermDocCount, type TermLevelYear, type TermTrend } from './terms.ts';
