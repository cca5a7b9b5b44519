/**
 * What changed from last year, over the Rongcheng seeds (2021–2024 are consecutive), asserted
 * against the source lines: targets side by side, sentences kept, changed, new and gone, and the
 * 提法 that appear or disappear.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, doc, parsedSeeds } from './seeds.ts';
import { maskedKey, reportChanges, similarity } from '../../src/lib/compare/changes.ts';
import { consecutivePairs } from '../../src/data/catalog.ts';
import { parseSources } from '../../src/lib/parse/index.ts';

const SRC = readFileSync(join(ROOT, 'seeds', '003_88f1127700d663e6.txt'), 'utf8').split('\n');
const line = (n: number) => SRC[n - 1]!;
const c24 = () => reportChanges(doc('rongcheng-2023'), doc('rongcheng-2024'));

describe('Rongcheng 2023 → 2024', () => {
  test('targets side by side: GDP 5% → 5.5%, industry 10% → 7.5%, income 5.4% → 5.5%, services dropped', () => {
    expect(line(237)).toContain('建议主要预期目标为:生产总值增长5%,规上工业增加值增长10%,服务业增加值增长5%');
    expect(line(66)).toContain('建议主要预期目标为:生产总值增长5.5%规上工业增加值增长7.5%');
    const t = new Map(c24().targets.map((x) => [x.key, x]));
    expect([t.get('gdp')!.from!.stated, t.get('gdp')!.to!.stated, t.get('gdp')!.delta]).toEqual(['增长5%', '增长5.5%', 0.5]);
    expect(t.get('industrial-value-added')!.delta).toBe(-2.5);
    expect(t.get('disposable-income')!.delta).toBe(0.1);
    expect([t.get('services-value-added')!.from!.stated, t.get('services-value-added')!.to]).toEqual(['增长5%', null]);
    // 稳定增长 (2023) against 增长5.5% (2024): one row, no number to subtract.
    expect([t.get('fiscal-revenue')!.from!.stated, t.get('fiscal-revenue')!.to!.stated, t.get('fiscal-revenue')!.delta]).toEqual(['稳定增长', '增长5.5%', null]);
    expect(t.get('gdp')!.to!.url).toMatch(/^\/reports\/rongcheng-2024\/#s\d[^:]*:~:text=/);
  });
  test('the opening sentence is changed, not new: “荣成” and the old wording out, the new wording in', () => {
    expect(line(195)).toBe('现在,我代表荣成市人民政府向大会报告工作,请予审议,并请各位政协委员、列席会议的同志提出意见。');
    expect(line(22)).toBe('现在,我代表市人民政府向大会报告工作,请予审议,并请各位政协委员和列席的同志提出意见。');
    const s = c24().sentences.find((x) => x.text.startsWith('现在,我代表市人民政府'))!;
    expect(s.status).toBe('changed');
    const removed = s.pieces!.filter((p) => p.kind === 'removed').map((p) => p.text).join('');
    const added = s.pieces!.filter((p) => p.kind === 'added').map((p) => p.text).join('');
    expect(removed).toContain('荣成');
    expect(removed).toContain('并请各位政协委员、列席会议的同志提出意见。');
    expect(added).toBe('并请各位政协委员和列席的同志提出意见。');
    // Putting the pieces back together gives each year's sentence.
    expect(s.pieces!.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(line(195));
    expect(s.pieces!.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(line(22));
  });
  test('new this year and gone since last year, each linking to its paragraph', () => {
    const c = c24();
    const added = c.sentences.find((x) => x.text === '——我们把大抓经济、勇争一流的发展主线贯穿始终。')!;
    expect(line(32).startsWith(added.text)).toBe(true);
    expect(added.status).toBe('new');
    expect(added.documentId).toBe('rongcheng-2024');
    const p = doc('rongcheng-2024').paragraphs.find((x) => x.id === added.paragraphId)!;
    expect(p.text).toContain(added.text);
    expect(added.url).toBe(`/reports/rongcheng-2024/#${added.paragraphId}:~:text=${encodeURIComponent('——我们把大抓经济、勇争一流的发展主线贯穿始终').replace(/-/g, '%2D')}`);
    const gone = c.sentences.find((x) => x.text === '——我们众志成城,有效应对了疫情防控大考。')!;
    expect(line(203).startsWith(gone.text)).toBe(true);
    expect(gone.status).toBe('gone');
    expect(gone.documentId).toBe('rongcheng-2023');
    expect(c.counts.new + c.counts.changed + c.counts.kept + c.counts.moved).toBeGreaterThan(150);
  });
  test('提法: “八个质量更高” is new in 2024; 疫情防控 (four times in 2023) is gone', () => {
    const c = c24();
    expect(line(64)).toContain('着力推动“八个质量更高”');
    expect(c.phrases.added.quoted.map((p) => p.text)).toContain('八个质量更高');
    const epidemic = c.phrases.removed.repeated.find((p) => p.text === '疫情防控')!;
    expect(epidemic.count).toBe(4);
    expect(epidemic.documentId).toBe('rongcheng-2023');
    for (const l of SRC.slice(0, 174)) expect(l).not.toContain('疫情防控');
    expect(SRC.slice(178, 339).join('').split('疫情防控').length - 1).toBe(4);
    // A term used in both years is in neither list.
    expect(c.phrases.added.repeated.map((p) => p.text)).not.toContain('高质量发展');
  });
});

describe('consecutive years', () => {
  test('Rongcheng 2022, 2023 and 2024 each have a page; Weihai 2025 (an excerpt) is compared on the parts both have', () => {
    const pairs = consecutivePairs(parsedSeeds().documents);
    expect(pairs.filter((p) => p.region.slug === 'rongcheng').map((p) => p.to.year)).toEqual([2022, 2023, 2024]);
    const w = pairs.find((p) => p.region.slug === 'weihai')!;
    const c = reportChanges(w.from, w.to);
    expect(c.skipped.map((s) => s.part)).toContain('review');
    expect(c.sentences.every((s) => s.part !== 'review')).toBe(true);
  });
  test('numbers are masked for matching; similarity is 1 for the same text', () => {
    expect(maskedKey('生产总值增长6%，')).toBe(maskedKey('生产总值增长5.5%'));
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
  });
});

describe('a changed qualifier is a change', () => {
  // The shape of hebei/河北省_2023.txt → 2024: 规模以上工业增加值增长5.5%以上 → 增长5.5%左右.
  const report = (year: number, targets: string) =>
    `各位代表：\n现在，我代表河北省人民政府向大会作政府工作报告，请予审议。\n一、${year - 1}年工作回顾\n过去一年经济回升。\n二、${year}年工作安排\n主要预期目标是：${targets}。\n`;
  const bytes = (t: string) => new TextEncoder().encode(t);
  const r = parseSources([
    { file: 'a.txt', bytes: bytes(report(2023, '地区生产总值增长6%左右，规模以上工业增加值增长5.5%以上，社会消费品零售总额增长6%以上')) },
    { file: 'b.txt', bytes: bytes(report(2024, '地区生产总值增长5.5%左右，规模以上工业增加值增长5.5%左右，社会消费品零售总额增长6%以上')) },
  ]);
  const t = new Map(reportChanges(r.documents[0]!, r.documents[1]!).targets.map((x) => [x.key, x]));

  test('以上 → 左右 at the same number is said, not "unchanged"', () => {
    expect([t.get('industrial-value-added')!.delta, t.get('industrial-value-added')!.qualifierChange]).toEqual([0, { from: '以上', to: '左右' }]);
  });
  test('the same words, or a number that moved under the same words, carry no qualifier change', () => {
    expect([t.get('retail-sales')!.delta, t.get('retail-sales')!.qualifierChange]).toEqual([0, null]);
    expect([t.get('gdp')!.delta, t.get('gdp')!.qualifierChange]).toEqual([-0.5, null]);
  });
});
