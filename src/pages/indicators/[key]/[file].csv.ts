/**
 * One CSV per chart, with exactly the numbers the chart plots:
 * /indicators/<key>/<region>-<measure>.csv (a region across years) and
 * /indicators/<key>/<year>-<measure>.csv (a year across regions), only for the year charts that
 * /years/<year>/ draws (allSeries: not for a year without a page, nor those drawn there as distributions or with too many regions).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { groupByYear } from '../../../data/catalog.ts';
import { allComparisons, allDocuments, distributionsFor } from '../../../data/collections.ts';
import { distributionKeys } from '../../../data/distribution.ts';
import { absoluteUrl, homePath } from '../../../data/urls.ts';
import { seriesCsv, allSeries, type Series } from '../../../lib/compare/index.ts';

export const getStaticPaths = (async () => {
  // The years with a page (/years/<year>/), each with what that page draws as distributions.
  const years = groupByYear(await allDocuments()).map((g) => g.year);
  const yearPages = new Map(await Promise.all(years.map(async (y) => [y, distributionKeys(await distributionsFor(y))] as const)));
  return allSeries(await allComparisons(), yearPages).map((series) => ({
    params: { key: series.indicator.key, file: series.csvPath.split('/').pop()!.replace(/\.csv$/, '') },
    props: { series },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: Series }> = ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: chart CSVs need absolute links to the sentences');
  return new Response(seriesCsv(props.series, absoluteUrl(homePath(), site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
