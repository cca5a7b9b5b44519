/**
 * The quote check a journalist relies on (src/lib/search/quote.ts, quote-match.ts) and the
 * figure notes the search index ships for press coverage (records.ts): a quote in Traditional
 * script compared after conversion, every paragraph where a passage occurs, reports before the
 * coverage that quotes them, and coverage figures that differ from the report. Figures are read
 * from the source texts in seeds/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIMILAR_ENOUGH, allMatches, bestMatch } from '../../src/lib/search/quote-match.ts';
import { compareSources, judgeQuote } from '../../src/lib/search/quote.ts';
import { traditionalToSimplified } from '../../src/lib/search/traditional.ts';
import { figureNotes, searchEntries } from '../../src/lib/search/records.ts';
import { foldText } from '../../src/lib/search/tokens.ts';
import { ROOT, doc, parsedSeeds } from './seeds.ts';

const seed = (prefix: string) => readFileSync(join(ROOT, 'seeds', `${prefix}.txt`), 'utf8');
/** Source files that contain a phrase (folded, so line breaks and widths do not matter). */
const seedsWith = (phrase: string) => {
  const f = foldText(phrase).folded;
  return ['000_fe6c1bb2e7835634', '001_edf4ec562849084f', '002_f9b1766ae33f6aa2', '003_88f1127700d663e6', '004_4450c8cbb7e7702a'].filter((s) => foldText(seed(s)).folded.includes(f));
};

describe('quote in Traditional script', () => {
  const traditional = '生产總值增長5.5%左右';
  const simplified = traditionalToSimplified(traditional);
  const passage = '生产总值增长5.5%左右';

  it('converts to the Simplified words the reports print', () => {
    expect(simplified).toBe(passage);
  });
  it('is verbatim apart from script: said plainly, never a misquote', () => {
    const j = judgeQuote(passage, traditional, simplified);
    expect(j.verdict).toBe('script');
    expect(j.diff.exact).toBe(true);
    expect(j.words).toContain('繁简转换');
    expect(j.words).not.toMatch(/出入|误/);
  });
  it('without conversion the same quote would differ (what the old check showed)', () => {
    expect(judgeQuote(passage, traditional, null).verdict).toBe('differs');
  });
  it('a Traditional quote that is also misquoted is diffed after conversion: only the real change is marked', () => {
    const j = judgeQuote(passage, '生产總值增長6.5%左右', traditionalToSimplified('生产總值增長6.5%左右'));
    expect(j.verdict).toBe('differs');
    expect(j.script).toBe(true);
    expect(j.diff.parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['5', '6']);
    expect(j.words).toContain('繁体');
  });
  it('a Simplified quote that matches is plain exact; punctuation only is said as such', () => {
    expect(judgeQuote(passage, passage, null).verdict).toBe('exact');
    expect(judgeQuote('增长5.5%左右，其中', '增长5.5%左右。其中', null).verdict).toBe('punctuation');
  });
});

describe('every paragraph where a passage occurs', () => {
  const documents = parsedSeeds().documents;
  const paragraphs = documents.flatMap((d) => d.paragraphs.map((p) => ({ ...p, doc: d })));
  const phrase = '生产总值增长5.5%左右';

  it('lists each exact occurrence, one per paragraph, and as many reports as the sources hold it', () => {
    const found = allMatches(phrase, paragraphs).filter((m) => m.similarity === 1);
    const docs = new Set(found.map((m) => m.paragraph.doc.sourceFile.split("/").pop()!));
    expect([...docs].sort()).toEqual(seedsWith(phrase).map((s) => `${s}.txt`));
    expect(docs.size).toBeGreaterThanOrEqual(2);
    for (const m of found) expect(foldText(m.passage).folded).toBe(foldText(phrase).folded);
  });
  it('near matches come after the exact ones, each at least SIMILAR_ENOUGH, and the best agrees with bestMatch', () => {
    const misquote = '预计全年生产总值增长7%左右，一般公共预算收入增长5.4％';
    const all = allMatches(misquote, paragraphs);
    expect(all.length).toBeGreaterThan(0);
    for (const m of all) expect(m.similarity).toBeGreaterThanOrEqual(SIMILAR_ENOUGH);
    expect(all.map((m) => m.similarity)).toEqual([...all.map((m) => m.similarity)].sort((a, b) => b - a));
    const best = bestMatch(misquote, paragraphs)!;
    expect(all[0]!.paragraph.id).toBe(best.paragraph.id);
    expect(all[0]!.similarity).toBeCloseTo(best.similarity, 6);
  });
  it('reports come before coverage, exact before near, then more similar first', () => {
    const s = (kind: 'report' | 'coverage', similarity: number, entry: number) => ({ kind, similarity, entry });
    const list = [s('coverage', 1, 1), s('report', 0.8, 2), s('report', 1, 9), s('coverage', 0.9, 0), s('report', 1, 3)];
    expect([...list].sort(compareSources).map((x) => x.entry)).toEqual([3, 9, 2, 1, 0]);
  });
});

describe('coverage figures that differ from the report, shipped with the search entries', () => {
  const coverage = doc('weihai-2024-coverage');
  const report = doc('weihai-2024');
  const entries = searchEntries(parsedSeeds().documents);
  const figure = (text: string, words: string) => {
    const m = new RegExp(`${words}\\s*(\\d+(?:\\.\\d+)?)\\s*%`).exec(text.replace(/\s+/g, ''));
    return m ? `${m[1]}%` : null;
  };
  const paperSays = figure(seed('004_4450c8cbb7e7702a'), '工业投资增长');
  const reportSays = figure(seed('000_fe6c1bb2e7835634'), '工业投资增长');

  it('the newspaper and the report state 工业投资增长 differently in the sources', () => {
    expect(paperSays).not.toBeNull();
    expect(reportSays).not.toBeNull();
    expect(paperSays).not.toBe(reportSays);
  });
  it('the coverage paragraph with that figure carries a note naming both figures and the report paragraph', () => {
    const notes = figureNotes(coverage);
    const entry = entries.find((e) => e.docId === coverage.id && e.text.includes(`工业投资增长${paperSays}`))!;
    expect(entry.figures).toBeDefined();
    const note = entry.figures!.find((f) => f.m === '工业投资增长')!;
    expect(note).toMatchObject({ c: paperSays, r: reportSays, d: report.id });
    expect(report.paragraphs.find((p) => p.id === note.a)!.text).toContain(`工业投资增长${reportSays}`);
    // The note names the report paragraph's entry too, so the quote check can load it.
    expect(entries[note.e!]).toMatchObject({ docId: report.id, anchor: note.a });
    expect(notes.get(entry.anchor)!.map((n) => n.m)).toEqual(entry.figures!.map((n) => n.m));
  });
  it('only coverage entries carry notes, each figure where the entry says it', () => {
    const noted = entries.filter((e) => e.figures);
    expect(noted.length).toBeGreaterThan(0);
    for (const e of noted) {
      expect(e.docId).toBe(coverage.id);
      for (const f of e.figures!) expect(foldText(e.text).folded).toContain(foldText(f.c).folded);
    }
    expect(figureNotes(report).size).toBe(0);
  });
});

describe('a near match shows the words the quote stands for', () => {
  it('工业投资增长 with the paper’s figure is lined up with the report’s figure, not the pairs around it', () => {
    const report = doc('weihai-2024');
    const reportSays = /工业投资增长(\d+(?:\.\d+)?%)/.exec(seed('000_fe6c1bb2e7835634').replace(/\s+/g, ''))![1]!;
    const paperSays = /工业投资增长(\d+(?:\.\d+)?%)/.exec(seed('004_4450c8cbb7e7702a').replace(/\s+/g, ''))![1]!;
    const [m] = allMatches(`工业投资增长${paperSays}`, report.paragraphs);
    expect(m).toBeDefined();
    expect(m!.similarity).toBeLessThan(1);
    expect(m!.passage).toBe(`工业投资增长${reportSays}`);
    const j = judgeQuote(m!.passage, `工业投资增长${paperSays}`, null, m!.similarity);
    expect(j.verdict).toBe('differs');
    expect(j.diff.parts.filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain('工业投资增长');
  });
});
