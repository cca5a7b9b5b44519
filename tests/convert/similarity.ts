/**
 * How closely a converted text matches its text twin: characters (white space
 * ignored, as the parser ignores it) and lines (paragraph boundaries).
 */
import { diffArrays, diffChars } from 'diff';

export interface Similarity {
  /** Non-white-space characters equal after a diff, over the longer of the two. */
  chars: number;
  /** Lines (white space runs folded to one space, trimmed, empty ones dropped) equal after a diff, over the longer of the two. */
  lines: number;
  /** Non-white-space characters of each side. */
  mine: number;
  twin: number;
  /** Lines of each side. */
  mineLines: number;
  twinLines: number;
}

const strip = (s: string): string => s.replace(/\s+/g, '');
const nonEmptyLines = (s: string): string[] => s.split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

export function similarity(mine: string, twin: string): Similarity {
  const a = strip(mine);
  const b = strip(twin);
  const equal = diffChars(a, b).reduce((n, part) => n + (part.added || part.removed ? 0 : part.value.length), 0);
  const la = nonEmptyLines(mine);
  const lb = nonEmptyLines(twin);
  const equalLines = diffArrays(la, lb).reduce((n, part) => n + (part.added || part.removed ? 0 : part.value.length), 0);
  return {
    chars: Math.max(a.length, b.length) ? equal / Math.max(a.length, b.length) : 1,
    lines: Math.max(la.length, lb.length) ? equalLines / Math.max(la.length, lb.length) : 1,
    mine: a.length,
    twin: b.length,
    mineLines: la.length,
    twinLines: lb.length,
  };
}
