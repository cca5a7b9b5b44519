/**
 * pdf.js text items → lines: items whose baselines agree are one line, read left
 * to right; a gap between two Latin words becomes a space, a gap between Han
 * characters does not (wide gaps, as between table columns, do).
 */
import { joinGap } from './cjk.ts';

export interface PdfItem {
  str: string;
  /** [a, b, c, d, x, y] in PDF units, origin at the bottom left. */
  transform: number[];
  width: number;
  height: number;
}

export interface PdfLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Distance of the baseline from the top of the page. */
  top: number;
  size: number;
}

interface Placed {
  str: string;
  x0: number;
  x1: number;
  top: number;
  size: number;
}

function place(item: PdfItem, pageTop: number): Placed {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { str: item.str, x0: x, x1: x + item.width, top: pageTop - y, size };
}

function joinLine(items: Placed[]): string {
  let text = '';
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x0 - end;
    const size = it.size;
    if (text && gap > 1.5 * size) text += ' ';
    text = gap > 0.2 * size ? joinGap(text, it.str) : text + it.str;
    end = Math.max(end, it.x1);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines of one page, top to bottom. `pageTop` is the y of the page's top edge. */
export function pageLines(page: number, items: PdfItem[], pageTop: number): PdfLine[] {
  const placed = items.filter((it) => it.str.length > 0).map((it) => place(it, pageTop));
  placed.sort((p, q) => p.top - q.top || p.x0 - q.x0);
  const groups: Placed[][] = [];
  for (const it of placed) {
    const line = groups.at(-1);
    const ref = line?.[0];
    if (line && ref && Math.abs(it.top - ref.top) <= 0.5 * Math.max(ref.size, it.size)) line.push(it);
    else groups.push([it]);
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    group.sort((p, q) => p.x0 - q.x0);
    const text = joinLine(group);
    if (!text) continue;
    const body = group.filter((g) => g.str.trim());
    lines.push({
      page,
      text,
      x0: Math.min(...body.map((g) => g.x0)),
      x1: Math.max(...body.map((g) => g.x1)),
      top: group[0]!.top,
      size: Math.max(...body.map((g) => g.size)),
    });
  }
  return lines;
}
