/**
 * Select words in the report → "复制引文": the exact words in Chinese quotation
 * marks, the GB/T 7714 citation of the paragraph, and a link to the paragraph
 * with a text fragment (#s2-3-p4:~:text=…) so the browser highlights those words.
 */
import { quoteWithCitation, textDirective, textFragment, type SelectedPart } from '../lib/cite/index.ts';
import { copyText, toast } from './clipboard.ts';
import { pageSubject, subjectFor } from './cite-dialog.ts';

interface Picked {
  /** The words, paragraphs joined by line breaks. */
  text: string;
  paragraphId: string;
  parts: SelectedPart[];
  rect: DOMRect;
}

/** A paragraph's own text (without its controls) up to a point, or all of it. */
function textUpTo(p: HTMLElement, node?: Node, offset?: number): string {
  const r = document.createRange();
  r.selectNodeContents(p);
  if (node) r.setEnd(node, offset ?? 0);
  const frag = r.cloneContents();
  for (const c of frag.querySelectorAll('.pc')) c.remove();
  return frag.textContent ?? '';
}

/** The selected words inside report paragraphs, with their offsets in each paragraph. */
export function pickSelection(sel: Selection | null): Picked | null {
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const el = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const first = el(range.startContainer)?.closest<HTMLElement>('.report-text .p');
  const last = el(range.endContainer)?.closest<HTMLElement>('.report-text .p');
  if (!first || !last) return null;
  const paragraphs = [...document.querySelectorAll<HTMLElement>('.report-text .p')];
  const parts: SelectedPart[] = [];
  const ids: string[] = [];
  for (const p of paragraphs.slice(paragraphs.indexOf(first), paragraphs.indexOf(last) + 1)) {
    const text = textUpTo(p);
    let from = p === first ? textUpTo(p, range.startContainer, range.startOffset).length : 0;
    let to = p === last ? Math.min(textUpTo(p, range.endContainer, range.endOffset).length, text.length) : text.length;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) {
      parts.push({ text, from, to });
      ids.push(p.id);
    }
  }
  if (!parts.length) return null;
  return {
    text: parts.map((x) => x.text.slice(x.from, x.to)).join('\n'),
    paragraphId: ids[0]!,
    parts,
    rect: range.getBoundingClientRect(),
  };
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
    const pageText = [...document.querySelectorAll<HTMLElement>('.report-text .p')].map((p) => textUpTo(p)).join('\n');
    const unique = (t: string) => pageText.indexOf(t) === pageText.lastIndexOf(t);
    const link = `${s.url.split('#')[0]}${textFragment(picked.paragraphId, textDirective(picked.parts, unique))}`;
    const ok = await copyText(quoteWithCitation(picked.text, s, link));
    toast(ok ? '已复制引文和出处' : '复制失败，请手动复制');
  });
}
