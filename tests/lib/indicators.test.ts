/**
 * The indicator dictionary (src/lib/indicators.ts): one key per name, the variants
 * reports use map to the right key, and look-alikes are not mistaken for the indicator.
 */
import { describe, expect, test } from 'vitest';
import { INDICATORS, findIndicators, indicator } from '../../src/lib/indicators.ts';
import { baseUnit, convertUnit } from '../../src/lib/compare/verdicts.ts';

const keysIn = (text: string) => findIndicators(text).map((m) => m.indicator.key);

describe('indicator dictionary', () => {
  test('keys are unique, URL-safe, and every entry has Chinese and English labels', () => {
    const keys = INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of INDICATORS) {
      expect(i.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(i.label).toMatch(/\p{Script=Han}/u);
      expect(i.en).toMatch(/[A-Za-z]/);
      expect(i.names.length).toBeGreaterThan(0);
      expect(indicator(i.key)).toBe(i);
    }
  });

  test('every name belongs to exactly one indicator', () => {
    const owners = new Map<string, string[]>();
    for (const i of INDICATORS) for (const n of i.names) owners.set(n, [...(owners.get(n) ?? []), i.key]);
    const shared = [...owners].filter(([, ks]) => ks.length > 1);
    expect(shared).toEqual([]);
  });

  test('each name, standing alone, is found as its own indicator', () => {
    for (const i of INDICATORS) {
      for (const n of i.names) expect(keysIn(`${n}增长5%`), `${n}`).toEqual([i.key]);
    }
  });

  test.each([
    ['生产总值增长5.5%左右', 'gdp'],
    ['地区生产总值增长6%', 'gdp'],
    ['国内生产总值增长5%左右', 'gdp'],
    ['规上工业增加值增长7.5%', 'industrial-value-added'],
    ['规模以上工业增加值增长7%左右', 'industrial-value-added'],
    ['社会消费品零售总额增长5%', 'retail-sales'],
    ['一般公共预算收入增长5.5%', 'fiscal-revenue'],
    ['固定资产投资增长7%', 'fixed-asset-investment'],
    ['城镇居民人均可支配收入增长6%', 'urban-income'],
    ['农村居民人均可支配收入增长7.5%', 'rural-income'],
    ['城镇新增就业3.3万人', 'urban-employment'],
    ['进出口增长12%', 'trade'],
    ['外贸进出口2000亿元左右', 'trade'],
    ['实际使用外资8亿美元左右', 'foreign-investment'],
    ['到账外资增长5%', 'foreign-investment'],
    ['服务业增加值增长6%', 'services-value-added'],
    ['第三产业增加值增长2.3%', 'services-value-added'],
    ['居民消费价格涨幅3%左右', 'cpi'],
    ['粮食产量达到180万吨以上', 'grain'],
  ])('%s → %s', (text, key) => {
    expect(keysIn(text)).toEqual([key]);
  });

  test.each([
    ['万元生产总值能耗下降3%', 'energy-intensity'],
    ['单位地区生产总值能耗下降', 'energy-intensity'],
    ['万元GDP能耗', 'energy-intensity'],
    // hebei/保定市_2009.txt:41
    ['万元生产总值综合能耗下降4.8%', 'energy-intensity'],
    ['单位生产总值综合能耗下降3%', 'energy-intensity'],
  ])('look-alike %s is %s, not GDP', (text, key) => {
    const keys = keysIn(text);
    expect(keys).not.toContain('gdp');
    expect(keys).toContain(key);
  });

  test.each(['人均生产总值达到10万元', '占生产总值的比重', '跨境电商进出口增长30%', '外资企业120家'])(
    'look-alike %s is not a headline indicator',
    (text) => {
      const keys = keysIn(text);
      expect(keys).not.toContain('gdp');
      expect(keys).not.toContain('trade');
      expect(keys).not.toContain('foreign-investment');
    },
  );

  test('the longest name wins: 规模以上工业增加值 is one mention, not 工业增加值 inside it', () => {
    const m = findIndicators('规模以上工业增加值增长7%');
    expect(m).toHaveLength(1);
    expect(m[0]!.name).toBe('规模以上工业增加值');
  });

  test('level units of the dictionary convert within their own scale (verdicts can compare 7600人 with 0.76万人)', () => {
    for (const i of INDICATORS) {
      if (!i.unit) continue;
      expect(baseUnit(i.unit), `${i.key}: ${i.unit}`).not.toBeNull();
    }
    expect(convertUnit(7600, '人', '万人')).toBeCloseTo(0.76);
    expect(convertUnit(8395, '美元', '亿美元')).toBeCloseTo(0.00008395);
    expect(convertUnit(1, '亿元', '万人')).toBeNull();
  });
});
