/** /data/documents/<id>.md: the document as clean Markdown (remark-stringify over the parser's tree). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments, documentMarkdownText } from '../../../data/collections.ts';

export const getStaticPaths = (async () => (await allDocuments()).map((doc) => ({ params: { id: doc.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(await documentMarkdownText(params.id!, site), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
