import { describe, expect, it } from 'vitest';
import { doc } from './seeds.ts';

type Row = [canonical: string | null, kind: string, value: number | null, unit: string | null, qualifier: string | null, comparator: string];
const rows = (id: string, what: 'targets' | 'results', horizon = 'annual') =>
  doc(id)[what].filter((t) => t.horizon === horizon).map((t): Row => [t.canonical, t.kind, t.value, t.unit, t.qualifier, t.comparator]);

describe('headline targets of all seven reports', () => {
  it('weihai-2024', () => {
    expect(rows('weihai-2024', 'targets')).toEqual([
      ['gdp', 'growth', 5.5, '%', '左右', 'about'],
      ['industrial-value-added', 'growth', 7, '%', '左右', 'about'],
      ['fiscal-revenue', 'growth', 5, '%', '左右', 'about'],
      ['fixed-asset-investment', 'growth', 7, '%', '左右', 'about'],
      ['retail-sales', 'growth', 5, '%', '左右', 'about'],
      ['trade', 'qualitative', null, null, '促稳提质', 'qualitative'],
      ['foreign-investment', 'qualitative', null, null, '量稳质升', 'qualitative'],
      ['disposable-income', 'growth', 6, '%', '左右', 'about'],
      ['urban-employment', 'level', 3.3, '万人', null, 'exact'],
      ['cpi', 'qualitative', null, null, '保持在合理区间', 'qualitative'],
      ['grain', 'level', 70, '万吨', '以上', 'at-least'],
      // "全面完成省下达的节能减排降碳约束性目标和环境质量改善目标": the verb before the indicator is the qualifier.
      ['energy-intensity', 'qualitative', null, null, '全面完成省下达的', 'qualitative'],
    ]);
    expect(doc('weihai-2024').targets.every((t) => t.year === 2024)).toBe(true);
  });

  it('weihai-2025: no-number targets and benchmarks', () => {
    const t = doc('weihai-2025').targets;
    expect(t.find((x) => x.canonical === 'fixed-asset-investment')).toMatchObject({ comparator: 'above-benchmark', benchmark: '全省', value: null });
    expect(t.find((x) => x.canonical === 'disposable-income')).toMatchObject({ comparator: 'in-step', qualifier: '与经济增长同步' });
    expect(t.filter((x) => x.quote === '外贸外资稳量提质').map((x) => x.canonical)).toEqual(['trade', 'foreign-investment']);
    expect(t.find((x) => x.canonical === 'retail-sales')).toMatchObject({ value: 5.5, qualifier: '以上', comparator: 'at-least' });
  });

  it('yantai-2024', () => {
    expect(rows('yantai-2024', 'targets').slice(0, 5)).toEqual([
      ['gdp', 'growth', 5.5, '%', '左右', 'about'],
      ['fiscal-revenue', 'growth', 4.5, '%', '左右', 'about'],
      ['industrial-value-added', 'growth', 7, '%', '左右', 'about'],
      ['fixed-asset-investment', 'growth', 5, '%', '左右', 'about'],
      ['retail-sales', 'growth', null, null, '高于全省平均水平', 'above-benchmark'],
    ]);
  });

  it('rongcheng-2024: items split although extraction lost the commas', () => {
    expect(rows('rongcheng-2024', 'targets').slice(0, 8)).toEqual([
      ['gdp', 'growth', 5.5, '%', null, 'exact'],
      ['industrial-value-added', 'growth', 7.5, '%', null, 'exact'],
      ['fiscal-revenue', 'growth', 5.5, '%', null, 'exact'],
      ['fixed-asset-investment', 'growth', 7, '%', null, 'exact'],
      ['retail-sales', 'growth', 5, '%', null, 'exact'],
      ['disposable-income', 'growth', 5.5, '%', null, 'exact'],
      ['trade', 'qualitative', null, null, '促稳提质', 'qualitative'],
      ['foreign-investment', 'qualitative', null, null, '量稳质升', 'qualitative'],
    ]);
  });

  it('rongcheng-2023: a shared predicate covers two indicators', () => {
    const t = doc('rongcheng-2023').targets;
    expect(t.filter((x) => x.qualifier === '稳定增长').map((x) => x.canonical)).toEqual(['fixed-asset-investment', 'fiscal-revenue']);
    expect(t[0]).toMatchObject({ canonical: 'gdp', value: 5, unit: '%' });
  });

  it('rongcheng-2022: 分别 lists, and five-year goals kept apart', () => {
    const annual = doc('rongcheng-2022').targets.filter((x) => x.horizon === 'annual');
    expect(annual.filter((x) => /income/.test(x.canonical ?? '')).map((x) => [x.canonical, x.value])).toEqual([
      ['urban-income', 6],
      ['rural-income', 7.5],
    ]);
    const five = doc('rongcheng-2022').targets.filter((x) => x.horizon === 'five-year');
    expect(five.find((x) => x.canonical === 'gdp')).toMatchObject({ value: 5.5, qualifier: '以上', year: 2026 });
    expect(five.length).toBeGreaterThanOrEqual(3);
  });

  it('rongcheng-2021: 不低于经济增速', () => {
    const t = doc('rongcheng-2021').targets.filter((x) => x.horizon === 'annual');
    expect(t[0]).toMatchObject({ canonical: 'gdp', value: 6 });
    // One statement about town and country together: kept as one target, as written (not split in two).
    expect(t.find((x) => x.canonical === 'urban-rural-income')).toMatchObject({ benchmark: '经济增长', comparator: 'at-least', qualifier: '不低于经济增速' });
  });

  it('every target quotes its own words and points at its line', () => {
    for (const id of ['weihai-2024', 'weihai-2025', 'yantai-2024', 'rongcheng-2024', 'rongcheng-2023', 'rongcheng-2022', 'rongcheng-2021']) {
      const d = doc(id);
      expect(d.targets.length, id).toBeGreaterThanOrEqual(8);
      for (const t of d.targets) {
        const p = d.paragraphs.find((x) => x.id === t.paragraphId)!;
        expect(p.text).toContain(t.quote);
        expect(t.line).toBe(p.position.startLine);
      }
    }
  });
});

describe('results from each review', () => {
  const gdp = (id: string) => doc(id).results.filter((r) => r.canonical === 'gdp' && r.horizon === 'annual').map((r) => [r.kind, r.value, r.unit, r.estimate, r.year]);
  it('GDP as each review states it', () => {
    expect(gdp('weihai-2024')).toEqual([['growth', 6, '%', true, 2023]]);
    expect(gdp('yantai-2024')).toEqual([['growth', 6.5, '%', true, 2023], ['level', 10000, '亿元', true, 2023]]);
    expect(gdp('rongcheng-2024')).toEqual([['level', 1050, '亿元', true, 2023], ['growth', 6, '%', true, 2023]]);
    expect(gdp('rongcheng-2023')).toEqual([['level', 1057, '亿元', true, 2022], ['growth', 3, '%', true, 2022]]);
    expect(gdp('rongcheng-2022')).toEqual([['growth', 5.3, '%', true, 2021], ['level', 1000, '亿元', false, 2021]]);
    expect(gdp('rongcheng-2021')).toEqual([['level', 943, '亿元', false, 2020]]);
  });
  it('level and growth of one indicator in one clause', () => {
    const fiscal = doc('yantai-2024').results.filter((r) => r.canonical === 'fiscal-revenue');
    expect(fiscal.map((r) => [r.kind, r.value, r.quote])).toEqual([
      ['level', 673.9, '一般公共预算收入673.9亿元'],
      ['growth', 6.1, '一般公共预算收入673.9亿元，增长6.1%'],
    ]);
  });
  it('results exist for most targeted indicators of every full report', () => {
    for (const id of ['weihai-2024', 'yantai-2024', 'rongcheng-2024', 'rongcheng-2023', 'rongcheng-2022']) {
      const targeted = new Set(doc(id).targets.filter((t) => t.canonical && t.horizon === 'annual').map((t) => t.canonical));
      const reported = new Set(doc(id).results.map((r) => r.canonical));
      expect(reported.has('gdp'), id).toBe(true);
      expect(reported.size, id).toBeGreaterThanOrEqual(3);
      void targeted;
    }
  });
});
