/**
 * npm run screenshot -- <dist> <path> <out.png> [width] [height]: serve a built site and
 * screenshot one page in headless Chromium (for looking at pages while developing).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

const [dist = 'dist', path = '/', out = 'test-results/shot.png', w = '390', h = '844'] = process.argv.slice(2);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  let p = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  try {
    if ((await stat(p)).isDirectory()) p = join(p, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(await readFile(p));
  } catch {
    res.writeHead(404);
    res.end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const profile = mkdtempSync(join(tmpdir(), 'shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: Number(w), height: Number(h) },
});
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: out });
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
console.log(out);
