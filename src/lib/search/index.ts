/**
 * Search: the tokens shared by the build-time index and the browser, the binary form of
 * the posting lists, query parsing, ranking and excerpts, the index's records and file
 * layout, quote checks.
 * Browser-safe: every module here (the client imports them); `records.ts` lists the entries
 * at build time and gives the client its types. The Traditional → Simplified converter (40 KB
 * of dictionaries) is loaded on demand through `loadTraditionalConverter`.
 */
export {
  MAX_PHRASE_TOKENS, TOKEN_VERSION, foldText, foldedCodePoints, foldedStarts, indexTokens, phraseStarts, phraseTokens, tokenKey, tokenText,
  type PhraseTokens, type TokenKey,
} from './tokens.ts';
export { ByteReader, ByteWriter, PostingsWriter, bucketOf, readBucket, readPostings, writeKey, writePostings, type Postings, type TokenRecord } from './postings.ts';
export { MAX_QUERY_CHARS, parseQuery, type ParsedQuery } from './query.ts';
export { KIND_ORDER, compareRank, excerpt, matchRanges, rankKey, type MatchInfo, type RankKey } from './rank.ts';
export {
  decodeParts, encodeParts, figureNotes, indexedDocuments, kindFacet, searchDoc, searchEntries, searchPaths,
  type FigureNote, type PartFacet, type SearchDoc, type SearchEntry, type SearchManifest, type SearchText, type ShardDocs, type ShardInfo,
} from './records.ts';
export { hasHan, looksTraditional } from './hint.ts';
export { SIMILAR_ENOUGH, allMatches, bestMatch, type Match } from './quote-match.ts';
export { foldWithMap } from '../text/fold.ts';
export { compareSources, diffQuote, judgeQuote, trimQuote, type QuoteJudgement, type QuoteSource, type QuoteVerdict } from './quote.ts';

/** The Traditional → Simplified converter, loaded on first use. */
export function loadTraditionalConverter(): Promise<(text: string) => string> {
  return import('./traditional.ts').then((m) => m.traditionalToSimplified);
}
