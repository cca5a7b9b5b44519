/** Chart series: the numbers plotted, the table and the CSV all come from the comparison records. */
import { beforeAll, describe, expect, test } from 'vitest';
import { parsedSeeds } from './seeds.ts';
import type { Comparison } from '../../src/lib/compare/schema.ts';
import { seriesCsv } from '../../src/lib/compare/downloads.ts';
import { allSeries, regionSeries, yearSeries } from '../../src/lib/compare/series.ts';
import { buildComparisons } from '../../src/lib/compare/build.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';

let rows: Comparison[];
beforeAll(() => {
  rows = buildComparisons(parsedSeeds());
});

describe('region series', () => {
  test('Rongcheng GDP growth: 2021–2024 targets and results, verdicts and one sentence', () => {
    const s = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-gdp-growth')!;
    expect(s.points.map((p) => p.label)).toEqual(['2021', '2022', '2023', '2024']);
    expect(s.points.map((p) => p.target)).toEqual([6, 6, 5, 5.5]);
    expect(s.points.map((p) => p.result)).toEqual([5.3, 3, 6, null]);
    expect(s.points.map((p) => p.verdict)).toEqual(['missed', 'missed', 'exceeded', 'pending']);
    expect(s.points.map((p) => p.estimate)).toEqual([true, true, true, false]);
    expect(s.summary).toContain('2022年目标增长6%，预计增长3%，未完成');
    expect(s.summary.match(/。/g)).toHaveLength(1);
    expect(s.csvPath).toBe('/indicators/gdp/rongcheng-growth.csv');
  });
  test('levels carry the caveat and are plotted in the dictionary unit (7600人 → 0.76万人)', () => {
    const level = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-gdp-level')!;
    expect(level.note).toMatch(/未必可比/);
    const jobs = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-urban-employment-level')!;
    expect(jobs.unit).toBe('万人');
    expect(jobs.points.find((p) => p.label === '2023')!.result).toBeCloseTo(0.76);
    expect(jobs.points.find((p) => p.label === '2023')!.resultStated).toBe('7600人');
  });
  test('years without a record stay as gaps (null), not interpolated', () => {
    const trade = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-trade-level')!;
    const y2021 = trade.points.find((p) => p.label === '2021')!;
    expect([y2021.target, y2021.result, y2021.comparisonId]).toEqual([null, null, null]);
  });
  test('implausible figures are marked for their own marker', () => {
    const ind = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-industrial-value-added-growth')!;
    expect(ind.points.find((p) => p.label === '2022')!.check).toBe(true);
    expect(ind.points.find((p) => p.label === '2021')!.check).toBe(false);
  });
});

describe('year series', () => {
  test('2024 GDP growth across the three regions', () => {
    const s = yearSeries(rows, 2024).find((x) => x.id === 'year-2024-gdp-growth')!;
    expect(s.by).toBe('regions');
    expect(s.points.map((p) => p.region).sort()).toEqual(['威海', '烟台', '荣成'].sort());
    expect(s.points.every((p) => p.target === 5.5)).toBe(true);
  });
});

describe('series with a chart', () => {
  test('year series only for years with a page, and not those the page draws as distributions', () => {
    const byYear = (series: ReturnType<typeof allSeries>) => series.filter((s) => s.by === 'regions').map((s) => s.id);
    expect(byYear(allSeries(rows))).toContain('year-2024-gdp-growth');
    expect(byYear(allSeries(rows, new Map()))).toEqual([]);
    const only2024 = byYear(allSeries(rows, new Map([[2024, new Set(['gdp|growth'])]])));
    expect(only2024.length).toBeGreaterThan(0);
    expect(only2024.every((id) => id.startsWith('year-2024-'))).toBe(true);
    expect(only2024).not.toContain('year-2024-gdp-growth');
    expect(allSeries(rows, new Map()).length).toBe(allSeries(rows).filter((s) => s.by === 'years').length);
  });
});

describe('CSV per chart', () => {
  test('every series CSV has exactly its plotted numbers, and CSV paths are unique', () => {
    const series = allSeries(rows);
    expect(new Set(series.map((s) => s.csvPath)).size).toBe(series.length);
    for (const s of series) {
      const [head, ...body] = parseCsv(seriesCsv(s, 'https://example.org/'));
      const col = (c: string) => head!.indexOf(c);
      const n = (x: string | undefined) => (x === '' || x === undefined ? null : Number(x));
      expect(body.map((r) => n(r[col('target')])), s.id).toEqual(s.points.map((p) => p.target));
      expect(body.map((r) => n(r[col('result')])), s.id).toEqual(s.points.map((p) => p.result));
    }
  });
});
