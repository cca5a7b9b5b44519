/** Unit tests for each stage of the parser, on small inputs. */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/lib/parse/classify.ts';
import { decodeSource } from '../../src/lib/text/decode.ts';
import { readFigures } from '../../src/lib/parse/figures.ts';
import { attachIds } from '../../src/lib/parse/ids.ts';
import { findIndicators, labelFor } from '../../src/lib/indicators.ts';
import { bestMatch } from '../../src/lib/search/index.ts';
import { foldForMatch } from '../../src/lib/text/index.ts';
import { npcSessionYear } from '../../src/lib/parse/metadata.ts';
import { attachParts, partOfHeading } from '../../src/lib/parse/parts.ts';
import { findDivision } from '../../src/lib/parse/regions.ts';
import { leadPoint, reportParser, splitHeading } from '../../src/lib/parse/structure.ts';
import { diagnosticsOf, MESSAGE_SOURCE } from '../../src/lib/parse/messages.ts';
import { extractTargets, targetItems } from '../../src/lib/parse/targets.ts';
import { splitLines } from '../../src/lib/text/index.ts';
import { readDate } from '../../src/lib/parse/years.ts';

const line = (s: string) => classifyLine(splitLines(s)[0]!);

describe('classify', () => {
  it.each([
    ['一、2023年政府工作回顾', 'heading', 1, '一'],
    ['（三）着力实施科教兴市战略', 'heading', 2, '（三）'],
    ['(三)以抢抓机遇的竞争精神', 'heading', 2, '（三）'],
    ['1. 扩大内需', 'heading', 3, '1'],
    ['——经济增长量质齐升。', 'bullet', undefined, undefined],
    ['——2023年1月8日', 'cover-date', undefined, undefined],
    ['——2024116', 'cover-date', undefined, undefined],
    ['政 府 工 作 报 告', 'cover-title', undefined, undefined],
    ['在荣成市第十九届人民代表大会第二次会议上', 'cover-session', undefined, undefined],
    ['荣成市市长  郑跃文', 'cover-speaker', undefined, undefined],
    ['各位代表：', 'salutation', undefined, undefined],
    ['请扫二维码', 'residue', undefined, undefined],
    ['<script>alert(1)</script>', 'html', undefined, undefined],
    ['2024年是新中国成立75周年，也是实施“十四五”规划的关键一年。', 'body', undefined, undefined],
    ['一年来，我们以高质量过万亿为目标奋力冲刺。', 'body', undefined, undefined],
  ])('%s → %s', (text, kind, level, ordinal) => {
    const c = line(text);
    expect([c.kind, c.level, c.ordinal]).toEqual([kind, level, ordinal]);
  });

  it('marks the opening act, not thanks', () => {
    expect(line('现在，我代表威海市人民政府向大会报告工作，请予审议。').opening).toBe(true);
    expect(line('我受中共中央和国务院的委托，向大会作关于农业发展纲要的报告。').opening).toBe(true);
    expect(line('在此，我代表国务院，向全国各族人民表示诚挚感谢！').opening).toBe(false);
  });
});

describe('headings and lead points', () => {
  it('cuts a heading at its full stop, or at a comma when punctuation was lost', () => {
    expect(splitHeading('聚焦聚力扩内需稳外需，推动经济持续回升向好。实施项目建设提速行动。')).toEqual({ heading: '聚焦聚力扩内需稳外需，推动经济持续回升向好', cut: 22, uncertain: false });
    const lost = '以创新突破的积极作为推动产业升级纵深迈进大力推行链长制,加快建链、补链、延链、强链,推动产业链供应链优化升级并取得积极进展和成效';
    // Near the length of its siblings, the next sentence's opening verb (大力) marks the cut.
    expect(splitHeading(lost, 20)).toMatchObject({ heading: '以创新突破的积极作为推动产业升级纵深迈进', uncertain: true });
    // With no such verb in reach, the first comma does.
    expect(splitHeading('以创新突破的积极作为推动产业升级纵深迈进推行链长制,加快建链、补链、延链、强链,推动产业链供应链优化升级并取得积极进展', 20)).toMatchObject({ heading: '以创新突破的积极作为推动产业升级纵深迈进推行链长制', uncertain: true });
  });
  it('finds lead points only where the first sentence is a short phrase', () => {
    expect(leadPoint('实施项目建设提速行动。按照“1+6”工作思路……')).toBe('实施项目建设提速行动。');
    expect(leadPoint('过去的一年，我们树牢大抓经济工作的鲜明导向。')).toBeNull();
    expect(leadPoint('各位代表！过去一年很不平凡。')).toBeNull();
  });
});

describe('the unified pipeline on its own', () => {
  const processor = unified().use(reportParser).use(attachIds).use(attachParts).use(extractTargets).freeze();
  const run = (text: string) => {
    const file = new VFile({ value: text, path: 'x.txt', data: { meta: { year: 2024, reviewYear: 2023 } } });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    return { tree, file };
  };
  it('builds headings by depth, paragraphs, and one list per run of —— points', () => {
    const { tree } = run('一、回顾\n——甲。\n——乙。\n正文。\n（一）分项\n段落。');
    expect(tree.children.map((n) => (n.type === 'heading' ? `h${n.depth}` : n.type))).toEqual(['h2', 'list', 'paragraph', 'h3', 'paragraph']);
    const list = tree.children[1]!;
    expect(list.type === 'list' && list.children.length).toBe(2);
    expect(toString(tree.children[3]!)).toBe('分项');
  });
  it('attaches ids from the report’s own numbering and paragraph positions', () => {
    const { tree } = run('各位代表：\n二、任务\n正文一。\n（三）分项\n段落一。\n段落二。');
    const ids: string[] = [];
    const visit = (n: Root['children'][number]) => {
      if ('data' in n && n.data && 'id' in n.data) ids.push((n.data as { id: string }).id);
    };
    tree.children.forEach(visit);
    expect(ids).toEqual(['s0-p1', 's2', 's2-p1', 's2-3', 's2-3-p1', 's2-3-p2']);
  });
  it('extracts targets into file.data', () => {
    const { file } = run('二、2024年目标\n主要预期目标为：生产总值增长5.5%左右，城镇新增就业3.3万人。');
    expect(file.data.targets!.map((t) => [t.canonical, t.figure.value, t.figure.unit, t.figure.qualifier])).toEqual([
      ['gdp', 5.5, '%', '左右'],
      ['urban-employment', 3.3, '万人', null],
    ]);
  });
  it('reports on the file (file.message with place and ruleId) and keeps residue characters on the message', () => {
    const text = '一、回顾\n请扫二维码\n正文。';
    const { file, tree } = run(text);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal, m.source])).toEqual([['web-residue', 2, 1, false, MESSAGE_SOURCE]]);
    const [d] = diagnosticsOf(file);
    expect(d).toMatchObject({ file: 'x.txt', line: 2, ruleId: 'web-residue', severity: 'warning', text: '请扫二维码' });
    expect(text.slice(d!.startOffset, d!.endOffset)).toBe('请扫二维码');
    expect(toString(tree)).not.toContain('二维码');
  });
});

describe('figures', () => {
  it.each([
    ['增长5.5%左右', 'growth', 5.5, null, '%', '左右', 'about'],
    ['增长5.5%以上', 'growth', 5.5, null, '%', '以上', 'at-least'],
    ['增长6%—6.5%', 'growth', 6, 6.5, '%', null, 'range'],
    ['稳定在70万吨以上', 'level', 70, null, '万吨', '稳定在以上', 'at-least'],
    ['下降3%', 'growth', -3, null, '%', null, 'exact'],
    ['超过千亿元', 'level', 1000, null, '亿元', '超过', 'at-least'],
    ['突破1万亿元', 'level', 10000, null, '亿元', '突破', 'at-least'],
    ['增速高于全省', 'growth', null, null, null, '高于全省', 'above-benchmark'],
    ['与经济增长同步', 'growth', null, null, null, '与经济增长同步', 'in-step'],
    // national-1956.txt: older reports group thousands (full-width digits and comma).
    ['粮食总产量达到３，６８０亿斤', 'level', 3680, null, '亿斤', null, 'exact'],
    ['增加到1,011,038万元', 'level', 1011038, null, '万元', null, 'exact'],
    // national-1998.txt:42: letter-spaced digits.
    ['城镇居民人均可支配收入达到5 1 6 0 元', 'level', 5160, null, '元', null, 'exact'],
    ['年均实际增长5 ．4 ％', 'growth', 5.4, null, '%', null, 'exact'],
    // hebei/保定市_2009.txt:41: 万元 here is per ten thousand yuan, not a level of 10000 元.
    ['万元生产总值综合能耗下降4.8%', 'growth', -4.8, null, '%', null, 'exact'],
  ])('%s', (text, kind, value, valueMax, unit, qualifier, comparator) => {
    const [f] = readFigures(text);
    expect(f).toMatchObject({ kind, value, valueMax, unit, comparator });
    expect(f!.qualifier?.replace('稳定在', '') ?? null).toBe(qualifier?.replace('稳定在', '') ?? null);
  });
  it('splits items whose commas were lost', () => {
    expect(targetItems('生产总值增长5.5%规上工业增加值增长7.5%,一般公共预算收入增长5.5%固定资产投资增长7%').map((s) => [s.canonical, s.figure.value])).toEqual([
      ['gdp', 5.5], ['industrial-value-added', 7.5], ['fiscal-revenue', 5.5], ['fixed-asset-investment', 7],
    ]);
  });
});

describe('indicators', () => {
  it('use the national name for the whole country', () => {
    const gdp = findIndicators('地区生产总值')[0]!.indicator;
    expect([labelFor(gdp, 'national'), labelFor(gdp, 'county')]).toEqual(['国内生产总值', '地区生产总值']);
  });
  it('tells look-alikes apart', () => {
    expect(findIndicators('万元生产总值能耗下降').map((m) => m.indicator.key)).toEqual(['energy-intensity']);
    expect(findIndicators('数字经济核心产业增加值占生产总值比重').map((m) => m.indicator.key)).toEqual([]);
    expect(findIndicators('跨境电商进出口增长50%').map((m) => m.indicator.key)).toEqual([]);
    expect(findIndicators('规上工业增加值和地区生产总值').map((m) => m.indicator.key)).toEqual(['industrial-value-added', 'gdp']);
  });
});

describe('dates, regions, parts', () => {
  it('reads dates without guessing', () => {
    expect(readDate('——2023年1月8日')).toMatchObject({ year: 2023, iso: '2023-01-08', problem: null });
    expect(readDate('——二〇二三年一月八日')).toMatchObject({ year: 2023, iso: '2023-01-08' });
    expect(readDate('——2024116')).toMatchObject({ year: 2024, iso: null });
    expect(readDate('——20240206')).toMatchObject({ year: 2024, iso: '2024-02-06' });
  });
  it('finds divisions with codes and parents', () => {
    expect(findDivision('荣成市')).toMatchObject({ code: '371082', level: 'county' });
    expect(findDivision('烟台')).toMatchObject({ name: '烟台市', level: 'prefecture' });
    expect(findDivision('国务院')).toMatchObject({ level: 'national' });
  });
  it('dates a session of the National People’s Congress', () => {
    expect(npcSessionYear(1, 2)).toBe(1955);
    expect(npcSessionYear(5, 2)).toBe(1979);
    expect(npcSessionYear(10, 1)).toBe(2003);
    expect(npcSessionYear(13, 1)).toBe(2018);
  });
  it('names the part of a report', () => {
    const o = { appendix: false, afterReview: true, coverage: false };
    expect(partOfHeading('2023年政府工作回顾', o)).toBe('review');
    expect(partOfHeading('全面加强政府自身建设', o)).toBe('government');
    expect(partOfHeading('2024年重点工作', o)).toBe('tasks');
  });
});

describe('decoding and matching', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeSource('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });
  it('folds width, spaces and line breaks for matching', () => {
    expect(foldForMatch('增长６％ 左右，\n全年')).toBe(foldForMatch('增长6%左右,全年'));
  });
  it('keeps passages aligned after characters outside the BMP', () => {
    expect(bestMatch('好吃', [{ text: '𠮷野家，好吃。' }])).toMatchObject({ passage: '好吃', start: 5 });
  });
  it('finds a quote exactly, or the closest passage when misquoted', () => {
    const paras = [{ text: '今年，我们要全面推动绿色低碳转型，让绿色低碳成为高质量发展最鲜明的底色。' }, { text: '别的段落。' }];
    expect(bestMatch('让绿色低碳成为高质量发展最鲜明的底色', paras)).toMatchObject({ similarity: 1, passage: '让绿色低碳成为高质量发展最鲜明的底色' });
    const mis = bestMatch('让绿色低碳成为高质量发展最亮丽的底色', paras)!;
    expect(mis.paragraph).toBe(paras[0]);
    expect(mis.similarity).toBeGreaterThan(0.7);
    expect(mis.similarity).toBeLessThan(1);
  });
});
