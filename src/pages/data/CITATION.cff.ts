/** /data/CITATION.cff: how to cite the dataset (Citation File Format 1.2.0). */
import type { APIRoute } from 'astro';
import { citationCff } from '../../lib/cite/index.ts';
import { allDocuments, corpusMeta } from '../../data/collections.ts';
import { REPO_URL, SITE_NAME } from '../../data/site.ts';
import { absoluteUrl, dataPath } from '../../data/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const [docs, meta] = await Promise.all([allDocuments(), corpusMeta()]);
  const regions = [...new Set(docs.map((d) => d.region?.name).filter(Boolean))] as string[];
  const body = citationCff({
    title: `${SITE_NAME}: 政府工作报告语料（${regions.join('、')}）`,
    abstract: `${docs.length} documents (government work reports, excerpts and press coverage) parsed into sections, paragraphs with stable ids, targets and results. Parser ${meta.parserVersion}; data version ${meta.dataVersion}.`,
    version: meta.dataVersion,
    dateReleased: meta.builtOn,
    url: absoluteUrl(dataPath(), site),
    repository: REPO_URL,
    authors: [`${SITE_NAME} contributors`],
    keywords: ['政府工作报告', 'government work report', 'China', ...regions],
  });
  return new Response(body, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
};
