/**
 * Comparisons a researcher can rely on (issue 12), asserted against the source text of the seeds:
 * parts (城镇 and 农村 incomes against a 居民收入 target), bounds (超过千亿元 is at least 1000, not 1000),
 * estimates (预计 reaching over the figures listed after it), implausible figures carried to every
 * place they are shown, 一二三产 by their own names, and benchmarks from a parent region's report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, parsedSeeds } from './seeds.ts';
import type { Comparison } from '../../src/lib/compare/schema.ts';
import { buildComparisons, estimated, targetOutcomes } from '../../src/lib/compare/build.ts';
import { comparisonsCsv, seriesCsv } from '../../src/lib/compare/downloads.ts';
import { regionSeries } from '../../src/lib/compare/series.ts';
import { grade, type GradableFigure } from '../../src/lib/compare/verdicts.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';
import { parseSources } from '../../src/lib/parse/index.ts';

/** The Rongcheng seed: four reports, 2021–2024, in one file. */
const RONGCHENG = readFileSync(join(ROOT, 'seeds', '003_88f1127700d663e6.txt'), 'utf8').split('\n');
const YANTAI = readFileSync(join(ROOT, 'seeds', '002_f9b1766ae33f6aa2.txt'), 'utf8').split('\n');
const line = (lines: string[], n: number) => lines[n - 1]!;

let rows: Comparison[];
const row = (id: string) => {
  const r = rows.find((c) => c.id === id);
  if (!r) throw new Error(`no comparison ${id}`);
  return r;
};
beforeAll(() => {
  rows = buildComparisons(parsedSeeds());
});

describe('parts: Rongcheng’s 2023 income target of 5.4% against the 2024 review’s urban and rural figures', () => {
  test('the source states the target and the two parts, and nothing for all residents', () => {
    expect(line(RONGCHENG, 237)).toContain('居民人均可支配收入增长5.4%');
    expect(line(RONGCHENG, 32)).toContain('城镇和农村居民人均可支配收入分别增长4%6.2%');
    expect(line(RONGCHENG, 32)).toMatch(/^——.*预计完成生产总值/);
    expect(line(RONGCHENG, 32)).not.toMatch(/(?<!城镇和农村)居民人均可支配收入增长/);
  });
  test('no longer “not reported”: each part graded against 5.4%, and the row is mixed', () => {
    const c = row('rongcheng-disposable-income-growth-2023');
    expect(c.target).toMatchObject({ value: 5.4, unit: '%', documentId: 'rongcheng-2023', line: 237 });
    expect(c.result).toBeNull();
    expect(c.parts.map((p) => [p.indicator.key, p.result.value, p.result.estimate, p.result.line, p.verdict])).toEqual([
      ['urban-income', 4, true, 32],
      ['rural-income', 6.2, true, 32],
    ].map((x, i) => [...x, ['missed', 'exceeded'][i]]));
    expect(c.verdict).toBe('mixed');
    expect(c.verdictLabel).toBe('分项不一');
    expect(c.summary).toBe('2023年目标增长5.4%，城镇居民预计增长4%、农村居民预计增长6.2%，分项不一。');
  });
  test('the parts keep their own rows, which point at the row they were graded in', () => {
    for (const k of ['urban', 'rural']) {
      const c = row(`rongcheng-${k}-income-growth-2023`);
      expect(c.verdict).toBe('no-target');
      expect(c.partOf).toBe('rongcheng-disposable-income-growth-2023');
      expect(c.rule).toContain('rongcheng-disposable-income-growth-2023');
    }
  });
  test('parts that agree give the verdict, marked as graded by parts', () => {
    const t: GradableFigure = { kind: 'growth', value: 5, valueMax: null, unit: '%', qualifier: null, comparator: 'exact', benchmark: null };
    // A synthetic pair of reports: target 居民收入增长5%, review 城镇 5.5%, 农村 6.5%.
    const enc = new TextEncoder();
    const report = (year: number, review: string, targets: string) =>
      `荣成市${year}年政府工作报告\n\n——${year}年1月10日在荣成市第二十届人民代表大会第一次会议上\n\n荣成市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
    const out = buildComparisons(
      parseSources([
        { file: 'a.txt', bytes: enc.encode(report(2030, '过去一年，生产总值增长5%。', '生产总值增长5%，居民人均可支配收入增长5%。')) },
        { file: 'b.txt', bytes: enc.encode(report(2031, '过去一年，生产总值增长5.2%，城镇和农村居民人均可支配收入分别增长5.6%、6.5%。', '生产总值增长5%。')) },
      ]),
    );
    const c = out.find((r) => r.id === 'rongcheng-disposable-income-growth-2030')!;
    expect(c.parts.map((p) => p.verdict)).toEqual(['exceeded', 'exceeded']);
    expect(c.verdict).toBe('exceeded');
    expect(c.flags.map((f) => f.code)).toContain('graded-by-parts');
    expect(c.summary).toContain('（按分项）');
    expect(grade(t, { ...t, value: 5.6 }, { indicatorKey: 'urban-income' }).verdict).toBe('exceeded');
  });
});

describe('bounds: 超过千亿元 is at least 1000亿元, never the point 1000', () => {
  test('the source says 超过千亿元; the row says lower bound', () => {
    const c = row('rongcheng-gdp-level-2021');
    expect(line(RONGCHENG, c.result!.line)).toContain('地区生产总值超过千亿元');
    expect(c.result).toMatchObject({ value: 1000, bound: 'lower', stated: '超过1000亿元' });
  });
  test('the chart point, its table and its CSV say it is a bound', () => {
    const s = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-gdp-level')!;
    const p = s.points.find((x) => x.label === '2021')!;
    expect([p.result, p.resultBound]).toEqual([1000, 'lower']);
    const [head, ...body] = parseCsv(seriesCsv(s, 'https://example.org/'));
    const r21 = body.find((r) => r[head!.indexOf('label')] === '2021')!;
    expect(r21[head!.indexOf('result_bound')]).toMatch(/^lower/);
    const [h2, ...all] = parseCsv(comparisonsCsv(rows, 'https://example.org/'));
    const c21 = all.find((r) => r[h2!.indexOf('id')] === 'rongcheng-gdp-level-2021')!;
    expect(c21[h2!.indexOf('result_bound')]).toMatch(/^lower/);
    // Points are not bounds.
    expect(s.points.find((x) => x.label === '2022')!.resultBound).toBeNull();
  });
  const fig = (over: Partial<GradableFigure>): GradableFigure => ({
    kind: 'growth', value: null, valueMax: null, unit: '%', qualifier: null, comparator: 'exact', benchmark: null, ...over,
  });
  const lv = (value: number, comparator: GradableFigure['comparator'] = 'exact', qualifier: string | null = null) =>
    fig({ kind: 'level', unit: '亿元', value, comparator, qualifier });
  test.each([
    ['超过1000亿元 against 1000亿元: at least met', lv(1000), lv(1000, 'at-least', '超过'), 'met', '至少完成'],
    ['超过1000亿元 against 1200亿元: could be either', lv(1200), lv(1000, 'at-least', '超过'), 'not-gradable', '无法评判'],
    ['突破1300亿元 against 1200亿元: every number it allows exceeds', lv(1200), lv(1300, 'at-least', '突破'), 'exceeded', '超额完成'],
    ['增长9%以上 against 增长8%左右', fig({ value: 8, comparator: 'about', qualifier: '左右' }), fig({ value: 9, comparator: 'at-least', qualifier: '以上' }), 'exceeded', '下限'],
    ['低于3.5% against a ceiling of 4%', fig({ value: 4, comparator: 'at-most', qualifier: '以内' }), fig({ value: 3.5, comparator: 'at-most', qualifier: '低于' }), 'met', '上限'],
    ['低于3.5% against a ceiling of 3%', fig({ value: 3, comparator: 'at-most', qualifier: '以内' }), fig({ value: 3.5, comparator: 'at-most', qualifier: '低于' }), 'not-gradable', '无法评判'],
    ['下降5%以上 against 下降3%', fig({ value: -3 }), fig({ value: -5, comparator: 'at-least', qualifier: '以上' }), 'exceeded', '上限'],
  ] as const)('%s → %s', (_name, target, result, verdict, words) => {
    const g = grade(target, result, { indicatorKey: 'gdp' });
    expect(g.verdict).toBe(verdict);
    expect(g.rule).toContain(words);
  });
});

describe('estimates: 预计 at the head of a sentence covers the figures listed after it', () => {
  test('Rongcheng 2022: 第三产业增加值增长2.3% follows 预计完成生产总值… in the same paragraph', () => {
    const c = row('rongcheng-services-value-added-growth-2022');
    const l = line(RONGCHENG, c.result!.line);
    expect(l).toMatch(/预计完成生产总值1057亿元[,，]增长3%。第一产业增加值增长2%[;；]第二产业增加值增长4\.6%[,，]其中规上工业增加值增长31%[;；]第三产业增加值增长2\.3%。/);
    expect(c.result).toMatchObject({ value: 2.3, estimate: true });
    expect(c.summary).toBe('2022年目标增长6%，预计增长2.3%，未完成。');
  });
  test('Yantai 2023: 完成一般公共预算收入673.9亿元 opens a sentence of its own and stays a final figure', () => {
    const c = row('yantai-fiscal-revenue-level-2023');
    expect(line(YANTAI, c.result!.line)).toContain('。完成一般公共预算收入673.9亿元，增长6.1%');
    expect(c.result!.estimate).toBe(false);
    expect(row('yantai-gdp-growth-2023').result!.estimate).toBe(true);
  });
  test('利润预计增长15% is about that item: the next sentence is not an estimate', () => {
    const p = '规模以上工业企业利润预计增长15%。成功举办旅游大会，旅游业总收入增长34%。';
    expect(estimated({ estimate: false, quote: '旅游业总收入增长34%' }, p)).toBe(false);
    expect(estimated({ estimate: false, quote: '第三产业增加值增长2.3%' }, '预计完成生产总值1057亿元，增长3%。第一产业增加值增长2%；第三产业增加值增长2.3%。')).toBe(true);
  });
  test('every estimate is said in the CSV', () => {
    const [head, ...body] = parseCsv(comparisonsCsv(rows, 'https://example.org/'));
    const r = body.find((x) => x[head!.indexOf('id')] === 'rongcheng-services-value-added-growth-2022')!;
    expect(r[head!.indexOf('result_estimate')]).toBe('true');
  });
});

describe('implausible figures are flagged wherever they are shown', () => {
  test('实际利用外资8395美元 carries its check on the figure itself (table, chart and card read it there)', () => {
    const c = row('rongcheng-foreign-investment-level-2023');
    expect(line(RONGCHENG, c.result!.line)).toContain('实际利用外资8395美元');
    expect(c.result!.check).toMatch(/8395美元.*相差10倍以上/);
    const doc = parsedSeeds().documents.find((d) => d.id === 'rongcheng-2024')!;
    const t = doc.targets.find((x) => x.canonical === 'foreign-investment')!;
    expect(targetOutcomes(rows, doc).get(t.id)!.previous!.result!.check).toBe(c.result!.check);
    const s = regionSeries(rows, 'rongcheng').find((x) => x.id === 'region-rongcheng-foreign-investment-level')!;
    expect(s.points.find((p) => p.label === '2023')!.checkNote).toBe(c.result!.check);
  });
  test('规上工业增加值增长31% too', () => {
    expect(row('rongcheng-industrial-value-added-growth-2022').result!.check).toMatch(/增长31%/);
  });
  test('figures that pass every check carry none', () => {
    expect(row('rongcheng-gdp-growth-2022').result!.check).toBeNull();
  });
});

describe('一二三产 by their own names', () => {
  test('Rongcheng 2022: 第一产业增加值增长2%, 第二产业增加值增长4.6% are results of their own indicators', () => {
    expect(row('rongcheng-primary-value-added-growth-2022').result).toMatchObject({ value: 2, estimate: true });
    expect(row('rongcheng-secondary-value-added-growth-2022').result).toMatchObject({ value: 4.6, estimate: true });
    expect(row('rongcheng-services-value-added-growth-2022').result!.value).toBe(2.3);
  });
  test('a sector target the parser leaves without a key is matched by its name (第一产业增加值)', () => {
    const enc = new TextEncoder();
    const report = (year: number, review: string, targets: string) =>
      `荣成市${year}年政府工作报告\n\n——${year}年1月10日在荣成市第二十届人民代表大会第一次会议上\n\n荣成市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
    const parse = parseSources([
      { file: 'a.txt', bytes: enc.encode(report(2030, '过去一年，生产总值增长5%。', '生产总值增长5%，第一产业增加值增长3%。')) },
      { file: 'b.txt', bytes: enc.encode(report(2031, '过去一年，生产总值增长5.2%，第一产业增加值增长3.4%。', '生产总值增长5%。')) },
    ]);
    for (const d of parse.documents) for (const t of d.targets) if (t.metric === '第一产业增加值') t.canonical = null;
    const c = buildComparisons(parse).find((r) => r.id === 'rongcheng-primary-value-added-growth-2030')!;
    expect([c.target?.value, c.result?.value, c.verdict]).toEqual([3, 3.4, 'met']);
  });
});

describe('benchmarks from the parent region’s report', () => {
  const enc = new TextEncoder();
  const city = (year: number, review: string, targets: string) =>
    `保定市${year}年政府工作报告\n\n——${year}年1月10日在保定市第十五届人民代表大会第一次会议上\n\n保定市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
  const province = `河北省2031年政府工作报告\n\n——2031年1月20日在河北省第十四届人民代表大会第一次会议上\n\n河北省省长 李四\n\n各位代表：\n\n一、2030年工作回顾\n\n过去一年，全省固定资产投资增长6%。\n\n二、2031年工作安排\n\n今年主要预期目标是：生产总值增长5%左右。\n`;
  test('高于全省 is graded from 河北省’s own review, and the row says where the benchmark came from', () => {
    const out = buildComparisons(
      parseSources([
        { file: 'a.txt', bytes: enc.encode(city(2030, '过去一年，生产总值增长5%。', '生产总值增长5.5%左右，固定资产投资增速高于全省。')) },
        { file: 'b.txt', bytes: enc.encode(city(2031, '过去一年，生产总值增长5.2%，固定资产投资增长6.5%。', '生产总值增长5%左右。')) },
        { file: 'p.txt', bytes: enc.encode(province) },
      ]),
    );
    const c = out.find((r) => r.id === 'baoding-fixed-asset-investment-growth-2030')!;
    expect(c.benchmark).toMatchObject({ value: 6, source: { documentId: 'hebei-2031' } });
    expect(c.verdict).toBe('met');
    expect(c.flags.find((f) => f.code === 'benchmark-from-parent')?.message).toContain('hebei-2031）回顾：“固定资产投资增长6%”');
  });
  test('a margin (高于全省0.5个百分点) is added to the benchmark', () => {
    const target: GradableFigure = { kind: 'growth', value: 0.5, valueMax: null, unit: '个百分点', qualifier: '高于全省', comparator: 'above-benchmark', benchmark: '全省' };
    const result: GradableFigure = { kind: 'growth', value: 6.3, valueMax: null, unit: '%', qualifier: null, comparator: 'exact', benchmark: null };
    const bench = { label: '河北省2030年固定资产投资增速', value: 6, unit: '%' };
    expect(grade(target, result, { indicatorKey: 'fixed-asset-investment', benchmark: bench }).verdict).toBe('missed');
    expect(grade(target, { ...result, value: 6.5 }, { indicatorKey: 'fixed-asset-investment', benchmark: bench }).verdict).toBe('met');
  });
});

describe('figures that are not the year’s own (河北省 2006 review, hand-checked)', () => {
  test('“2003年以来城镇新增就业116万人” covers three years: not the 2005 result', async () => {
    const { isMultiYear, pairMagnitudeFlag } = await import('../../src/lib/compare/plausibility.ts');
    const p = '就业持续扩大，2003年以来城镇新增就业116万人，城镇登记失业率控制在调控目标以内。';
    expect(isMultiYear({ kind: 'level', value: 116, unit: '万人', quote: '城镇新增就业116万人', metric: '城镇新增就业' }, p)).toBe(true);
    expect(isMultiYear({ kind: 'level', value: 57.3, unit: '万人', quote: '城镇新增就业57.3万人', metric: '城镇新增就业' }, '预计全年城镇新增就业57.3万人。')).toBe(false);
    // 万元生产总值综合能耗下降4.8% read as a GDP level of 10000元, against 1737.6亿元: flagged, never graded.
    const t = { kind: 'level', value: 10000, unit: '元', quote: '万元生产总值综合能耗下降4.8%', metric: '生产总值' };
    const r = { kind: 'level', value: 1737.6, unit: '亿元', quote: '生产总值完成1737.6亿元', metric: '生产总值' };
    expect(pairMagnitudeFlag(t, r)?.code).toBe('magnitude');
    expect(pairMagnitudeFlag({ ...t, value: 1700, unit: '亿元' }, r)).toBeNull();
  });
});

describe('a benchmark target graded by parts', () => {
  test('城乡居民人均可支配收入与经济增长同步: each part against the region’s GDP growth', () => {
    const enc = new TextEncoder();
    const report = (year: number, review: string, targets: string) =>
      `荣成市${year}年政府工作报告\n\n——${year}年1月10日在荣成市第二十届人民代表大会第一次会议上\n\n荣成市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
    const out = buildComparisons(
      parseSources([
        { file: 'a.txt', bytes: enc.encode(report(2030, '过去一年，生产总值增长5%。', '生产总值增长5%，居民人均可支配收入与经济增长同步。')) },
        { file: 'b.txt', bytes: enc.encode(report(2031, '过去一年，生产总值增长5.2%，城镇和农村居民人均可支配收入分别增长4.1%、6.3%。', '生产总值增长5%。')) },
      ]),
    );
    const c = out.find((r) => r.id === 'rongcheng-disposable-income-growth-2030')!;
    expect(c.benchmark?.value).toBe(5.2);
    expect(c.parts.map((p) => p.verdict)).toEqual(['missed', 'exceeded']);
    expect(c.verdict).toBe('mixed');
  });
});

describe('five-year summaries in a review (national-2018, hand-checked)', () => {
  test('a paragraph opening 五年来， gives period figures for rates and 新增 counts, the last year’s for levels', async () => {
    const { isMultiYear, figureFlags } = await import('../../src/lib/compare/plausibility.ts');
    const p = '五年来，经济实力跃上新台阶。国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%，占世界经济比重从11.4%提高到15%左右，对世界经济增长贡献率超过30%。城镇新增就业6600万人以上。';
    expect(isMultiYear({ kind: 'level', value: 6600, unit: '万人', quote: '城镇新增就业6600万人以上', metric: '城镇新增就业' }, p)).toBe(true);
    expect(isMultiYear({ kind: 'growth', value: 30, unit: '%', quote: '经济增长贡献率超过30%', metric: '经济增长' }, p)).toBe(true);
    const level = '五年来，“经济强”的实力更加雄厚。地区生产总值超过千亿元，年均增长4.8%。';
    expect(isMultiYear({ kind: 'level', value: 1000, unit: '亿元', quote: '地区生产总值超过千亿元', metric: '地区生产总值' }, level)).toBe(false);
    // 超过30% as a growth rate's lower bound is flagged like a rate beyond 30%.
    expect(figureFlags({ kind: 'growth', value: 30, unit: '%', quote: '增长超过30%', metric: 'x', comparator: 'at-least' }, '', { combinedIndicator: false }).map((f) => f.code)).toEqual(['growth-out-of-range']);
    expect(figureFlags({ kind: 'growth', value: 30, unit: '%', quote: '增长30%', metric: 'x', comparator: 'exact' }, '', { combinedIndicator: false })).toEqual([]);
  });
});

test('…unless the sentence names its year (河北省 2013: 五年来，…2012年全省生产总值26575亿元，同比增长9.6%)', async () => {
  const { isMultiYear } = await import('../../src/lib/compare/plausibility.ts');
  const p = '五年来，我们坚持以经济建设为中心，经济保持平稳较快发展。综合经济实力大幅提升，2012年全省生产总值26575亿元，同比增长9.6%，比2007年增长65.8%。';
  expect(isMultiYear({ kind: 'growth', value: 9.6, unit: '%', quote: '生产总值26575亿元，同比增长9.6%', metric: '生产总值' }, p)).toBe(false);
  const five = '这五年，各项社会事业加快发展。城镇新增就业5771万人，转移农业劳动力4500万人。';
  expect(isMultiYear({ kind: 'level', value: 5771, unit: '万人', quote: '城镇新增就业5771万人', metric: '城镇新增就业' }, five)).toBe(true);
});
