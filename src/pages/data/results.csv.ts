/** /data/results.csv: every result (reviewed figure) of every document (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/text/index.ts';
import { allDocuments } from '../../data/collections.ts';
import { FIGURE_COLUMNS, RESULT_EXTRA, resultRows } from '../../data/downloads.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(resultRows(await allDocuments(), site), [...FIGURE_COLUMNS, ...RESULT_EXTRA].map((c) => c.name)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
