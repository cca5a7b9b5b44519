/** Chart series: the numbers plotted, the table and the CSV all come from the comparison records. */
import { beforeAll, describe, expect, test } from 'vitest';
import { parsedSeeds } from './seeds.ts';
import type { Comparison } from '../../src/lib/compare/schema.ts';
import { seriesCsv } from '../../src/lib/compare/downloads.ts';
import { allSeries, regionSeries, yearSeries } from '../../src/lib/compare/series.ts';
import { buildComparisons } from '../../src/lib/compare/build.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';
import { parseSources } from '../../src/lib/parse/index.ts';

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

describe('summary of a long series', () => {
  // Nine consecutive reports of one city: each sets a GDP target and reviews last year's.
  const growth = [8, 9, 7.5, 8.5, 7, 6.5, 7.2, 6.8, 6];
  const reports = growth.map((result, i) => {
    const year = 2010 + i;
    const text = `潍坊市${year}年政府工作报告\n各位代表：\n现在，我代表潍坊市人民政府向大会报告政府工作，请予审议。\n一、${year - 1}年工作回顾\n过去一年，全市生产总值增长${result}%。\n二、${year}年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长8%左右。\n`;
    return { file: `weifang-${year}.txt`, bytes: new TextEncoder().encode(text) };
  });
  const s = regionSeries(buildComparisons(parseSources(reports)), 'weifang').find((x) => x.id === 'region-weifang-gdp-growth')!;

  test('counts the verdicts and lists only the latest points', () => {
    const withData = s.points.filter((p) => p.comparisonId);
    expect(withData.length).toBeGreaterThan(6);
    expect(s.summary).toContain(`${withData[0]!.label}–${withData.at(-1)!.label}年共 ${withData.length} 年有数字`);
    const graded = withData.filter((p) => ['met', 'exceeded', 'missed'].includes(p.verdict ?? ''));
    expect(s.summary).toContain(`可评判的 ${graded.length} 项中`);
    for (const label of new Set(graded.map((p) => p.verdictLabel))) {
      expect(s.summary).toContain(`${label} ${graded.filter((p) => p.verdictLabel === label).length} 项`);
    }
    for (const p of withData.slice(-3)) expect(s.summary).toContain(p.summary.replace(/。$/, ''));
    expect(s.summary).not.toContain(withData[0]!.summary.replace(/。$/, ''));
    expect(s.summary).toMatch(/逐项数字见数据表。$/);
  });
});
