/**
 * A search query as typed → the phrases to look up. Pure and browser-safe.
 *
 * - Words are separated by spaces (ASCII or ideographic); every word must occur
 *   (AND). A word wrapped in quotes ("…", “…”, 「…」) may contain spaces, which
 *   are ignored like everywhere else in matching; quotation marks inside a word
 *   (“十四五”规划) are part of the phrase.
 * - Each word is matched as a substring of the paragraph after folding
 *   (foldForMatch: no whitespace, full-width → half-width, lower case), so
 *   `６％左右`, `6% 左右` and `6%左右` are the same phrase.
 * - For a query of several words, the words joined together are also looked up,
 *   so that paragraphs holding the whole run rank first.
 */
import { phraseTokens, type PhraseTokens } from './tokens.ts';

export interface QueryWord extends PhraseTokens {
  /** The word as typed. */
  text: string;
}

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  raw: string;
  /** The words to find, in the order typed, without repeats (by folded form). */
  words: QueryWord[];
  /** The words joined (for ranking a contiguous run first); null for a single word. */
  joined: PhraseTokens | null;
}

/** A quoted run counts as one word only when it stands alone (“十四五”规划 is one word, quotes and all). */
const WORD = /(?<=^|\s)(?:"([^"]*)"|“([^”]*)”|「([^」]*)」)(?=\s|$)|(\S+)/gu;

/** Longest query, in characters: a pasted page is cut here (the quote check takes longer text). */
export const MAX_QUERY_CHARS = 200;

export function parseQuery(input: string): ParsedQuery {
  const raw = input.trim().slice(0, MAX_QUERY_CHARS);
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const m of raw.matchAll(WORD)) {
    const text = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const tokens = phraseTokens(text);
    if (!tokens || seen.has(tokens.folded)) continue;
    seen.add(tokens.folded);
    words.push({ text, ...tokens });
  }
  // A word contained in another adds nothing to an AND query: 发展 in 高质量发展.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.folded.length > w.folded.length && o.folded.includes(w.folded)));
  const joined = kept.length > 1 ? phraseTokens(kept.map((w) => w.folded).join('')) : null;
  return { raw, words: kept, joined };
}
