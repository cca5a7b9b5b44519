/**
 * The rules that read real reports (issue 9): region and year from the strongest evidence,
 * the evidence recorded on each document, kinds, targets in their many forms, not-set targets,
 * results, and layout undone (long lines, broken lines). Texts are short excerpts of real reports.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/lib/parse/index.ts';
import { readFigures } from '../../src/lib/parse/figures.ts';
import { cutPoints, splitLongLines } from '../../src/lib/parse/reflow.ts';
import { sourceOffset } from '../../src/lib/parse/records.ts';
import { notSetStatements, targetItems } from '../../src/lib/parse/targets.ts';
import { splitLines } from '../../src/lib/text/index.ts';

const doc = (text: string) => parseText(text).documents[0]!;
const OPENING = (who: string) => `各位代表：\n现在，我代表${who}，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n`;

describe('region from the strongest evidence', () => {
  it('a 市人民政府 is not one of its districts or counties (泰安 → 泰山区 before)', () => {
    const d = doc(
      `${OPENING('市人民政府')}一、2023年工作回顾\n泰安市地区生产总值增长6%。泰山区、岱岳区、新泰市、肥城市、宁阳县、东平县协同发展，泰山区泰山区泰山区泰山区旅游收入增长，泰安市泰安市。\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右。\n`,
    );
    expect(d.region).toMatchObject({ name: '泰安市', level: 'prefecture' });
    expect(d.evidence.region).toMatchObject({ rule: 'government-and-place-names', strength: 'weak' });
  });

  it('names the weak evidence in a diagnostic', () => {
    const r = parseText(`${OPENING('市人民政府')}一、2023年工作回顾\n泰安市泰安市泰安市，泰山区。\n二、2024年工作安排\n今年工作。\n`);
    expect(r.diagnostics.find((x) => x.ruleId === 'region-weak-evidence')?.message).toContain('泰安市');
  });

  it('municipalities are province level; 省直辖县级市 are county level under their province', () => {
    expect(doc(`${OPENING('北京市人民政府')}一、2023年工作回顾\n北京。\n`).region).toMatchObject({ name: '北京市', level: 'province' });
    const qianjiang = doc(`${OPENING('市人民政府')}一、2023年工作回顾\n潜江经济增长。湖北省委、湖北省政府支持潜江、潜江、潜江龙虾。全市全市全市我市我市。湖北湖北。\n`);
    expect(qianjiang.region).toMatchObject({ name: '潜江市', level: 'county', parents: [{ name: '湖北省' }] });
  });

  it('reads the speaker office, 代理 included, and the title line of a scraped page', () => {
    const d = doc('2026年西藏自治区政府工作报告\n——2026年1月31日在西藏自治区第十二届人民代表大会第四次会议上\n自治区代理主席 嘎玛泽登\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作。\n一、2025年工作回顾\n过去一年。\n');
    expect(d.region).toMatchObject({ name: '西藏自治区', level: 'province' });
    expect(d.evidence.region).toMatchObject({ strength: 'strong' });
    expect(d.speaker).toEqual({ office: '自治区代理主席', name: '嘎玛泽登' });
    expect(d.year).toBe(2026);
    expect(d.evidence.year).toMatchObject({ rule: 'cover-date', strength: 'strong' });
  });

  it('行署 speaks for a 盟 or a 地区', () => {
    const d = doc('各位主任、委员：\n下面，我代表行署作工作报告，请各位主任、委员和列席同志提出意见。\n一、2023年工作回顾\n锡林郭勒盟经济增长，锡林浩特市、二连浩特市、锡林浩特市。全盟全盟全盟。锡林郭勒。\n');
    expect(d.region).toMatchObject({ name: '锡林郭勒盟', level: 'prefecture' });
    expect(d.kind).toBe('report');
  });
});

describe('year from the strongest evidence', () => {
  it('unnumbered parts "2023年工作回顾 / 2024年工作安排" give 2024, not 2025', () => {
    const d = doc(`${OPENING('市人民政府')}2023年工作回顾\n2023年是开局之年。2023年经济增长。2023年。\n2024年工作安排\n2024年是关键之年。\n`);
    expect([d.year, d.reviewYear]).toEqual([2024, 2023]);
    expect(d.evidence.year).toMatchObject({ rule: 'part-headings', strength: 'strong' });
  });

  it('the cover date outranks a scraper title, and the conflict is diagnosed', () => {
    const r = parseText('标题：2018年河北省政府工作报告\n发文时间：未知\n正文：\n二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n各位代表：\n现在，我代表河北省人民政府向大会作政府工作报告，请予审议。\n一、2018年工作回顾\n过去的一年。\n');
    expect(r.documents[0]!.year).toBe(2019);
    expect(r.diagnostics.find((x) => x.ruleId === 'year-conflict')?.message).toContain('2018');
    expect(r.diagnostics.filter((x) => x.ruleId === 'page-header').map((x) => x.text)).toEqual(['标题：2018年河北省政府工作报告', '发文时间：未知', '正文：']);
  });

  it('the date printed with the cover outranks the scraped page’s own date line before it (hebei/河北省_2003.txt: 2003年01月13日, then （二〇〇三年一月十日）)', () => {
    const r = parseText('发文时间：2003-01-13\n正文：\n政府工作报告\n2003年01月13日\n政府工作报告\n在河北省第十届人民代表大会第一次会议上\n河北省代省长 季允石\n（二〇〇三年一月十日）\n各位代表：\n现在，我代表河北省人民政府向大会作政府工作报告，请予审议。\n一、过去五年回顾\n过去的五年。\n');
    expect(r.documents[0]!.date).toBe('2003-01-10');
    expect(r.documents[0]!.dateText).toBe('（二〇〇三年一月十日）');
  });

  it('a report that names itself in its opening keeps that name as its title (national/national-1956.txt line 3)', () => {
    const r = parseText('各位代表：\n现在我代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出关于１９５５年国家决算和１９５６年国家预算的报告，请予审查。\n一、１９５５年国家决算\n１９５５年国家决算的收支总数如下。\n');
    expect(r.documents[0]!.title).toBe('国务院关于1955年国家决算和1956年国家预算的报告');
    const work = parseText(`${OPENING('市人民政府')}一、2023年工作回顾\n过去一年。\n二、2024年工作安排\n今年。\n`);
    expect(work.documents[0]!.title).toMatch(/政府工作报告$/);
  });

  it('counting years is the last resort, and says so', () => {
    const r = parseText(`${OPENING('市人民政府')}我们做了很多工作，2023年全市增长，2023年改革，2023年开放。\n`);
    expect(r.documents[0]!.evidence.year).toMatchObject({ rule: 'year-counts', strength: 'weak' });
    expect(r.diagnostics.some((x) => x.ruleId === 'year-weak-evidence')).toBe(true);
  });
});

describe('kinds', () => {
  it('a five-year-plan report, a digest, a text that starts in its second part', () => {
    expect(doc('关于保定市国民经济和社会发展第十二个五年规划纲要的报告\n各位代表：\n现在，我代表保定市人民政府向大会作报告。\n一、“十一五”时期成就\n').kind).toBe('five-year-plan');
    expect(doc('王正谱在省十四届人大四次会议上的政府工作报告（摘登）\n“十四五”时期经济社会发展回顾\n1月26日，省长王正谱在省十四届人大四次会议上作政府工作报告时指出，这五年成绩显著。\n').kind).toBe('partial-report');
    expect(doc('二、2025年政府工作目标任务\n今年是关键之年。\n').kind).toBe('partial-report');
  });

  it('a report whose text starts in its review, without the salutation, is a report', () => {
    const review = '2023年是全面贯彻党的二十大精神的开局之年，我们深入贯彻落实党的二十大精神，推动经济发展稳中有进。全市地区生产总值增长2.8%，规上工业增加值增长6%。\n一年来，我们主要做了以下工作：\n（一）着力转方式、调结构，产业转型步伐持续加快。国家创新型城市建设稳步推进。\n（二）着力扩内需、稳外需，经济运行持续回升向好。全年新开工项目增长。\n';
    expect(doc(`${review}二、2024年工作安排\n今年是关键之年。\n`).kind).toBe('report');
  });

  it('a news lead before the report leaves it a report', () => {
    const d = doc('本报讯 1月8日上午，市十八届人大三次会议开幕，市长作政府工作报告。\n各位代表：\n现在，我代表威海市人民政府向大会报告工作，请予审议。\n一、2023年政府工作回顾\n');
    expect([d.kind, d.region?.name, d.year]).toEqual(['report', '威海市', 2024]);
  });
});

describe('targets in their many forms', () => {
  const rows = (list: string) => targetItems(list).map((s) => [s.canonical ?? s.metric, s.figure.value, s.figure.valueMax, s.figure.unit, s.figure.qualifier]);
  it('经济增长 is GDP; 分别 lists are one target each; qualifiers as written', () => {
    expect(rows('经济增长5.5%左右、在实际工作中努力争取更好结果，城镇调查失业率控制在5.5%左右')).toEqual([
      ['gdp', 5.5, null, '%', '左右'],
      ['unemployment', 5.5, null, '%', '左右'],
    ]);
    expect(rows('一、二、三产增加值分别增长4％、8％、6％左右')).toEqual([
      ['第一产业增加值', 4, null, '%', null],
      ['第二产业增加值', 8, null, '%', null],
      ['services-value-added', 6, null, '%', '左右'],
    ]);
    expect(rows('城镇、农村常住居民人均可支配收入分别增长6%、8.3%')).toEqual([
      ['urban-income', 6, null, '%', null],
      ['rural-income', 8.3, null, '%', null],
    ]);
  });

  it('floors and stretch goals, ranges, margins over a benchmark', () => {
    expect(rows('地区生产总值确保增长6.5%、力争7%以上')).toEqual([['gdp', 6.5, 7, '%', '确保、力争以上']]);
    expect(rows('地区生产总值增速“保8争9”')).toEqual([['gdp', 8, 9, '%', '保8争9']]);
    expect(rows('地区生产总值增长4.5%—5%')).toEqual([['gdp', 4.5, 5, '%', null]]);
    expect(rows('地区生产总值增速高于全省0.5个百分点左右')).toEqual([['gdp', 0.5, null, '个百分点', '高于全省']]);
    expect(rows('地区生产总值跨越千亿台阶，增长7%以上')).toEqual([['gdp', 1000, null, '亿元', '跨越'], ['gdp', 7, null, '%', '以上']]);
  });

  it('items the dictionary does not know keep their subject and what is said of it', () => {
    expect(rows('生态环境质量持续改善，完成国家下达的单位地区生产总值二氧化碳排放降低目标')).toEqual([
      ['生态环境质量', null, null, null, '持续改善'],
      ['单位地区生产总值二氧化碳排放降低目标', null, null, null, '完成国家下达的'],
    ]);
    expect(rows('居民收入增长和经济增长同步，考虑了促进就业增收、防范化解风险等需要')).toEqual([['disposable-income', null, null, null, '和经济增长同步']]);
  });

  it('a list runs on over the sentences that state further targets', () => {
    const d = doc(`${OPENING('自治区人民政府')}二、2026年工作安排\n经济主要预期目标是：地区生产总值增长5%左右，力争取得更好结果。一产、二产、三产增加值分别增长5%左右、5%以上、5%左右。规模以上工业增加值增长6%左右。确定上述目标，坚持实事求是。\n`);
    expect(d.targets.map((t) => t.canonical ?? t.metric)).toEqual(['gdp', '第一产业增加值', '第二产业增加值', 'services-value-added', 'industrial-value-added']);
  });

  it('a target that is explicitly not set is recorded, with its words', () => {
    expect(notSetStatements('需要说明的是，我们没有提出全年经济增速具体目标，主要因为全球疫情和经贸形势不确定性很大。')).toMatchObject([
      { canonical: 'gdp', figure: { kind: 'not-set', comparator: 'not-set', qualifier: '没有提出全年经济增速具体目标' } },
    ]);
  });
});

describe('results', () => {
  it('town and country, chained figures, the year reviewed', () => {
    const d = doc(`${OPENING('市人民政府')}一、2023年工作回顾\n初步预计，全市地区生产总值2291.5亿元，增长5.8%；城镇、农村常住居民人均可支配收入分别增长5.1%、8.2%。\n二、2024年工作安排\n`);
    expect(d.results.map((r) => [r.canonical, r.value, r.unit, r.year, r.estimate])).toEqual([
      ['gdp', 2291.5, '亿元', 2023, true],
      ['gdp', 5.8, '%', 2023, true],
      ['urban-income', 5.1, '%', 2023, true],
      ['rural-income', 8.2, '%', 2023, true],
    ]);
  });

  it('reads 百分之十二点八', () => {
    expect(readFigures('比上年增长百分之十二点八')).toMatchObject([{ kind: 'growth', value: 12.8, unit: '%' }]);
  });
});

describe('layout undone, nothing lost', () => {
  it('cuts a line with no line breaks at sentence ends and headings, keeping its line number', () => {
    const raw = `各位代表： 现在，我代表市人民政府向大会报告工作，请予审议。 一、2023年工作回顾 2023 年是枣庄发展史上具有里程碑意义的一年。${'全市上下奋勇拼搏。'.repeat(150)}`;
    const at = (s: string) => raw.indexOf(s);
    expect(cutPoints(raw)).toEqual(expect.arrayContaining([at('现在') - 1, at(' 一、'), at(' 2023 年是')]));
    const pieces = splitLongLines(splitLines(raw));
    expect(pieces.length).toBeGreaterThan(100);
    expect(pieces.every((p) => p.line === 1 && raw.slice(p.start, p.end) === p.raw)).toBe(true);
  });

  it('maps a statement in a joined paragraph back to its source characters', () => {
    const source = '今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%';
    const text = '今年经济社会发展的主要预期目标是：地区生产总值增长4.5%';
    const k = text.indexOf('地区');
    expect(source.slice(sourceOffset(source, 0, text, k), sourceOffset(source, 0, text, text.length - 1) + 1)).toBe('地区生产总值增长4.5%');
  });
});
