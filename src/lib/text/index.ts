/**
 * Shared text helpers: bytes → text, source lines, folding for comparison, Chinese
 * numerals, CSV. Browser-safe (no Node APIs).
 */
export { decodeSource, MAX_SOURCE_BYTES, type Decoded } from './decode.ts';
export {
  splitLines, normalizeSpaces, isInk, stripSpace, foldChar, foldForMatch, joinWrapped,
  chineseOrdinal, chineseYear, asciiDigits, type SourceLine,
} from './text.ts';
export { toSimplified, looksTraditional as looksTraditionalScript } from './chinese.ts';
export { toCsv, parseCsv } from './csv.ts';
