/**
 * Where does a quote come from? Exact when its folded form (no spaces,
 * half-width punctuation) is a substring of a paragraph's; otherwise the
 * paragraph window with the highest character-bigram Dice similarity.
 * Pure and browser-safe: the search page's quote check uses it too.
 */
import { diffArrays } from 'diff';
import { foldForMatch, foldWithMap, type FoldedText } from '../text/fold.ts';

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: Map<string, number>, aSize: number, b: Map<string, number>, bSize: number): number {
  if (!aSize || !bSize) return 0;
  let common = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  return (2 * common) / (aSize + bSize);
}

/** A quote at least this similar (Dice over character bigrams) to a passage is that passage, misquoted. */
export const SIMILAR_ENOUGH = 0.6;

export interface Match<P> {
  paragraph: P;
  similarity: number;
  /** The matched words, verbatim from the paragraph. */
  passage: string;
  /** Offsets of the passage in the paragraph's text. */
  start: number;
  end: number;
}

const EDGE_PUNCT = /^[,.!?;:"'()<>\-~\s]+|[,.!?;:"'()<>\-~\s]+$/g;

interface Prepared {
  folded: FoldedText[];
  grams: Map<string, number>[];
}

const prepared = new WeakMap<object, Prepared>();

/** Folded texts and bigram counts of a paragraph list, computed once per list. */
function prepare(paragraphs: { text: string }[]): Prepared {
  let p = prepared.get(paragraphs);
  if (!p) {
    const folded = paragraphs.map((x) => foldWithMap(x.text));
    p = { folded, grams: folded.map((f) => bigrams(f.folded)) };
    prepared.set(paragraphs, p);
  }
  return p;
}

/** The match for folded offsets [s, e) of a paragraph's text. */
function matchAt<P extends { text: string }>(p: P, f: FoldedText, s: number, e: number, similarity: number): Match<P> {
  const start = f.map[s]!;
  const last = f.map[e - 1]!;
  const end = last + (p.text.codePointAt(last)! > 0xffff ? 2 : 1);
  return { paragraph: p, similarity, passage: p.text.slice(start, end), start, end };
}

/**
 * A near match's window, moved to the words the quote lines up with. The most similar window
 * can straddle them (for 工业投资增长28.4% against …增长25.4%，工业投资增长29.3%… it is
 * .4%，工业投资增长2, sharing more pairs than the right words do); so the text around it is
 * aligned with the quote (jsdiff) and the report's words beyond either end of the alignment dropped.
 */
function fitWindow<P extends { text: string }>(q: string, m: Match<P>, f: FoldedText, s: number, w: number): Match<P> {
  const from = Math.max(0, s - w);
  const to = Math.min(f.folded.length, s + 2 * w);
  const region = f.folded.slice(from, to).split('');
  const quote = q.split('');
  // Report characters after the last aligned one. Among equally long alignments jsdiff takes the
  // earliest characters, so aligned forwards the end comes as early as it can, and aligned
  // backwards (both reversed) the start comes as late as it can: the tightest span.
  const after = (a: string[], b: string[]) => {
    let n = 0;
    for (const c of diffArrays(a, b).reverse()) {
      if (c.added) n += c.count ?? c.value.length;
      else if (!c.removed) break;
    }
    return n;
  };
  const a = from + after([...quote].reverse(), [...region].reverse());
  const b = to - after(quote, region);
  return b > a ? matchAt(m.paragraph, f, a, b, m.similarity) : m;
}

/** The quote as compared: folded, without the punctuation at its edges. */
function foldQuote(quote: string): string {
  return foldForMatch(quote).replace(EDGE_PUNCT, '');
}

/** Where the folded quote stands verbatim in paragraph k, or null. */
function exactIn<P extends { text: string }>(q: string, p: P, f: FoldedText): Match<P> | null {
  const at = f.folded.indexOf(q);
  return at < 0 ? null : matchAt(p, f, at, at + q.length, 1);
}

/**
 * The window of a paragraph most like the quote: a window as long as the quote slides over the
 * folded text, keeping the shared-bigram count up to date as it moves.
 */
function bestWindow<P extends { text: string }>(q: string, qGrams: Map<string, number>, p: P, f: FoldedText): (Match<P> & { s: number }) | null {
  const qSize = Math.max(0, q.length - 1);
  const text = f.folded;
  const w = Math.min(q.length, text.length);
  if (w < 2) return null;
  const win = new Map<string, number>();
  let common = 0;
  const add = (g: string) => {
    const n = win.get(g) ?? 0;
    if (n < (qGrams.get(g) ?? 0)) common++;
    win.set(g, n + 1);
  };
  const remove = (g: string) => {
    const n = win.get(g)! - 1;
    win.set(g, n);
    if (n < (qGrams.get(g) ?? 0)) common--;
  };
  for (let i = 0; i + 1 < w; i++) add(text.slice(i, i + 2));
  let best: (Match<P> & { s: number }) | null = null;
  for (let s = 0; s + w <= text.length; s++) {
    if (s > 0) {
      remove(text.slice(s - 1, s + 1));
      add(text.slice(s + w - 2, s + w));
    }
    const sim = (2 * common) / (qSize + (w - 1));
    if (!best || sim > best.similarity) {
      const start = f.map[s]!;
      const end = (f.map[s + w - 1] ?? p.text.length - 1) + 1;
      best = { paragraph: p, similarity: sim, passage: p.text.slice(start, end), start, end, s };
    }
  }
  return best;
}

export function bestMatch<P extends { text: string }>(quote: string, paragraphs: P[]): Match<P> | null {
  const q = foldQuote(quote);
  if (q.length < 2) return null;
  const { folded, grams } = prepare(paragraphs);
  for (let k = 0; k < paragraphs.length; k++) {
    const m = exactIn(q, paragraphs[k]!, folded[k]!);
    if (m) return m;
  }
  const qGrams = bigrams(q);
  const qSize = Math.max(0, q.length - 1);
  // Rank paragraphs by shared bigrams, then slide a window over the best few.
  const ranked = folded
    .map((f, k) => ({ k, score: dice(qGrams, qSize, grams[k]!, Math.max(0, f.folded.length - 1)) * Math.sqrt(f.folded.length) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  let best: Match<P> | null = null;
  for (const { k } of ranked) {
    const m = bestWindow(q, qGrams, paragraphs[k]!, folded[k]!);
    if (m && (!best || m.similarity > best.similarity)) best = { paragraph: m.paragraph, similarity: m.similarity, passage: m.passage, start: m.start, end: m.end };
  }
  return best;
}

/**
 * Every paragraph where the quote stands, not only the best: per paragraph its verbatim
 * occurrence or its most similar window, kept when at least `min` similar; exact ones
 * (similarity 1) first, then the more similar, then in the order given.
 * (For a few candidate paragraphs, as the quote check has: each is searched whole.)
 */
export function allMatches<P extends { text: string }>(quote: string, paragraphs: P[], min = SIMILAR_ENOUGH): Match<P>[] {
  const q = foldQuote(quote);
  if (q.length < 2) return [];
  const { folded } = prepare(paragraphs);
  const qGrams = bigrams(q);
  const out: Array<Match<P> & { k: number }> = [];
  paragraphs.forEach((p, k) => {
    const f = folded[k]!;
    const exact = exactIn(q, p, f);
    if (exact) return out.push({ ...exact, k });
    const near = bestWindow(q, qGrams, p, f);
    if (near && near.similarity >= min) out.push({ ...fitWindow(q, near, f, near.s, Math.min(q.length, f.folded.length)), k });
  });
  return out.sort((a, b) => b.similarity - a.similarity || a.k - b.k).map(({ k: _k, ...m }) => m);
}
