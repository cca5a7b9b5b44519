/**
 * Chart-page JavaScript, measured from the built site (called by `npm run bench`):
 * the module scripts a chart page loads up front (and what they import statically),
 * then what drawing the first chart adds (the dynamically imported Chart.js chunk),
 * raw and gzip. Also checks that no page without a chart references the chart code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  files: string[];
  raw: number;
  gzip: number;
}

export interface ChartBytes {
  /** The page measured (site path). */
  page: string;
  charts: number;
  /** JS the page loads before any chart is drawn. */
  initial: Bytes;
  /** JS added when the first chart comes into view. */
  onFirstChart: Bytes;
  total: Bytes;
  pagesWithCharts: number;
  /** Pages without a chart whose HTML still references chart code (should be 0). */
  chartCodeWithoutChart: string[];
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*${}\s,]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

function resolveJs(dist: string, fromFile: string, spec: string): string {
  return spec.startsWith('/') ? join(dist, spec) : join(fromFile, '..', spec);
}

/** A module and everything it imports statically (what the browser fetches before running it). */
function staticClosure(dist: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(DYNAMIC_IMPORT, '');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolveJs(dist, file, m[1]!));
  };
  entries.forEach(visit);
  return seen;
}

function dynamicImports(files: Iterable<string>): { from: string; spec: string }[] {
  const out: { from: string; spec: string }[] = [];
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(DYNAMIC_IMPORT)) out.push({ from: f, spec: m[1]! });
  return out;
}

function bytes(dist: string, files: Iterable<string>): Bytes {
  const list = [...files];
  const raw = list.reduce((n, f) => n + readFileSync(f).length, 0);
  const gzip = list.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  return { files: list.map((f) => `/${relative(dist, f)}`), raw, gzip };
}

function moduleScripts(dist: string, html: string): string[] {
  return [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
}

export function measureCharts(dist: string): ChartBytes {
  const pages = htmlFiles(dist);
  const withCharts = pages.filter((p) => readFileSync(p, 'utf8').includes('<comparison-chart'));
  if (!withCharts.length) throw new Error(`no page in ${dist} has a <comparison-chart>: build the site first`);
  const preferred = join(dist, 'regions', 'rongcheng', 'index.html');
  const page = withCharts.includes(preferred) ? preferred : withCharts[0]!;
  const html = readFileSync(page, 'utf8');
  const initialFiles = staticClosure(dist, moduleScripts(dist, html));
  // Drawing loads the chart chunk the element imports dynamically, with its own static imports.
  const chartChunks = dynamicImports(initialFiles)
    .filter((d) => /chart/i.test(d.spec))
    .map((d) => resolveJs(dist, d.from, d.spec));
  const onChart = [...staticClosure(dist, chartChunks)].filter((f) => !initialFiles.has(f));
  const chartCode = (h: string) => /comparison-?chart|ComparisonChart|chart-draw/i.test(h);
  const chartCodeWithoutChart = pages
    .filter((p) => !withCharts.includes(p))
    .filter((p) => {
      const h = readFileSync(p, 'utf8');
      return moduleScripts(dist, h).some((s) => chartCode(s)) || /chart-draw/.test(h);
    })
    .map((p) => `/${relative(dist, p)}`);
  return {
    page: `/${relative(dist, page)}`,
    charts: (html.match(/<comparison-chart/g) ?? []).length,
    initial: bytes(dist, initialFiles),
    onFirstChart: bytes(dist, onChart),
    total: bytes(dist, [...initialFiles, ...onChart]),
    pagesWithCharts: withCharts.length,
    chartCodeWithoutChart,
  };
}

if (import.meta.main) {
  const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');
  const r = measureCharts(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`chart page ${r.page} (${r.charts} charts; ${r.pagesWithCharts} pages have charts)`);
  console.log(`  before any chart is drawn: ${kb(r.initial.raw)} (${kb(r.initial.gzip)} gzip) in ${r.initial.files.length} file(s)`);
  console.log(`  first chart drawn adds:    ${kb(r.onFirstChart.raw)} (${kb(r.onFirstChart.gzip)} gzip) in ${r.onFirstChart.files.length} file(s)`);
  console.log(`  total:                     ${kb(r.total.raw)} (${kb(r.total.gzip)} gzip)`);
  console.log(`  pages without a chart that reference chart code: ${r.chartCodeWithoutChart.length}`);
}
