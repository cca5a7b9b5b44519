/** /data/sources/<file>.txt: the source file byte for byte (its sha256 is checked against the parser's). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSources } from '../../../data/collections.ts';
import { sourceFileOnDisk } from '../../../data/load.ts';
import type { Source } from '../../../lib/index.ts';

export const getStaticPaths = (async () => (await allSources()).map(({ slug, source }) => ({ params: { slug }, props: { source } }))) satisfies GetStaticPaths;

function readOriginal(source: Source): Uint8Array<ArrayBuffer> {
  const path = sourceFileOnDisk(source.file);
  const bytes = path ? readFileSync(path) : null;
  if (bytes && createHash('sha256').update(bytes).digest('hex') === source.sha256) return Uint8Array.from(bytes);
  throw new Error(`${source.file}: the file on disk is ${path ? `${path}, which no longer matches sha256 ${source.sha256}` : 'missing (not found under REPORTS_DIR)'}`);
}

export const GET: APIRoute = ({ props }) =>
  new Response(readOriginal((props as { source: Source }).source), { headers: { 'content-type': 'text/plain' } });
