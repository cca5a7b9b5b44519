/**
 * node --experimental-strip-types scripts/measure-view.ts <dist> <path> <out.png> [width] [height] [waitFor]: serve a built site, open one
 * page in headless Chromium, wait for a selector (default: the page's load), screenshot it and print the bytes
 * it loaded, by kind (what the research notes report for each view).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [dist = 'dist', path = '/', out = 'test-results/view.png', w = '1100', h = '1400', waitFor = ''] = process.argv.slice(2);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };
const served: { path: string; bytes: number; gzip: number }[] = [];
const server = createServer(async (req, res) => {
  let p = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  try {
    if ((await stat(p)).isDirectory()) p = join(p, 'index.html');
    const body = await readFile(p);
    served.push({ path: p.slice(dist.length), bytes: body.length, gzip: gzipSync(body).length });
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const profile = mkdtempSync(join(tmpdir(), 'view-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: Number(w), height: Number(h) },
});
const page = await context.newPage();
const t0 = Date.now();
await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
if (waitFor) await page.waitForSelector(waitFor, { timeout: 60_000 });
const ms = Date.now() - t0;
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: out });
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
const kind = (p: string) => (p.endsWith('.html') ? 'html' : p.includes('/pagefind/') ? 'search index' : p.endsWith('.js') ? 'js' : p.endsWith('.css') ? 'css' : p.endsWith('.json') ? 'json' : 'other');
const by = new Map<string, { n: number; bytes: number; gzip: number }>();
for (const s of served) {
  const k = kind(s.path);
  const v = by.get(k) ?? { n: 0, bytes: 0, gzip: 0 };
  by.set(k, { n: v.n + 1, bytes: v.bytes + s.bytes, gzip: v.gzip + s.gzip });
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const [k, v] of by) console.log(`${k.padEnd(13)} ${String(v.n).padStart(3)} files ${kb(v.bytes).padStart(10)} (${kb(v.gzip)} gzip)`);
const total = served.reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 });
console.log(`total         ${String(served.length).padStart(3)} files ${kb(total.bytes).padStart(10)} (${kb(total.gzip)} gzip); ready in ${ms} ms; ${out}`);
