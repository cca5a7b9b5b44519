/**
 * A tiny static file server for dist/, on 127.0.0.1 and a random port, for browser tests.
 * Directory → index.html, `/dir` → 301 `/dir/`, anything missing → dist/404.html with status 404.
 */
import { afterAll, beforeAll } from 'vitest';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { distDir, resolveDistPath } from './dist.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface DistServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `root`; with `base` (e.g. `/report-explorer/`), as a host serving the site under that
 * path does: `<base>x` is `root/x`, and anything outside the base is a 404.
 */
export async function serveDist(root: string = distDir, { base = '/' }: { base?: string } = {}): Promise<DistServer> {
  if (!existsSync(root)) throw new Error(`${root} does not exist: build the site first (npm run build).`);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { search } = url;
    if (`${url.pathname}/` === base) {
      res.writeHead(301, { location: base + search }).end();
      return;
    }
    const inside = url.pathname.startsWith(base);
    const pathname = inside ? `/${url.pathname.slice(base.length)}` : '/\u0000outside-the-base';
    const resolved = resolveDistPath(pathname, root);
    if (resolved.kind === 'redirect') {
      res.writeHead(301, { location: `${base}${resolved.location.slice(1)}${search}` }).end();
      return;
    }
    let file: string | undefined;
    let status = 200;
    if (resolved.kind === 'file') {
      file = resolved.file;
    } else {
      status = 404;
      const page404 = path.join(root, '404.html');
      if (existsSync(page404)) file = page404;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
      return;
    }
    res.writeHead(status, { 'content-type': contentTypeFor(file), 'cache-control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * Serve dist/ for the tests of the enclosing `describe`: started before them, closed after.
 * Read `.url` inside tests (it is set once the server is up).
 */
export function useDistServer(): { readonly url: string } {
  let server: DistServer | undefined;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the dist server is not running: read .url inside a test');
      return server.url;
    },
  };
}
