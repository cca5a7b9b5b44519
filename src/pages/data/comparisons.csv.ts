/** /data/comparisons.csv: one row per region, indicator, measure, horizon and year (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { allComparisons } from '../../data/collections.ts';
import { absoluteUrl, homePath } from '../../data/urls.ts';
import { comparisonsCsv } from '../../lib/compare/index.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: comparisons.csv needs absolute links to the sentences');
  const csv = comparisonsCsv(await allComparisons(), absoluteUrl(homePath(), site));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
