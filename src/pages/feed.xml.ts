/** /feed.xml: an Atom feed of the documents, newest first (through the `feed` package). */
import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { compareNewest } from '../data/catalog.ts';
import { allDocuments, corpusMeta } from '../data/collections.ts';
import { KIND_LABEL, chineseDate, regionWithParents } from '../data/format.ts';
import { SITE_DESCRIPTION, SITE_NAME, SITE_NAME_ZH } from '../data/site.ts';
import { absoluteUrl, feedPath, homePath, reportPath, sitePath } from '../data/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const [docs, meta] = await Promise.all([allDocuments(), corpusMeta()]);
  const home = absoluteUrl(homePath(), site);
  const feed = new Feed({
    title: `${SITE_NAME_ZH} · ${SITE_NAME}`,
    description: SITE_DESCRIPTION,
    id: home,
    link: home,
    language: 'zh-CN',
    favicon: absoluteUrl(sitePath('favicon.svg'), site),
    copyright: '政府工作报告为国家机关官方文件；新闻报道版权归原报社',
    updated: new Date(`${meta.builtOn}T00:00:00Z`),
    feedLinks: { atom: absoluteUrl(feedPath(), site) },
    generator: SITE_NAME,
  });
  for (const d of [...docs].sort(compareNewest)) {
    // The delivery date when known; otherwise 1 January of the report's year (the feed needs a date; the summary says which).
    const when = d.date ?? (d.year !== null ? `${d.year}-01-01` : meta.builtOn);
    const url = absoluteUrl(reportPath(d.id), site);
    feed.addItem({
      title: d.title,
      id: url,
      link: url,
      date: new Date(`${when}T00:00:00Z`),
      description: [
        KIND_LABEL[d.kind],
        regionWithParents(d.region),
        d.date ? chineseDate(d.date) : '日期不详',
        d.session,
        `${d.paragraphs.length} 段`,
        d.kind === 'coverage' ? `${d.quotes.length} 处引语已核对` : `${d.targets.length} 项目标`,
      ].filter(Boolean).join(' · '),
      category: [{ name: KIND_LABEL[d.kind] }, ...(d.region ? [{ name: d.region.name }] : [])],
    });
  }
  return new Response(feed.atom1(), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
