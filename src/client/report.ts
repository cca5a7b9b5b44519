/** Report and coverage pages: permalinks, citations, quote copying, TOC, tap-to-show controls on touch screens. */
import { initCite } from './cite-dialog.ts';
import { initQuoteLinks } from './highlight-quote.ts';
import { ensureCiteButton, initPermalinks } from './permalinks.ts';
import { initQuoteCopy } from './quote-copy.ts';
import { initToc, initTocLink } from './toc.ts';

initPermalinks();
initCite();
initQuoteCopy();
initToc();
initTocLink();
initQuoteLinks();

// Touch screens have no hover: a tap on a paragraph shows its controls.
if (matchMedia('(hover: none)').matches) {
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a, button') || !document.getSelection()?.isCollapsed) return;
    const p = target.closest<HTMLElement>('.report-text .p, .report-text .hw');
    for (const open of document.querySelectorAll('.report-text .show-pc')) if (open !== p) open.classList.remove('show-pc');
    const pc = p?.querySelector(':scope > .pc');
    if (pc) ensureCiteButton(pc);
    p?.classList.toggle('show-pc');
  });
}
