/**
 * Quick results under the header search box: the first five hits as links, a
 * live count, and a link to the full results. Enter still submits the form to
 * /search/; ArrowDown moves into the list, Escape closes it.
 */
import { searchPath } from '../data/urls.ts';
import { SearchEngine } from './search-engine.ts';
import { el, pendingHit, renderHit, shownRange } from './search-render.ts';

const SHOW = 5;

/** Styles for the panel, added with it (the site's CSS carries nothing for search). */
const CSS = `
.search-form.has-quick { position: relative; }
.quick-results {
  position: absolute; top: calc(100% + 0.35rem); right: 0; z-index: 50; width: min(34rem, calc(100vw - 1.5rem));
  background: var(--card); color: var(--fg); border: 1px solid var(--line); border-radius: 0.5rem;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 0.5rem 0.75rem; max-height: 70vh; overflow: auto;
}
.quick-status { margin: 0; font-size: 0.875rem; color: var(--muted); }
.quick-list { list-style: none; margin: 0; padding: 0; }
.quick-list .hit { padding: 0.4rem 0; border-bottom: 1px solid var(--line); }
.quick-list .hit-doc, .quick-list .hit-heading, .quick-list .hit-note { margin: 0; font-size: 0.8125rem; color: var(--muted); }
.quick-list .hit-heading { display: none; }
.quick-list .hit-link { display: block; font-size: 0.9375rem; line-height: 1.6; }
.quick-list .hit-badge { font-size: 0.75rem; padding: 0 0.3rem; border: 1px solid var(--line); border-radius: 4px; color: var(--muted); }
.quick-list .hit-figures { margin: 0.15rem 0 0; font-size: 0.8125rem; padding-left: 0.4rem; border-left: 3px solid var(--warn); }
.quick-list mark { background: var(--target); color: inherit; font-weight: 600; }
.quick-all { display: inline-block; margin-top: 0.4rem; font-size: 0.9375rem; }
@media (max-width: 40em) { .quick-results { left: 0; right: auto; width: 100%; } }
`;

export function attach(input: HTMLInputElement): void {
  const form = input.form;
  if (!form) return;
  const engine = SearchEngine.load();
  document.head.append(el('style', {}, CSS));
  const panel = el('div', { class: 'quick-results', id: 'quick-results', hidden: '' });
  const status = el('p', { class: 'quick-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'quick-list', 'aria-label': '检索结果（前五条）' });
  const all = el('a', { class: 'quick-all', href: searchPath() }, '查看全部结果');
  panel.append(status, list, all);
  form.append(panel);
  form.classList.add('has-quick');
  input.setAttribute('aria-controls', 'quick-results');
  input.setAttribute('aria-expanded', 'false');
  let serial = 0;
  let timer = 0;

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const run = async () => {
    const q = input.value.trim();
    const mine = ++serial;
    if (!q) return close();
    let outcome;
    try {
      outcome = await (await engine).search(q, {}, SHOW);
    } catch (e) {
      console.error(e);
      status.textContent = '搜索索引未能载入。';
      return;
    }
    if (mine !== serial) return;
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const n = outcome.hits.length;
    const more = outcome.complete ? '' : '以上';
    status.textContent = n ? `找到 ${n} 处${more}${outcome.converted ? `（按简体「${outcome.converted.raw}」）` : ''}` : outcome.complete ? `没有找到「${q}」` : `最新的 ${outcome.searchedDocs} 份文件中没有「${q}」`;
    all.href = searchPath(q);
    all.hidden = n <= SHOW && outcome.complete;
    all.textContent = outcome.complete ? `查看全部 ${n} 处结果` : '查看全部结果';
    list.replaceChildren(
      ...outcome.hits.slice(0, SHOW).map((hit) => {
        const li = pendingHit(hit);
        void engine.then((e) => e.text(hit.entry, shownRange(hit))).then((t) => renderHit(li, hit, outcome, t, 60));
        return li;
      }),
    );
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 150);
  });
  if (input.value.trim()) void run();
  form.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a'), ...(all.hidden ? [] : [all])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape') {
      close();
      input.focus();
    } else if (e.key === 'ArrowDown' && !panel.hidden && links.length) {
      e.preventDefault();
      links[Math.min(at + 1, links.length - 1)]!.focus();
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      if (at === 0) input.focus();
      else links[at - 1]!.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null) && e.relatedTarget) close();
  });
}
