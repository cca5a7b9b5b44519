/**
 * The table of contents: open on wide screens where CSS cannot force it
 * (no ::details-content), and mark the section being read.
 */
export function initToc(): void {
  const details = document.querySelector<HTMLDetailsElement>('.toc-details');
  if (!details) return;
  const wide = matchMedia('(min-width: 64em)');
  const supported = CSS.supports?.('selector(::details-content)') ?? false;
  const sync = () => {
    if (!supported && wide.matches) details.open = true;
  };
  sync();
  wide.addEventListener('change', sync);
  // Phones: close the list after a jump so the text is in view.
  details.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a') && !wide.matches) details.open = false;
  });

  const links = new Map<string, HTMLAnchorElement>();
  for (const a of details.querySelectorAll<HTMLAnchorElement>('a[data-toc]')) links.set(a.dataset.toc!, a);
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
  if (!headings.length || !('IntersectionObserver' in window)) return;
  let current: HTMLAnchorElement | undefined;
  const mark = () => {
    const line = window.innerHeight * 0.3;
    let active: HTMLElement | undefined;
    for (const h of headings) {
      if (h.getBoundingClientRect().top <= line) active = h;
      else break;
    }
    const link = active ? links.get(active.id) : undefined;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    current = link;
    current?.setAttribute('aria-current', 'location');
  };
  const io = new IntersectionObserver(mark, { rootMargin: '0px 0px -60% 0px' });
  for (const h of headings) io.observe(h);
  mark();
}

/**
 * The floating "目录" link (phones): shown only while the table of contents is out of
 * view; it opens the contents and puts the focus on them.
 */
export function initTocLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('a.to-toc');
  const toc = document.getElementById('toc');
  const details = toc?.querySelector<HTMLDetailsElement>('.toc-details');
  if (!link || !toc || !details) return;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    details.open = true;
    toc.scrollIntoView({ block: 'start' });
    details.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  });
  if (!('IntersectionObserver' in window)) return;
  link.classList.add('watch');
  new IntersectionObserver((entries) => {
    for (const e of entries) link.classList.toggle('away', !e.isIntersecting && e.boundingClientRect.top < 0);
  }).observe(toc);
}
