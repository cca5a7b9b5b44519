/**
 * Running headers, footers and page numbers: lines at the top or bottom edge of
 * a page that are a page number (— 3 —, 第3页 共12页, 3/12), that repeat on other
 * pages in the same place (digits aside), or that sit in the margin in a smaller
 * font than the body. They are moved out of the text, with their page.
 */
import type { PdfLine } from './pdf-lines.ts';

export type RunningRule = 'pdf-page-number' | 'pdf-running-header' | 'pdf-running-footer';

export const RUNNING_MESSAGES: Record<RunningRule, string> = {
  'pdf-page-number': 'page number, not report text',
  'pdf-running-header': 'running header repeated at the top of pages, not report text',
  'pdf-running-footer': 'running footer repeated at the bottom of pages, not report text',
};

export interface PdfPageLines {
  page: number;
  height: number;
  lines: PdfLine[];
}

const PAGE_NUMBER = [
  /^[-—–－~〜·•\s]*(第\s*)?([0-9０-９]+|[ivxIVX]+)\s*页?\s*([/／]\s*[0-9０-９]+|共\s*[0-9０-９]+\s*页)?[-—–－~〜·•\s]*$/,
  /^(page|p\.)\s*\d+(\s*(of|\/)\s*\d+)?$/i,
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
];
/** Lines this far from the top or bottom edge (share of the page height) can be furniture. */
const BAND = 0.12;
/** Closer still, in the page margin: a line here in a smaller type is furniture even on a single page (footnotes sit higher). */
const MARGIN = 0.07;
/** Up to this many lines at each edge of a page are candidates. */
const EDGE_LINES = 2;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.some((re) => re.test(text.trim()));
/** Repeated furniture has the same words (digits aside) in the same type size. */
const key = (line: PdfLine): string => `${Math.round(line.size)}|${line.text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#')}`;

function medianSize(pages: PdfPageLines[]): number {
  const sizes = pages.flatMap((p) => p.lines.flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(l.size))).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/** The rule for every line that is furniture, by line object. */
export function runningFurniture(pages: PdfPageLines[]): Map<PdfLine, RunningRule> {
  const rules = new Map<PdfLine, RunningRule>();
  const body = medianSize(pages);
  const edges = pages.map((p) => {
    const top = p.lines.slice(0, EDGE_LINES).filter((l) => l.top < BAND * p.height);
    const bottom = p.lines.slice(-EDGE_LINES).filter((l) => l.top > (1 - BAND) * p.height && !top.includes(l));
    return { top, bottom, height: p.height };
  });
  const counts = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  for (const e of edges) {
    for (const side of ['top', 'bottom'] as const) for (const k of new Set(e[side].map(key))) counts[side].set(k, (counts[side].get(k) ?? 0) + 1);
  }
  const repeatAt = Math.max(2, Math.ceil(pages.length / 2));
  for (const e of edges) {
    for (const side of ['top', 'bottom'] as const) {
      for (const line of e[side]) {
        const repeated = (counts[side].get(key(line)) ?? 0) >= repeatAt;
        const inMargin = side === 'top' ? line.top < MARGIN * e.height : line.top > (1 - MARGIN) * e.height;
        const smallInMargin = inMargin && body > 0 && line.size < 0.85 * body;
        if (isPageNumber(line.text)) rules.set(line, 'pdf-page-number');
        else if (repeated || smallInMargin) rules.set(line, side === 'top' ? 'pdf-running-header' : 'pdf-running-footer');
      }
    }
  }
  return rules;
}
