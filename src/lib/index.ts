/**
 * Report Explorer's libraries, by concern. Each folder's `index.ts` is its public API;
 * code outside `src/lib/` imports only from these indexes.
 *
 * - `text/`     shared text helpers: bytes → text, lines, folding, Chinese numerals, CSV.
 * - `parse/`    sources → records (documents, sections, paragraphs, targets, results, quotes).
 * - `compare/`  records → comparisons (a target beside the next review's result, with a verdict), series, downloads.
 * - `search/`   the search index's tokens and records, query parsing, ranking, quote checks (browser-safe).
 * - `cite/`     citations (GB/T 7714, APA, BibTeX, CSL-JSON), CITATION.cff, Markdown export, the data version.
 *
 * This file is the shared vocabulary: the record schemas and the indicator dictionary.
 * Data flows one way: text → parse → compare; search and cite read records.
 */
export * from './schema.ts';
export { HEADLINE_INDICATOR, INDICATORS, indicator, findIndicators, labelFor, type Indicator } from './indicators.ts';
export { sourceSlug, sourceSlugMap } from './source-names.ts';
