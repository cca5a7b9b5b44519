/**
 * DOM for search results, shared by the search page and the header box:
 * each result is a list item whose link is the excerpt (phrase in <mark>),
 * with the document and the headings above it as plain text.
 */
import { excerpt, matchRanges, type SearchDoc, type SearchText } from '../lib/search/index.ts';
import { anchorPath, reportPath, termsPath } from '../data/urls.ts';
import type { Hit, SearchOutcome } from './search-engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

export const KIND_LABEL: Record<string, string> = { report: '政府工作报告', coverage: '新闻报道' };
export const PART_LABEL: Record<string, string> = { review: '上年工作回顾', tasks: '今年目标任务', government: '政府自身建设', other: '其他部分' };

export function docLabel(doc: SearchDoc): string {
  return [doc.region?.name, doc.year ? `${doc.year}年` : null, doc.title].filter(Boolean).join(' · ');
}

/** The folded phrases to mark in a hit: the whole run when it is there, else each word. */
export function phrasesFor(hit: Hit, outcome: SearchOutcome): string[] {
  const q = hit.match.converted && outcome.converted ? outcome.converted : outcome.query;
  if (hit.match.runStarts.length) return [q.joined?.folded ?? q.words[0]!.folded];
  return q.words.map((w) => w.folded);
}

/** The query to pass on to the report page for highlighting. */
export function queryFor(hit: Hit, outcome: SearchOutcome): string {
  return hit.match.converted && outcome.converted ? outcome.converted.raw : outcome.query.raw;
}

export function resultUrl(text: SearchText, query: string): string {
  return `${reportPath(text.d)}?q=${encodeURIComponent(query)}#${text.a}`;
}

/** The part of a hit's folded text its excerpt needs: around the first match (long texts are loaded in pieces). */
export function shownRange(hit: Hit): [number, number] {
  const starts = hit.match.runStarts.length ? hit.match.runStarts : hit.match.wordStarts.flat();
  const first = starts.length ? Math.min(...starts) : 0;
  return [Math.max(0, first - 60), first + 260];
}

/** Fill a result item once its text has arrived. Returns false when the text does not contain the phrase. */
export function renderHit(li: HTMLElement, hit: Hit, outcome: SearchOutcome, text: SearchText, width = 90): boolean {
  const ranges = matchRanges(text.t, phrasesFor(hit, outcome));
  const link = el('a', { href: resultUrl(text, queryFor(hit, outcome)), class: 'hit-link' });
  if (text.k) link.append(el('span', { class: 'hit-badge' }, '标题'), ' ');
  for (const s of excerpt(text.t, ranges, width)) link.append(s.mark ? el('mark', {}, s.text) : s.text);
  const where = el('p', { class: 'hit-doc' }, docLabel(hit.doc));
  const headings = text.h.length ? el('p', { class: 'hit-heading' }, text.h.join(' › ')) : null;
  const notes: string[] = [];
  if (hit.match.converted) notes.push('按简体字匹配');
  if (!hit.match.runStarts.length) notes.push('各词分处段中');
  li.replaceChildren(where, link, headings ?? '', notes.length ? el('p', { class: 'hit-note' }, notes.join(' · ')) : '', figureNote(text) ?? '');
  li.removeAttribute('aria-busy');
  return ranges.length > 0;
}

/**
 * A coverage paragraph's figures that differ from the report it covers, both shown, the
 * report's linked to its paragraph: 数字与报告不同：工业投资增长，报告 29.3%，报道 28.4%.
 */
export function figureNote(text: Pick<SearchText, 'f'>): HTMLElement | null {
  if (!text.f?.length) return null;
  const p = el('p', { class: 'hit-figures' }, el('strong', {}, '数字与报告不同：'));
  text.f.forEach((f, i) => {
    if (i) p.append('；');
    p.append(`${f.m}，`, el('a', { href: anchorPath(f.d, f.a), title: '报告原文中的这一段' }, `报告 ${f.r}`), `，报道 ${f.c}`);
  });
  return p;
}

/** A placeholder list item while the text loads (keeps the list length and order stable). */
export function pendingHit(hit: Hit): HTMLLIElement {
  return el('li', { class: 'hit', 'aria-busy': 'true' }, el('p', { class: 'hit-doc' }, docLabel(hit.doc)), el('p', { class: 'hit-link pending' }, '正在载入…'));
}

/** The link from a one-word search to that word's uses over the years (/terms/); hidden for no query or several words. */
export function updateTermsLink(root: ParentNode, outcome: SearchOutcome | null): void {
  const p = root.querySelector<HTMLElement>('[data-terms-link]');
  const a = p?.querySelector('a');
  if (!p || !a) return;
  const q = outcome?.query.words.length === 1 ? outcome.query.raw.trim() : '';
  p.hidden = !q;
  if (!q) return;
  a.href = termsPath(q);
  a.setAttribute('aria-label', `「${q}」这个词的历年用法`);
}
