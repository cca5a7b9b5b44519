/**
 * The reading site's page weight, measured from dist/ (for `npm run bench`):
 * number of HTML pages, and for report pages the HTML, the CSS they link or inline,
 * and the JavaScript they load up front — module scripts plus everything those
 * import statically (Vite's shared chunks), not what they import lazily — raw and gzip.
 *
 *   node --experimental-strip-types scripts/bench-site.ts [dist]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
  files: string[];
}

export interface SiteFigures {
  pages: number;
  reportPages: number;
  /** The largest report page, and the median one. */
  largest: PageFigures;
  median: PageFigures;
}

export interface PageFigures {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function weigh(parts: { name: string; bytes: Buffer }[]): Weight {
  return {
    raw: parts.reduce((n, p) => n + p.bytes.length, 0),
    gzip: parts.reduce((n, p) => n + gzipSync(p.bytes).length, 0),
    files: parts.map((p) => p.name),
  };
}

/** A module and its static imports (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function moduleClosure(dist: string, url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = readFileSync(join(dist, url), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}\s,*]+from\s*)?["']([^"']+\.js)["']/g)) {
    const next = new URL(m[1]!, `https://x${url}`).pathname;
    if (existsSync(join(dist, next))) moduleClosure(dist, next, seen);
  }
  return seen;
}

export function measurePage(dist: string, page: string): PageFigures {
  const html = readFileSync(join(dist, page), 'utf8');
  const local = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!))].filter((u) => u.startsWith('/'));
  const css = local(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).map((u) => ({ name: u, bytes: readFileSync(join(dist, u)) }));
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css.push({ name: '(inline style)', bytes: Buffer.from(m[1]!) });
  const modules = new Set<string>();
  for (const u of local(/<script[^>]+src="([^"]+)"/g)) moduleClosure(dist, u, modules);
  const js = [...modules].map((u) => ({ name: u, bytes: readFileSync(join(dist, u)) }));
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1]!.trim()) js.push({ name: '(inline script)', bytes: Buffer.from(m[1]!) });
  }
  return { page: `/${page.replace(/index\.html$/, '')}`, html: weigh([{ name: page, bytes: Buffer.from(html) }]), css: weigh(css), js: weigh(js) };
}

export function measureSite(dist: string): SiteFigures {
  const pages = walk(dist).filter((f) => f.endsWith('.html')).map((f) => relative(dist, f).split('\\').join('/'));
  const reports = pages.filter((p) => /^reports\/[^/]+\/index\.html$/.test(p)).map((p) => measurePage(dist, p));
  if (!reports.length) throw new Error(`no report pages in ${dist}: build the site first`);
  const bySize = [...reports].sort((a, b) => a.html.raw - b.html.raw);
  return { pages: pages.length, reportPages: reports.length, largest: bySize[bySize.length - 1]!, median: bySize[Math.floor(bySize.length / 2)]! };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export function formatFigures(f: SiteFigures): string {
  const line = (label: string, p: PageFigures) =>
    `${label} ${p.page}: HTML ${kb(p.html.raw)} (${kb(p.html.gzip)} gzip), CSS ${kb(p.css.raw)} (${kb(p.css.gzip)} gzip), JS ${kb(p.js.raw)} (${kb(p.js.gzip)} gzip) in ${p.js.files.length} files`;
  return [`site: ${f.pages} HTML pages, ${f.reportPages} report pages`, line('largest report page', f.largest), line('median report page', f.median)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? join(dirname(import.meta.dirname), 'dist'));
  console.log(formatFigures(measureSite(dist)));
}
