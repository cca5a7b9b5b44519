/**
 * Search correctness at any corpus size, without a browser: serves a built site, runs the
 * browser's engine (src/client/search-engine.ts) in Node against it, and compares every query's
 * complete result set (following more() to the end) with a brute-force substring scan of the
 * parser's records for the same sources (REPORTS_DIR).
 *
 *   REPORTS_DIR=… node --experimental-strip-types --no-warnings scripts/check-search.ts DIST [--phrases N]
 *
 * Prints recall, false hits, how many steps and bytes the complete search took, and the first
 * page's cost.
 */
import { resolve } from 'node:path';
import { SearchEngine, type SearchOutcome } from '../src/client/search-engine.ts';
import { serveDist } from '../tests/helpers/server.ts';
import { BENCH_QUERIES, searchCorpus, truth } from '../tests/e2e/search-phrases.ts';
import { loadTraditionalConverter } from '../src/lib/search/index.ts';

export interface CheckFigures {
  queries: number;
  recall: number;
  falseHits: number;
  results: number;
  /** Largest download for the first page of a query, bytes. */
  firstPageMax: number;
  firstPageMedian: number;
}

export async function checkSearch(dist: string, phrases = 60): Promise<CheckFigures> {
  const server = await serveDist(dist);
  const toSimplified = await loadTraditionalConverter();
  try {
    const { entries } = searchCorpus();
    const urlOf = (entry: number) => entries[entry]!.url;
    // Phrases of 1 to 60 characters from entries spread over the corpus (a deterministic pick).
    const sampled: string[] = [];
    const lengths = [1, 2, 3, 4, 6, 9, 14, 20, 30, 60];
    for (let k = 0; k < phrases; k++) {
      const e = entries[Math.floor(((k * 7919) % 1000 / 1000) * entries.length)]!;
      const chars = Array.from(e.text.replace(/\s+/g, ''));
      const len = Math.min(lengths[k % lengths.length]!, chars.length);
      if (!len) continue;
      const at = (k * 104729) % Math.max(1, chars.length - len + 1);
      sampled.push(chars.slice(at, at + len).join(''));
    }
    const queries = [...BENCH_QUERIES, ...sampled];
    let expected = 0;
    let found = 0;
    let falseHits = 0;
    let results = 0;
    const firstPage: number[] = [];
    for (const q of queries) {
      const engine = await SearchEngine.load(`${server.url}/search/`);
      let o: SearchOutcome = await engine.search(q, {}, 20);
      firstPage.push(engine.bytes);
      while (!o.complete) o = await engine.more(o, o.hits.length + 1000);
      // The query as typed, and in Simplified characters when it reads as Traditional (the engine searches both).
      const want = new Set([...truth(q), ...(/[們國會經濟發這為與於過實業產營現際農區縣歲務員體歷號關係蘭]/u.test(q) ? truth(toSimplified(q)) : [])]);
      expected += want.size;
      results += o.hits.length;
      const got = new Set(o.hits.map((h) => urlOf(h.entry)));
      for (const u of got) (want.has(u) ? found++ : falseHits++);
      const missing = [...want].filter((u) => !got.has(u));
      const wrong = [...got].filter((u) => !want.has(u));
      if (missing.length || wrong.length) {
        console.log(`  "${q}": ${got.size} found, ${want.size} expected${missing.length ? `; missing e.g. ${missing.slice(0, 3).join(' ')}` : ''}${wrong.length ? `; not containing it: ${wrong.slice(0, 3).join(' ')}` : ''}`);
      }
    }
    const sorted = [...firstPage].sort((a, b) => a - b);
    return {
      queries: queries.length,
      recall: expected ? Number((found / expected).toFixed(4)) : 1,
      falseHits,
      results,
      firstPageMax: sorted[sorted.length - 1]!,
      firstPageMedian: sorted[Math.floor(sorted.length / 2)]!,
    };
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const at = process.argv.indexOf('--phrases');
  const f = await checkSearch(dist, at >= 0 ? Number(process.argv[at + 1]) : 60);
  console.log(
    `search check: ${f.queries} queries, recall ${f.recall}, false hits ${f.falseHits} in ${f.results} results; first page downloads median ${(f.firstPageMedian / 1024).toFixed(1)} KB, max ${(f.firstPageMax / 1024).toFixed(1)} KB`,
  );
}
