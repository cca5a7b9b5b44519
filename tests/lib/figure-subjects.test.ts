/**
 * Which indicator a figure belongs to (issue 12, "targets and results researchers can rely on"):
 * 分别 lists paired in order with their subjects, older names for the income indicators, exports
 * apart from total trade, and names followed by words that make them another measure (贡献率, 比重).
 * Every sentence is quoted from a real report (file and line in ../shared/corpus or seeds/), and
 * checked against that line of the file where the corpus is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSources } from '../../src/lib/parse/index.ts';
import { findIndicators } from '../../src/lib/indicators.ts';
import { ROOT } from './seeds.ts';

/** A report whose review part holds `review` and whose targets sentence is `targets`. */
function report(review: string, targets = '生产总值增长6%左右。') {
  const text = `保定市2030年政府工作报告\n\n——2030年1月10日在保定市第十五届人民代表大会第一次会议上\n\n保定市市长 张三\n\n各位代表：\n\n一、2029年工作回顾\n\n过去一年，${review}\n\n二、2030年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
  const doc = parseSources([{ file: 'a.txt', bytes: new TextEncoder().encode(text) }]).documents[0]!;
  const rows = (xs: { canonical: string | null; metric: string; value: number | null; unit: string | null }[]) => xs.map((r) => [r.canonical ?? r.metric, r.value, r.unit]);
  return { results: rows(doc.results), targets: rows(doc.targets) };
}
const keysIn = (text: string) => findIndicators(text).map((m) => m.indicator.key);

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const corpus = existsSync(CORPUS);
if (!corpus) console.warn(`figure-subjects: ${CORPUS} is absent; the quotes are not checked against their files`);
/** A sentence quoted from a report: checked against the file at that line (seeds always; the corpus where present). */
const quoted = (file: string, line: number, quote: string) => {
  const path = file.startsWith('seeds/') ? join(ROOT, file) : join(CORPUS, file);
  if (existsSync(path)) expect(readFileSync(path, 'utf8').split('\n')[line - 1], `${file}:${line}`).toContain(quote.replace(/[。；，]$/, ''));
  return quote;
};

describe('分别: values pair, in order, with the subjects before it', () => {
  test('two subjects, one unknown to the dictionary: only the second value of each list is 地方一般预算收入', () => {
    const s = quoted('hebei/保定市_2010.txt', 21, '全部财政收入和地方一般预算收入分别完成166.6亿元和73.3亿元，可比增长21.6%和22%。');
    expect(report(s).results.filter(([k]) => k === 'fiscal-revenue')).toEqual([
      ['fiscal-revenue', 73.3, '亿元'],
      ['fiscal-revenue', 22, '%'],
    ]);
  });
  test('three subjects sharing the last one’s noun (第一产业 + 增加值, 规模以上工业 + 增加值)', () => {
    const s = quoted('prefecture-2024/内江.txt', 7, '第一产业、规模以上工业、服务业增加值分别增长4.2%、9.4%、8.2%；');
    expect(report(s).results).toEqual([
      ['primary-value-added', 4.2, '%'],
      ['industrial-value-added', 9.4, '%'],
      ['services-value-added', 8.2, '%'],
    ]);
  });
  test('the three sectors as one list, in results (第一、二、三产业增加值分别增长…)', () => {
    const s = quoted('hebei/河北省_2004.txt', 54, '第一、二、三产业增加值分别增长5．9％、14．3％、10％。');
    expect(report(s).results).toEqual([
      ['primary-value-added', 5.9, '%'],
      ['secondary-value-added', 14.3, '%'],
      ['services-value-added', 10, '%'],
    ]);
  });
  test('…and in targets (第一、第二、第三产业增加值分别增长2%、5.5%和6.5%)', () => {
    const s = quoted('prefecture-2024/成都.txt', 105, '其中第一、第二、第三产业增加值分别增长2%、5.5%和6.5%');
    expect(report('生产总值增长5%。', `地区生产总值增长6%左右，${s}。`).targets.slice(1)).toEqual([
      ['primary-value-added', 2, '%'],
      ['secondary-value-added', 5.5, '%'],
      ['services-value-added', 6.5, '%'],
    ]);
  });
  test('a list after the items it pairs with: "A 9632元，B 3686元，分别增长11%和6.2%"', () => {
    const s = quoted('hebei/保定市_2006.txt', 41, '城镇居民人均可支配收入9632元，农民人均纯收入3686元，分别增长11%和6.2%。');
    expect(report(s).results).toEqual([
      ['urban-income', 9632, '元'],
      ['rural-income', 3686, '元'],
      ['urban-income', 11, '%'],
      ['rural-income', 6.2, '%'],
    ]);
  });
  test('…and an item before it the dictionary does not know keeps its own value (全部财政收入 18.1%)', () => {
    const s = quoted('hebei/河北省_2007.txt', 50, '全部财政收入达到1223.1亿元，其中地方一般预算收入620.2亿元，分别增长18.1%和20.3％。');
    expect(report(s).results).toEqual([
      ['fiscal-revenue', 620.2, '亿元'],
      ['fiscal-revenue', 20.3, '%'],
    ]);
  });
  test('城乡 expands to 城镇 and 农村 for a list of levels and a list of growths alike', () => {
    const s = quoted('hebei/河北省_2015.txt', 21, '城乡居民人均可支配收入分别达到24220元和10200元，增长9%和11%，居民消费价格指数上涨2%。');
    expect(report(s).results).toEqual([
      ['urban-income', 24220, '元'],
      ['rural-income', 10200, '元'],
      ['urban-income', 9, '%'],
      ['rural-income', 11, '%'],
      ['cpi', 2, '%'],
    ]);
  });
  test('the seeds’ form stays right: 城镇和农村居民人均可支配收入分别增长4%6.2% (commas lost in extraction)', () => {
    const s = quoted('seeds/003_88f1127700d663e6.txt', 32, '一般公共预算收入56亿元,增长2.7%城镇和农村居民人均可支配收入分别增长4%6.2%');
    expect(report(`${s}。`).results.slice(2)).toEqual([
      ['urban-income', 4, '%'],
      ['rural-income', 6.2, '%'],
    ]);
  });
});

describe('older and variant names of the income indicators', () => {
  test('城市居民人均可支配收入 is the urban income (older wording), not all residents’', () => {
    const s = quoted('hebei/保定市_2010.txt', 45, '城市居民人均可支配收入增长11%，农民人均纯收入增长8%');
    expect(report('生产总值增长5%。', `${s}。`).targets).toEqual([
      ['urban-income', 11, '%'],
      ['rural-income', 8, '%'],
    ]);
  });
  test('in a review, with the 分别 list after both items', () => {
    const s = quoted('hebei/保定市_2010.txt', 27, '城市居民人均可支配收入13555元，农民人均纯收入4677元，分别增长10.1%和8%。');
    expect(report(s).results).toEqual([
      ['urban-income', 13555, '元'],
      ['rural-income', 4677, '元'],
      ['urban-income', 10.1, '%'],
      ['rural-income', 8, '%'],
    ]);
  });
  test('城镇、乡村居民人均可支配收入: 乡村 is rural', () => {
    const s = quoted('hebei/保定市_2021.txt', 14, '城镇、乡村居民人均可支配收入分别达到3.4万元、1.7万元，');
    expect(report(s).results).toEqual([
      ['urban-income', 3.4, '万元'],
      ['rural-income', 1.7, '万元'],
    ]);
  });
  test.each([
    ['城镇居民可支配收入增长5％左右', 'urban-income'],
    ['农村居民人均纯收入增长6%', 'rural-income'],
    ['农民人均纯收入增长8%', 'rural-income'],
  ])('%s → %s', (text, key) => {
    expect(keysIn(text)).toEqual([key]);
  });
});

test('登记失业率 without 城镇 is the unemployment rate (found in the hand check: 保定 2010 review)', () => {
  const s = quoted('hebei/保定市_2010.txt', 27, '就业形势总体稳定，城镇新增就业7.6万人，登记失业率控制在4.5%以内。');
  expect(report(s).results).toEqual([
    ['urban-employment', 7.6, '万人'],
    ['unemployment', 4.5, '%'],
  ]);
});

describe('exports are not total trade', () => {
  test('外贸出口 is exports', () => {
    const s = quoted('hebei/河北省_2000.txt', 28, '外贸出口31.2亿美元，增长0.1％。');
    expect(report(s).results).toEqual([
      ['exports', 31.2, '亿美元'],
      ['exports', 0.1, '%'],
    ]);
  });
  test('实际利用外资和外贸出口 分别: foreign investment, then exports', () => {
    const s = quoted('hebei/河北省_2013.txt', 25, '对外开放步伐明显加快，实际利用外资和外贸出口年均分别增长15%和11.8%。');
    expect(report(s).results).toEqual([
      ['foreign-investment', 15, '%'],
      ['exports', 11.8, '%'],
    ]);
  });
  test.each(['出口总额增长6.8%', '出口总值增长5.5%', '外贸出口总额增长8%'])('%s is exports', (text) => {
    expect(keysIn(text)).toEqual(['exports']);
  });
  test('进出口 and 外贸进出口 stay total trade; 外贸进口 is neither', () => {
    expect(keysIn('外贸进出口总额增长5%以上')).toEqual(['trade']);
    expect(keysIn('进出口总值增长5.5%')).toEqual(['trade']);
    expect(keysIn('外贸进口额突破900亿元')).toEqual([]);
  });
  test('省外资金 (funds from other provinces) is not foreign investment', () => {
    const s = quoted('hebei/河北省_2000.txt', 28, '引进省外资金、技术、人才，分别增长29％、23.6％和63.9％。');
    expect(report(s).results).toEqual([]);
  });
});

describe('a name followed by words that make it another measure', () => {
  test('对世界经济增长贡献率 is not GDP growth', () => {
    const s = quoted('national/national-2018.txt', 12, '国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%，占世界经济比重从11.4%提高到15%左右，对世界经济增长贡献率超过30%');
    const results = report(`${s}。`).results;
    expect(results.filter(([k]) => k === 'gdp').map(([, v]) => v)).not.toContain(30);
    expect(results.filter(([k]) => k === 'gdp').map(([, v]) => v)).not.toContain(15);
  });
  test('现代服务业对经济增长贡献率达到50% states no GDP figure', () => {
    const s = quoted('hebei/保定市_2021.txt', 14, '现代服务业对经济增长贡献率达到50%');
    expect(report(`${s}。`).results).toEqual([]);
  });
  test('a share of an indicator is not the indicator: 出口总额占全省比重, 占规模以上工业增加值比重', () => {
    const a = quoted('hebei/保定市_2026.txt', 16, '出口总额占全省比重由10.1%提高到20.5%');
    const b = quoted('hebei/河北省_2004.txt', 55, '高新技术产业增加值占规模以上工业增加值比重由11．2％提高到12％以上');
    expect(report(`${a}。${b}。`).results).toEqual([]);
  });
  test.each([
    ['外贸贡献率46%', 'trade'],
    ['外资占比40.9%', 'foreign-investment'],
    ['服务业增加值比重达到46.1%', 'services-value-added'],
    ['民间投资占固定资产投资比重达40%以上', 'fixed-asset-investment'],
    ['外贸依存度38.7%', 'trade'],
    ['外贸增量占全区外贸增量的63%', 'trade'],
  ])('%s is not %s', (text, key) => {
    expect(keysIn(text)).not.toContain(key);
  });
  test('a ratio indicator’s own share is still the indicator: 研发经费支出占GDP比重 is R&D intensity', () => {
    expect(keysIn('全社会研发经费支出占GDP比重2.85%以上')).toContain('rd-intensity');
    expect(keysIn('高新技术产业产值占比达到60%以上')).toEqual(['high-tech-share']);
  });
});

describe('a five-year review is not a five-year goal (found in the hand check of 30 rows)', () => {
  const fiveYears = (paragraph: string) => {
    const text = `河北省2030年政府工作报告\n\n——2030年1月10日在河北省第十四届人民代表大会第一次会议上\n\n河北省省长 李四\n\n各位代表：\n\n一、“十四五”时期发展回顾和“十五五”时期主要目标\n\n${paragraph}\n\n二、2030年工作安排\n\n今年经济社会发展的主要预期目标是：生产总值增长5%左右。\n`;
    const doc = parseSources([{ file: 'a.txt', bytes: new TextEncoder().encode(text) }]).documents[0]!;
    return doc.targets.filter((t) => t.horizon === 'five-year').map((t) => [t.canonical, t.value, t.year]);
  };
  test('"从2015年的2.6万亿元增长到2020年的3.62万亿元" is what was done, not a goal for 2020', () => {
    const s = quoted('hebei/河北省_2021.txt', 34, '全省生产总值从2015年的2.6万亿元增长到2020年的3.62万亿元，一般公共预算收入从2649.2亿元增长到3826.4亿元');
    expect(fiveYears(`这五年，${s}。`)).toEqual([]);
  });
  test('"到2035年，…" in the same part is still a goal', () => {
    expect(fiveYears('到2035年，生产总值突破8万亿元，一般公共预算收入达到6000亿元。')).toEqual([
      ['gdp', 80000, 2035],
      ['fiscal-revenue', 6000, 2035],
    ]);
  });
});
