/**
 * Build-time search index: a small Astro integration that writes dist/search/
 * (layout in src/lib/search/records.ts) from the parser's records, not from HTML.
 *
 * Every paragraph and numbered heading is an entry; the index maps each token (a
 * character or a pair of adjacent characters of the folded text, tokens.ts) to
 * the entries and character offsets where it occurs, so that the browser finds
 * any substring exactly. Entries are numbered in rank order and cut into shards
 * of whole documents (about SHARD_CHARS characters each):
 *  - a rare token (at most RARE_MAX occurrences in the corpus) keeps its whole
 *    posting list in a global bucket, so a query with a rare token learns every
 *    candidate from one small file however large the corpus;
 *  - a frequent token's global record names the shards that hold it, and its
 *    postings are in each shard's own buckets, so a query for common words reads
 *    the newest shard first and stops when it has a page of results.
 * Buckets are sized to about BUCKET_BYTES; texts are written a few entries per file.
 *
 * The index is built when the build starts (the records are all it needs), in a worker
 * thread while Astro bundles and renders; the files are written at `astro:build:done`.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ReportDocument } from '../lib/index.ts';
import {
  ByteWriter, PostingsWriter, bucketOf, encodeParts, foldText, foldedCodePoints, indexedDocuments, searchDoc, searchEntries, searchPaths, tokenKey, TOKEN_VERSION, writeKey, writePostings,
  type SearchDoc, type SearchEntry, type SearchManifest, type SearchText, type ShardDocs, type ShardInfo, type TokenKey,
} from '../lib/search/index.ts';

/** Folded characters per shard (a shard ends with the document that reaches it). */
export const SHARD_CHARS = 500_000;
/** A token with at most this many occurrences in the corpus is rare: its postings are global. */
export const RARE_MAX = 1000;
/** Target size of a bucket before gzip. */
export const BUCKET_BYTES = 4096;
/** Entries per text file. */
export const TEXTS_PER_FILE = 2;
/** An entry longer than this (characters) has its text in pieces of about this length. */
export const PIECE_CHARS = 1000;

type Logger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

export interface IndexOptions {
  shardChars?: number;
  rareMax?: number;
  bucketBytes?: number;
  textsPerFile?: number;
  pieceChars?: number;
}

export interface BuildSummary {
  entries: number;
  shards: number;
  files: number;
  bytes: number;
  globalBuckets: number;
}

/** The index as files in memory: path under dist/search/ → content (empty when they were handed to `emit`). */
export interface BuiltIndex {
  manifest: SearchManifest;
  files: Map<string, Uint8Array | string>;
  summary: BuildSummary;
}

/** Receives each file as it is made: its path under dist/search/ and its content. */
export type Emit = (rel: string, content: Uint8Array | string) => void;

interface Shard {
  first: number;
  entries: SearchEntry[];
  docs: SearchDoc[];
}

function cutShards(docs: SearchDoc[], entries: SearchEntry[], lengths: number[], shardChars: number): Shard[] {
  const docsById = new Map(docs.map((d) => [d.id, d]));
  const shards: Shard[] = [];
  let current: Shard | null = null;
  let chars = 0;
  // Entries come in document order (searchEntries sorts documents by rank): a document's entries are contiguous.
  for (let i = 0; i < entries.length; ) {
    const docId = entries[i]!.docId;
    let j = i;
    let docChars = 0;
    while (j < entries.length && entries[j]!.docId === docId) docChars += lengths[j++]!;
    if (!current || chars >= shardChars) {
      current = { first: i, entries: [], docs: [] };
      shards.push(current);
      chars = 0;
    }
    for (let k = i; k < j; k++) current.entries.push(entries[k]!);
    current.docs.push(docsById.get(docId)!);
    chars += docChars;
    i = j;
  }
  return shards;
}

/**
 * Distinct tokens, numbered densely in order of first sight: an open-addressing
 * hash table over typed arrays (token keys exceed 2³¹, and a Map with such keys
 * is slow and large at a million tokens).
 */
class TokenTable {
  keys = new Float64Array(1 << 16);
  total = new Int32Array(1 << 16);
  size = 0;
  private slots = new Int32Array(1 << 17).fill(-1);

  id(key: TokenKey): number {
    const mask = this.slots.length - 1;
    let h = bucketOf(key, 0x7fffffff) & mask;
    for (;;) {
      const at = this.slots[h]!;
      if (at === -1) break;
      if (this.keys[at] === key) return at;
      h = (h + 1) & mask;
    }
    const id = this.size++;
    if (id >= this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const total = new Int32Array(this.total.length * 2);
      total.set(this.total);
      this.total = total;
    }
    this.keys[id] = key;
    this.slots[h] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let h = bucketOf(this.keys[id]!, 0x7fffffff) & mask;
      while (this.slots[h] !== -1) h = (h + 1) & mask;
      this.slots[h] = id;
    }
  }
}

/** Concatenate records into buckets by token hash and gzip each. */
function buckets(records: Array<[TokenKey, Uint8Array]>, count: number): Uint8Array[] {
  const parts: Uint8Array[][] = Array.from({ length: count }, () => []);
  for (const [key, bytes] of records) parts[bucketOf(key, count)]!.push(bytes);
  return parts.map((list) => {
    const w = new ByteWriter(list.reduce((n, b) => n + b.length, 0) || 16);
    for (const b of list) w.bytes(b);
    return new Uint8Array(gzipSync(w.result(), { level: 9 }));
  });
}

/** A long text cut into pieces of about `size` characters, each with the folded offset where it starts. */
export function textPieces(text: string, size: number): Array<{ text: string; folded: number }> {
  const { map } = foldText(text);
  const out: Array<{ text: string; folded: number }> = [];
  let folded = 0;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++; // never split a surrogate pair
    out.push({ text: text.slice(at, end), folded });
    while (folded < map.length && map[folded]! < end) folded++;
    at = end;
  }
  return out;
}

const gzipJson = (value: unknown) => new Uint8Array(gzipSync(JSON.stringify(value), { level: 9 }));

const sumBytes = (records: Array<[TokenKey, Uint8Array]>) => records.reduce((n, [, b]) => n + b.length, 0);

/** What the index needs of the documents: the entries in rank order, and each document's search record. */
export interface IndexInput {
  entries: SearchEntry[];
  docs: SearchDoc[];
}

export function indexInput(documents: ReportDocument[]): IndexInput {
  return { entries: searchEntries(documents), docs: documents.map(searchDoc) };
}

/** Build every file of the index from the documents. Pure apart from CPU: nothing is written. */
export function buildIndex(documents: ReportDocument[], opts: IndexOptions = {}): BuiltIndex {
  return buildIndexFrom(indexInput(documents), opts);
}

export function buildIndexFrom({ entries, docs: documents }: IndexInput, opts: IndexOptions = {}, emit?: Emit): BuiltIndex {
  const shardChars = opts.shardChars ?? SHARD_CHARS;
  const rareMax = opts.rareMax ?? RARE_MAX;
  const bucketBytes = opts.bucketBytes ?? BUCKET_BYTES;
  const perFile = opts.textsPerFile ?? TEXTS_PER_FILE;
  const pieceChars = opts.pieceChars ?? PIECE_CHARS;

  // The build's folder name: a digest of everything that goes into the files.
  const digest = createHash('sha256').update(JSON.stringify({ v: TOKEN_VERSION, shardChars, rareMax, bucketBytes, perFile, pieceChars }));
  for (const e of entries) digest.update(`${e.url}\u0000${e.part}\u0000${e.headings.join('\u0001')}\u0000${e.text}\u0000${e.figures ? JSON.stringify(e.figures) : ''}\u0000`);
  for (const d of documents) digest.update(JSON.stringify(d));
  const id = digest.digest('hex').slice(0, 12);

  // Pass 1: every entry as token numbers (character at 2i, pair at 2i + 1), and each token's count.
  const table = new TokenTable();
  const ids: Int32Array[] = entries.map((e) => {
    const cps = foldedCodePoints(e.text);
    const out = new Int32Array(Math.max(0, cps.length * 2 - 1));
    for (let i = 0; i < cps.length; i++) {
      const u = table.id(tokenKey(cps[i]!));
      table.total[u]!++;
      out[2 * i] = u;
      if (i + 1 < cps.length) {
        const b = table.id(tokenKey(cps[i]!, cps[i + 1]!));
        table.total[b]!++;
        out[2 * i + 1] = b;
      }
    }
    return out;
  });
  const lengths = ids.map((x) => (x.length + 1) / 2);
  const EMPTY = new Int32Array(0);

  const files = new Map<string, Uint8Array | string>();
  let fileCount = 0;
  let bytes = 0;
  const put: Emit = (rel, content) => {
    fileCount++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    if (emit) emit(rel, content);
    else files.set(rel, content);
  };
  const shards = cutShards(documents, entries, lengths, shardChars);
  /** Rare tokens' postings over all shards, in global entry numbers, by token number. */
  const rare: Array<PostingsWriter | undefined> = [];
  /** Frequent tokens: the shards that hold them, by token number. */
  const frequentIn: Array<number[] | undefined> = [];
  const infos: ShardInfo[] = [];
  const regionShards = new Map<string, Set<number>>();
  const count = new Int32Array(table.size);
  const start = new Int32Array(table.size);

  shards.forEach((shard, k) => {
    // Counting sort of the shard's postings by token: entries ascending, positions ascending.
    const touched: number[] = [];
    let n = 0;
    for (let e = 0; e < shard.entries.length; e++) {
      for (const t of ids[shard.first + e]!) {
        if (count[t]++ === 0) touched.push(t);
        n++;
      }
    }
    let at = 0;
    for (const t of touched) {
      start[t] = at;
      at += count[t]!;
      count[t] = 0;
    }
    const ent = new Int32Array(n);
    const pos = new Int32Array(n);
    for (let e = 0; e < shard.entries.length; e++) {
      const row = ids[shard.first + e]!;
      for (let i = 0; i < row.length; i++) {
        const t = row[i]!;
        const slot = start[t]! + count[t]!++;
        ent[slot] = e;
        pos[slot] = i >> 1;
      }
      ids[shard.first + e] = EMPTY; // done with it: let the memory go
    }
    const records: Array<[TokenKey, Uint8Array]> = [];
    const w = new ByteWriter(1 << 16);
    for (const t of touched) {
      const from = start[t]!;
      const to = from + count[t]!;
      count[t] = 0;
      const frequent = table.total[t]! > rareMax;
      const sink = frequent ? new PostingsWriter() : (rare[t] ??= new PostingsWriter());
      for (let i = from; i < to; ) {
        let j = i;
        while (j < to && ent[j] === ent[i]) j++;
        sink.add(ent[i]! + (frequent ? 0 : shard.first), pos.subarray(i, j));
        i = j;
      }
      if (frequent) {
        w.length = 0;
        writeKey(w, table.keys[t]!, 0);
        sink.write(w);
        records.push([table.keys[t]!, w.result()]);
        (frequentIn[t] ??= []).push(k);
      }
    }
    const b = Math.max(1, Math.ceil(sumBytes(records) / bucketBytes));
    buckets(records, b).forEach((bytes, j) => put(searchPaths.shard(id, k, j), bytes));

    const docs: ShardDocs = { docs: [] };
    for (let i = 0; i < shard.entries.length; ) {
      const d = shard.docs[docs.docs.length]!;
      let j = i;
      while (j < shard.entries.length && shard.entries[j]!.docId === d.id) j++;
      let c = 0;
      for (let e = i; e < j; e++) c += lengths[shard.first + e]!;
      docs.docs.push({ ...d, n: j - i, p: encodeParts(shard.entries.slice(i, j).map((e) => e.part)), c });
      i = j;
    }
    put(searchPaths.shardDocs(id, k), gzipJson(docs));
    for (let g = 0; g * perFile < shard.entries.length; g++) {
      const texts: SearchText[] = shard.entries.slice(g * perFile, (g + 1) * perFile).map((e, i) => {
        const base = { d: e.docId, a: e.anchor, h: e.headings, ...(e.heading ? { k: 1 as const } : {}), ...(e.figures ? { f: e.figures } : {}) };
        if (e.text.length <= pieceChars) return { ...base, t: e.text };
        const pieces = textPieces(e.text, pieceChars);
        pieces.forEach((p, j) => put(searchPaths.piece(id, k, g * perFile + i, j), gzipJson(p.text)));
        return { ...base, t: '', p: pieces.map((p) => p.folded) };
      });
      put(searchPaths.texts(id, k, g), gzipJson(texts));
    }
    for (const d of shard.docs) {
      if (!d.region) continue;
      const set = regionShards.get(d.region.slug) ?? new Set<number>();
      set.add(k);
      regionShards.set(d.region.slug, set);
    }
    infos.push({
      e: shard.entries.length,
      d: shard.docs.length,
      b,
      y: [...new Set(shard.docs.map((d) => d.year ?? 0))].sort((a, b) => b - a),
      k: [...new Set(shard.docs.map((d) => d.kind))].sort(),
    });
  });

  const global: Array<[TokenKey, Uint8Array]> = [];
  const w = new ByteWriter(1 << 16);
  for (let t = 0; t < table.size; t++) {
    w.length = 0;
    const key = table.keys[t]!;
    const r = rare[t];
    const f = frequentIn[t];
    if (r) {
      writeKey(w, key, 0);
      r.write(w);
    } else if (f) {
      writeKey(w, key, 1);
      w.uint(f.length);
      let last = 0;
      for (const s of f) {
        w.uint(s - last);
        last = s;
      }
    } else continue;
    global.push([key, w.result()]);
  }
  const g = Math.max(1, Math.ceil(sumBytes(global) / bucketBytes));
  buckets(global, g).forEach((bytes, i) => put(searchPaths.global(id, i), bytes));
  put(searchPaths.regions(id), JSON.stringify(Object.fromEntries([...regionShards].map(([slug, s]) => [slug, [...s].sort((a, b) => a - b)]))));

  const manifest: SearchManifest = { v: TOKEN_VERSION, id, g, x: perFile, shards: infos };
  put(searchPaths.manifest, JSON.stringify(manifest));
  return { manifest, files, summary: { entries: entries.length, shards: shards.length, files: fileCount, bytes, globalBuckets: g } };
}

/** An Emit that writes each file under `dir` as it comes. */
export function fileWriter(dir: string): Emit {
  const made = new Set<string>();
  return (rel, content) => {
    const file = path.join(dir, rel);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, content);
  };
}

/** `<outDir>/search/` with any earlier index in it removed (the search page beside it stays). */
function clearIndex(outDir: string): string {
  const dir = path.join(outDir, 'search');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (/^[0-9a-f]{12}$/.test(name) || name === searchPaths.manifest) rmSync(path.join(dir, name), { recursive: true, force: true });
  return dir;
}

/** Write an index held in memory into `<outDir>/search/` (beside the search page), replacing an earlier index there. */
export function writeIndex(built: BuiltIndex, outDir: string): void {
  const write = fileWriter(clearIndex(outDir));
  for (const [rel, content] of built.files) write(rel, content);
}

/** Move an index written under `staging` (by fileWriter) into `<outDir>/search/`. */
export function placeIndex(staging: string, outDir: string): void {
  const dir = clearIndex(outDir);
  for (const name of readdirSync(staging)) {
    const from = path.join(staging, name);
    const to = path.join(dir, name);
    try {
      renameSync(from, to);
    } catch {
      // Another file system: copy instead.
      cpSync(from, to, { recursive: true });
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

export function describe(s: BuildSummary): string {
  return `indexed ${s.entries} paragraphs and headings in ${s.shards} shard${s.shards === 1 ? '' : 's'}: ${s.files} files, ${(s.bytes / 1048576).toFixed(1)} MB (${s.globalBuckets} global buckets)`;
}

/** A build of the index running beside Astro: in a worker thread, or in this thread where workers fail. */
interface Pending {
  write(outDir: string): Promise<BuildSummary>;
}

function inThisThread(input: IndexInput, opts: IndexOptions): Pending {
  const built = buildIndexFrom(input, opts);
  return { write: async (outDir) => (writeIndex(built, outDir), built.summary) };
}

/**
 * Build in a worker thread (search-index-worker.ts), so that the index takes the second core
 * while Astro bundles and renders on the first. The worker writes the files into `staging` as
 * it makes them (Astro empties the output folder after the build starts, and holding them would
 * only add to the build's peak memory); they are moved into place when the pages are written.
 */
function inWorker(input: IndexInput, opts: IndexOptions, staging: string, logger: Logger): Pending {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url));
  const done = new Promise<WorkerReply | { failed: Error }>((resolve) => {
    worker.once('message', (m: WorkerReply) => resolve(m));
    worker.once('error', (e: unknown) => resolve({ failed: e instanceof Error ? e : new Error(String(e)) }));
  });
  worker.postMessage({ input, opts, staging });
  return {
    async write(outDir) {
      const reply = await done;
      await worker.terminate();
      if ('failed' in reply) {
        // The worker could not run (or died): build here instead.
        logger.warn(`search index: the worker thread failed (${reply.failed.message}); building in the main thread`);
        rmSync(staging, { recursive: true, force: true });
        return inThisThread(input, opts).write(outDir);
      }
      if ('error' in reply) throw new Error(`search index: ${reply.error}`);
      placeIndex(staging, outDir);
      return reply.summary;
    },
  };
}

export type WorkerReply = { summary: BuildSummary } | { error: string };

/**
 * The Astro integration: register once in astro.config.mjs. The index is built when the
 * build starts (in a worker thread) and written when the pages are.
 */
export default function searchIndex(opts: IndexOptions = {}): AstroIntegration {
  let pending: Promise<Pending> | null = null;
  /** Where the worker stages its files: Astro's cache folder (on the project's disk, not a RAM /tmp). */
  let cacheDir = tmpdir();
  const start = async (logger: Logger): Promise<Pending> => {
    const { loadCorpus } = await import('../data/load.ts');
    const input = indexInput(indexedDocuments((await loadCorpus()).result));
    if (process.env.SEARCH_INDEX_THREAD === 'main') return inThisThread(input, opts);
    mkdirSync(cacheDir, { recursive: true });
    return inWorker(input, opts, mkdtempSync(path.join(cacheDir, 'search-index-')), logger);
  };
  return {
    name: 'report-explorer-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        pending = start(logger);
        // Errors surface when the build awaits the index; keep Node from reporting them early.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const summary = await (await (pending ?? start(logger))).write(fileURLToPath(dir));
        logger.info(describe(summary));
      },
    },
  };
}
