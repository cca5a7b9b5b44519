/**
 * node --experimental-strip-types scripts/measure-view.ts <dist> <path> <out.png> [width] [height] [waitFor]: serve a built site, open one
 * page in headless Chromium, wait for a selector (default: the page's load), screenshot it and print the bytes
 * it loaded, by kind (what the research notes report for each view).
 */
import { gzipSync } from 'node:zlib';
import { viewPage } from './lib/view-page.ts';

const [dist = 'dist', path = '/', out = 'test-results/view.png', w = '1100', h = '1400', waitFor = ''] = process.argv.slice(2);
const served: { path: string; bytes: number; gzip: number }[] = [];
const view = await viewPage(dist, path, Number(w), Number(h), (f) => served.push({ path: f.path, bytes: f.body.length, gzip: gzipSync(f.body).length }));
if (waitFor) await view.page.waitForSelector(waitFor, { timeout: 60_000 });
const ms = Date.now() - view.started;
await view.page.evaluate(() => document.fonts.ready);
await view.page.screenshot({ path: out });
await view.close();
const kind = (p: string) => (p.endsWith('.html') ? 'html' : p.includes('/search/') ? 'search index' : p.endsWith('.js') ? 'js' : p.endsWith('.css') ? 'css' : p.endsWith('.json') ? 'json' : 'other');
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
