/** /data/schema/<name>.schema.json: JSON Schema (draft 2020-12) of the records, from the parser's zod schemas. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SCHEMAS, jsonSchema, type SchemaName } from '../../../data/downloads.ts';
import { absoluteUrl, schemaPath } from '../../../data/urls.ts';

export const getStaticPaths = (() => Object.keys(SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const name = params.name as SchemaName;
  const id = absoluteUrl(schemaPath(name), site);
  return new Response(`${JSON.stringify(jsonSchema(name, id), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
};
