/**
 * Conversion speed per format, in milliseconds per megabyte of original file:
 * Word over the 100 .docx originals in ../shared/corpus/prefecture-2024-docx
 * (the fixture when the corpus is absent), PDF and HTML over the fixtures in
 * tests/fixtures/formats, each repeated until a few seconds have passed so the
 * figures are stable. `benchConvert()` is for scripts/bench.ts; run this file
 * to print the table:
 *
 *   node --experimental-strip-types --no-warnings scripts/bench-convert.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { convertSource } from '../src/lib/convert/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests/fixtures/formats');
const CORPUS_DOCX = join(ROOT, '../shared/corpus/prefecture-2024-docx');

export interface ConvertBench {
  format: 'docx' | 'pdf' | 'html';
  /** Where the files came from. */
  source: string;
  files: number;
  /** Bytes of one pass over the files. */
  bytes: number;
  /** Passes made. */
  runs: number;
  /** Median time of one pass. */
  msPerRun: number;
  msPerMB: number;
  /** Characters of report text one pass produces. */
  chars: number;
}

interface Input {
  file: string;
  bytes: Uint8Array;
}

const read = (dir: string, names: string[]): Input[] => names.map((n) => ({ file: n, bytes: new Uint8Array(readFileSync(join(dir, n))) }));

async function timePasses(inputs: Input[], minMs: number, minRuns: number): Promise<{ runs: number; median: number; chars: number }> {
  const times: number[] = [];
  let chars = 0;
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    chars = 0;
    for (const input of inputs) chars += (await convertSource(input.file, input.bytes))?.text.length ?? 0;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, median: times[Math.floor(times.length / 2)]!, chars };
}

/** Times every format; `minMs` is how long each format keeps repeating (at least `minRuns` passes). */
export async function benchConvert({ minMs = 3000, minRuns = 3 } = {}): Promise<ConvertBench[]> {
  const docxCorpus = existsSync(CORPUS_DOCX);
  const sets: { format: ConvertBench['format']; source: string; inputs: Input[] }[] = [
    docxCorpus
      ? { format: 'docx', source: '../shared/corpus/prefecture-2024-docx', inputs: read(CORPUS_DOCX, readdirSync(CORPUS_DOCX).filter((n) => n.endsWith('.docx')).sort()) }
      : { format: 'docx', source: 'tests/fixtures/formats (corpus absent)', inputs: read(FIXTURES, ['weihai-2024.docx']) },
    { format: 'pdf', source: 'tests/fixtures/formats', inputs: read(FIXTURES, ['weihai-2024.pdf', 'page-breaks.pdf']) },
    { format: 'html', source: 'tests/fixtures/formats', inputs: read(FIXTURES, ['portal-utf8.html', 'portal-gbk.html', 'multipage.html']) },
  ];
  const out: ConvertBench[] = [];
  for (const set of sets) {
    await timePasses(set.inputs, 0, 1); // warm up: module loading, pdf.js worker, JIT
    const bytes = set.inputs.reduce((n, i) => n + i.bytes.length, 0);
    const { runs, median, chars } = await timePasses(set.inputs, minMs, minRuns);
    out.push({ format: set.format, source: set.source, files: set.inputs.length, bytes, runs, msPerRun: median, msPerMB: median / (bytes / 1048576), chars });
  }
  return out;
}

export function formatConvertBench(rows: ConvertBench[]): string {
  const lines = ['format  files      bytes  runs  ms/pass     ms/MB   MB/s  text chars  ms/100k chars  source'];
  for (const r of rows) {
    lines.push(
      `${r.format.padEnd(6)}  ${String(r.files).padStart(5)}  ${String(r.bytes).padStart(9)}  ${String(r.runs).padStart(4)}  ` +
      `${r.msPerRun.toFixed(1).padStart(7)}  ${r.msPerMB.toFixed(0).padStart(8)}  ${(1000 / r.msPerMB).toFixed(2).padStart(5)}  ${String(r.chars).padStart(10)}  ${((r.msPerRun / r.chars) * 1e5).toFixed(1).padStart(13)}  ${r.source}`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatConvertBench(await benchConvert()));
}
