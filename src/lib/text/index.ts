/**
 * Shared text helpers: bytes → text, source lines, folding for matching, Chinese
 * numerals, CSV. Browser-safe (no Node APIs), except `toSimplified`, which loads
 * opencc-js's full tables and is for build-time metadata reading.
 */
export { decodeSource, MAX_SOURCE_BYTES, type Decoded } from './decode.ts';
export { splitLines, normalizeSpaces, joinWrapped, type SourceLine } from './lines.ts';
export { isInk, stripSpace, foldChar, foldCodePoints, foldForMatch, foldWithMap, type FoldedText } from './fold.ts';
export { CN_DIGITS, chineseOrdinal, chineseYear, chineseAmount, asciiDigits } from './numerals.ts';
export { toSimplified, looksTraditional as looksTraditionalScript } from './chinese.ts';
export { toCsv, parseCsv } from './csv.ts';
