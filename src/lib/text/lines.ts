/**
 * Lines with offsets, whitespace normalisation, re-joining wrapped lines. Normalised
 * strings are for matching only; records keep the source's own characters.
 */

export interface SourceLine {
  /** 1-based line number in the source file. */
  line: number;
  /** Offset of the first character of the line in the source text. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  /** The line as written, without its line break. */
  raw: string;
  /** The line with NBSP, ideographic and other odd spaces turned into plain spaces, trimmed. */
  text: string;
  /** Offset in the source of the first character of `text`. */
  textStart: number;
  /** Leading indentation (spaces of any kind) before `text`. */
  indent: number;
}

/** Spaces that extraction and typesetting leave behind: NBSP, ideographic space, en/em spaces, zero-width ones, BOM. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\t\f\v]/g;

export function normalizeSpaces(s: string): string {
  return s.replace(ODD_SPACES, ' ');
}

export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const spaced = normalizeSpaces(raw);
    const lead = spaced.length - spaced.trimStart().length;
    out.push({ line: n, start, end, raw, text: spaced.trim(), textStart: start + lead, indent: lead });
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(m.index);
    start = m.index + m[0].length;
    n++;
  }
  push(text.length);
  return out;
}

/** Join wrapped lines: drop the break and indentation; keep one space only between Latin letters or digits. */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

