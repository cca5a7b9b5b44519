/**
 * Serve a built site from a folder on a free local port and open one page of it in a fresh
 * headless Chromium profile (for looking at pages and measuring what they load, from scripts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

export interface ServedFile {
  path: string;
  body: Buffer;
}

/** Open `path` of the site in `dist` at the given viewport; `onServe` sees every file served. Call `close` when done. */
export async function viewPage(dist: string, path: string, width: number, height: number, onServe: (f: ServedFile) => void = () => {}) {
  const server = createServer(async (req, res) => {
    let p = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    try {
      if ((await stat(p)).isDirectory()) p = join(p, 'index.html');
      const body = await readFile(p);
      onServe({ path: p.slice(dist.length), body });
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
    viewport: { width, height },
  });
  const page: Page = await context.newPage();
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
  return {
    page,
    started,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      server.close();
    },
  };
}
