/** /data/comparisons.json: the comparison records (ComparisonsFileSchema), with the verdict rules. */
import type { APIRoute } from 'astro';
import { loadCorpus } from '../../data/load.ts';
import { comparisonsJson, buildComparisons } from '../../lib/compare/index.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs has no `site`: comparisons.json needs absolute links to the sentences');
  const body = JSON.stringify(comparisonsJson(buildComparisons(loadCorpus().result), site.href), null, 1);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
