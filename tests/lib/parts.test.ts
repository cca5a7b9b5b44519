/**
 * Parts of a report whose review is numbered like its tasks: a line that names the part
 * ("2023年工作回顾", "过去五年回顾和2002年工作情况") stands above numbered items, and the first
 * report of a new term reviews five years with the last year's figures inside. Lines are
 * quoted from ../shared/corpus (file and line in the comments), so the tests run without it.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { reportParser } from '../../src/lib/parse/structure.ts';
import { attachIds } from '../../src/lib/parse/ids.ts';
import { attachParts, partOfHeading } from '../../src/lib/parse/parts.ts';
import { extractResults } from '../../src/lib/parse/results.ts';
import type { ReportNodeData } from '../../src/lib/parse/mdast-data.ts';

const processor = unified().use(reportParser).use(attachIds).use(attachParts).use(extractResults).freeze();

function run(lines: string[], year: number) {
  const file = new VFile({ value: lines.join('\n\n'), path: 'x.txt', data: { meta: { year, reviewYear: year - 1 } } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const headings = tree.children
    .filter((n) => n.type === 'heading' && n.depth === 2)
    .map((n) => [toString(n), (n.data as ReportNodeData).part]);
  return { tree, file, headings };
}

// ../shared/corpus/hebei/河北省_2003.txt: the first report of a new term. Its review (lines 85–171)
// is a five-year review numbered 一、…六、 under an unnumbered line, followed by the year's figures
// (line 153); the proposals (line 173 on) are numbered 一、…九、 again.
const HEBEI_2003 = [
  '各位代表：', // line 81
  '现在，我代表河北省人民政府向大会作工作报告，请予审议。并请省政协各位委员和列席会议的同志提出意见。', // line 83
  '过去五年回顾和2002年工作情况', // line 85
  '省九届人大一次会议以来的五年，是跨世纪发展的重要时期。在邓小平理论和“三个代表”重要思想指引下，在党中央、国务院和中共河北省委的领导下，经过全省人民的共同努力，较好地完成了省九届人大各次会议确定的主要任务。', // line 87
  '一、国民经济持续快速健康发展。贯彻中央扩大内需的一系列方针政策，推动经济快速增长和经济结构不断优化。2002年全省国内生产总值达到6076亿元，五年平均增长9．5％；全部财政收入544亿元，按可比口径年均增长10％。三次产业比例由1997年的19．3：48．9：31．8，调整到2002年的15．6：49．9：34．5。', // line 89
  '六、人民生活总体上达到小康水平。全省人均国内生产总值达到9047元，按现行汇率计算接近1100美元。城镇居民人均可支配收入6660元，年均增长6．1％；农民人均纯收入2685元，年均增长3．3％；恩格尔系数分别由41．9％、50．3％，下降到35．4％和40％。城乡居民住房条件明显改善。城镇低收入居民基本生活得到保障。五年共投入扶贫专项资金56．8亿元，发放救灾款10．6亿元，农村大多数贫困人口温饱问题基本得到解决。', // line 151
  '刚刚过去的2002年，全省人民奋发进取，团结奋斗，胜利完成了省九届人大五次会议确定的各项任务。实现国内生产总值比上年增长9．6％；全部财政收入按可比口径增长8．9％；城镇居民人均可支配收入、农民人均纯收入分别增长11．3％和3％。', // line 153 (first three sentences)
  '对今后五年和2003年政府工作的建议', // line 173
  '展的主要预期目标是：国内生产总值比上年增长9％，财政收入同口径增长8．5％。城镇居民人均可支配收入增长7％左右，农民人均纯收入增长3．5％左右。', // line 221 (first two sentences)
  '实现上述目标，建议重点抓好九个方面的工作：', // line 223
  '一、继续坚持扩大内需方针，发挥投资和消费对经济增长的双重拉动作用', // line 225
  '扩大内需是经济发展的基本立足点和长期战略方针。要切实保持政策的连续性和稳定性，进一步扩大投资和消费需求，增强对经济增长的拉动力。', // line 227
];

// ../shared/corpus/prefecture-2024/资阳.txt: a one-year review numbered 一、…六、 under “2023年工作回顾”.
const ZIYANG_2024 = [
  '2023年工作回顾', // line 5
  '一、全力以赴稳定经济增长，发展质效稳步提升', // line 11
  '六、持续用力转作风提效能，自身建设不断加强', // line 53
  '主题教育扎实开展。始终坚持把党的政治建设摆在首位，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。', // line 55 (first two sentences)
  '2024年工作安排', // line 69
  '一、聚力战略引领，提升区域协同发展能级', // line 81
  '七、聚力依法高效，全面加强政府自身建设', // line 131
];

describe('a review numbered like the tasks', () => {
  it('is the review when a line above it names the review (a five-year review)', () => {
    const { headings } = run(HEBEI_2003, 2003);
    expect(headings).toEqual([
      ['国民经济持续快速健康发展', 'review'],
      ['人民生活总体上达到小康水平', 'review'],
      ['继续坚持扩大内需方针，发挥投资和消费对经济增长的双重拉动作用', 'tasks'],
    ]);
  });

  it('is the review for one year too, and the tasks start at the line that names them', () => {
    const { headings } = run(ZIYANG_2024, 2024);
    expect(headings).toEqual([
      ['全力以赴稳定经济增长，发展质效稳步提升', 'review'],
      ['持续用力转作风提效能，自身建设不断加强', 'review'],
      ['聚力战略引领，提升区域协同发展能级', 'tasks'],
      ['聚力依法高效，全面加强政府自身建设', 'government'],
    ]);
  });

  it('does not read the targets paragraph that follows the line naming the tasks as results', () => {
    const { file } = run(HEBEI_2003, 2003);
    const lines = new Set((file.data.results ?? []).map((r) => r.line));
    // Paragraph 9 of the excerpt is line 221's target sentence (blank lines between: 2k+1).
    expect(lines.has(2 * 8 + 1)).toBe(false);
  });

  it('reads the last year’s results in a five-year review with their year, and keeps averages apart', () => {
    const { file } = run(HEBEI_2003, 2003);
    const gdp = (file.data.results ?? []).filter((r) => r.canonical === 'gdp' && r.figure.kind === 'growth');
    // 实现国内生产总值比上年增长9．6％ (line 153): the year reviewed, 2002.
    expect(gdp.filter((r) => r.horizon === 'annual').map((r) => [r.figure.value, r.year])).toEqual([[9.6, 2002]]);
    // 五年平均增长9．5％ (line 89) is a five-year average, not 2002's growth.
    expect(gdp.filter((r) => r.horizon === 'five-year').map((r) => r.figure.value)).toEqual([9.5]);
    // 年均增长6．1％ (line 151) likewise.
    const income = (file.data.results ?? []).filter((r) => r.canonical === 'urban-income' && r.figure.kind === 'growth');
    expect(income.map((r) => [r.figure.value, r.horizon])).toEqual([[6.1, 'five-year'], [11.3, 'annual']]);
  });
});

describe('a heading that names a year', () => {
  const o = (year: number) => ({ appendix: false, afterReview: false, coverage: false, year });
  it('is the review when the year is past, the tasks when it is the report’s own', () => {
    // ../shared/corpus/prefecture-2024/绍兴.txt lines 5 and 39.
    expect(partOfHeading('2023年主要工作', o(2024))).toBe('review');
    expect(partOfHeading('2024年主要目标和重点工作', o(2024))).toBe('tasks');
    // ../shared/corpus/prefecture-2024/益阳.txt lines 5 and 27 (lines that name a part).
    expect(partOfHeading('奋力完成2023年高质量发展的各项任务', o(2024))).toBe('review');
    expect(partOfHeading('全力实现2024年高质量发展的奋斗目标', o(2024))).toBe('tasks');
    // ../shared/corpus/national/national-1956.txt: full-width digits.
    expect(partOfHeading('１９５５年国家决算', o(1956))).toBe('review');
    // ../shared/corpus/hebei/河北省_2023.txt: the report's own year with 目标任务.
    expect(partOfHeading('2023年目标任务和主要工作', o(2023))).toBe('tasks');
  });
});

describe('results in a review that name their own year', () => {
  const results = (line: string, year: number) => run(['一、过去五年工作回顾', line], year).file.data.results ?? [];
  it('read a figure stated for an earlier year with that year', () => {
    // ../shared/corpus/hebei/河北省_2021.txt line 34 (first two sentences): the 2015 level, not 2020's.
    const r = results('这五年，我们坚定不移贯彻新发展理念，在推动高质量发展中提升综合实力。全省生产总值从2015年的2.6万亿元增长到2020年的3.62万亿元。', 2021);
    expect(r.filter((x) => x.canonical === 'gdp').map((x) => [x.figure.value, x.year])).toEqual([[26000, 2015]]);
    // ../shared/corpus/national/national-1980.txt line 65: 1979's trade in the 1980 report.
    const trade = results('1979年进出口贸易总额比上年增长28％，1980年上半年又比去年同期增长20.2％。', 1980);
    expect(trade.map((x) => [x.figure.value, x.year, x.horizon])).toEqual([[28, 1979, 'annual']]);
  });
  it('treat a change against a base year further back as a multi-year figure', () => {
    // ../shared/corpus/hebei/河北省_2011.txt line 30 (first sentence): 比2005年下降20% spans 2006–2010.
    const a = results('“十一五”节能减排目标如期实现，单位生产总值能耗比2005年下降20%，化学需氧量、二氧化硫排放量比2005年削减15%以上，淘汰落后产能任务超额完成。', 2011);
    expect(a.filter((x) => x.canonical === 'energy-intensity').map((x) => [x.figure.value, x.horizon])).toEqual([[-20, 'five-year']]);
    // ../shared/corpus/hebei/河北省_2013.txt line 21 (from 2012年单位…, first clause): the year named is 2012, the base 2007.
    const b = results('2012年单位生产总值能耗比2007年下降22%。', 2013);
    expect(b.map((x) => [x.figure.value, x.horizon, x.year])).toEqual([[-22, 'five-year', 2012]]);
  });
  it('keep a change against the year before as that year’s', () => {
    // A level in a later clause keeps the year reviewed: "是2005年的3.5倍" is about another figure
    // (../shared/corpus/hebei/河北省_2011.txt line 30).
    const r = results('高新技术产业增加值达到1220亿元、是2005年的3.5倍，旅游业总收入突破915亿元、是2005年的2.3倍，服务业增加值6850亿元。', 2011);
    expect(r.filter((x) => x.canonical === 'services-value-added').map((x) => [x.figure.value, x.year, x.horizon])).toEqual([[6850, 2010, 'annual']]);
  });
});

describe('averages in a five-year review', () => {
  it('are averages with 分别 between 年均 and 增长', () => {
    // ../shared/corpus/hebei/河北省_2013.txt line 25 (the clause).
    const r = run(['一、过去五年工作回顾', '对外开放步伐明显加快，实际利用外资和外贸出口年均分别增长15%和11.8%。'], 2013).file.data.results ?? [];
    expect(r.map((x) => [x.canonical, x.figure.value, x.horizon])).toEqual([['foreign-investment', 15, 'five-year'], ['exports', 11.8, 'five-year']]);
  });
});
