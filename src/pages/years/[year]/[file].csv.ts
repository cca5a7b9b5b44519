/**
 * /years/<year>/<indicator>-<measure>.csv: one year's targets for one indicator across
 * regions, with each region's province target and the national target beside it and
 * the difference from the province, exactly the rows the year page's distribution shows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { groupByYear } from '../../../data/catalog.ts';
import { allDocuments, distributionsFor } from '../../../data/collections.ts';
import { DISTRIBUTION_COLUMNS, distributionRows, type Distribution } from '../../../data/distribution.ts';
import { toCsv } from '../../../lib/text/index.ts';

export const getStaticPaths = (async () => {
  const years = groupByYear(await allDocuments()).map((g) => g.year);
  const all = await Promise.all(years.map((y) => distributionsFor(y)));
  return all.flat().map((d) => ({ params: { year: String(d.year), file: `${d.indicator.key}-${d.measure}` }, props: { d } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ d: Distribution }> = ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: distribution CSVs need absolute links to the sentences');
  return new Response(toCsv(distributionRows(props.d, site.href), [...DISTRIBUTION_COLUMNS]), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
