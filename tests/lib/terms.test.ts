/**
 * Term trends: the per-report counts, their scale by length and the averages by year and level,
 * checked against the seeds' own text (the browser gets the same counts from the search index:
 * tests/e2e/research.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { parsedSeeds } from './seeds.ts';
import { termDocs } from '../../src/data/catalog.ts';
import { termCsv, termSeries, termTrend } from '../../src/lib/trends/terms.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';

/** Uses of `phrase` in a report's paragraphs and headings, counted in the text itself. */
function countInText(id: string, phrase: string): number {
  const d = parsedSeeds().documents.find((x) => x.id === id)!;
  const texts = [...d.paragraphs.map((p) => p.text), ...d.sections.map((s) => s.text)];
  return texts.reduce((n, t) => n + t.split(phrase).length - 1, 0);
}

describe('高质量发展 in the seeds', () => {
  const docs = termDocs(parsedSeeds().documents);
  const counts = new Map(docs.map((d) => [d.id, countInText(d.id, '高质量发展')]));
  const t = termTrend('高质量发展', counts, docs);
  test('every report is counted, coverage is not', () => {
    expect(docs.map((d) => d.id).sort()).toEqual(['rongcheng-2021', 'rongcheng-2022', 'rongcheng-2023', 'rongcheng-2024', 'weihai-2024', 'weihai-2025', 'yantai-2024']);
    expect(t.total).toBe([...counts.values()].reduce((a, b) => a + b, 0));
    expect(t.total).toBeGreaterThan(20);
    expect(counts.get('rongcheng-2024')).toBeGreaterThan(0);
  });
  test('per 10,000 characters uses the report’s length, whitespace aside', () => {
    const r = t.docs.find((x) => x.doc.id === 'rongcheng-2024')!;
    const d = parsedSeeds().documents.find((x) => x.id === 'rongcheng-2024')!;
    const chars = [...d.paragraphs.map((p) => p.text), ...d.sections.map((s) => s.text)].join('').replace(/\s/g, '').length;
    expect(r.doc.chars).toBe(chars);
    expect(r.per10k).toBe(Number(((r.count * 10000) / chars).toFixed(2)));
  });
  test('averages by year and level: 2024 has a county (Rongcheng) and two prefectures (Weihai, Yantai)', () => {
    const county = t.byLevel.find((x) => x.level === 'county' && x.year === 2024)!;
    expect([county.reports, county.using]).toEqual([1, 1]);
    const pref = t.byLevel.find((x) => x.level === 'prefecture' && x.year === 2024)!;
    const w = t.docs.find((x) => x.doc.id === 'weihai-2024')!;
    const y = t.docs.find((x) => x.doc.id === 'yantai-2024')!;
    expect(pref.reports).toBe(2);
    expect(pref.meanPer10k).toBe(Number(((w.per10k + y.per10k) / 2).toFixed(2)));
  });
  test('the chart, its table and the CSV hold the same numbers', () => {
    const s = termSeries(t);
    expect(s.labels).toEqual(['2021', '2022', '2023', '2024', '2025']);
    const county = s.lines.find((l) => l.label === '县级报告')!;
    expect(county.values).toEqual(t.years.map((y) => t.byLevel.find((x) => x.level === 'county' && x.year === y)?.meanPer10k ?? null));
    const [head, ...rows] = parseCsv(termCsv(t, 'https://example.org/'));
    expect(rows).toHaveLength(t.docs.length);
    const r = rows.find((x) => x[head!.indexOf('document')] === 'rongcheng-2024')!;
    expect(Number(r[head!.indexOf('count')])).toBe(counts.get('rongcheng-2024'));
    expect(r[head!.indexOf('url')]).toBe('https://example.org/reports/rongcheng-2024/');
  });
  test('a phrase no report uses', () => {
    const none = termTrend('科学发展观', new Map(), docs);
    expect([none.total, none.first]).toEqual([0, null]);
    expect(termSeries(none).summary).toContain('收录的报告都没有用过');
  });
});
