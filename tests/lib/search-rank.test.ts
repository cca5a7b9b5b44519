import { describe, expect, it } from 'vitest';
import { compareRank, containsFolded, excerpt, matchRanges, rankKey, type MatchInfo } from '../../src/lib/search/rank.ts';
import { diffQuote, trimQuote } from '../../src/lib/search/quote.ts';

const m = (runStarts: number[], wordStarts: number[][] = [runStarts], converted = false): MatchInfo => ({ runStarts, wordStarts, converted });

describe('ranking', () => {
  it('puts the whole run before words apart, whatever the position', () => {
    const run = rankKey(m([90]), 5);
    const apart = rankKey(m([], [[0], [3]]), 0);
    expect(compareRank(run, apart)).toBeLessThan(0);
  });
  it('then the earlier occurrence, then the more frequent, then document order', () => {
    const keys = [rankKey(m([10]), 0), rankKey(m([2, 40]), 3), rankKey(m([2]), 1), rankKey(m([2, 30, 50]), 9), rankKey(m([2]), 0)];
    const sorted = [...keys].sort(compareRank).map((k) => [k.first, k.count, k.order]);
    expect(sorted).toEqual([[2, 3, 9], [2, 2, 3], [2, 1, 0], [2, 1, 1], [10, 1, 0]]);
  });
  it('ranks hits found only after Traditional → Simplified conversion after those found as typed', () => {
    expect(compareRank(rankKey(m([50], [[50]], false), 9), rankKey(m([0], [[0]], true), 0))).toBeLessThan(0);
    expect(rankKey(m([], [[1], [2]], true), 0).tier).toBe(3);
  });
});

describe('matchRanges and excerpts', () => {
  const text = '预计全年生产总值增长６％左右，一般公共预算收入增长5.4%。';
  it('finds the phrase in the text as written, through full-width forms', () => {
    const r = matchRanges(text, ['增长6%左右']);
    expect(r).toHaveLength(1);
    expect(text.slice(...r[0]!)).toBe('增长６％左右');
    expect(containsFolded(text, '增长6%左右')).toBe(true);
    expect(containsFolded(text, '增长7%左右')).toBe(false);
  });
  it('merges overlapping hits so marks never nest', () => {
    expect(matchRanges('发展发展', ['发展发', '展发展'])).toEqual([[0, 4]]);
    expect(matchRanges('aXa', ['a'])).toEqual([[0, 1], [2, 3]]);
  });
  it('handles characters outside the BMP', () => {
    const t = '𠮷野家的𠮷字';
    const r = matchRanges(t, ['𠮷字']);
    expect(t.slice(...r[0]!)).toBe('𠮷字');
  });
  it('cuts a window around the first hit with ellipses and marks every hit inside', () => {
    const long = `${'甲'.repeat(100)}目标${'乙'.repeat(10)}目标${'丙'.repeat(100)}`;
    const segs = excerpt(long, matchRanges(long, ['目标']), 60, 10);
    expect(segs[0]).toEqual({ text: `…${'甲'.repeat(10)}`, mark: false });
    expect(segs.at(-1)!.text.endsWith('丙…')).toBe(true);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['目标', '目标']);
    expect(segs.map((s) => s.text).join('')).toHaveLength(62);
  });
  it('ends the window before a hit it would cut in two', () => {
    const t = `${'甲'.repeat(10)}目标${'乙'.repeat(20)}目标${'丙'.repeat(30)}`;
    const segs = excerpt(t, matchRanges(t, ['目标']), 28, 5);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['目标']);
    expect(segs.at(-1)!.text).toBe(`${'乙'.repeat(20)}…`);
  });
  it('shows a short paragraph whole', () => {
    expect(excerpt('坚持稳中求进。', matchRanges('坚持稳中求进。', ['稳中']))).toEqual([
      { text: '坚持', mark: false },
      { text: '稳中', mark: true },
      { text: '求进。', mark: false },
    ]);
  });
});

describe('quote check diff', () => {
  const source = '积极融入全省绿色低碳高质量发展先行区建设，全力打造共同富裕先行区，不断开创“精致城市·幸福威海”建设新局面';
  it('calls a quote exact when only width, spaces and line breaks differ', () => {
    const d = diffQuote(source, '积极融入全省绿色低碳高质量发展先行\n区建设,全力打造共同富裕先行区,不断开创“精致城市·幸福威海”建设新局面');
    expect(d.exact).toBe(true);
    expect(d.parts).toEqual([{ text: source, kind: 'same' }]);
  });
  it('marks a changed word: missing from the quote and added by it', () => {
    const d = diffQuote('全年生产总值增长6%左右', '全年生产总值增长7%左右');
    expect(d.exact).toBe(false);
    expect(d.punctuationOnly).toBe(false);
    expect(d.parts).toEqual([
      { text: '全年生产总值增长', kind: 'same' },
      { text: '6', kind: 'missing' },
      { text: '7', kind: 'added' },
      { text: '%左右', kind: 'same' },
    ]);
  });
  it('tells punctuation-only differences apart (‘’ for “” inside a quotation)', () => {
    const d = diffQuote(source, source.replace('“', '‘').replace('”', '’'));
    expect(d.exact).toBe(false);
    expect(d.punctuationOnly).toBe(true);
  });
  it('trims quotation marks and stray punctuation from a pasted quote', () => {
    expect(trimQuote(' “让绿色低碳成为高质量发展最鲜明的底色”。 ')).toBe('让绿色低碳成为高质量发展最鲜明的底色');
  });
});

describe('ranking: the report before the coverage that quotes it', () => {
  it('a coverage hit comes after a report hit of the same tier, however early it starts', () => {
    const report = rankKey(m([80]), 5, 'report');
    const coverage = rankKey(m([2], [[2]]), 1, 'coverage');
    expect(compareRank(report, coverage)).toBeLessThan(0);
  });
  it('but the whole run as typed still comes first', () => {
    const coverageRun = rankKey(m([40]), 9, 'coverage');
    const reportApart = rankKey(m([], [[0], [3]]), 0, 'report');
    expect(compareRank(coverageRun, reportApart)).toBeLessThan(0);
  });
});
