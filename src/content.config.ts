/**
 * The content layer: one custom loader reads the sources folder (REPORTS_DIR,
 * default seeds/) through the parser once per build (load.ts, which validates the
 * records with the parser's own zod schemas) and stores the corpus's metadata.
 * Pages read the records of that parse (src/data/collections.ts); nothing
 * downstream re-parses text.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { dataVersion, PARSER_VERSION } from './lib/parse/index.ts';
import { invalidateCorpus, loadCorpus, sourcePaths } from './data/load.ts';
import { assertParsable } from './data/corpus-check.ts';

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
      if (name === 'corpus') {
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

// One collection: the corpus's metadata. Pages read the records (documents, sources, comparisons,
// diagnostics, aliases) from the same parse through src/data/collections.ts: the data store is
// inlined into the build's bundle, and holding every record there as well as in the parse was most
// of the build's memory (1,000 reports: 3.9 GB). This loader still parses and validates the sources
// first (load.ts), stops the build on parse errors, and under `astro dev` reloads the pages when a
// source changes (the entry's data version changes with it).
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

export const collections = { corpus: corpusMeta };
