/**
 * Build-time search index: a small Astro integration that runs Pagefind's Node
 * API at `astro:build:done`, so `npm run build` stays one command.
 *
 * The index is built from the parser's records (loadCorpus), not from HTML:
 * one Pagefind custom record per paragraph and per numbered heading, whose
 * content is the paragraph as overlapping character bigrams written as ASCII
 * tokens (src/lib/search/tokens.ts, the same module the browser uses). That turns
 * Pagefind's word index into a true substring index for Chinese.
 *
 * Written into dist/:
 *  - pagefind/                Pagefind's bundle (language `und`: no stemming, no segmentation);
 *  - search/table.json        documents, and for each Pagefind page hash the entry it stands for;
 *  - search/p/<hash>.json     the verbatim text and headings of one entry, fetched for shown results.
 * Pagefind's own fragments hold only the bigram soup, so the browser never loads them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type * as PagefindApi from 'pagefind';
import type { ReportDocument } from '../lib/index.ts';
import { indexContent, TOKEN_VERSION, kindFacet, searchEntries, searchTable, type SearchEntry, type SearchText } from '../lib/search/index.ts';

/**
 * Postings per index chunk. A cold query downloads Pagefind's meta file (about
 * 35 bytes per chunk) plus one chunk (about 2.7 bytes per posting) per distinct
 * token range it touches, some 8 for a typical phrase; the sum is smallest at
 * sqrt(35 · postings / (2.7 · 8)). Postings ≈ 1.9 per indexed character.
 * (Pagefind reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; its default is 20000.)
 */
export function indexChunkSize(indexedChars: number): number {
  const postings = 1.9 * indexedChars;
  return Math.round(Math.min(20000, Math.max(400, Math.sqrt((35 * postings) / (2.7 * 8)))));
}
/** The language of the records: anything Pagefind neither stems nor segments. */
export const INDEX_LANGUAGE = 'und';

type Logger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

export interface BuildOptions {
  outDir: string;
  documents: ReportDocument[];
  logger: Logger;
  /** Injected for tests; defaults to the real `pagefind` package. */
  pagefind?: typeof PagefindApi;
}

export interface BuildSummary {
  records: number;
  indexBytes: number;
  files: number;
  tableBytes: number;
}

function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

const SIGNATURE = 'pagefind_dcd';

/**
 * Read a fragment file as Pagefind writes it (gzip around `pagefind_dcd` + JSON)
 * and return its URL. Throws, naming the file, when the format is not that.
 */
export function fragmentUrl(file: string, content: Uint8Array): string {
  let text: string;
  try {
    text = gunzipSync(content).toString('utf8');
  } catch (e) {
    throw new Error(`${file}: not a gzip file (${(e as Error).message}); has Pagefind's fragment format changed?`);
  }
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: does not start with "${SIGNATURE}"; has Pagefind's fragment format changed?`);
  const data = JSON.parse(text.slice(SIGNATURE.length)) as { url?: unknown };
  if (typeof data.url !== 'string') throw new Error(`${file}: fragment has no url`);
  return data.url;
}

/** An index built in memory, waiting for the pages to be written. */
export interface PreparedIndex {
  /** Write Pagefind's bundle and the search table and texts into `outDir`. */
  write(outDir: string, logger: Logger): Promise<BuildSummary>;
  /** Stop Pagefind's service and restore the environment. */
  close(): Promise<void>;
}

/**
 * Build the index from the records alone. It needs no HTML, so the integration
 * starts it when the build starts and Pagefind works while Astro renders pages.
 */
export async function prepareSearchIndex({ documents, pagefind }: Pick<BuildOptions, 'documents' | 'pagefind'>): Promise<PreparedIndex> {
  const pf = pagefind ?? (await import('pagefind'));
  const entries = searchEntries(documents);
  const docs = new Map(documents.map((d) => [d.id, d]));
  const previousChunk = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const close = async () => {
    if (previousChunk === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previousChunk;
    await pf.close();
  };
  // Read by the Pagefind binary when its service starts (createIndex below).
  const chars = entries.reduce((n, e) => n + e.text.length, 0);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize(chars));
  try {
    const created = await pf.createIndex({ writePlayground: false });
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Records go to Pagefind's service all at once: it answers each message by id, and one
    // round trip per record (sequentially) was most of the indexing time.
    const added: SearchEntry[] = entries.filter((e) => indexContent(e.text));
    const responses = await Promise.all(
      added.map((e) => {
        const d = docs.get(e.docId)!;
        return index.addCustomRecord({
          url: e.url,
          content: indexContent(e.text),
          language: INDEX_LANGUAGE,
          filters: {
            region: d.region ? [d.region.slug] : [],
            year: d.year ? [String(d.year)] : [],
            kind: [kindFacet(d)],
            part: [e.part],
          },
        });
      }),
    );
    responses.forEach((res, k) => check(`addCustomRecord(${added[k]!.url})`, res.errors));
    const files = await index.getFiles();
    check('getFiles', files.errors);
    const hashByUrl = new Map<string, string>();
    let indexBytes = 0;
    for (const f of files.files) {
      if (f.path.endsWith('.pf_fragment')) {
        const url = fragmentUrl(f.path, f.content);
        const hash = path.basename(f.path, '.pf_fragment');
        if (hashByUrl.has(url)) throw new Error(`Pagefind wrote two fragments for ${url}`);
        hashByUrl.set(url, hash);
      }
      if (/\.pf_(index|meta|filter)$/.test(f.path)) indexBytes += f.content.byteLength;
    }
    const hashOf = (url: string) => {
      const h = hashByUrl.get(url);
      if (!h) throw new Error(`Pagefind wrote no fragment for ${url}`);
      return h;
    };
    const write = async (outDir: string, logger: Logger): Promise<BuildSummary> => {
      const bundle = path.join(outDir, 'pagefind');
      rmSync(bundle, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: bundle });
      check('writeFiles', written.errors);

      const searchDir = path.join(outDir, 'search');
      const textDir = path.join(searchDir, 'p');
      rmSync(textDir, { recursive: true, force: true });
      mkdirSync(textDir, { recursive: true });
      for (const e of added) {
        const body: SearchText = { d: e.docId, a: e.anchor, t: e.text, h: e.headings, ...(e.heading ? { k: 1 as const } : {}) };
        writeFileSync(path.join(textDir, `${hashOf(e.url)}.json`), JSON.stringify(body));
      }
      const table = JSON.stringify(searchTable(documents, added, hashOf, TOKEN_VERSION, INDEX_LANGUAGE));
      writeFileSync(path.join(searchDir, 'table.json'), table);
      const summary = { records: added.length, indexBytes, files: files.files.length, tableBytes: Buffer.byteLength(table) };
      logger.info(
        `indexed ${summary.records} paragraphs and headings; index ${(indexBytes / 1024).toFixed(0)} KB in chunks of ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE} postings, table ${(summary.tableBytes / 1024).toFixed(1)} KB`,
      );
      return summary;
    };
    return { write, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export async function buildSearchIndex({ outDir, documents, logger, pagefind }: BuildOptions): Promise<BuildSummary> {
  const prepared = await prepareSearchIndex({ documents, pagefind });
  try {
    return await prepared.write(outDir, logger);
  } finally {
    await prepared.close();
  }
}

/**
 * The Astro integration: register once in astro.config.mjs. Indexing starts with the
 * build (the records are all it needs) and the files are written when the pages are.
 */
export default function pagefindSearch(): AstroIntegration {
  let indexing: Promise<PreparedIndex> | null = null;
  const start = async () => {
    const { loadCorpus } = await import('../data/load.ts');
    return prepareSearchIndex({ documents: (await loadCorpus()).result.documents });
  };
  return {
    name: 'report-explorer-search',
    hooks: {
      'astro:build:start': () => {
        indexing = start();
        // Errors surface when the build awaits the index; keep Node from reporting them early.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const prepared = await (indexing ?? start());
        try {
          await prepared.write(fileURLToPath(dir), logger);
        } finally {
          await prepared.close();
        }
      },
    },
  };
}
