/**
 * "#" controls next to headings and paragraphs: the link still navigates (so the
 * address bar and :target work without JS); with JS it also copies the permanent
 * URL. Adds the "引用" button beside each, which opens the cite dialog.
 */
import { canonicalUrl, copyText, toast } from './clipboard.ts';

export function initPermalinks(root: ParentNode = document): void {
  root.addEventListener('click', async (event) => {
    const a = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.pc-link');
    if (!a) return;
    const id = a.hash.slice(1);
    const url = `${canonicalUrl()}#${id}`;
    const ok = await copyText(url);
    toast(ok ? `已复制链接：${url}` : `请手动复制链接：${url}`);
  });
  for (const pc of root.querySelectorAll<HTMLElement>('.pc')) {
    const link = pc.querySelector<HTMLAnchorElement>('a.pc-link');
    if (!link || pc.querySelector('.pc-cite')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pc-cite';
    button.dataset.cite = link.hash.slice(1);
    button.textContent = '引用';
    button.setAttribute('aria-label', `引用 ${button.dataset.cite}`);
    link.after(button);
  }
}
