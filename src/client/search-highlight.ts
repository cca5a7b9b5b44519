/**
 * Mark a searched phrase on a report page: in the paragraph or heading named by
 * the URL's #anchor (or, without one, in every paragraph of the text), with the
 * same folding as the search itself, so 6%左右 marks “6％左右”. Permalink and
 * source controls inside a paragraph are left alone.
 */
import { parseQuery, matchRanges } from '../lib/search/index.ts';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote';
const SKIP = '.pc, button, [data-pagefind-ignore], [aria-hidden="true"], script, style, mark.search-hit';

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) && root.contains(n.parentElement.closest(SKIP)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Wrap every occurrence of any of the folded phrases in `el`; returns how many marks were made. */
export function markIn(el: Element, phrases: string[]): number {
  const nodes = textNodes(el);
  const text = nodes.map((n) => n.data).join('');
  const ranges = matchRanges(text, phrases);
  if (!ranges.length) return 0;
  // Pieces of each range per text node, applied from the end so offsets stay valid.
  const pieces: Array<{ node: Text; start: number; end: number }> = [];
  let offset = 0;
  for (const node of nodes) {
    const nodeEnd = offset + node.data.length;
    for (const [s, e] of ranges) {
      const a = Math.max(s, offset);
      const b = Math.min(e, nodeEnd);
      if (a < b) pieces.push({ node, start: a - offset, end: b - offset });
    }
    offset = nodeEnd;
  }
  for (const { node, start, end } of pieces.reverse()) {
    const hit = node.splitText(start);
    hit.splitText(end - start);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    hit.replaceWith(mark);
    mark.append(hit);
  }
  return ranges.length;
}

export function highlightQuery(q: string, hash: string): number {
  const query = parseQuery(q);
  if (!query.words.length) return 0;
  const id = hash.startsWith('#') ? decodeURIComponent(hash.slice(1)) : '';
  const target = id ? document.getElementById(id) : null;
  const scope = target ?? document.querySelector('.report-text') ?? document.querySelector('main');
  if (!scope) return 0;
  const blocks = scope.matches(BLOCKS) ? [scope] : [...scope.querySelectorAll(BLOCKS)];
  let marks = 0;
  for (const b of blocks) {
    const run = query.joined ?? query.words[0]!;
    const n = markIn(b, [run.folded]);
    marks += n || (query.joined ? markIn(b, query.words.map((w) => w.folded)) : 0);
  }
  if (!document.getElementById('search-hit-style')) {
    const style = document.createElement('style');
    style.id = 'search-hit-style';
    style.textContent = 'mark.search-hit{background:var(--target,#fff3c4);color:inherit;font-weight:600;box-shadow:0 0 0 2px var(--accent,#9f2a20);border-radius:2px}';
    document.head.append(style);
  }
  target?.scrollIntoView({ block: 'start' });
  return marks;
}
