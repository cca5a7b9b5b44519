/**
 * The Word originals of the 100 prefecture reports against their text twins
 * (../shared/corpus/prefecture-2024-docx and prefecture-2024). Skipped where the
 * corpus is absent.
 *
 * Measured (mammoth 1.13): every file 100% of non-white-space characters equal
 * and 100% of lines equal once white space is folded. The twins were made from
 * these same .docx files, so this proves paragraph order and text; the corpus
 * holds no heading styles, numbering, tables or footnotes (the fixtures test those).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../src/lib/convert/index.ts';
import { ROOT } from './helpers.ts';
import { similarity, type Similarity } from './similarity.ts';

const DOCX = join(ROOT, '../shared/corpus/prefecture-2024-docx');
const TEXT = join(ROOT, '../shared/corpus/prefecture-2024');
const present = existsSync(DOCX) && existsSync(TEXT);
if (!present) console.warn(`Corpus test skipped: ${DOCX} and ${TEXT} are absent.`);

/** Thresholds at the figures measured; a change that lowers them is a regression to look at. */
const MIN_CHARS = 1;
const MIN_LINES = 1;

describe.skipIf(!present)('the 100 Word originals match their text twins', () => {
  it('per file and overall', { timeout: 120_000 }, async () => {
    const rows: (Similarity & { file: string })[] = [];
    for (const name of readdirSync(DOCX).filter((n) => n.endsWith('.docx')).sort()) {
      const converted = await convertSource(name, new Uint8Array(readFileSync(join(DOCX, name))));
      const twin = readFileSync(join(TEXT, name.replace(/\.docx$/, '.txt')), 'utf8');
      rows.push({ file: name, ...similarity(converted!.text, twin) });
    }
    expect(rows).toHaveLength(100);
    const weight = (r: Similarity): number => Math.max(r.mine, r.twin);
    const overall = rows.reduce((n, r) => n + r.chars * weight(r), 0) / rows.reduce((n, r) => n + weight(r), 0);
    const low = rows.filter((r) => r.chars < MIN_CHARS || r.lines < MIN_LINES).map((r) => `${r.file} chars ${r.chars.toFixed(4)} lines ${r.lines.toFixed(4)}`);
    console.log(`docx vs txt: ${rows.length} files, characters equal overall ${(overall * 100).toFixed(2)}%, ` +
      `min per file ${(Math.min(...rows.map((r) => r.chars)) * 100).toFixed(2)}%, lines min ${(Math.min(...rows.map((r) => r.lines)) * 100).toFixed(2)}%`);
    expect(low).toEqual([]);
    expect(overall).toBeGreaterThanOrEqual(MIN_CHARS);
  });
});
