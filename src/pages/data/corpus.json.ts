/** /data/corpus.json: everything the parser produced (documents, diagnostics, sources with their text). */
import type { APIRoute } from 'astro';
import { allDiagnostics, allDocuments, allSources, corpusMeta } from '../../data/collections.ts';

export const GET: APIRoute = async () => {
  const [documents, diagnostics, sources, meta] = await Promise.all([allDocuments(), allDiagnostics(), allSources(), corpusMeta()]);
  const body = { parserVersion: meta.parserVersion, sources: sources.map((s) => s.source), documents, diagnostics };
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
