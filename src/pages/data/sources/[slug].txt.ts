/**
 * /data/sources/<file>.txt: the text the parser read. For a text source, the file byte for byte
 * (its sha256 is checked against the parser's); for Word, PDF and HTML, the extracted text
 * (the file as published is at /data/originals/<file>).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSources } from '../../../data/collections.ts';
import { sourcePaths } from '../../../data/load.ts';
import { readOriginal } from '../../../data/read-sources.ts';
import type { Source } from '../../../lib/index.ts';

export const getStaticPaths = (async () => (await allSources()).map(({ slug, source }) => ({ params: { slug }, props: { source } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { source } = props as { source: Source };
  if (source.format !== 'text') return new Response(source.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(readOriginal(source, sourcePaths()), { headers: { 'content-type': 'text/plain' } });
};
