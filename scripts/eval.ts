/**
 * npm run eval [CORPUS_DIR]
 *
 * Accuracy on real reports: parses every text in the corpus (default ../shared/corpus:
 * national/, prefecture-2024/, provinces-2026/, hebei/) and prints
 *  - against the hand-labelled gold (tests/fixtures/corpus-gold/*.json): metadata accuracy,
 *    targets precision/recall/F1, not-set statements, GDP result recall, every miss;
 *  - over the whole corpus: documents per kind, strong evidence, numeric GDP targets,
 *    warnings per document, region and year against the file-name labels;
 *  - parse time.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSources } from '../src/lib/parse/index.ts';
import { readSources } from '../src/data/read-sources.ts';
import { CORPUS_FOLDERS, formatCorpus, formatGold, loadGold, scoreCorpus, scoreGold } from './lib/corpus-eval.ts';

const ROOT = resolve(import.meta.dirname, '..');
const corpus = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) {
  console.error(`eval: the corpus folder ${corpus} is absent (see /work/shared/corpus/README.md); nothing to measure.`);
  process.exit(2);
}
const folders = CORPUS_FOLDERS.map((f) => join(corpus, f)).filter((f) => existsSync(f));
const inputs = readSources(folders, corpus);
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
const t0 = performance.now();
const result = parseSources(inputs);
const ms = performance.now() - t0;
const gold = loadGold(join(ROOT, 'tests', 'fixtures', 'corpus-gold'));

console.log(formatGold(scoreGold(result, gold)));
console.log();
console.log(formatCorpus(scoreCorpus(result, gold)));
console.log();
console.log(`Parse time: ${inputs.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`);
