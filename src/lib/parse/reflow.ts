/**
 * Line layout left by extraction, undone without losing a character:
 * - a file with no line breaks (a whole report on one line) is cut into pieces at its
 *   sentence ends, its headings and its page numbers ("— 9 —"); every piece keeps the
 *   number of the source line it comes from, and its own offsets;
 * - lines broken in mid-phrase ("今年经济社会发展的" / "主要预期目标" / "是：…") and text
 *   hard-wrapped at a fixed width (PDF extraction) are re-joined into paragraphs.
 */
import type { ClassifiedLine } from './classify.ts';
import { stripSpace, type SourceLine } from '../text/index.ts';

/** Lines longer than this are cut at sentence ends. */
export const LONG_LINE = 1200;

const ODD_SPACE = /[\s\u00a0\u3000\ufeff]/;

function piece(l: SourceLine, from: number, to: number): SourceLine | null {
  const raw = l.raw.slice(from, to);
  const lead = raw.length - raw.replace(/^[\s\u00a0\u3000\ufeff]+/u, '').length;
  const text = raw.replace(/[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\t\f\v]/g, ' ').trim();
  if (!text) return null;
  return { line: l.line, start: l.start + from, end: l.start + to, raw, text, textStart: l.start + from + lead, indent: lead };
}

/**
 * Where a long line is cut: after a sentence end, before a heading ("一、", "（一）")
 * that follows a space or a sentence end, around a page number between sentences, and after a
 * short heading that a space separates from its text ("一、2023年工作回顾 2023 年是…").
 */
export function cutPoints(raw: string): number[] {
  const cuts = new Set<number>();
  for (const m of raw.matchAll(/[。！？!?](?:[”’」』]?)/g)) cuts.add(m.index + m[0].length);
  for (const m of raw.matchAll(/[：:](?=\s)/g)) if (/各位(代表|主任|委员)/.test(raw.slice(Math.max(0, m.index - 12), m.index))) cuts.add(m.index + 1);
  for (const m of raw.matchAll(/(?<=[\s。！？；])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/g)) cuts.add(m.index);
  // A page number between sentences stands alone; inside a sentence it stays (the figure readers skip it).
  for (const m of raw.matchAll(/[—－–-]\s*\d{1,3}\s*[—－–-]/g)) {
    if (!/[。！？!?”]\s*$/.test(raw.slice(Math.max(0, m.index - 4), m.index))) continue;
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  // A heading run on with a space: cut after it when it is short.
  for (const m of raw.matchAll(/(?<=^|[\s。！？])([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])([^\s。，；！？]{2,24})(?=\s)/g)) {
    cuts.add(m.index + m[0].length);
  }
  return [...cuts].filter((c) => c > 0 && c < raw.length).sort((a, b) => a - b);
}

/** Cut every very long line into pieces (each a line of its own for the classifier). */
export function splitLongLines(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => l.raw.length > LONG_LINE)) return lines;
  const out: SourceLine[] = [];
  for (const l of lines) {
    if (l.raw.length <= LONG_LINE) {
      out.push(l);
      continue;
    }
    let from = 0;
    for (const cut of [...cutPoints(l.raw), l.raw.length]) {
      const p = piece(l, from, cut);
      if (p) out.push(p);
      from = cut;
    }
  }
  return out;
}

/** The width a hard-wrapped text was cut at, if it was: most body lines are the same length. */
export function wrapWidth(lines: ClassifiedLine[]): number | null {
  const lengths = lines.filter((l) => l.kind === 'body' || l.kind === 'bullet').map((l) => stripSpace(l.text).length);
  if (lengths.length < 20) return null;
  const counts = new Map<number, number>();
  for (const n of lengths) if (n >= 15) counts.set(n, (counts.get(n) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > mode)) [mode, best] = [n, c];
  const near = lengths.filter((n) => n >= mode - 2 && n <= mode + 1).length;
  return mode >= 15 && near >= lengths.length * 0.5 ? mode : null;
}

/** Characters that do not end a sentence or a heading: a line ending in one goes on in the next. */
const OPEN_END = /[的和与及或在对把将从向为以了是、，,（(“"《]$/;
/** Characters that do not begin a paragraph. */
const CLOSED_START = /^([，,。、；;：:）)”"》%％的地得]|是[：:]|为[：:])/;

/** Does the next line continue this one (the same paragraph, broken by extraction)? */
export function continues(l: ClassifiedLine, next: ClassifiedLine, width: number | null): boolean {
  if (!(l.kind === 'body' || l.kind === 'bullet') || next.kind !== 'body' || next.opening) return false;
  const a = stripSpace(l.text);
  const b = stripSpace(next.text);
  if (!a || !b || ODD_SPACE.test(b[0]!)) return false;
  if (OPEN_END.test(a) || CLOSED_START.test(b)) return true;
  // Hard wrap: a full-width line that does not end a sentence.
  return width !== null && a.length >= width - 2 && !/[。！？!?…]["”’」』]?$/.test(a);
}
