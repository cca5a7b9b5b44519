/**
 * Paragraph and heading controls: "#" (the permanent link; a plain link without JS,
 * and with JS it also copies the URL), "原文" (the source lines) and "引用" (opens the
 * cite dialog). Only "#" is a tab stop; the arrow keys move between the three, so a
 * keyboard crosses one stop per paragraph. The "引用" button is made when a paragraph's
 * controls are first reached (pointer, focus or tap), not for every paragraph at load.
 */
import { canonicalUrl, copyText, toast } from './clipboard.ts';

/** Add the "引用" button to one control group, once; returns the group's controls in order. */
export function ensureCiteButton(pc: Element): HTMLElement[] {
  const link = pc.querySelector<HTMLAnchorElement>('a.pc-link');
  if (link && !pc.querySelector('.pc-cite')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pc-cite';
    button.tabIndex = -1;
    button.dataset.cite = link.hash.slice(1);
    button.textContent = '引用';
    button.setAttribute('aria-label', `引用 ${button.dataset.cite}`);
    // Last, so that nothing already under the pointer moves when it appears.
    pc.append(button);
  }
  return [...pc.querySelectorAll<HTMLElement>('a, button')];
}

/** The control group of a paragraph or heading block, if `el` is inside one. */
function groupOf(el: Element | null): Element | null {
  const block = el?.closest('.report-text .p, .report-text .hw');
  return block ? block.querySelector(':scope > .pc') : null;
}

export function initPermalinks(root: ParentNode = document): void {
  root.addEventListener('click', async (event) => {
    const a = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.pc-link');
    if (!a) return;
    const id = a.hash.slice(1);
    const url = `${canonicalUrl()}#${id}`;
    const ok = await copyText(url);
    toast(ok ? `已复制链接：${url}` : `请手动复制链接：${url}`);
  });
  // The cite button appears when a block's controls can first be seen or reached.
  const ensure = (event: Event) => {
    const pc = groupOf(event.target as Element | null);
    if (pc) ensureCiteButton(pc);
  };
  root.addEventListener('pointerover', ensure, { passive: true });
  root.addEventListener('focusin', ensure);
  root.addEventListener('pointerdown', ensure, { passive: true });
  // The paragraph a link lands on shows its controls (:target): all three of them.
  const landed = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const pc = id ? groupOf(document.getElementById(id)) : null;
    if (pc) ensureCiteButton(pc);
  };
  landed();
  window.addEventListener('hashchange', landed);
  // Arrow keys move along "#", "原文", "引用" (a roving tab stop that always returns to "#").
  root.addEventListener('keydown', (event) => {
    const e = event as KeyboardEvent;
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) return;
    const current = (e.target as Element | null)?.closest<HTMLElement>('.pc a, .pc button');
    const pc = current?.closest('.pc');
    if (!current || !pc) return;
    const items = ensureCiteButton(pc);
    const i = items.indexOf(current);
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length;
    e.preventDefault();
    items[next]?.focus();
  });
}
