/** /indicators/<key>/hierarchy.csv: every region's target beside its parents' for this indicator (层层加码). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allHierarchyGaps } from '../../../data/collections.ts';
import { hierarchyCsv, type HierarchyGap } from '../../../lib/compare/index.ts';
import { absoluteUrl, homePath } from '../../../data/urls.ts';
import { INDICATORS } from '../../../lib/index.ts';

export const getStaticPaths = (async () => {
  const gaps = await allHierarchyGaps();
  return INDICATORS.map((ind) => ({ params: { key: ind.key }, props: { gaps: gaps.filter((g) => g.indicator.key === ind.key) } })).filter(
    (p) => p.props.gaps.length > 0,
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ gaps: HierarchyGap[] }> = ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: CSVs need absolute links to the sentences');
  return new Response(hierarchyCsv(props.gaps, absoluteUrl(homePath(), site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
