/**
 * Finding the report among a web page's chrome: every line that reads as prose
 * (Han characters with sentence punctuation, few links) lends its weight to the
 * elements around it; the body is the innermost element holding most (80%) of
 * that weight, or a container government CMSs use (#zoom, .TRS_Editor …) holding
 * 70% of it when that lies deeper.
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import type { HastLine } from './hast-lines.ts';
import { proseWeight } from './html-chrome.ts';

/** Containers of article bodies on government portals (TRS, Hanweb, Dayang and hand-made CMSs). */
export const KNOWN_CONTAINERS = [
  '#zoom', '#Zoom', '.TRS_Editor', '.TRS_UEDITOR', '#UCAP-CONTENT', '.pages_content', '#pages_content', '.article-content',
  '.article_content', '.articleContent', '#articleContent', '.article', '#article', '.content', '#content', '.con', '#con',
  '.detail', '.detail-content', '.news_content', '.main-text', '#fontzoom', '.view', '.wzy_content', '.zw', '#zw', '.text',
].join(', ');

export interface MainContent {
  /** The element holding the report, or null when no prose was found. */
  container: Element | null;
  /** Prose weight of the whole page and of the container. */
  total: number;
  inside: number;
  /** Sentences (。！？) in prose lines of the container. */
  sentences: number;
}

const MOST = 0.8;
const KNOWN_ENOUGH = 0.7;

export function findMainContent(tree: Root, lines: HastLine[]): MainContent {
  const weight = new Map<Element, number>();
  const depth = new Map<Element, number>();
  let total = 0;
  for (const line of lines) {
    const w = proseWeight(line);
    if (!w) continue;
    total += w;
    line.ancestors.forEach((el, i) => {
      weight.set(el, (weight.get(el) ?? 0) + w);
      depth.set(el, i);
    });
  }
  if (!total) return { container: null, total: 0, inside: 0, sentences: 0 };
  const deepest = (els: Element[]): Element | null =>
    els.reduce<Element | null>((best, el) => (best && (depth.get(best) ?? 0) >= (depth.get(el) ?? 0) ? best : el), null);
  const known = deepest(selectAll(KNOWN_CONTAINERS, tree).filter((el) => (weight.get(el) ?? 0) >= KNOWN_ENOUGH * total));
  const most = deepest([...weight].filter(([, w]) => w >= MOST * total).map(([el]) => el));
  // Both hold most of the prose, so one contains the other: the inner one is the body
  // (a known name may be a page-wide wrapper such as .content).
  const container = deepest([known, most].filter((el): el is Element => el !== null));
  const inside = container ? (weight.get(container) ?? 0) : 0;
  let sentences = 0;
  if (container) {
    for (const line of lines) if (proseWeight(line) && line.ancestors.includes(container)) sentences += (line.text.match(/[。！？]/g) ?? []).length;
  }
  return { container, total, inside, sentences };
}
