/**
 * Links that carry `data-quote` (the targets card) land on their paragraph and
 * mark the exact words there with the CSS Custom Highlight API; browsers without
 * it still land on the paragraph.
 */
export function markQuote(paragraph: HTMLElement, quote: string): boolean {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (window as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return false;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('.pc') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  const at = text.indexOf(quote);
  if (at < 0) return false;
  const locate = (offset: number): [Text, number] => {
    let seen = 0;
    for (const n of nodes) {
      if (offset <= seen + n.data.length) return [n, offset - seen];
      seen += n.data.length;
    }
    const lastNode = nodes[nodes.length - 1]!;
    return [lastNode, lastNode.data.length];
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + quote.length));
  registry.set('quote', new HighlightCtor(range));
  return true;
}

export function initQuoteLinks(): void {
  document.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-quote]');
    if (!a || a.pathname !== location.pathname) return;
    const p = document.getElementById(a.hash.slice(1));
    if (p) markQuote(p, a.dataset.quote!);
  });
}
