/**
 * The site deployed under a sub-path: a second build with BASE_PATH=/report-explorer/ and
 * SITE_URL set, into a temporary folder. Every internal href/src/action in the HTML, every
 * URL in the sitemap, the feed, robots.txt, the CSV, JSON, Markdown and CITATION downloads
 * starts with the base; and search works under it in Chromium.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAstroBuild } from '../helpers/global-build.ts';
import { hasChromium, openPage } from '../helpers/browser.ts';
import { serveDist, type DistServer } from '../helpers/server.ts';
import { checkSite, formatProblems } from '../helpers/links.ts';
import { truth } from './search-phrases.ts';

const BASE = '/report-explorer/';
const ORIGIN = 'https://example.org';
const ROOT_URL = `${ORIGIN}${BASE}`;
const out = mkdtempSync(path.join(tmpdir(), 'report-explorer-base-'));
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');

beforeAll(async () => {
  await runAstroBuild({ outDir: out, env: { BASE_PATH: BASE, SITE_URL: ORIGIN } });
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every absolute URL on the site's own origin in a text. */
const ownUrls = (text: string) => [...text.matchAll(/https:\/\/example\.org[^\s"'<>,)]*/g)].map((m) => m[0]);

describe('a build under a base path', () => {
  test('every internal href, src and action starts with the base and resolves; none leaves it', () => {
    const { pages, problems } = checkSite(out, { base: BASE, origin: ORIGIN });
    expect(pages.length).toBeGreaterThan(40);
    if (problems.length) expect.fail(`${problems.length} problem(s):\n${formatProblems(problems.slice(0, 40))}`);
    // Root-relative URLs outside the base would be caught above; check the raw attributes too.
    for (const p of pages) {
      for (const r of p.refs) if (r.value.startsWith('/')) expect(r.value.startsWith(BASE), `${p.rel}: ${r.value}`).toBe(true);
    }
  });

  test('canonical links, Open Graph URLs and the printed permalink are absolute under the base', () => {
    const html = read('reports/weihai-2024/index.html');
    expect(html).toContain(`<link rel="canonical" href="${ROOT_URL}reports/weihai-2024/">`);
    expect(html).toContain(`<meta property="og:url" content="${ROOT_URL}reports/weihai-2024/">`);
    const urls = ownUrls(html);
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u.startsWith(ROOT_URL), u).toBe(true);
  });

  test('the sitemap, the feed and robots.txt list URLs under the base only', () => {
    const sitemaps = readdirSync(out).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(1);
    const locs = sitemaps.flatMap((f) => [...read(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    expect(locs).toContain(`${ROOT_URL}reports/weihai-2024/`);
    for (const u of locs) expect(u.startsWith(ROOT_URL), u).toBe(true);
    const feed = read('feed.xml');
    const feedUrls = [...feed.matchAll(/(?:href="|<id>)([^"<]+)/g)].map((m) => m[1]!);
    expect(feedUrls).toContain(`${ROOT_URL}reports/weihai-2024/`);
    for (const u of feedUrls) expect(u.startsWith(ROOT_URL), u).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${ROOT_URL}sitemap-index.xml`);
  });

  test('downloads and citations link under the base: CSV, JSON, Markdown, CITATION.cff, JSON Schema', () => {
    for (const rel of ['data/targets.csv', 'data/results.csv', 'data/comparisons.csv', 'data/comparisons.json', 'data/documents/weihai-2024.md', 'data/CITATION.cff', 'data/schema/document.schema.json', 'regions/rongcheng/hierarchy.csv', 'indicators/gdp/hierarchy.csv']) {
      const urls = ownUrls(read(rel));
      expect(urls.length, rel).toBeGreaterThan(0);
      for (const u of urls) expect(u.startsWith(ROOT_URL), `${rel}: ${u}`).toBe(true);
    }
    // The citation block on a report page: GB/T 7714, APA, BibTeX and CSL-JSON all carry the permalink.
    const html = read('reports/weihai-2024/index.html');
    expect(html.split(`${ROOT_URL}reports/weihai-2024/`).length).toBeGreaterThan(4);
  });

  test('the search index is written under the base', () => {
    const manifest = JSON.parse(read('search/index.json')) as { id: string };
    expect(readdirSync(path.join(out, 'search'))).toContain(manifest.id);
  });
});

describe.skipIf(!hasChromium())('search under a base path, in Chromium', () => {
  let server: DistServer;
  beforeAll(async () => {
    server = await serveDist(out, { base: BASE });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('the search page, the header box and a result link work, and nothing is fetched outside the base', async () => {
    const session = await openPage({ width: 1280, height: 900 });
    try {
      const { page } = session;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('国和一号')}`);
      await page.waitForFunction(() => /找到 \d+ 处/.test(document.querySelector('[data-status]')?.textContent ?? '') && !document.querySelector('[data-results] [aria-busy]'), null, {
        timeout: 20_000,
      });
      const status = (await page.textContent('[data-status]')) ?? '';
      expect(status).toContain(`找到 ${truth('国和一号').length} 处`);
      const hrefs = await page.locator('[data-results] a.hit-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBe(truth('国和一号').length);
      for (const h of hrefs) expect(h.startsWith(`${BASE}reports/`), h).toBe(true);
      // A result opens the paragraph with the words marked.
      await page.click('[data-results] a.hit-link');
      await page.waitForSelector('mark.search-hit', { timeout: 10_000 });
      expect(new URL(page.url()).pathname.startsWith(`${BASE}reports/`)).toBe(true);
      // The header box on that page finds the same, from the same index.
      await page.focus('#header-q');
      await page.keyboard.type('国和一号');
      await page.waitForFunction((t) => document.querySelector('.quick-status')?.textContent?.includes(t), `找到 ${truth('国和一号').length} 处`, { timeout: 10_000 });
      expect(await page.getAttribute('.quick-results a.quick-all', 'href')).toMatch(new RegExp(`^${BASE}search/`));
      expect(requests.length).toBeGreaterThan(5);
      expect(requests.filter((p) => !p.startsWith(BASE))).toEqual([]);
      expect(requests.some((p) => p.startsWith(`${BASE}search/`) && p.endsWith('.bin'))).toBe(true);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
