import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, writeIndex, type BuiltIndex } from '../../src/integrations/search-index.ts';
import { ByteReader, ByteWriter, PostingsWriter, bucketOf, readBucket, readPostings, writeKey, writePostings, type Postings } from '../../src/lib/search/postings.ts';
import { decodeParts, encodeParts, indexedDocuments, searchEntries, searchPaths, type SearchText, type ShardDocs } from '../../src/lib/search/records.ts';
import { parseSources, repeatedDocument } from '../../src/lib/parse/index.ts';
import { foldText, indexTokens, tokenKey, type TokenKey } from '../../src/lib/search/tokens.ts';
import { doc, parsedSeeds } from './seeds.ts';

const out = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('searchEntries', () => {
  const entries = searchEntries(parsedSeeds().documents);
  it('has every paragraph and every numbered heading, each once, addressed by its anchor', () => {
    const docs = parsedSeeds().documents;
    const paragraphs = docs.reduce((n, d) => n + d.paragraphs.length, 0);
    const headings = docs.reduce((n, d) => n + d.sections.filter((s) => s.text.trim() && s.headingPosition).length, 0);
    expect(entries).toHaveLength(paragraphs + headings);
    expect(new Set(entries.map((e) => e.url)).size).toBe(entries.length);
    const e = entries.find((x) => x.url === '/reports/weihai-2024/#s1-p2')!;
    expect(e.text.startsWith('——经济增长量质齐升')).toBe(true);
    expect(e).toMatchObject({ part: 'review', heading: false, headings: ['一、2023年政府工作回顾'] });
  });
  it('orders newest reports first, coverage after the reports of its year', () => {
    const firstOf = (id: string) => entries.findIndex((e) => e.docId === id);
    expect(firstOf('weihai-2025')).toBeLessThan(firstOf('weihai-2024'));
    expect(firstOf('rongcheng-2024')).toBeLessThan(firstOf('weihai-2024-coverage'));
    expect(firstOf('weihai-2024-coverage')).toBeLessThan(firstOf('rongcheng-2023'));
  });
  it('files a heading under its own part and the paragraphs under theirs', () => {
    const h = entries.find((x) => x.url === '/reports/weihai-2024/#s2-1')!;
    expect(h).toMatchObject({ heading: true, part: 'tasks', headings: ['二、2024年政府工作目标任务'] });
    expect(entries.filter((x) => x.docId === 'weihai-2024-coverage').every((x) => x.part === 'other')).toBe(true);
  });
});

describe('indexedDocuments', () => {
  it('leaves out a document that repeats another word for word (one report filed under two names), and only that', () => {
    const text = '各位代表：\n现在，我代表烟台市人民政府向大会报告政府工作，请予审议。\n一、2023年工作回顾\n全市生产总值增长6%。\n二、2024年工作安排\n主要预期目标是：地区生产总值增长5.5%左右。\n';
    const other = text.replace('6%', '6.1%');
    const bytes = (t: string) => new TextEncoder().encode(t);
    const r = parseSources([{ file: 'a.txt', bytes: bytes(text) }, { file: 'b.txt', bytes: bytes(text) }, { file: 'c.txt', bytes: bytes(other) }]);
    expect(r.documents.map((d) => d.sourceFile)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(r.diagnostics.filter((d) => d.ruleId === 'duplicate-document').map((d) => d.file)).toEqual(['b.txt']);
    expect(indexedDocuments(r).map((d) => d.sourceFile)).toEqual(['a.txt', 'c.txt']);
    const note = r.diagnostics.find((d) => d.ruleId === 'duplicate-document')!;
    expect([note.documentId, repeatedDocument(note)]).toEqual([r.documents[1]!.id, r.documents[0]!.id]);
  });
});

describe('the binary posting lists', () => {
  it('round-trips numbers of every size', () => {
    const w = new ByteWriter(1);
    const nums = [0, 1, 127, 128, 300, 16383, 16384, 0x10ffff, 2 ** 31, 2 ** 42 + 7];
    for (const n of nums) w.uint(n);
    const r = new ByteReader(w.result());
    expect(nums.map(() => r.uint())).toEqual(nums);
    expect(r.done).toBe(true);
    expect(() => w.uint(-1)).toThrow(/not an unsigned integer/);
  });
  it('writes a list the same whether written at once or entry by entry', () => {
    const list: Array<[number, number[]]> = [[3, [0, 5, 9]], [7, [2]], [1000, [0, 1, 2, 3]]];
    const a = new ByteWriter();
    writePostings(a, list);
    const pw = new PostingsWriter();
    for (const [e, p] of list) pw.add(e, p);
    const b = new ByteWriter();
    pw.write(b);
    expect(b.result()).toEqual(a.result());
    expect([...readPostings(new ByteReader(a.result()), 10)]).toEqual(list.map(([e, p]) => [e + 10, p]));
  });
  it('reads every record of a bucket, with the kind of each', () => {
    const w = new ByteWriter();
    writeKey(w, tokenKey(0x53d1, 0x5c55), 0);
    writePostings(w, [[2, [4]]]);
    writeKey(w, tokenKey(0x53d1), 1);
    w.uint(3);
    for (const d of [0, 2, 1]) w.uint(d);
    const m = readBucket(w.result(), 100);
    expect(m.get(tokenKey(0x53d1, 0x5c55))).toEqual({ kind: 'postings', postings: new Map([[102, [4]]]) });
    expect(m.get(tokenKey(0x53d1))).toEqual({ kind: 'frequent', shards: [0, 2, 3] });
  });
  it('says so when a file is cut short or holds an unknown record', () => {
    const w = new ByteWriter();
    writeKey(w, tokenKey(1, 2), 0);
    w.uint(5);
    expect(() => readBucket(w.result())).toThrow(/runs past the end/);
    const x = new ByteWriter();
    writeKey(x, tokenKey(1), 7 as 0);
    expect(() => readBucket(x.result())).toThrow(/unknown record kind 7/);
  });
  it('hashes tokens to buckets the same way everywhere (pinned: the browser must agree with the build)', () => {
    expect([bucketOf(tokenKey(0x53d1, 0x5c55), 1000), bucketOf(tokenKey(0x56fd), 1000), bucketOf(tokenKey(44, 0x53d1), 97)]).toMatchInlineSnapshot(`
      [
        413,
        793,
        49,
      ]
    `);
    expect(bucketOf(tokenKey(1, 2), 1)).toBe(0);
  });
  it('run-length encodes the parts of consecutive entries', () => {
    expect(encodeParts(['other', 'review', 'review', 'tasks', 'other'])).toBe('o1r2t1o1');
    expect(decodeParts('o1r2t1o1')).toEqual(['other', 'review', 'review', 'tasks', 'other']);
    expect(() => decodeParts('x2')).toThrow(/bad part code/);
  });
});

const unzipJson = (b: unknown) => JSON.parse(gunzipSync(b as Uint8Array).toString('utf8')) as unknown;

/** Look a token up the way the browser does: global bucket, then the shard's bucket for a frequent token. */
function lookup(built: BuiltIndex, key: TokenKey): Postings {
  const { id, g, shards } = built.manifest;
  const read = (rel: string, base: number) => readBucket(new Uint8Array(gunzipSync(built.files.get(rel) as Uint8Array)), base);
  const rec = read(searchPaths.global(id, bucketOf(key, g)), 0).get(key);
  if (!rec) return new Map();
  if (rec.kind === 'postings') return rec.postings;
  const out: Postings = new Map();
  const starts = shards.reduce<number[]>((a, s) => [...a, a[a.length - 1]! + s.e], [0]);
  for (const k of rec.shards) {
    const r = read(searchPaths.shard(id, k, bucketOf(key, shards[k]!.b)), starts[k]!).get(key);
    expect(r?.kind, `shard ${k} has the postings`).toBe('postings');
    if (r?.kind === 'postings') for (const [e, p] of r.postings) out.set(e, p);
  }
  return out;
}

describe('buildIndex', () => {
  const documents = [doc('weihai-2024'), doc('weihai-2024-coverage'), doc('rongcheng-2023'), doc('rongcheng-2022')];
  const entries = searchEntries(documents);
  // Small shards and a low rare limit, so that every path is taken.
  const built = buildIndex(documents, { shardChars: 8000, rareMax: 20, bucketBytes: 1024, textsPerFile: 3, pieceChars: 150 });
  const { manifest } = built;

  it('cuts whole documents into shards in rank order and describes them in the manifest', () => {
    expect(manifest.shards.length).toBeGreaterThan(1);
    expect(manifest.shards.reduce((n, s) => n + s.e, 0)).toBe(entries.length);
    expect(manifest.shards.reduce((n, s) => n + s.d, 0)).toBe(documents.length);
    expect(manifest.id).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.parse(built.files.get('index.json') as string)).toEqual(manifest);
    let at = 0;
    const docOrder: string[] = [];
    manifest.shards.forEach((s, k) => {
      const sd = unzipJson(built.files.get(searchPaths.shardDocs(manifest.id, k))) as ShardDocs;
      expect(sd.docs.reduce((n, d) => n + d.n, 0)).toBe(s.e);
      expect(s.y).toEqual([...new Set(sd.docs.map((d) => d.year ?? 0))].sort((a, b) => b - a));
      for (const d of sd.docs) {
        docOrder.push(d.id);
        expect(decodeParts(d.p)).toEqual(entries.slice(at, at + d.n).map((e) => e.part));
        at += d.n;
      }
    });
    expect(docOrder).toEqual([...new Set(entries.map((e) => e.docId))]);
  });

  it('holds every entry’s verbatim text, headings and anchor, a few entries per file, long ones in pieces', () => {
    let global = 0;
    let long = 0;
    manifest.shards.forEach((s, k) => {
      for (let local = 0; local < s.e; local++, global++) {
        const file = unzipJson(built.files.get(searchPaths.texts(manifest.id, k, Math.floor(local / manifest.x)))) as SearchText[];
        const t = file[local % manifest.x]!;
        const e = entries[global]!;
        if (e.text.length > 150) {
          // A long entry: its text is in pieces, each starting at the folded offset the stub gives.
          expect(t.t).toBe('');
          const pieces = t.p!.map((_, i) => unzipJson(built.files.get(searchPaths.piece(manifest.id, k, local, i))) as string);
          expect(pieces.join('')).toBe(e.text);
          t.p!.forEach((start, i) => expect(foldText(pieces.slice(0, i).join('')).chars.length).toBe(start));
          long++;
          continue;
        }
        expect(t).toEqual({ d: e.docId, a: e.anchor, t: e.text, h: e.headings, ...(e.heading ? { k: 1 } : {}), ...(e.figures ? { f: e.figures } : {}) });
      }
    });
    expect(long).toBeGreaterThan(10);
  });

  it('finds every token of every entry at exactly its positions, rare and frequent alike', () => {
    const truth = new Map<TokenKey, Postings>();
    entries.forEach((e, i) => {
      for (const [key, pos] of indexTokens(e.text)) {
        const m = truth.get(key) ?? new Map<number, number[]>();
        m.set(i, [...(m.get(i) ?? []), pos]);
        truth.set(key, m);
      }
    });
    let frequent = 0;
    for (const [key, postings] of truth) {
      const got = lookup(built, key);
      expect(got, String.fromCodePoint(Math.floor(key / 0x200000))).toEqual(postings);
      if ([...postings.values()].reduce((n, p) => n + p.length, 0) > 20) frequent++;
    }
    expect(frequent).toBeGreaterThan(100);
    expect(lookup(built, tokenKey(0x1f600, 0x1f600)).size).toBe(0);
  });

  it('lists the shards of each region', () => {
    const regions = JSON.parse(built.files.get(searchPaths.regions(manifest.id)) as string) as Record<string, number[]>;
    expect(Object.keys(regions).sort()).toEqual(['rongcheng', 'weihai']);
    expect(regions.weihai![0]).toBe(0);
  });

  it('names the folder by the content: the same input gives the same id, a changed text another', () => {
    expect(buildIndex(documents, { shardChars: 8000, rareMax: 20, bucketBytes: 1024, textsPerFile: 3, pieceChars: 150 }).manifest.id).toBe(manifest.id);
    const changed = structuredClone(documents);
    changed[0]!.paragraphs[0]!.text += '。';
    expect(buildIndex(changed, { shardChars: 8000, rareMax: 20, bucketBytes: 1024, textsPerFile: 3, pieceChars: 150 }).manifest.id).not.toBe(manifest.id);
  });
});

describe('writeIndex', () => {
  it('writes under search/ beside the search page, and replaces an earlier index', () => {
    const dist = join(out, 'dist');
    mkdirSync(join(dist, 'search', '0123456789ab', 'g'), { recursive: true });
    writeFileSync(join(dist, 'search', 'index.html'), '<!doctype html>');
    writeFileSync(join(dist, 'search', '0123456789ab', 'g', '0.bin'), 'old');
    const built = buildIndex([doc('weihai-2024')]);
    writeIndex(built, dist);
    expect(readdirSync(join(dist, 'search')).sort()).toEqual([built.manifest.id, 'index.html', 'index.json'].sort());
    expect(existsSync(join(dist, 'search', built.manifest.id, 's0', 'docs.bin'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dist, 'search', 'index.json'), 'utf8'))).toEqual(built.manifest);
  });
});
