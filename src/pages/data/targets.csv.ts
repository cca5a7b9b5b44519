/** /data/targets.csv: every target of every document (UTF-8 with BOM, so Excel reads Chinese). */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/text/index.ts';
import { allDocuments } from '../../data/collections.ts';
import { FIGURE_COLUMNS, targetRows } from '../../data/downloads.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(targetRows(await allDocuments(), site), FIGURE_COLUMNS.map((c) => c.name)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
