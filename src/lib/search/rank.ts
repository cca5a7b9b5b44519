/**
 * Ranking and excerpts for search results. Pure and browser-safe.
 *
 * Order: exactness first, then the primary source, then how early, then how often.
 *  - tier 0: the query as typed is found as one run (for a single word, every
 *    hit; for several words, the words joined together);
 *  - tier 1: every word is there, but apart;
 *  - tiers 2 and 3: the same, found only after converting a Traditional-character
 *    query to Simplified;
 *  - within a tier, reports before the press coverage that quotes them (a paper's
 *    sentence that repeats the report's words is not the source, however early
 *    in its paragraph they stand);
 *  - then the earliest start (character offset in the paragraph), then the
 *    number of occurrences, then document order (newest report first).
 */
import { foldText, foldedStarts } from './tokens.ts';
import type { KindFacet } from './records.ts';

export interface MatchInfo {
  /** Start offsets (folded characters) of each query word in the paragraph. */
  wordStarts: number[][];
  /** Start offsets of the whole query as one run (the single word, or the words joined). */
  runStarts: number[];
  /** Found only through Traditional → Simplified conversion. */
  converted: boolean;
}

export interface RankKey {
  tier: number;
  /** 0 for a report, 1 for press coverage (KIND_ORDER). */
  kind: number;
  first: number;
  count: number;
  /** Tie-break: smaller comes first (document order). */
  order: number;
}

/** Primary sources first: a report ranks before the coverage that quotes it. */
export const KIND_ORDER: Record<KindFacet, number> = { report: 0, coverage: 1 };

export function rankKey(m: MatchInfo, order: number, kind: KindFacet = 'report'): RankKey {
  const run = m.runStarts.length > 0;
  const tier = (run ? 0 : 1) + (m.converted ? 2 : 0);
  const k = KIND_ORDER[kind];
  if (run) return { tier, kind: k, first: Math.min(...m.runStarts), count: m.runStarts.length, order };
  const firsts = m.wordStarts.map((s) => (s.length ? Math.min(...s) : Infinity));
  return { tier, kind: k, first: Math.min(...firsts), count: m.wordStarts.reduce((n, s) => n + s.length, 0), order };
}

export function compareRank(a: RankKey, b: RankKey): number {
  return a.tier - b.tier || a.kind - b.kind || a.first - b.first || b.count - a.count || a.order - b.order;
}

/** Ranges [start, end) in `text` (UTF-16 offsets) where any of the folded phrases occurs. */
export function matchRanges(text: string, phrases: string[]): Array<[number, number]> {
  const { chars, map } = foldText(text);
  const folded = chars;
  const out: Array<[number, number]> = [];
  for (const phrase of phrases) {
    const p = Array.from(phrase);
    if (p.length === 0) continue;
    for (const i of foldedStarts(folded, p)) {
      const last = map[i + p.length - 1]!;
      out.push([map[i]!, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    }
  }
  // Merge overlaps so that marks never nest.
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** True when the folded paragraph contains the folded phrase. */
export function containsFolded(text: string, foldedPhrase: string): boolean {
  return foldText(text).folded.includes(foldedPhrase);
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of `text` around the first range: about `before` characters of
 * context before it, filled up to `width` characters, cut at the window's edges
 * with an ellipsis. Every range inside the window is marked.
 */
export function excerpt(text: string, ranges: Array<[number, number]>, width = 90, before = 24): Segment[] {
  const chars = Array.from(text);
  // Work in code points; convert the UTF-16 ranges.
  const cpIndex: number[] = [];
  let u = 0;
  for (let i = 0; i < chars.length; i++) {
    cpIndex[u] = i;
    u += chars[i]!.length;
  }
  cpIndex[u] = chars.length;
  const cp = ranges.map(([s, e]) => [cpIndex[s] ?? 0, cpIndex[e] ?? chars.length] as [number, number]);
  const first = cp[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  let end = Math.min(chars.length, start + Math.max(width, first ? first[1] - start : 0));
  if (end === chars.length) start = Math.max(0, Math.min(start, end - width));
  // Never cut a later hit in two: end the window before it instead.
  for (const [s, e] of cp) if (s < end && e > end && s > (first?.[0] ?? 0)) end = s;
  const segs: Segment[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const prev = segs[segs.length - 1];
    if (prev && prev.mark === mark) prev.text += t;
    else segs.push({ text: t, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [s, e] of cp) {
    if (e <= start || s >= end) continue;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    push(chars.slice(at, ms).join(''), false);
    push(chars.slice(ms, me).join(''), true);
    at = me;
  }
  push(chars.slice(at, end).join(''), false);
  if (end < chars.length) push('…', false);
  return segs;
}
