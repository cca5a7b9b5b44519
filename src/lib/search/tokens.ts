/**
 * The search tokenizer: text → characters and overlapping character bigrams of
 * its folded form, so that the index (src/lib/search/index-build.ts) answers
 * substring queries whatever the word segmentation.
 *
 * The same module runs at build time and in the browser (src/client/search-engine.ts
 * turns queries into tokens with it). Pure and browser-safe: it imports only the
 * folding helpers.
 *
 * A token is a number: the first character's code point × 2²¹ plus the second's
 * code point + 1 (0 for a token of one character). The index holds, for every
 * position of every paragraph, the character there (a unigram) and the pair
 * starting there (a bigram); positions are character offsets in the folded text.
 * A phrase of n ≥ 2 characters is found where its bigrams at offsets 0, 2, 4 …
 * (and n − 2) sit at p + offset: those pairs cover every character, so the match
 * is exact with about half the lookups of every bigram.
 */
import { foldCodePoints } from '../text/fold.ts';

/** Bump when the token format changes: the index and the browser must agree. */
export const TOKEN_VERSION = 2;

/** A unigram or bigram (see the module comment). */
export type TokenKey = number;

const SHIFT = 0x200000; // 2²¹ > 0x10FFFF + 1

/** The token of one character (`second` omitted) or of two adjacent characters, by code point. */
export function tokenKey(first: number, second?: number): TokenKey {
  return first * SHIFT + (second === undefined ? 0 : second + 1);
}

/** The characters of a token (for tests and debugging). */
export function tokenText(key: TokenKey): string {
  const first = Math.floor(key / SHIFT);
  const second = key % SHIFT;
  return String.fromCodePoint(first) + (second ? String.fromCodePoint(second - 1) : '');
}

/** The two halves of a token, as the index files store them: first code point, second + 1 (0: none). */
export function tokenParts(key: TokenKey): [number, number] {
  return [Math.floor(key / SHIFT), key % SHIFT];
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

/** Code points of the folded text. */
export function foldedCodePoints(text: string): number[] {
  return foldText(text).chars.map((c) => c.codePointAt(0)!);
}

/**
 * Every token of a paragraph with its position: the character at each position,
 * and the pair starting there (all but the last position).
 */
export function indexTokens(text: string): Array<[TokenKey, number]> {
  const cps = foldedCodePoints(text);
  const out: Array<[TokenKey, number]> = [];
  cps.forEach((c, i) => {
    out.push([tokenKey(c), i]);
    if (i + 1 < cps.length) out.push([tokenKey(c, cps[i + 1]!), i]);
  });
  return out;
}

/** Most tokens looked up for one phrase; a longer phrase is looked up by a spread of its pairs and checked against the text. */
export const MAX_PHRASE_TOKENS = 24;

export interface PhraseTokens {
  /** The phrase as matched: folded characters. */
  folded: string;
  /** Length of `folded` in characters (code points). */
  length: number;
  /** Tokens to look up; `tokens[k]` must sit at p + `offsets[k]` for a match starting at p. */
  tokens: TokenKey[];
  offsets: number[];
  /**
   * True when the tokens pin down every character, so that token positions alone
   * prove a match; false for phrases longer than 2 × MAX_PHRASE_TOKENS characters,
   * whose candidates must be checked against the text.
   */
  exact: boolean;
}

/** Tokens for a phrase (one word of a query); null when nothing is left after folding. */
export function phraseTokens(phrase: string): PhraseTokens | null {
  const { folded, chars } = foldText(phrase);
  if (chars.length === 0) return null;
  const cps = chars.map((c) => c.codePointAt(0)!);
  const n = cps.length;
  if (n === 1) return { folded, length: 1, tokens: [tokenKey(cps[0]!)], offsets: [0], exact: true };
  let offsets: number[] = [];
  for (let o = 0; o <= n - 2; o += 2) offsets.push(o);
  if (offsets[offsets.length - 1] !== n - 2) offsets.push(n - 2);
  let exact = true;
  if (offsets.length > MAX_PHRASE_TOKENS) {
    const all = offsets;
    offsets = Array.from({ length: MAX_PHRASE_TOKENS }, (_, k) => all[Math.round((k * (all.length - 1)) / (MAX_PHRASE_TOKENS - 1))]!);
    exact = false;
  }
  return { folded, length: n, tokens: offsets.map((o) => tokenKey(cps[o]!, cps[o + 1]!)), offsets, exact };
}

/**
 * Start positions where a phrase occurs, given each token's positions in one
 * paragraph (`positions[k]` for the token at `offsets[k]`; offsets default to
 * 0, 1, 2 …). Positions are character offsets in the paragraph's folded text.
 */
export function phraseStarts(positions: ReadonlyArray<ReadonlyArray<number>>, offsets?: ReadonlyArray<number>): number[] {
  if (positions.length === 0) return [];
  const off = offsets ?? positions.map((_, k) => k);
  const sets = positions.slice(1).map((p) => new Set(p));
  const first = [...new Set(positions[0])].sort((a, b) => a - b).map((p) => p - off[0]!);
  return first.filter((p) => p >= 0 && sets.every((s, k) => s.has(p + off[k + 1]!)));
}

/** Every start of the folded phrase in the folded text, in characters (the truth the index must agree with). */
export function foldedStarts(foldedText: readonly string[], phrase: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + phrase.length <= foldedText.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (foldedText[i + k] !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(i);
  }
  return out;
}
