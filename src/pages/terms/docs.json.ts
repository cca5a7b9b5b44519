/** /terms/docs.json: every report's region, year and length, for the term-trends page (no text). */
import type { APIRoute } from 'astro';
import { termDocs } from '../../data/catalog.ts';
import { allDocuments } from '../../data/collections.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(termDocs(await allDocuments())), { headers: { 'content-type': 'application/json; charset=utf-8' } });
