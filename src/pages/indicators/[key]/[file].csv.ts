/**
 * One CSV per chart, with exactly the numbers the chart plots:
 * /indicators/<key>/<region>-<measure>.csv (a region across years) and
 * /indicators/<key>/<year>-<measure>.csv (a year across regions), only for the year charts that
 * /years/<year>/ draws (allSeries: not those drawn there as distributions, nor those with too many regions).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allComparisons, distributionsFor } from '../../../data/collections.ts';
import { distributionKeys } from '../../../data/distribution.ts';
import { absoluteUrl, homePath } from '../../../data/urls.ts';
import { seriesCsv, allSeries, type Series } from '../../../lib/compare/index.ts';

export const getStaticPaths = (async () => {
  const rows = await allComparisons();
  const years = [...new Set(rows.map((c) => c.year))];
  const drawnAsDistributions = new Map(await Promise.all(years.map(async (y) => [y, distributionKeys(await distributionsFor(y))] as const)));
  return allSeries(rows, (y) => drawnAsDistributions.get(y) ?? new Set()).map((series) => ({
    params: { key: series.indicator.key, file: series.csvPath.split('/').pop()!.replace(/\.csv$/, '') },
    props: { series },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: chart CSVs need absolute links to the sentences');
  return new Response(seriesCsv(props.series, absoluteUrl(homePath(), site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
