/**
 * Generality: the 46 State Council reports in ../shared/corpus/national (1954–2018),
 * read at run time and never committed. Skipped where the folder is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConservation, parseSources } from '../../src/lib/parse/index.ts';
import { type ParseResult } from '../../src/lib/index.ts';
import { readReports } from '../../src/data/read-sources.ts';
import { ROOT } from './seeds.ts';

const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'national');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent`);

describe.skipIf(!present)('national corpus (1954–2018)', () => {
  let result: ParseResult;
  const fileYear = (file: string) => Number(file.match(/(\d{4})/)![1]);
  it('parses every report without an error', async () => {
    result = parseSources(await readReports([CORPUS], ROOT));
    expect(result.sources.length).toBe(46);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('finds exactly one national report per file', () => {
    for (const s of result.sources) {
      const docs = result.documents.filter((d) => d.sourceFile === s.file);
      expect(docs.map((d) => d.region?.level), s.file).toEqual(['national']);
    }
  });
  it('finds a year for every report, the right one for most', () => {
    const years = result.documents.map((d) => [fileYear(d.sourceFile), d.year] as const);
    expect(years.filter(([, y]) => y === null)).toEqual([]);
    const right = years.filter(([f, y]) => f === y).length;
    // Measured: 39 of 46. Older reports name no year in headings or session; the fallback reads the years they mention.
    expect(right).toBeGreaterThanOrEqual(38);
    // Every report since 1992 states its year in a heading or its targets.
    expect(years.filter(([f, y]) => f >= 2004 && f !== y)).toEqual([]);
  });
  it('finds sections in every report with numbered parts', () => {
    for (const d of result.documents) {
      const src = result.sources.find((s) => s.file === d.sourceFile)!.text;
      if (/\n[一二三四五六七八九十]、/.test(src)) expect(d.sections.filter((s) => s.level === 1).length, d.sourceFile).toBeGreaterThanOrEqual(2);
    }
  });
  it('finds headline targets in the reports that state them (主要预期目标)', () => {
    for (const d of result.documents.filter((x) => fileYear(x.sourceFile) >= 2004)) {
      const src = result.sources.find((s) => s.file === d.sourceFile)!.text;
      if (/主要预期目标是：/.test(src)) expect(d.targets.some((t) => t.canonical === 'gdp'), d.sourceFile).toBe(true);
    }
  });
  it('loses no character', () => {
    for (const c of checkConservation(result)) expect([c.file, c.lost.length, c.doubled.length, c.mismatched.length]).toEqual([c.file, 0, 0, 0]);
  });
});
