/**
 * Word, PDF and web pages through the whole pipeline (src/data/read-sources.ts readReports →
 * parser): the same records as their text, nothing lost, bad files reported by name, and the
 * 100 Word originals of the corpus parsed to the same region, year and targets as their text twins.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReports } from '../../src/data/read-sources.ts';
import { checkConservation, parseSources } from '../../src/lib/parse/index.ts';
import type { ParseResult, ReportDocument } from '../../src/lib/index.ts';
import { ROOT, doc } from './seeds.ts';

const FORMATS = join(ROOT, 'tests/fixtures/formats');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Parse these fixture files as a sources folder would hold them. */
async function parseFixtures(...names: string[]): Promise<ParseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'formats-'));
  dirs.push(dir);
  for (const n of names) copyFileSync(join(FORMATS, n), join(dir, n));
  return parseSources(await readReports([dir], dir));
}

const summary = (d: ReportDocument) => ({
  region: d.region?.name, year: d.year, kind: d.kind,
  targets: d.targets.map((t) => [t.canonical, t.value, t.unit, t.qualifier]),
});

describe.each(['weihai-2024.docx', 'weihai-2024.pdf'])('%s', (name) => {
  it('parses to the same region, year and headline targets as the seed text, with provenance and nothing lost', async () => {
    const result = await parseFixtures(name);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [source] = result.sources;
    expect(source!.format).toBe(name.split('.').pop());
    expect(source!.converter?.name).toBe(name.endsWith('.pdf') ? 'pdfjs-dist' : 'mammoth');
    expect(source!.encoding).toContain(source!.converter!.version);
    const d = result.documents.find((x) => x.kind !== 'coverage')!;
    const seed = doc('weihai-2024');
    expect(summary(d).region).toBe(seed.region?.name);
    expect(summary(d).year).toBe(seed.year);
    // The fixture is an excerpt of the seed: every target it yields is one of the seed's.
    const seedTargets = new Set(summary(seed).targets.map((t) => JSON.stringify(t)));
    expect(d.targets.length).toBeGreaterThan(0);
    for (const t of summary(d).targets) expect(seedTargets, JSON.stringify(t)).toContain(JSON.stringify(t));
    for (const c of checkConservation(result)) expect([c.lost, c.doubled, c.mismatched], c.file).toEqual([[], [], []]);
    if (name.endsWith('.pdf')) {
      expect(source!.pages?.length).toBe(source!.text.replace(/\n$/, '').split('\n').length);
      expect(result.diagnostics.some((x) => x.ruleId.startsWith('pdf-') && x.text)).toBe(true);
    }
  });
});

describe('saved web pages', () => {
  it('keep the portal chrome in diagnostics and the report on the page', async () => {
    const result = await parseFixtures('portal-gbk.html');
    expect(result.sources[0]!.format).toBe('html');
    expect(result.documents.length).toBeGreaterThan(0);
    const kept = result.diagnostics.filter((d) => d.text).map((d) => d.text).join('\n');
    expect(kept).toMatch(/字号|打印|首页/);
    expect(result.documents.flatMap((d) => d.paragraphs).some((p) => /字号：|打印本页/.test(p.text))).toBe(false);
  });
});

describe('bad files', () => {
  it.each([
    ['scan.pdf', 'pdf-no-text-layer', /OCR/],
    ['encrypted.pdf', 'pdf-encrypted', /password|encrypt/i],
    ['encrypted.docx', 'docx-encrypted', /password|encrypt/i],
    ['corrupt.docx', 'docx-corrupt', /damaged|ZIP/i],
    ['really-zip.pdf', 'extension-mismatch', /ZIP|zip/],
    ['no-report.html', 'html-no-report', /report/i],
  ])('%s: an error naming the file (%s), while a good file beside it still parses', async (name, ruleId, words) => {
    const result = await parseFixtures(name, 'weihai-2024.docx');
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: name, ruleId });
    expect(errors[0]!.message.startsWith(`${name}: `)).toBe(true);
    expect(errors[0]!.message).toMatch(words);
    expect(result.documents.some((d) => d.sourceFile === 'weihai-2024.docx')).toBe(true);
  });
});

const DOCX = join(ROOT, '../shared/corpus/prefecture-2024-docx');
const TEXT = join(ROOT, '../shared/corpus/prefecture-2024');
const present = existsSync(DOCX) && existsSync(TEXT);
if (!present) console.warn(`Word-original corpus test skipped: ${DOCX} is absent.`);

describe.skipIf(!present)('the 100 Word originals of the corpus', () => {
  it('parse to the same region, year and targets as their text twins', { timeout: 180_000 }, async () => {
    const docx = parseSources(await readReports([DOCX], DOCX));
    const text = parseSources(await readReports([TEXT], TEXT));
    const key = (r: ParseResult, file: string) => r.documents.filter((d) => d.sourceFile === file).map(summary);
    const names = readdirSync(DOCX).filter((n) => n.endsWith('.docx')).sort();
    expect(names).toHaveLength(100);
    const differ = names.filter((n) => JSON.stringify(key(docx, n)) !== JSON.stringify(key(text, n.replace(/\.docx$/, '.txt'))));
    expect(differ).toEqual([]);
  });
});
