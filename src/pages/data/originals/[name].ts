/** /data/originals/<file>: a Word, PDF or HTML source as published, byte for byte (sha256 checked). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSources } from '../../../data/collections.ts';
import { sourcePaths } from '../../../data/load.ts';
import { readOriginal } from '../../../data/read-sources.ts';
import { originalName } from '../../../data/urls.ts';
import type { Source } from '../../../lib/index.ts';

const TYPES: Record<Exclude<Source['format'], 'text'>, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
};

export const getStaticPaths = (async () =>
  (await allSources())
    .filter(({ source }) => source.format !== 'text')
    .map(({ slug, source }) => ({ params: { name: originalName(slug, source) }, props: { source } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { source } = props as { source: Source };
  return new Response(readOriginal(source, sourcePaths()), { headers: { 'content-type': TYPES[source.format as keyof typeof TYPES] } });
};
