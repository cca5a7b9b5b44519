/**
 * Search figures for `npm run bench` (scripts/bench.ts calls measureSearch(dist)),
 * measured in headless Chromium against the built site:
 *  - recall and false hits over the fixed query set (BENCH_QUERIES) and the
 *    phrases taken from every source (samplePhrases), against a brute-force
 *    substring scan of the parser's records;
 *  - rank of the first right result (the paragraph a sampled phrase came from);
 *  - cold cost per query: a fresh browser profile opens /search/?q=…, bytes
 *    transferred (from the DevTools protocol) and ms until the results are on
 *    screen; split into the page itself and what search adds;
 *  - warm latency: the engine's time for a new query once the index manifest is loaded,
 *    and for a repeated query;
 *  - index size (posting lists, the manifest and shard tables, the text files).
 * Run alone: node --experimental-strip-types scripts/bench-search.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, openPage } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/server.ts';
import { BENCH_QUERIES, samplePhrases, truth } from '../tests/e2e/search-phrases.ts';
import { loadTraditionalConverter } from '../src/lib/search/index.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

function dirBytes(dir: string, filter: (f: string) => boolean = () => true): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) {
      const sub = dirBytes(p, filter);
      files += sub.files;
      bytes += sub.bytes;
    } else if (filter(n)) {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}

async function settled(page: Page): Promise<{ count: number; hrefs: string[] }> {
  await page.waitForFunction(
    () => /找到|没有/.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-search-page][aria-busy], [data-results] [aria-busy]'),
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => ({
    count: Number(/找到 (\d+) 处/.exec(document.querySelector('[data-status]')!.textContent ?? '')?.[1] ?? 0),
    hrefs: [...document.querySelectorAll('[data-results] a.hit-link')].map((a) => {
      const u = new URL(a.getAttribute('href')!, location.href);
      return `${u.pathname}${u.hash}`;
    }),
  }));
}

/** Every result of a query, through the page's own "show more" button. */
async function allResults(page: Page, query: string): Promise<{ count: number; hrefs: string[]; ms: number }> {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query.trim());
  let shown = await settled(page);
  const ms = Number(await page.getAttribute('[data-search-page]', 'data-ms'));
  while (shown.hrefs.length < shown.count && (await page.isVisible('[data-more]'))) {
    await page.click('[data-more]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-results] li').length > n, shown.hrefs.length);
    shown = await settled(page);
  }
  return { ...shown, ms };
}

export interface ColdQuery {
  q: string;
  ms: number;
  /** Bytes transferred for search (everything but the page's HTML, CSS, fonts and icon), as served here. */
  searchBytes: number;
  /** The same from a host that gzips text (the index's .bin files are gzip streams already). */
  searchGzip: number;
  pageBytes: number;
  requests: number;
  /** Hits the page reports. */
  results: number;
}

/** What a fresh browser profile downloads to search for `q` on `<base>search/?q=…`. */
export async function coldQuery(serverUrl: string, q: string, dist: string, base = '/'): Promise<ColdQuery> {
  const gzipped = (path: string, size: number) => {
    const file = join(dist, decodeURIComponent(path.slice(base.length - 1)));
    // The index's .bin files are gzip streams already.
    if (/\.bin$/.test(path) || !existsSync(file) || statSync(file).isDirectory()) return size;
    return gzipSync(readFileSync(file)).length;
  };
  const s = await openPage({ width: 1280, height: 900 });
  try {
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
    const t0 = Date.now();
    await s.page.goto(`${serverUrl}${base}search/?q=${encodeURIComponent(q)}`);
    const shown = await settled(s.page).catch(async (e: Error) => {
      throw new Error(`cold "${q}": ${e.message}; status "${await s.page.textContent('[data-status]')}"; errors ${s.errors.join('; ')}`);
    });
    const ms = Date.now() - t0;
    await s.page.waitForTimeout(50);
    let searchBytes = 0;
    let searchGzip = 0;
    let pageBytes = 0;
    for (const [id, size] of sizes) {
      const path = new URL(urls.get(id) ?? 'http://x/').pathname;
      // What the search page costs anyway (its HTML, the site's CSS, fonts, icon) is counted apart.
      if (path === `${base}search/` || /\.(css|woff2?|ttf|svg|ico)$/.test(path)) pageBytes += size;
      else {
        searchBytes += size;
        searchGzip += gzipped(path, size);
      }
    }
    return { q, ms, searchBytes, searchGzip, pageBytes, requests: sizes.size, results: shown.count };
  } finally {
    await s.close();
  }
}

const toSimplifiedQuery = await loadTraditionalConverter();
const expected = (q: string) => truth(/[們國會經濟發這為與於過實業產營現際農區縣歲務員體歷號]/u.test(q) ? toSimplifiedQuery(q) : q);

export async function measureSearch(dist = resolve(import.meta.dirname, '..', 'dist')) {
  if (!existsSync(join(dist, 'search', 'index.json'))) {
    throw new Error(`${dist} has no search index: run \`npm run build\` first.`);
  }
  if (!hasChromium()) return 'search: skipped (no Chromium)';
  const index = {
    postings: dirBytes(join(dist, 'search'), (f) => /^\d+\.bin$/.test(f)),
    docs: dirBytes(join(dist, 'search'), (f) => f === 'docs.bin' || f === 'regions.json' || f === 'index.json'),
    texts: dirBytes(join(dist, 'search'), (f) => /^t\d+\.bin$/.test(f)),
  };
  const server = await serveDist(dist);
  try {
    // 1. Correctness: recall, false hits, rank of the right paragraph.
    const warm = await openPage({ width: 1280, height: 900 });
    let expectedTotal = 0;
    let found = 0;
    let falseHits = 0;
    let results = 0;
    const ranks: number[] = [];
    const warmMs: number[] = [];
    const repeatMs: number[] = [];
    try {
      await warm.page.goto(`${server.url}/search/`);
      const sampled = samplePhrases();
      for (const q of [...BENCH_QUERIES, ...sampled.map((p) => p.text)]) {
        const truthSet = new Set(expected(q));
        const got = await allResults(warm.page, q).catch((e: Error) => {
          throw new Error(`"${q}": ${e.message}; page errors: ${warm.errors.join('; ')}`);
        });
        warmMs.push(got.ms);
        const again = await allResults(warm.page, `${q} `); // same words: served from the engine's cache
        repeatMs.push(again.ms);
        expectedTotal += truthSet.size;
        results += got.hrefs.length;
        for (const h of got.hrefs) {
          if (truthSet.has(h)) found++;
          else falseHits++;
        }
        const target = sampled.find((p) => p.text === q)?.url;
        if (target) ranks.push(got.hrefs.indexOf(target) + 1 || Infinity);
      }
      if (warm.errors.length) throw new Error(`page errors: ${warm.errors.join('; ')}`);
    } finally {
      await warm.close();
    }

    // 2. Cold cost: a fresh profile per query.
    const cold: ColdQuery[] = [];
    for (const q of BENCH_QUERIES) cold.push(await coldQuery(server.url, q, dist));

    const finiteRanks = ranks.filter(Number.isFinite);
    const figures = {
      queries: { fixed: BENCH_QUERIES.length, sampled: ranks.length },
      recall: expectedTotal ? Number((found / expectedTotal).toFixed(4)) : 1,
      falseHits,
      results,
      rightFirst: `${ranks.filter((r) => r === 1).length}/${ranks.length}`,
      rankOfRight: { median: median(finiteRanks), worst: Math.max(...ranks) },
      coldMs: { median: median(cold.map((c) => c.ms)), max: Math.max(...cold.map((c) => c.ms)) },
      coldSearchKB: {
        median: Number((median(cold.map((c) => c.searchBytes)) / 1024).toFixed(1)),
        max: Number((Math.max(...cold.map((c) => c.searchBytes)) / 1024).toFixed(1)),
      },
      coldSearchGzipKB: Number((median(cold.map((c) => c.searchGzip)) / 1024).toFixed(1)),
      coldPageKB: Number((median(cold.map((c) => c.pageBytes)) / 1024).toFixed(1)),
      warmMs: { median: Number(median(warmMs).toFixed(2)), max: Number(Math.max(...warmMs).toFixed(2)) },
      repeatMs: Number(median(repeatMs).toFixed(2)),
      indexKB: {
        postings: Number((index.postings.bytes / 1024).toFixed(1)),
        postingFiles: index.postings.files,
        tables: Number((index.docs.bytes / 1024).toFixed(1)),
        texts: Number((index.texts.bytes / 1024).toFixed(1)),
        textFiles: index.texts.files,
      },
    };
    console.log(
      [
        `search: ${figures.queries.fixed} fixed queries + ${figures.queries.sampled} phrases sampled from every source`,
        `  recall ${figures.recall}, false hits ${falseHits} in ${results} results, right paragraph first ${figures.rightFirst} (median rank ${figures.rankOfRight.median}, worst ${figures.rankOfRight.worst})`,
        `  cold query (fresh profile, /search/?q=…): median ${figures.coldMs.median} ms to results (max ${figures.coldMs.max}); search downloads median ${figures.coldSearchKB.median} KB (max ${figures.coldSearchKB.max}) as served here, uncompressed; ${figures.coldSearchGzipKB} KB from a host that gzips; the page itself ${figures.coldPageKB} KB`,
        `  warm: new query ${figures.warmMs.median} ms median (max ${figures.warmMs.max}), repeated ${figures.repeatMs} ms`,
        `  index: postings ${kb(index.postings.bytes)} in ${index.postings.files} files, manifest and shard tables ${kb(index.docs.bytes)} in ${index.docs.files} files, texts ${kb(index.texts.bytes)} in ${index.texts.files} files`,
        ...cold.map((c) => `    ${c.q.padEnd(22, '　')} ${String(c.ms).padStart(5)} ms ${kb(c.searchBytes).padStart(9)} (${kb(c.searchGzip)} gzip) ${String(c.requests).padStart(3)} requests`),
      ].join('\n'),
    );
    return figures;
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureSearch();
