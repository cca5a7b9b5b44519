/** /data/comparisons.csv: one row per region, indicator, measure, horizon and year (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { loadCorpus } from '../../data/load.ts';
import { absoluteUrl, homePath } from '../../data/urls.ts';
import { comparisonsCsv, buildComparisons } from '../../lib/compare/index.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: comparisons.csv needs absolute links to the sentences');
  const csv = comparisonsCsv(buildComparisons(loadCorpus().result), absoluteUrl(homePath(), site));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
