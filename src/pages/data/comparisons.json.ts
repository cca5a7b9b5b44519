/** /data/comparisons.json: the comparison records (ComparisonsFileSchema), with the verdict rules. */
import type { APIRoute } from 'astro';
import { allComparisons } from '../../data/collections.ts';
import { absoluteUrl, homePath } from '../../data/urls.ts';
import { comparisonsJson } from '../../lib/compare/index.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: comparisons.json needs absolute links to the sentences');
  const body = JSON.stringify(comparisonsJson(await allComparisons(), absoluteUrl(homePath(), site)), null, 1);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
