/**
 * Metadata a government page states about its article: the title, the
 * publication date and the source (来源：河北日报), from <meta> tags the CMSs
 * write (ArticleTitle, PubDate, ContentSource) and from the lines above the body;
 * and whether the article goes on on other pages (下一页, createPageHTML(3, …)).
 */
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import type { ConvertEvidence } from './types.ts';

const DATE = /(?:发布时间|发布日期|发表时间|发文时间|更新时间|时间|日期)\s*[:：]\s*(\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:时]\d{2}(?::\d{2})?)?)/;
const SOURCE = /(?:来源|来源于|信息来源|稿件来源|文章来源)\s*[:：]\s*([^\s　|｜]+)/;

function meta(tree: Root, names: string[]): string | undefined {
  for (const el of selectAll('meta[name], meta[property]', tree)) {
    const name = String(el.properties['name'] ?? el.properties['property'] ?? '').toLowerCase();
    const content = el.properties['content'];
    if (names.includes(name) && typeof content === 'string' && content.trim()) return content.trim();
  }
  return undefined;
}

/** Date and source stated in metadata lines (the first of each wins). */
export function readMetadataLine(text: string, evidence: ConvertEvidence): void {
  const date = DATE.exec(text)?.[1];
  if (date && !evidence.date) evidence.date = date.replace(/\s+/g, ' ').trim();
  const source = SOURCE.exec(text)?.[1];
  if (source && !evidence.source) evidence.source = source;
}

export function metaEvidence(tree: Root): ConvertEvidence {
  const evidence: ConvertEvidence = {};
  const title = meta(tree, ['articletitle', 'og:title', 'title']);
  if (title) evidence.title = title;
  const date = meta(tree, ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'date']);
  if (date) evidence.date = date;
  const source = meta(tree, ['contentsource', 'source', 'author']);
  if (source) evidence.source = source;
  return evidence;
}

/** TRS pages paginate with a script call createPageHTML(pageCount, currentPage, …). */
export function scriptedPageCount(tree: Root): number {
  let pages = 1;
  for (const el of selectAll('script', tree) as Element[]) {
    const code = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const m = /createPageHTML\(\s*(\d+)/.exec(code);
    if (m) pages = Math.max(pages, Number(m[1]));
  }
  return pages;
}
