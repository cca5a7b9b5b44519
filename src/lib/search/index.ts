/**
 * Search: the bigram tokens shared by the build-time index and the browser, query parsing,
 * ranking and excerpts, the search table's records, quote checks.
 * Browser-safe: every module here (the client imports them); `records.ts` builds the table at
 * build time and gives the client its types. The Traditional → Simplified converter (40 KB of
 * dictionaries) is loaded on demand through `loadTraditionalConverter`.
 */
export { TOKEN_VERSION, indexContent, phraseStarts, phraseTokens, type PhraseTokens } from './tokens.ts';
export { parseQuery, type ParsedQuery } from './query.ts';
export { compareRank, excerpt, matchRanges, rankKey, type MatchInfo, type RankKey } from './rank.ts';
export {
  kindFacet, searchEntries, searchTable, tableRows,
  type SearchDoc, type SearchEntry, type SearchTable, type SearchText, type TableRow,
} from './records.ts';
export { hasHan, looksTraditional } from './hint.ts';
export { SIMILAR_ENOUGH, bestMatch, type Match } from './quote-match.ts';
export { foldWithMap } from '../text/fold.ts';
export { diffQuote, trimQuote } from './quote.ts';

/** The Traditional → Simplified converter, loaded on first use. */
export function loadTraditionalConverter(): Promise<(text: string) => string> {
  return import('./traditional.ts').then((m) => m.traditionalToSimplified);
}
