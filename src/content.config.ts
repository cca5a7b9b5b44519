/**
 * The content layer: one custom loader reads the sources folder (REPORTS_DIR,
 * default seeds/) through the parser once per build and stores its records in
 * collections validated by the parser's own zod schemas. Pages query these
 * collections (src/data/collections.ts); nothing downstream re-parses text.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { DiagnosticSchema, DocumentSchema, ResultSchema, SectionSchema, SourceSchema, TargetSchema } from './lib/index.ts';
import { dataVersion, IdAliasSchema, PARSER_VERSION } from './lib/parse/index.ts';
import { buildComparisons, ComparisonSchema } from './lib/compare/index.ts';
import { invalidateCorpus, loadCorpus, sourcePaths, sourcesDir } from './data/load.ts';
import { assertParsable } from './data/corpus-check.ts';
import { sourceSlugMap } from './data/urls.ts';

const CorpusMetaSchema = z.object({
  parserVersion: z.string(),
  dataVersion: z.string(),
  /** The sources folder, relative to the project. */
  sourcesDir: z.string(),
  /** Build date (YYYY-MM-DD), the access date printed in citations without JavaScript. */
  builtOn: z.string(),
  documents: z.int(),
  sources: z.int(),
});

/** Parse once per build (load.ts caches per process) and stop, naming file and line, on parse errors. */
async function corpus(ctx: LoaderContext) {
  const root = fileURLToPath(ctx.config.root);
  const c = await loadCorpus(root);
  assertParsable(c.result, c.dir);
  return { ...c, root, version: dataVersion(c.result.parserVersion, c.result.sources) };
}

type Entry = { id: string; data: Record<string, unknown>; body?: string };
const watched = new Set<string>();

/** A loader that stores what `pick` takes from the parsed corpus. */
function corpusLoader(name: string, pick: (c: Awaited<ReturnType<typeof corpus>>, ctx: LoaderContext) => Entry[]) {
  const loader = {
    name: `report-explorer-${name}`,
    async load(ctx: LoaderContext): Promise<void> {
      const c = await corpus(ctx);
      const entries = pick(c, ctx);
      ctx.store.clear();
      for (const e of entries) {
        const data = await ctx.parseData({ id: e.id, data: e.data });
        ctx.store.set({ id: e.id, data, ...(e.body !== undefined ? { body: e.body } : {}), digest: ctx.generateDigest({ data: e.data, body: e.body ?? '' }) });
      }
      if (name === 'documents') {
        const count = (severity: string) => c.result.diagnostics.filter((d) => d.severity === severity).length;
        ctx.logger.info(
          `${c.result.documents.length} documents from ${c.result.sources.length} files in ${sourcePaths(c.root).map((p) => relative(c.root, p) || '.').join(', ')} ` +
            `(data version ${c.version}; ${count('warning')} warnings, ${count('info')} notes shown on the report pages)`,
        );
      }
      // Under `astro dev`: re-parse and reload when a file in the sources folder changes.
      if (ctx.watcher && !watched.has(name)) {
        watched.add(name);
        const paths = sourcePaths(c.root);
        ctx.watcher.add(paths);
        const onChange = async (path: string) => {
          if (!paths.some((p) => resolve(path).startsWith(p))) return;
          invalidateCorpus(path);
          ctx.logger.info(`${relative(c.root, path)} changed; parsing the sources again`);
          await loader.load(ctx);
        };
        for (const event of ['change', 'add', 'unlink'] as const) ctx.watcher.on(event, onChange);
      }
    },
  } satisfies Omit<Loader, 'schema'>;
  return loader;
}

// The Markdown downloads are made when /data/documents/<id>.md is rendered (collections.ts), not
// stored here: the store is inlined into the build's bundle, and its size is most of the build's memory.
const documents = defineCollection({
  loader: corpusLoader('documents', (c) => c.result.documents.map((d) => ({ id: d.id, data: d }))),
  schema: DocumentSchema,
});

const sections = defineCollection({
  loader: corpusLoader('sections', (c) => c.result.documents.flatMap((d) => d.sections.map((s) => ({ id: `${d.id}/${s.id}`, data: s })))),
  schema: SectionSchema,
});

const targets = defineCollection({
  loader: corpusLoader('targets', (c) => c.result.documents.flatMap((d) => d.targets.map((t) => ({ id: `${d.id}/${t.id}`, data: t })))),
  schema: TargetSchema,
});

const results = defineCollection({
  loader: corpusLoader('results', (c) => c.result.documents.flatMap((d) => d.results.map((r) => ({ id: `${d.id}/${r.id}`, data: r })))),
  schema: ResultSchema,
});

/** Comparison rows (a target beside the next review's result), built once per build from the parsed records. */
const comparisons = defineCollection({
  loader: corpusLoader('comparisons', (c) => buildComparisons(c.result).map((row) => ({ id: row.id, data: row }))),
  schema: ComparisonSchema,
});

/** Permalinks kept across parser upgrades: ids of the committed ledger that moved, and where their text is now. */
const aliases = defineCollection({
  loader: corpusLoader('aliases', (c) => c.aliases.map((a) => ({ id: `${a.fromDocument}#${a.from}`, data: a }))),
  schema: IdAliasSchema,
});

const sources = defineCollection({
  loader: corpusLoader('sources', (c) => {
    const slugs = sourceSlugMap(c.result.sources);
    return c.result.sources.map((s) => ({ id: slugs.get(s.file)!, data: s }));
  }),
  schema: SourceSchema,
});

const diagnostics = defineCollection({
  loader: corpusLoader('diagnostics', (c) => c.result.diagnostics.map((d, i) => ({ id: String(i).padStart(4, '0'), data: d }))),
  schema: DiagnosticSchema,
});

const corpusMeta = defineCollection({
  loader: corpusLoader('corpus', (c) => [
    {
      id: 'meta',
      data: {
        parserVersion: PARSER_VERSION,
        dataVersion: c.version,
        sourcesDir: sourcePaths(c.root).map((p) => relative(c.root, p) || '.').join(', '),
        builtOn: new Date().toISOString().slice(0, 10),
        documents: c.result.documents.length,
        sources: c.result.sources.length,
      },
    },
  ]),
  schema: CorpusMetaSchema,
});

export const collections = { documents, sections, targets, results, comparisons, aliases, sources, diagnostics, corpus: corpusMeta };
