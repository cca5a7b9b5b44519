/**
 * Helpers over the built site in dist/ (run `astro build`, or let the `site` project's globalSetup do it).
 * URL paths here are site-absolute pathnames such as `/reports/2024/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './paths.ts';

export { distDir };

/** Every .html file under `root`, as sorted POSIX paths relative to it (e.g. `reports/2024/index.html`). */
export function listHtml(root: string = distDir): string[] {
  if (!existsSync(root)) throw new Error(`${root} does not exist: build the site first (npm run build).`);
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** Read a dist file given its path relative to `root`. */
export function readDist(rel: string, root: string = distDir): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

/** The URL pathname a dist-relative HTML file is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function urlPathForFile(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

export type Resolved =
  | { kind: 'file'; file: string }
  /** A directory requested without its trailing slash: a static host redirects to `location`. */
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

/**
 * Map a URL pathname (still percent-encoded, no query or fragment) to a file in `root`, the way a
 * static host does: `/x/` → `x/index.html`, `/x` (a directory) → redirect to `/x/`.
 * Never escapes `root`.
 */
export function resolveDistPath(pathname: string, root: string = distDir): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'missing' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return { kind: 'missing' };
  const abs = path.resolve(root, `.${decoded}`);
  if (abs !== root && !abs.startsWith(root + path.sep)) return { kind: 'missing' };
  let st;
  try {
    st = statSync(abs);
  } catch {
    return { kind: 'missing' };
  }
  if (st.isDirectory()) {
    if (!decoded.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
    const index = path.join(abs, 'index.html');
    return existsSync(index) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  if (decoded.endsWith('/')) return { kind: 'missing' };
  return st.isFile() ? { kind: 'file', file: abs } : { kind: 'missing' };
}
