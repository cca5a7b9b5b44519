/** /regions/<slug>/hierarchy.csv: the gaps between the region's targets and its parents' (and its lower regions' and its own). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { groupByRegion } from '../../../data/catalog.ts';
import { allDocuments, allHierarchyGaps } from '../../../data/collections.ts';
import { hierarchyCsv, type HierarchyGap } from '../../../lib/compare/index.ts';
import { absoluteUrl, homePath } from '../../../data/urls.ts';

export const getStaticPaths = (async () => {
  const gaps = await allHierarchyGaps();
  return groupByRegion(await allDocuments())
    .map((g) => ({ params: { slug: g.region.slug }, props: { gaps: gaps.filter((x) => x.region.slug === g.region.slug || x.parent.slug === g.region.slug) } }))
    .filter((p) => p.props.gaps.length > 0);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ gaps: HierarchyGap[] }> = ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: CSVs need absolute links to the sentences');
  return new Response(hierarchyCsv(props.gaps, absoluteUrl(homePath(), site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
