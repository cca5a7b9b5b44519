/**
 * The browser's search engine (src/client/search-engine.ts) in Node, over an index built with
 * small shards, buckets and text pieces so that every path runs on the seeds: rare and frequent
 * tokens, candidates checked against texts, shard after shard with more(), filters that skip
 * shards, long texts loaded in pieces. Results are compared with a brute-force scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine, type SearchOutcome } from '../../src/client/search-engine.ts';
import { buildIndex, writeIndex } from '../../src/integrations/search-index.ts';
import { searchEntries } from '../../src/lib/search/records.ts';
import { foldText } from '../../src/lib/search/tokens.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';
import { parsedSeeds } from './seeds.ts';

const documents = parsedSeeds().documents;
const entries = searchEntries(documents);
const folded = entries.map((e) => foldText(e.text).folded);
const out = mkdtempSync(join(tmpdir(), 'search-engine-'));
let server: DistServer;

beforeAll(async () => {
  writeIndex(buildIndex(documents, { shardChars: 20_000, rareMax: 30, bucketBytes: 800, textsPerFile: 3, pieceChars: 200 }), out);
  server = await serveDist(out);
});
afterAll(async () => {
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

const load = () => SearchEngine.load(`${server.url}/search/`);
/** Entry numbers whose folded text holds every word of the query. */
const truth = (q: string) => {
  const words = q.split(/\s+/).filter(Boolean).map((w) => foldText(w).folded);
  return entries.flatMap((_, i) => (words.every((w) => folded[i]!.includes(w)) ? [i] : []));
};
async function everything(engine: SearchEngine, q: string, filters = {}): Promise<SearchOutcome> {
  let o = await engine.search(q, filters, 5);
  for (let steps = 0; !o.complete; steps++) {
    expect(steps).toBeLessThan(200);
    o = await engine.more(o, o.hits.length + 5);
  }
  return o;
}

describe('a phrase longer than the index looks up exactly (over 48 characters: a sample of its pairs)', () => {
  // No pair is rare here, so every lookup goes through the shards' postings, never the rare-token texts.
  const dir = mkdtempSync(join(tmpdir(), 'search-engine-long-'));
  let longServer: DistServer;
  beforeAll(async () => {
    writeIndex(buildIndex(documents, { shardChars: 20_000, rareMax: 0, bucketBytes: 800, textsPerFile: 3, pieceChars: 200 }), dir);
    longServer = await serveDist(dir);
  });
  afterAll(async () => {
    await longServer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a long passage, and not the same passage with one character changed where no sampled pair looks', async () => {
    const i = folded.findIndex((t) => Array.from(t).length > 110);
    const chars = Array.from(folded[i]!).slice(0, 100);
    const engine = await SearchEngine.load(`${longServer.url}/search/`);
    const found = await everything(engine, chars.join(''));
    expect(found.all.map((h) => h.entry).sort((a, b) => a - b)).toEqual(truth(chars.join('')));
    expect(found.all.map((h) => h.entry)).toContain(i);
    const altered = [...chars];
    altered[2] = altered[2] === '〇' ? '㐀' : '〇';
    const none = await everything(engine, altered.join(''));
    expect(truth(altered.join(''))).toEqual([]);
    expect(none.all).toEqual([]);
  });
});

describe('SearchEngine over a sharded index', () => {
  it('has several shards, so that searches go shard by shard', async () => {
    expect((await load()).manifest.shards.length).toBeGreaterThanOrEqual(4);
  });

  it('finds exactly the entries that hold the phrase, for rare and common phrases of 1 to 40 characters', async () => {
    const engine = await load();
    const queries = ['发展', '的', '国和一号', '28.4%', '高质量发展', '绿色 低碳', '预计全年生产总值增长6%左右', '（一）', '坚持以习近平新时代中国特色社会主义思想为指导', '发展活力不断增强', '绿色低碳高质量发展先行区建设'];
    for (const [i, e] of entries.entries()) {
      if (i % 97 !== 0) continue;
      const chars = Array.from(folded[i]!);
      for (const len of [3, 5, 8, 9, 13, 17, 40]) if (chars.length > len) queries.push(chars.slice(1, 1 + len).join(''));
    }
    for (const q of queries) {
      const o = await everything(engine, q);
      expect(o.hits.map((h) => h.entry).sort((a, b) => a - b), q).toEqual(truth(q));
    }
  });

  it('stops after the first shards that fill a page, says so, and more() finds the rest without reordering what was shown', async () => {
    const engine = await load();
    const first = await engine.search('发展', {}, 5);
    expect(first.complete).toBe(false);
    expect(first.searchedDocs).toBeLessThan(first.totalDocs);
    expect(first.hits.length).toBeGreaterThanOrEqual(5);
    const shown = first.hits.slice(0, 5).map((h) => h.entry);
    const next = await engine.more(first, 30);
    expect(next.hits.slice(0, 5).map((h) => h.entry)).toEqual(shown);
    expect(next.hits.length).toBeGreaterThanOrEqual(30);
  });

  it('a year filter searches only the shards that hold that year, and counts facets over the hits', async () => {
    const engine = await load();
    const o = await everything(engine, '发展', { year: ['2023'] });
    const want = truth('发展').filter((i) => documents.find((d) => d.id === entries[i]!.docId)!.year === 2023);
    expect(o.hits.map((h) => h.entry).sort((a, b) => a - b)).toEqual(want);
    expect(o.totalDocs).toBeLessThan(documents.length);
    expect(o.counts.year.get('2023')).toBe(want.length);
  });

  it('loads a long entry’s text in pieces: only those around the match when asked, all otherwise', async () => {
    const engine = await load();
    const i = entries.findIndex((e) => e.text.length > 600);
    const tail = Array.from(folded[i]!).slice(-12).join('');
    const o = await everything(engine, tail);
    const hit = o.hits.find((h) => h.entry === i)!;
    const at = hit.match.runStarts[0]!;
    const part = await engine.text(i, [at, at + 12]);
    expect(part.t.length).toBeLessThan(entries[i]!.text.length);
    expect(foldText(part.t).folded).toContain(tail);
    expect((await engine.text(i)).t).toBe(entries[i]!.text);
  });

  it('counts a phrase in every document from the postings alone, as often as it occurs in the document’s paragraphs and headings', async () => {
    /** Occurrences (overlapping ones too) of the folded phrase in a text, and the text's folded length. */
    const occurrences = (text: string, phrase: string) => {
      const t = foldText(text).folded;
      let n = 0;
      for (let at = t.indexOf(phrase); at >= 0; at = t.indexOf(phrase, at + 1)) n++;
      return n;
    };
    const engine = await load();
    for (const q of ['高质量发展', '发展', '的', '国和一号', '新质生产力', '绿色低碳', '28.4%', '一二三四五六七']) {
      const phrase = foldText(q).folded;
      const texts = (id: string) => {
        const d = documents.find((x) => x.id === id)!;
        return [...d.paragraphs.map((p) => p.text), ...d.sections.filter((s) => s.text.trim() && s.headingPosition).map((s) => s.text)];
      };
      const counts = await engine.termCounts(q);
      expect(counts.docs.map((d) => d.doc.id).sort(), q).toEqual(documents.map((d) => d.id).sort());
      for (const c of counts.docs) {
        const per = texts(c.doc.id).map((t) => occurrences(t, phrase));
        expect(c.occurrences, `${q} in ${c.doc.id}`).toBe(per.reduce((a, b) => a + b, 0));
        expect(c.entries, `${q} in ${c.doc.id}`).toBe(per.filter((n) => n > 0).length);
        expect(c.chars, c.doc.id).toBe(texts(c.doc.id).reduce((n, t) => n + Array.from(foldText(t).folded).length, 0));
      }
    }
    // The checks bite: a common phrase occurs many times in several documents, a rare one in some and not in others.
    const hq = await engine.termCounts('高质量发展');
    expect(hq.docs.filter((d) => d.occurrences > 1).length).toBeGreaterThan(1);
    const rare = await engine.termCounts('国和一号');
    expect(rare.docs.some((d) => d.occurrences > 0) && rare.docs.some((d) => d.occurrences === 0)).toBe(true);
  });

  it('counts a Traditional phrase in its Simplified form, and fetches no text while counting', async () => {
    const engine = await load();
    const simplified = await engine.termCounts('高质量发展');
    const fresh = await load();
    const fetched: string[] = [];
    const real = globalThis.fetch;
    globalThis.fetch = ((url: string | URL | Request, init?: RequestInit) => {
      fetched.push(String(url));
      return real(url, init);
    }) as typeof fetch;
    try {
      const traditional = await fresh.termCounts('高質量發展');
      expect(traditional.converted).toBe('高质量发展');
      expect(traditional.docs.map((d) => [d.doc.id, d.occurrences, d.entries])).toEqual(simplified.docs.map((d) => [d.doc.id, d.occurrences, d.entries]));
    } finally {
      globalThis.fetch = real;
    }
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((u) => /\/(t\d+|x\d+-\d+)\.bin$/.test(u))).toEqual([]);
  });

  it('finds a Traditional-character query in Simplified text', async () => {
    const o = await everything(await load(), '國和一號');
    expect(o.converted?.raw).toBe('国和一号');
    expect(o.hits.map((h) => h.entry).sort((a, b) => a - b)).toEqual(truth('国和一号'));
  });
  it('ranks the report before the coverage that quotes it, and ships the coverage’s differing figures with its text', async () => {
    const engine = await load();
    const o = await everything(engine, '工业投资增长');
    const kinds = o.hits.map((h) => h.doc.kind);
    expect(kinds).toContain('report');
    expect(kinds).toContain('coverage');
    // Every report hit (whole run as typed) before any coverage hit.
    expect(kinds.lastIndexOf('report')).toBeLessThan(kinds.indexOf('coverage'));
    const cov = o.hits.find((h) => h.doc.kind === 'coverage')!;
    const text = await engine.text(cov.entry);
    const note = text.f?.find((f) => f.m === '工业投资增长');
    expect(note).toBeDefined();
    // The figures are the ones the two texts state.
    expect(text.t.replace(/\s+/g, '')).toContain(`工业投资增长${note!.c}`);
    const reportHit = o.hits.find((h) => h.doc.id === note!.d && entries[h.entry]!.anchor === note!.a)!;
    expect((await engine.text(reportHit.entry)).t).toContain(`工业投资增长${note!.r}`);
    expect(note!.r).not.toBe(note!.c);
  });
});
