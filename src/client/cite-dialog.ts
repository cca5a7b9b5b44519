/**
 * Citations in the reader's browser: re-dates the page's citation with today's
 * date, opens the dialog for a section or a paragraph, and copies any format.
 */
import { citeAll, isoDate, type CiteSubject, type Citations } from '../lib/cite/index.ts';
import { copyText, toast } from './clipboard.ts';

export function pageSubject(): CiteSubject | null {
  const el = document.getElementById('cite-data');
  if (!el?.textContent) return null;
  return { ...(JSON.parse(el.textContent) as CiteSubject), accessed: isoDate() };
}

/** The section heading a paragraph or heading id belongs to, as written on the page. */
export function sectionText(id: string): string | null {
  const sectionId = id.replace(/-p\d+$/, '');
  if (sectionId === 's0') return null;
  const h = document.getElementById(sectionId);
  return h && /^H[2-4]$/.test(h.tagName) ? (h.textContent ?? '').trim() || null : null;
}

/** The subject narrowed to one heading or paragraph of the page. */
export function subjectFor(base: CiteSubject, id: string | null): CiteSubject {
  if (!id) return base;
  const el = document.getElementById(id);
  const isHeading = !!el && /^H[2-4]$/.test(el.tagName);
  return {
    ...base,
    section: sectionText(id),
    paragraphId: isHeading ? null : id,
    url: `${base.url.split('#')[0]}#${id}`,
  };
}

function fill(container: ParentNode, c: Citations): void {
  for (const pre of container.querySelectorAll<HTMLElement>('pre[data-format]')) {
    const key = pre.dataset.format as keyof Citations;
    if (key in c) pre.textContent = c[key];
  }
}

export function initCite(): void {
  const base = pageSubject();
  if (!base) return;
  // The <details> citation: today's access date.
  const box = document.getElementById('cite');
  if (box) fill(box, citeAll(base));
  for (const el of document.querySelectorAll('[data-accessed]')) el.textContent = base.accessed;
  for (const b of document.querySelectorAll<HTMLButtonElement>('button.copy[hidden]')) b.hidden = false;

  const dialog = document.getElementById('cite-dialog') as HTMLDialogElement | null;
  document.addEventListener('click', async (event) => {
    const target = event.target as Element | null;
    const copy = target?.closest<HTMLButtonElement>('button.copy');
    if (copy) {
      const pre = copy.closest('.cite-format')?.querySelector('pre');
      if (!pre) return;
      const ok = await copyText(pre.textContent ?? '');
      toast(ok ? `已复制${copy.closest('.cite-format')?.querySelector('.cite-label')?.textContent ?? '引用'}` : '复制失败，请手动选中复制');
      return;
    }
    const cite = target?.closest<HTMLButtonElement>('button.pc-cite');
    if (cite && dialog) {
      const id = cite.dataset.cite ?? null;
      const s = subjectFor(base, id);
      fill(dialog, citeAll(s));
      const what = dialog.querySelector('[data-cite-what]');
      if (what) what.textContent = [s.title, s.section, s.paragraphId ? `段落 ${s.paragraphId}` : null].filter(Boolean).join(' · ');
      dialog.showModal();
    }
  });
  // Click on the backdrop closes the dialog.
  dialog?.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
