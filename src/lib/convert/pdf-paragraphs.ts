/**
 * Lines of a PDF → paragraphs. A new paragraph starts where a line is indented
 * (Chinese paragraphs open with a two-character indent), where the line before
 * stopped short of the right margin, after a wider vertical gap, or where the
 * font size changes (headings); when a document indents nothing, a line ending
 * in 。！？：； ends a paragraph. Lines re-join across line and page breaks
 * without spaces between Han characters.
 */
import { joinWrapped } from './cjk.ts';
import type { PdfLine } from './pdf-lines.ts';

export interface PdfParagraph {
  text: string;
  /** The page the paragraph starts on. */
  page: number;
  /** Index of its first line in the lines given. */
  first: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** The left edge most lines start at. */
function leftMargin(lines: PdfLine[], size: number): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.x0 / (size / 4));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [k] = [...counts].reduce((best, cur) => (cur[1] > best[1] ? cur : best), [0, -1]);
  return Math.min(...lines.filter((l) => Math.round(l.x0 / (size / 4)) === k).map((l) => l.x0));
}

const ENDS_SENTENCE = /[。！？：；!?:;]["'”’」』）)]*$/;

export function paragraphs(lines: PdfLine[]): PdfParagraph[] {
  if (!lines.length) return [];
  const size = median(lines.map((l) => l.size)) || 10;
  const left = leftMargin(lines, size);
  const right = percentile(lines.map((l) => l.x1), 0.9);
  const pitches = lines.slice(1).map((l, i) => (l.page === lines[i]!.page ? l.top - lines[i]!.top : 0)).filter((d) => d > 0);
  const pitch = median(pitches) || size * 1.5;
  const indented = (l: PdfLine): boolean => l.x0 - left > 0.8 * l.size;
  const usesIndent = lines.filter(indented).length >= Math.max(2, lines.length * 0.02);

  const startsParagraph = (prev: PdfLine, line: PdfLine): boolean => {
    if (indented(line)) return true;
    if (right - prev.x1 > 1.5 * prev.size) return true;
    if (Math.abs(line.size - prev.size) > 0.15 * size) return true;
    if (line.page === prev.page && line.top - prev.top > 1.6 * pitch) return true;
    if (!usesIndent && ENDS_SENTENCE.test(prev.text)) return true;
    return false;
  };

  const out: PdfParagraph[] = [];
  let current: PdfParagraph | null = null;
  let prev: PdfLine | null = null;
  lines.forEach((line, i) => {
    if (!current || !prev || startsParagraph(prev, line)) {
      current = { text: line.text, page: line.page, first: i };
      out.push(current);
    } else current.text = joinWrapped(current.text, line.text);
    prev = line;
  });
  return out;
}
