/**
 * Select words in the report → "复制引文": the exact words in Chinese quotation
 * marks, the GB/T 7714 citation of the paragraph, and a link to the paragraph
 * with a text fragment (#s2-3-p4:~:text=…) so the browser highlights those words.
 */
import { quoteWithCitation, textFragment } from '../lib/cite.ts';
import { copyText, toast } from './clipboard.ts';
import { pageSubject, subjectFor } from './cite-dialog.ts';

interface Picked {
  text: string;
  paragraphId: string;
  rect: DOMRect;
}

/** The selected words inside report paragraphs, without the controls' text. */
export function pickSelection(sel: Selection | null): Picked | null {
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const el = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const first = el(range.startContainer)?.closest<HTMLElement>('.report-text .p');
  const last = el(range.endContainer)?.closest<HTMLElement>('.report-text .p');
  if (!first || !last) return null;
  const paragraphs = [...document.querySelectorAll<HTMLElement>('.report-text .p')];
  const from = paragraphs.indexOf(first);
  const to = paragraphs.indexOf(last);
  const parts: string[] = [];
  for (const p of paragraphs.slice(from, to + 1)) {
    const r = document.createRange();
    r.selectNodeContents(p);
    if (p === first) r.setStart(range.startContainer, range.startOffset);
    if (p === last) r.setEnd(range.endContainer, range.endOffset);
    const frag = r.cloneContents();
    for (const c of frag.querySelectorAll('.pc')) c.remove();
    const t = (frag.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
  }
  const text = parts.join('\n');
  if (!text) return null;
  return { text, paragraphId: first.id, rect: range.getBoundingClientRect() };
}

export function initQuoteCopy(): void {
  const base = pageSubject();
  if (!base) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-btn';
  button.textContent = '复制引文';
  button.hidden = true;
  document.body.append(button);
  let picked: Picked | null = null;

  const update = () => {
    picked = pickSelection(document.getSelection());
    if (!picked) {
      button.hidden = true;
      return;
    }
    button.hidden = false;
    if (matchMedia('(hover: none)').matches) {
      button.classList.add('docked');
      return;
    }
    button.classList.remove('docked');
    const top = window.scrollY + picked.rect.bottom + 8;
    const left = Math.min(window.scrollX + picked.rect.left, window.scrollX + document.documentElement.clientWidth - button.offsetWidth - 8);
    button.style.top = `${top}px`;
    button.style.left = `${Math.max(8, left)}px`;
  };
  let t = 0;
  document.addEventListener('selectionchange', () => {
    clearTimeout(t);
    t = window.setTimeout(update, 120);
  });
  // Keep the selection when the button is pressed.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', async () => {
    if (!picked) return;
    const s = subjectFor(base, picked.paragraphId);
    const link = `${s.url.split('#')[0]}${textFragment(picked.paragraphId, picked.text.split('\n'))}`;
    const ok = await copyText(quoteWithCitation(picked.text, s, link));
    toast(ok ? '已复制引文和出处' : '复制失败，请手动复制');
  });
}
