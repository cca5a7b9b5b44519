/**
 * The search tokenizer: text → overlapping character bigrams, each written as a
 * short ASCII word, so that Pagefind's phrase machinery becomes a true substring
 * search whatever the word segmentation.
 *
 * The same module runs at build time (src/integrations/pagefind.ts writes the
 * index with it) and in the browser (src/client/search.ts turns queries into
 * tokens with it). Pure and browser-safe: it imports only the folding helpers.
 *
 * Why ASCII: Pagefind keeps only letters and digits of a word, lower-cases it,
 * segments Chinese with jieba at index time and with Intl.Segmenter at query
 * time. A token made of [0-9a-z] only survives all of that unchanged and is
 * never split (letters and digits form one word in Unicode word breaking).
 *
 * Encoding: every folded character becomes a code of 3 base-36 digits (its
 * code point) or, for code points ≥ 46655 and for U+0000, `zzz` + 4 digits.
 * The codes are prefix-free, so a token (two codes) equals another token only
 * when both characters are equal, and a token is never a prefix of another.
 * The code `000` is reserved for the end of a paragraph: the last character's
 * token is `code + 000`, so every character of a paragraph starts exactly one
 * token and a word position in the index equals a character offset in the
 * folded text.
 */
import { foldCodePoints } from '../text/fold.ts';

/** Bump when the token format changes: the index and the browser must agree. */
export const TOKEN_VERSION = 1;

const WIDE = 36 ** 3 - 1; // 46655, written `zzz`: it marks the long form
/** The end-of-paragraph code (U+0000 itself takes the long form). */
export const END_CODE = '000';

/** The code of one character (a single code point). */
export function charCode(ch: string): string {
  const cp = ch.codePointAt(0);
  if (cp === undefined) throw new Error('charCode: empty string');
  if (cp > 0 && cp < WIDE) return cp.toString(36).padStart(3, '0');
  return `zzz${cp.toString(36).padStart(4, '0')}`;
}

/** Decode a run of codes back to characters (for tests and debugging). */
export function decodeCodes(codes: string): string {
  let out = '';
  for (let i = 0; i < codes.length; ) {
    const wide = codes.startsWith('zzz', i);
    const len = wide ? 4 : 3;
    const start = wide ? i + 3 : i;
    const digits = codes.slice(start, start + len);
    if (digits.length !== len || !/^[0-9a-z]+$/.test(digits)) throw new Error(`decodeCodes: bad code at ${i} in "${codes}"`);
    const cp = parseInt(digits, 36);
    if (!wide && cp === 0) out += '\u2400'; // END_CODE, shown as ␀
    else out += String.fromCodePoint(cp);
    i = start + len;
  }
  return out;
}

/**
 * The matching form of a text: no whitespace, full-width forms and punctuation
 * folded to half-width, lower case (foldForMatch, applied per character so that
 * every folded character can be traced back to the source). `chars` are code
 * points; `map[k]` is the UTF-16 offset in `text` of the character that gave
 * `chars[k]`.
 */
export function foldText(text: string): { folded: string; chars: string[]; map: number[] } {
  const { chars, map } = foldCodePoints(text);
  return { folded: chars.join(''), chars, map };
}

/**
 * Index tokens of a paragraph: one per folded character, the character's code
 * followed by the next character's code (or END_CODE after the last one).
 */
export function indexTokens(text: string): string[] {
  const codes = foldText(text).chars.map(charCode);
  return codes.map((c, i) => c + (codes[i + 1] ?? END_CODE));
}

/** What a Pagefind record's content is: the tokens separated by single spaces. */
export function indexContent(text: string): string {
  return indexTokens(text).join(' ');
}

export interface PhraseTokens {
  /** The phrase as matched: folded characters. */
  folded: string;
  /** Length of `folded` in characters (code points). */
  length: number;
  /**
   * Tokens to look up, in order; token k must sit at position p + k for a match
   * starting at p. A one-character phrase has a single code that is looked up as
   * a prefix (every occurrence of a character starts one index token).
   */
  tokens: string[];
  /** True for a one-character phrase: `tokens[0]` is a prefix, not a whole token. */
  prefix: boolean;
}

/** Tokens for a phrase (one word of a query); null when nothing is left after folding. */
export function phraseTokens(phrase: string): PhraseTokens | null {
  const { folded, chars } = foldText(phrase);
  if (chars.length === 0) return null;
  const codes = chars.map(charCode);
  if (codes.length === 1) return { folded, length: 1, tokens: [codes[0]!], prefix: true };
  const tokens = codes.slice(0, -1).map((c, i) => c + codes[i + 1]!);
  return { folded, length: chars.length, tokens, prefix: false };
}

/**
 * Start positions where a phrase occurs, given each token's positions in one
 * paragraph (`positions[k]` for `tokens[k]`). Positions are character offsets in
 * the paragraph's folded text.
 */
export function phraseStarts(positions: ReadonlyArray<ReadonlyArray<number>>): number[] {
  if (positions.length === 0) return [];
  const sets = positions.slice(1).map((p) => new Set(p));
  const first = [...new Set(positions[0])].sort((a, b) => a - b);
  return first.filter((p) => sets.every((s, k) => s.has(p + k + 1)));
}
