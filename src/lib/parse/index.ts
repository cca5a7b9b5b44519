/**
 * The parser: sources → typed, zod-validated records. Pure TypeScript, no Astro, no file I/O
 * (the caller reads the files: `src/data/read-sources.ts`). Runs at build time in Node; not
 * imported by client code.
 */
export { parseSources, parseSourcesWithTrees, parseText, PARSER_VERSION, repeatedDocument, type SourceInput } from './parse.ts';
export { checkConservation, type ConservationReport } from './conservation.ts';
export {
  buildIdLedger, fingerprint, idAliases, IdAliasSchema, IdLedgerSchema, type IdAlias, type IdLedger,
} from './aliases.ts';
export { dataVersion, type VersionedSource } from './data-version.ts';
export { documentMarkdown, type MarkdownOptions } from './markdown.ts';
