// Navigation over many reports: regions grouped by province through their GB/T 2260 parents,
// and one year's targets as a distribution against the province's and the nation's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearDistributions, distributionRows, DISTRIBUTION_COLUMNS } from '../../src/data/distribution.ts';
import { childrenOf, directory, documentsByProvince, provinceOf, rowFilters, yearReports } from '../../src/data/navigation.ts';
import { readSources } from '../../src/data/read-sources.ts';
import { buildComparisons, type Comparison } from '../../src/lib/compare/index.ts';
import type { Region, ReportDocument } from '../../src/lib/index.ts';
import { parseSources } from '../../src/lib/parse/index.ts';
import { ROOT, parsedSeeds } from './seeds.ts';

const result = parsedSeeds();
const docs = result.documents;
const comparisons = buildComparisons(result);
const regionMap = (ds: readonly ReportDocument[]) => new Map(ds.filter((d) => d.region).map((d) => [d.region!.slug, d.region!]));

describe('directory: regions by province', () => {
  const dir = directory(docs);
  it('puts the seeds under 山东省: 威海市 with 荣成市 under it, and 烟台市', () => {
    expect(dir.national).toBeNull();
    expect(dir.unplaced).toEqual([]);
    expect(dir.provinces.map((p) => [p.division.name, p.division.code])).toEqual([['山东省', '37']]);
    const sd = dir.provinces[0]!;
    expect(sd.entry).toBeNull(); // no provincial report among the seeds
    expect(sd.cities.map((c) => [c.division.name, c.entry?.region.slug, c.counties.map((e) => e.region.slug)])).toEqual([
      ['烟台市', 'yantai', []],
      ['威海市', 'weihai', ['rongcheng']],
    ]);
    expect(sd.places.map((e) => e.region.slug).sort()).toEqual(['rongcheng', 'weihai', 'yantai']);
  });
  it('counts every report and every year exactly as the documents have them', () => {
    const sd = dir.provinces[0]!;
    const reports = docs.filter((d) => d.kind !== 'coverage');
    expect(sd.reports).toBe(reports.length);
    expect(sd.years).toEqual([...new Set(reports.map((d) => d.year!))].sort());
    const rongcheng = sd.cities.find((c) => c.division.name === '威海市')!.counties[0]!;
    expect(rongcheng.years).toEqual(reports.filter((d) => d.region!.slug === 'rongcheng').map((d) => d.year).sort());
    const weihai = sd.cities.find((c) => c.division.name === '威海市')!.entry!;
    expect(weihai.coverage).toBe(docs.filter((d) => d.kind === 'coverage' && d.region!.slug === 'weihai').length);
    expect(yearReports(weihai).map((y) => [y.year, y.doc.id])).toEqual([[2024, 'weihai-2024'], [2025, 'weihai-2025']]);
    expect(rowFilters(rongcheng)).toEqual({ level: 'county', years: '2021 2022 2023 2024', province: '37' });
  });
  it('lists the regions under a city', () => {
    const weihai = docs.find((d) => d.id === 'weihai-2024')!.region!;
    expect(childrenOf(dir, weihai).map((c) => c.entry?.region.slug)).toEqual(['rongcheng']);
    expect(childrenOf(dir, docs.find((d) => d.id === 'rongcheng-2024')!.region!)).toEqual([]);
  });
  it('places a province\'s own reports, a district directly under a municipality, and a county whose city has no report', () => {
    const base = docs.find((d) => d.id === 'rongcheng-2024')!;
    const at = (region: Region, id: string): ReportDocument => ({ ...base, id, region });
    const shandong: Region = { name: '山东省', shortName: '山东', code: '37', level: 'province', slug: 'shandong', parents: [], evidence: 'test' };
    const beijing: Region = { name: '北京市', shortName: '北京', code: '11', level: 'province', slug: 'beijing', parents: [], evidence: 'test' };
    const haidian: Region = { name: '海淀区', shortName: '海淀', code: '110108', level: 'county', slug: 'haidian', parents: [{ name: '北京市', code: '11', level: 'province' }], evidence: 'test' };
    const laiyang: Region = {
      name: '莱阳市', shortName: '莱阳', code: '370682', level: 'county', slug: 'laiyang', evidence: 'test',
      parents: [{ name: '烟台市', code: '3706', level: 'prefecture' }, { name: '山东省', code: '37', level: 'province' }],
    };
    const shouguang: Region = {
      name: '寿光市', shortName: '寿光', code: '370783', level: 'county', slug: 'shouguang', evidence: 'test',
      parents: [{ name: '潍坊市', code: '3707', level: 'prefecture' }, { name: '山东省', code: '37', level: 'province' }],
    };
    const d = directory([...docs, at(shandong, 'shandong-2024'), at(haidian, 'haidian-2024'), at(laiyang, 'laiyang-2024'), at(shouguang, 'shouguang-2024')]);
    expect(d.provinces.map((p) => p.division.name)).toEqual(['北京市', '山东省']);
    const [bj, sd] = d.provinces;
    expect(bj!.direct.map((e) => e.region.slug)).toEqual(['haidian']);
    expect(sd!.entry?.region.slug).toBe('shandong');
    expect(sd!.cities.map((c) => [c.division.name, c.entry?.region.slug ?? null, c.counties.map((e) => e.region.slug)])).toEqual([
      ['烟台市', 'yantai', ['laiyang']],
      ['潍坊市', null, ['shouguang']],
      ['威海市', 'weihai', ['rongcheng']],
    ]);
    expect(childrenOf(d, shandong).map((c) => c.division.name)).toEqual(['烟台市', '潍坊市', '威海市']);
    expect(provinceOf(haidian)?.name).toBe('北京市');
  });
});

describe('yearDistributions: one year\'s targets against the province\'s and the nation\'s', () => {
  const regions = regionMap(docs);
  const target = (slug: string, key: string, year: number) =>
    docs.find((d) => d.region?.slug === slug && d.year === year && d.kind === 'report')!.targets.find((t) => t.canonical === key && t.horizon === 'annual' && t.kind === 'growth')!;

  it('places each city at its stated target, from the records (2024 GDP growth: 威海, 烟台, 荣成)', () => {
    const gdp = yearDistributions(comparisons, regions, 2024).find((d) => d.id === 'dist-2024-gdp-growth')!;
    expect(gdp.points.map((p) => p.slug).sort()).toEqual(['rongcheng', 'weihai', 'yantai']);
    for (const p of gdp.points) {
      const t = target(p.slug, 'gdp', 2024);
      expect(p.value, p.slug).toBe(t.value);
      expect(p.at, p.slug).toBe(t.valueMax === null ? t.value : (t.value! + t.valueMax) / 2);
      expect(p.url, p.slug).toContain(`/reports/${p.slug}-2024/#${t.paragraphId}`);
      expect(p.province?.name).toBe('山东省');
      expect(p.relation).toBeNull(); // no provincial report among the seeds
    }
    expect(gdp.national).toBeNull();
    expect(gdp.rows.map((r) => r.province.name)).toEqual(['山东省']);
    expect(gdp.summary).toContain('3个市县的目标都是5.5%');
    expect(gdp.csvPath).toBe('/years/2024/gdp-growth.csv');
  });

  it('marks a province\'s and the nation\'s targets and says which cities set a higher one', () => {
    const gdp = comparisons.find((c) => c.id === 'weihai-gdp-growth-2024')!;
    const bench = (slug: string, name: string, code: string, value: number): Comparison => ({
      ...gdp, id: `${slug}-gdp-growth-2024`, region: { slug, name, shortName: name, code, level: code.length > 2 ? 'national' : 'province', parents: [] },
      target: { ...gdp.target!, value, valueMax: null, stated: `增长${value}%左右`, url: `/reports/${slug}-2024/#s1-p1` },
    });
    const rows = [...comparisons, bench('shandong', '山东省', '37', 5), bench('zhongguo', '中华人民共和国', '100000', 5)];
    const map = new Map(regions);
    map.set('shandong', { name: '山东省', shortName: '山东', code: '37', level: 'province', slug: 'shandong', parents: [], evidence: 'test' });
    map.set('zhongguo', { name: '中华人民共和国', shortName: '全国', code: '100000', level: 'national', slug: 'zhongguo', parents: [], evidence: 'test' });
    const d = yearDistributions(rows, map, 2024).find((x) => x.id === 'dist-2024-gdp-growth')!;
    expect(d.national?.at).toBe(5);
    expect(d.rows).toHaveLength(1);
    expect(d.rows[0]!.target?.at).toBe(5);
    expect(d.points.map((p) => [p.slug, p.diff, p.relation]).sort()).toEqual([
      ['rongcheng', 0.5, 'above'], ['weihai', 0.5, 'above'], ['yantai', 0.5, 'above'],
    ]);
    expect(d.counts).toEqual({ above: 3, equal: 0, below: 0, noProvince: 0 });
    expect(d.summary).toContain('全国目标增长5%左右');
    expect(d.summary).toContain('3个中，3个高于省目标');
    // The axis takes in every marker, with room at both ends.
    expect(d.axis.min).toBeLessThan(5);
    expect(d.axis.max).toBeGreaterThan(5.5);
    // Stacked markers never share a place on a row.
    const places = d.rows[0]!.points.map((p) => `${p.at}|${p.stack}`);
    expect(new Set(places).size).toBe(places.length);
    // The CSV rows: the nation, the province, then each city with the difference.
    const csv = distributionRows(d, 'https://example.org/');
    expect(csv.map((r) => [r.role, r.region])).toEqual([
      ['national', '中华人民共和国'], ['province', '山东省'], ['prefecture', '烟台市'], ['prefecture', '威海市'], ['county', '荣成市'],
    ]);
    expect(Object.keys(csv[0]!)).toEqual([...DISTRIBUTION_COLUMNS]);
    expect(csv.filter((r) => r.role !== 'national' && r.role !== 'province').every((r) => r.diff_vs_province === 0.5 && r.province_target_at === 5)).toBe(true);
    expect(csv.every((r) => String(r.url).startsWith('https://example.org/reports/'))).toBe(true);
  });

  it('leaves out levels and indicators with fewer than two cities', () => {
    const all = yearDistributions(comparisons, regions, 2024);
    expect(all.every((d) => d.measure === 'growth' || d.measure === 'share')).toBe(true);
    expect(all.every((d) => d.points.length >= 2)).toBe(true);
  });
});

const PREFECTURES = join(ROOT, '..', 'shared', 'corpus', 'prefecture-2024');
const HEBEI = join(ROOT, '..', 'shared', 'corpus', 'hebei');
const corpus = existsSync(PREFECTURES) && existsSync(HEBEI);
if (!corpus) console.warn(`navigation corpus tests skipped: ${PREFECTURES} or ${HEBEI} is absent`);

describe.skipIf(!corpus)('over 100 city reports and Hebei (../shared/corpus)', () => {
  const big = corpus ? parseSources(readSources([PREFECTURES, HEBEI], ROOT)) : null;
  const rows = big ? buildComparisons(big) : [];
  const regions = big ? regionMap(big.documents) : new Map<string, Region>();

  it('groups every region with a report under its province, each once', () => {
    const dir = directory(big!.documents);
    const placed = [...(dir.national ? [dir.national] : []), ...dir.provinces.flatMap((p) => p.places)].map((e) => e.region.slug);
    expect(new Set(placed).size).toBe(placed.length);
    const expected = new Set(big!.documents.filter((d) => d.region && d.region.level !== 'unknown').map((d) => d.region!.slug));
    expect(new Set(placed)).toEqual(expected);
    expect(dir.provinces.length).toBeGreaterThanOrEqual(20);
    const hebei = dir.provinces.find((p) => p.division.name === '河北省')!;
    expect(hebei.entry?.years.length).toBeGreaterThan(10);
    expect(hebei.cities.find((c) => c.division.name === '保定市')?.counties.map((e) => e.region.name)).toContain('高阳县');
  });

  it('/reports/ lists every document once, under its own province (the nation first), newest year first', () => {
    const { groups, unplaced } = documentsByProvince(big!.documents);
    const listed = [...groups.flatMap((g) => g.documents), ...unplaced].map((d) => d.id);
    expect(listed.slice().sort()).toEqual(big!.documents.map((d) => d.id).sort());
    expect(groups.length).toBeGreaterThanOrEqual(20);
    if (groups[0]!.division === null) expect(groups[0]!.documents.every((d) => d.region!.level === 'national')).toBe(true);
    for (const g of groups.filter((x) => x.division)) {
      for (const d of g.documents) expect(provinceOf(d.region!)?.code, d.id).toBe(g.division!.code);
      const years = g.documents.map((d) => d.year ?? 0);
      expect(years, g.division!.name).toEqual(years.slice().sort((a, b) => b - a));
    }
    // 河北 has reports of many years, all in its one group.
    const hebei = groups.find((g) => g.division?.name === '河北省')!;
    expect(new Set(hebei.documents.map((d) => d.year)).size).toBeGreaterThan(10);
  });

  it('2024 GDP growth: every city with a numeric target is a point at its stated figure; 河北 cities compared with 河北省', () => {
    const gdp = yearDistributions(rows, regions, 2024).find((d) => d.id === 'dist-2024-gdp-growth')!;
    expect(gdp.points.length).toBeGreaterThanOrEqual(50);
    const expected = rows.filter(
      (c) => c.year === 2024 && c.horizon === 'annual' && c.indicator.key === 'gdp' && c.measure === 'growth' && c.target?.value != null && (c.target.unit ?? '%') === '%' &&
        ['prefecture', 'county'].includes(regions.get(c.region.slug)?.level ?? ''),
    );
    expect(gdp.points.map((p) => p.comparisonId).sort()).toEqual(expected.map((c) => c.id).sort());
    for (const p of gdp.points) {
      const c = expected.find((x) => x.id === p.comparisonId)!;
      expect(p.value).toBe(c.target!.value);
    }
    const hebei = gdp.rows.find((r) => r.province.name === '河北省')!;
    expect(hebei.target?.value).toBe(rows.find((c) => c.region.name === '河北省' && c.year === 2024 && c.indicator.key === 'gdp' && c.measure === 'growth')!.target!.value);
    for (const p of hebei.points) expect(p.diff).toBeCloseTo(p.at - hebei.target!.at, 6);
  });
});
