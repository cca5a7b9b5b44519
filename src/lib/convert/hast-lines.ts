/**
 * A hast tree → lines of text, the way a reader sees them: block elements and
 * <br> end a line, a table row is one line with its cells joined by tabs,
 * white space collapses as HTML says. Each line remembers the elements it stood
 * in and how much of it was link text, for telling content from chrome.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { resolveSegmentBreaks } from './cjk.ts';

export interface HastLine {
  text: string;
  /** Characters of `text` (without white space) inside <a> elements. */
  linkChars: number;
  /** Elements the line stood in, outermost first. */
  ancestors: Element[];
  /** ids of empty anchors met on the line (mammoth's bookmarks). */
  anchors: string[];
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'title', 'tr', 'ul', 'option', 'select', 'button',
]);
/** Elements whose content is not text a reader sees. */
export const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas']);

const ink = (s: string): number => s.replace(/\s+/g, '').length;

interface Draft {
  parts: string[];
  linkChars: number;
  ancestors: Element[] | null;
  anchors: string[];
}

export function hastLines(tree: Root | Element, options: { separateCells?: string } = {}): HastLine[] {
  const cellSeparator = options.separateCells ?? '\t';
  const lines: HastLine[] = [];
  const stack: Element[] = [];
  let draft: Draft = { parts: [], linkChars: 0, ancestors: null, anchors: [] };
  let inLink = 0;
  let inPre = 0;

  const flush = (): void => {
    const text = resolveSegmentBreaks(draft.parts.join('')).replace(/^\s+|\s+$/g, '');
    if (text) lines.push({ text, linkChars: draft.linkChars, ancestors: draft.ancestors ?? [...stack], anchors: draft.anchors });
    draft = { parts: [], linkChars: 0, ancestors: null, anchors: [] };
  };
  const append = (value: string): void => {
    // Runs of white space collapse to one space; a run holding a line break to a mark resolved at flush.
    const text = inPre ? value : value.replace(/[ \t\n\r\f]+/g, (run) => (/[\n\r]/.test(run) ? '\uE000' : ' '));
    if (!text) return;
    if (!draft.ancestors && /[^\s\uE000]/.test(text)) draft.ancestors = [...stack];
    draft.parts.push(text);
    if (inLink) draft.linkChars += ink(text);
  };

  const walk = (node: Nodes | ElementContent): void => {
    if (node.type === 'text') return append(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'root') return node.children.forEach(walk);
    const tag = node.tagName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') return flush();
    if (tag === 'tr') return row(node);
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'a') {
      inLink++;
      const id = node.properties['id'];
      if (typeof id === 'string' && node.children.length === 0) draft.anchors.push(id);
    }
    if (tag === 'pre') inPre++;
    stack.push(node);
    node.children.forEach(walk);
    stack.pop();
    if (tag === 'pre') inPre--;
    if (tag === 'a') inLink--;
    if (block) flush();
  };

  /**
   * A table row of data (two or more cells, one line each) is one line, cells joined
   * by the separator; a layout row (one cell, or cells holding several blocks) is
   * walked as blocks, as a reader sees a page laid out with tables.
   */
  const row = (tr: Element): void => {
    flush();
    stack.push(tr);
    const cells = tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    const cellLines = cells.map((cell) => hastLines(cell, options));
    if (cells.length < 2 || cellLines.some((c) => c.length > 1)) {
      tr.children.forEach(walk);
      stack.pop();
      flush();
      return;
    }
    const text = cellLines.map((c) => c[0]?.text ?? '').join(cellSeparator).replace(/^\s+|\s+$/g, '');
    if (text) lines.push({ text, linkChars: cellLines.flat().reduce((n, l) => n + l.linkChars, 0), ancestors: [...stack], anchors: cellLines.flat().flatMap((l) => l.anchors) });
    stack.pop();
  };

  walk(tree);
  flush();
  return lines;
}
