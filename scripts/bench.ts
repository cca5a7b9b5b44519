/**
 * npm run bench — prints the figures we track. Nothing here asserts: speed and size
 * goals are read from this output, not from timed tests.
 *   parse throughput (MB/s) on seeds/, on ../shared/corpus/national and on the whole corpus
 *   (the 217 reports of national/, prefecture-2024/, provinces-2026/, hebei/), peak memory;
 *   conversion time per MB for Word, PDF and saved web pages (scripts/bench-convert.ts);
 *   site build time, pages, report-page HTML/CSS/JS bytes (raw and gzip);
 *   search recall / false hits / latency / bytes (scripts/bench-search.ts, when present);
 *   chart-page JS bytes (scripts/bench-charts.ts, when present).
 * Flags: --parse-only, --no-build (measure the existing dist/);
 *   --scale [--sizes 8,50,100,225,1000]: instead, build the site at each size into a temporary
 *   folder (seeds/ and ../shared/corpus/, then synthetic copies; scripts/bench-scale.ts) and print
 *   wall time, peak memory of all processes, dist size and files, and cold search bytes. About
 *   10 minutes for all five sizes on a 2-core machine. With --pagefind, Pagefind also indexes each
 *   built site, for comparison: its time, memory, index size and what every query loads first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSources } from '../src/lib/parse/index.ts';
import { readSources } from '../src/data/read-sources.ts';
import { CORPUS_FOLDERS } from './lib/corpus-eval.ts';
import { benchConvert, formatConvertBench } from './bench-convert.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function benchParse(label: string, dir: string | string[], runs: number): void {
  const dirs = [dir].flat();
  const missing = dirs.find((d) => !existsSync(d));
  if (missing) {
    console.log(`parse ${label}: skipped (${missing} absent)`);
    return;
  }
  const inputs = readSources(dirs, ROOT);
  const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
  parseSources(inputs); // warm-up: dictionaries, regex compilation
  const times: number[] = [];
  let docs = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    docs = parseSources(inputs).documents.length;
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(
    `parse ${label}: ${inputs.length} files, ${(bytes / 1048576).toFixed(2)} MB, ${docs} documents; median ${ms.toFixed(0)} ms over ${runs} runs = ${(bytes / 1048576 / (ms / 1000)).toFixed(2)} MB/s`,
  );
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Bytes a page costs: the HTML, and every stylesheet and script it links or inlines. */
export function pageWeight(dist: string, page: string) {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!))].filter((u) => u.startsWith('/'));
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).concat(assets(/<link[^>]+href="([^"]+\.css)"/g));
  const js = assets(/<script[^>]+src="([^"]+)"/g).concat(assets(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g));
  const read = (u: string) => readFileSync(join(dist, u.split('?')[0]!));
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
  const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const sum = (files: string[], inline: string) => {
    const bufs = [...new Set(files)].map(read).concat(inline ? [Buffer.from(inline)] : []);
    return { raw: bufs.reduce((n, b) => n + b.length, 0), gzip: bufs.reduce((n, b) => n + gzipSync(b).length, 0) };
  };
  return {
    html: { raw: Buffer.byteLength(html), gzip: gzipSync(html).length },
    css: sum(css, inlineCss),
    js: sum(js, inlineJs),
  };
}

async function benchSite(): Promise<void> {
  const dist = join(ROOT, 'dist');
  if (!args.has('--no-build')) {
    const t0 = performance.now();
    execFileSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`build: ${((performance.now() - t0) / 1000).toFixed(1)} s (astro build, including the search index)`);
  }
  if (!existsSync(dist)) {
    console.log('site: no dist/ to measure');
    return;
  }
  const files = walk(dist);
  const pages = files.filter((f) => f.endsWith('.html'));
  console.log(`site: ${pages.length} HTML pages, ${files.length} files, ${kb(files.reduce((n, f) => n + statSync(f).size, 0))} in dist/`);
  const report = 'reports/weihai-2024/index.html';
  if (existsSync(join(dist, report))) {
    const w = pageWeight(dist, report);
    console.log(
      `report page /${report.replace('index.html', '')}: HTML ${kb(w.html.raw)} (${kb(w.html.gzip)} gzip), CSS ${kb(w.css.raw)} (${kb(w.css.gzip)} gzip), JS ${kb(w.js.raw)} (${kb(w.js.gzip)} gzip)`,
    );
  }
  for (const [script, fn] of [['bench-search.ts', 'measureSearch'], ['bench-charts.ts', 'measureCharts']] as const) {
    const path = join(ROOT, 'scripts', script);
    if (!existsSync(path)) continue;
    const mod = (await import(path)) as Record<string, (dist: string) => Promise<unknown> | unknown>;
    const out = await mod[fn]!(dist);
    if (out !== undefined) console.log(`${fn}:`, typeof out === 'string' ? out : JSON.stringify(out, null, 2));
  }
}

if (args.has('--scale')) {
  const { benchScale, DEFAULT_SIZES, formatTable } = await import('./bench-scale.ts');
  const at = process.argv.indexOf('--sizes');
  const sizes = at >= 0 ? process.argv[at + 1]!.split(',').map(Number) : DEFAULT_SIZES;
  console.log(formatTable(await benchScale(sizes, { allQueries: args.has('--all-queries'), pagefind: args.has('--pagefind') })));
  process.exit(0);
}

benchParse('seeds', join(ROOT, 'seeds'), 10);
benchParse('national corpus', join(ROOT, '..', 'shared', 'corpus', 'national'), 3);
benchParse('whole corpus', CORPUS_FOLDERS.map((f) => join(ROOT, '..', 'shared', 'corpus', f)), 3);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`conversion (Word, PDF, saved web pages → text):\n${formatConvertBench(await benchConvert({ minMs: 1000 }))}`);
if (!args.has('--parse-only')) await benchSite();
