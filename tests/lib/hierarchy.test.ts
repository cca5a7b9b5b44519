/**
 * Target-setting across the hierarchy (层层加码): Rongcheng (a county-level city) and Weihai (its
 * city) both set 2024 targets; the gaps are asserted against the two reports' own sentences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, parsedSeeds } from './seeds.ts';
import type { Comparison } from '../../src/lib/compare/schema.ts';
import { buildComparisons } from '../../src/lib/compare/build.ts';
import { gapWords, hierarchyGaps, indicatorGapSeries, regionHierarchySeries, tally, type HierarchyGap } from '../../src/lib/compare/hierarchy.ts';
import { hierarchyCsv, HIERARCHY_COLUMNS } from '../../src/lib/compare/downloads.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';

const WEIHAI = readFileSync(join(ROOT, 'seeds', '000_fe6c1bb2e7835634.txt'), 'utf8').split('\n');
const RONGCHENG = readFileSync(join(ROOT, 'seeds', '003_88f1127700d663e6.txt'), 'utf8').split('\n');

let rows: Comparison[];
let gaps: HierarchyGap[];
const gap = (id: string) => {
  const g = gaps.find((x) => x.id === id);
  if (!g) throw new Error(`no gap ${id}; have ${gaps.map((x) => x.id).join(', ')}`);
  return g;
};
beforeAll(() => {
  rows = buildComparisons(parsedSeeds());
  gaps = hierarchyGaps(rows);
});

describe('Rongcheng against Weihai, 2024', () => {
  test('the two reports state the targets the gaps are computed from', () => {
    expect(RONGCHENG[65]).toMatch(/生产总值增长5\.5%规上工业增加值增长7\.5%.*居民人均可支配收入增长5\.5%/);
    expect(WEIHAI[38]).toMatch(/生产总值增长5\.5%左右，其中，规模以上工业增加值增长7%左右.*居民人均可支配收入增长6%左右/);
  });
  test.each([
    ['gdp', 5.5, 5.5, 0, 'same'],
    ['industrial-value-added', 7.5, 7, 0.5, 'more'],
    ['fiscal-revenue', 5.5, 5, 0.5, 'more'],
    ['fixed-asset-investment', 7, 7, 0, 'same'],
    ['retail-sales', 5, 5, 0, 'same'],
    ['disposable-income', 5.5, 6, -0.5, 'less'],
  ] as const)('%s: Rongcheng %s%%, Weihai %s%%左右 → %s points (%s)', (key, own, parent, diff, ambition) => {
    const g = gap(`rongcheng-weihai-${key}-growth-2024`);
    expect([g.target.value, g.parentTarget.value, g.gap, g.ambition]).toEqual([own, parent, diff, ambition]);
    expect(g.target.documentId).toBe('rongcheng-2024');
    expect(g.parentTarget.documentId).toBe('weihai-2024');
    expect(g.parent.level).toBe('prefecture');
    expect(g.note).toBe('限定语不同（无／左右）。');
  });
  test('in words', () => {
    expect(gapWords(gap('rongcheng-weihai-industrial-value-added-growth-2024'))).toBe('2024年荣成增长7.5%，威海增长7%左右，高0.5个百分点（加码）');
    expect(gapWords(gap('rongcheng-weihai-disposable-income-growth-2024'))).toBe('2024年荣成增长5.5%，威海增长6%左右，低0.5个百分点');
  });
  test('only regions that are parents are compared: Yantai is not Rongcheng’s parent', () => {
    expect(gaps.some((g) => g.parent.slug === 'yantai' || g.region.slug === 'yantai')).toBe(false);
  });
});

describe('ambition: which way a gap points', () => {
  const side = (value: number, qualifier: string | null = null) => ({ value, qualifier }) as never;
  const row = (slug: string, level: Comparison['region']['level'], parents: Comparison['region']['parents'], key: string, value: number, q: string | null = null) =>
    ({
      id: `${slug}-${key}-growth-2030`, region: { slug, name: slug, shortName: slug, code: null, level, parents }, indicator: { key, label: key, en: key, unit: '%' },
      measure: 'growth', horizon: 'annual', year: 2030, target: { ...(side(value, q) as object), unit: '%', valueMax: null, comparator: 'exact', stated: `${value}%`, url: '/x', documentId: 'x' },
    }) as unknown as Comparison;
  const prov = [{ name: 'p', code: null, level: 'province' as const }];
  test('a lower price ceiling, and a larger fall in energy use, are the more ambitious targets', () => {
    const g = hierarchyGaps([row('c', 'prefecture', prov, 'cpi', 2.5), row('p', 'province', [], 'cpi', 3), row('c', 'prefecture', prov, 'energy-intensity', -4), row('p', 'province', [], 'energy-intensity', -3)]);
    expect(g.find((x) => x.indicator.key === 'cpi')!.ambition).toBe('more');
    expect(g.find((x) => x.indicator.key === 'energy-intensity')!.ambition).toBe('more');
    expect(tally(g)).toBe('加码2年（2030、2030）');
  });
  test('the nation is every region’s last parent', () => {
    const g = hierarchyGaps([row('c', 'province', [], 'gdp', 6), row('zhongguo', 'national', [], 'gdp', 5)]);
    expect(g.map((x) => [x.region.slug, x.parent.slug, x.gap, x.ambition])).toEqual([['c', 'zhongguo', 1, 'more']]);
  });
});

describe('series and CSV', () => {
  test('Rongcheng’s chart lines: its own targets and Weihai’s, with the words as stated', () => {
    const s = regionHierarchySeries(gaps, 'rongcheng').find((x) => x.id === 'hier-rongcheng-industrial-value-added-growth')!;
    expect(s.labels).toEqual(['2024']);
    expect(s.lines.map((l) => [l.label, l.values[0], l.stated[0], l.own])).toEqual([['荣成', 7.5, '增长7.5%', true], ['威海', 7, '增长7%左右', false]]);
    expect(s.summary).toBe('与威海相比加码1年（2024）。');
    const g = indicatorGapSeries(gaps, 'disposable-income')[0]!;
    expect(g.lines.map((l) => [l.label, l.values, l.stated])).toEqual([['荣成对上级', [-0.5], ['增长5.5%／威海增长6%左右']]]);
  });
  test('the CSV holds every gap with both sentences’ links', () => {
    const [head, ...body] = parseCsv(hierarchyCsv(gaps, 'https://example.org/'));
    expect(head).toEqual([...HIERARCHY_COLUMNS]);
    expect(body).toHaveLength(gaps.length);
    const r = body.find((x) => x[0] === 'rongcheng-weihai-industrial-value-added-growth-2024')!;
    const at = (c: string) => r[head!.indexOf(c)];
    expect([at('target_value'), at('parent_value'), at('gap_points'), at('ambition')]).toEqual(['7.5', '7', '0.5', 'more']);
    expect(at('parent_url')).toMatch(/^https:\/\/example\.org\/reports\/weihai-2024\/#/);
  });
});
