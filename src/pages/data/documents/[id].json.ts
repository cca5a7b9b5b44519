/** /data/documents/<id>.json: one document record, exactly as the parser's DocumentSchema describes it (compact: pretty-printing made it a third larger). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allDocuments } from '../../../data/collections.ts';
import type { ReportDocument } from '../../../lib/index.ts';

export const getStaticPaths = (async () => (await allDocuments()).map((doc) => ({ params: { id: doc.id }, props: { doc } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { doc: ReportDocument }).doc)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
