/** The plausibility checks that turn a verdict into "check source" (src/lib/compare/plausibility.ts). */
import { describe, expect, test } from 'vitest';
import { clauseBefore, figureFlags, isMultiYear, magnitudeFlags } from '../../src/lib/compare/plausibility.ts';

const fig = (quote: string, over: Partial<{ kind: string; value: number | null; unit: string | null }> = {}) => ({
  kind: 'growth', value: 5, unit: '%', metric: '', quote, ...over,
});

describe('figure flags', () => {
  test('growth beyond ±30% is flagged; 30% itself is not', () => {
    expect(figureFlags(fig('规上工业增加值增长31%', { value: 31 }), '', { combinedIndicator: false }).map((f) => f.code)).toEqual(['growth-out-of-range']);
    expect(figureFlags(fig('增长30%', { value: 30 }), '', { combinedIndicator: false })).toEqual([]);
    expect(figureFlags(fig('下降35%', { value: -35 }), '', { combinedIndicator: false }).map((f) => f.code)).toEqual(['growth-out-of-range']);
    expect(figureFlags(fig('总量31%', { kind: 'share', value: 31 }), '', { combinedIndicator: false })).toEqual([]);
  });
  test('the start of a change (由35.4%提高到54.8%) is flagged, the end is not', () => {
    const p = '高新技术产值占比由35.4%提高到54.8%。';
    expect(figureFlags(fig('高新技术产值占比由35.4%', { kind: 'share', value: 35.4 }), p, { combinedIndicator: false }).map((f) => f.code)).toEqual(['start-of-change']);
    expect(figureFlags(fig('高新技术产值占比由35.4%提高到54.8%', { kind: 'share', value: 54.8 }), p, { combinedIndicator: false })).toEqual([]);
  });
  test('one figure for 城乡居民 together is flagged', () => {
    expect(figureFlags(fig('城乡居民人均可支配收入分别达到48565元', { kind: 'level', value: 48565, unit: '元' }), '', { combinedIndicator: true }).map((f) => f.code)).toEqual(['combined-indicator']);
  });
});

describe('multi-year figures', () => {
  const p = '地区生产总值达到943亿元,年均增长4.8%;一般公共预算收入年均可比增长4.9%;五年来累计利用外资7亿美元,外贸进出口年均增长6.7%。';
  test.each([
    ['一般公共预算收入年均可比增长4.9%', true],
    ['利用外资7亿美元', true],
    ['地区生产总值达到943亿元', false],
  ])('%s → %s', (quote, want) => expect(isMultiYear(fig(quote), p)).toBe(want));
  test('the clause before a quote stops at the last punctuation', () => {
    expect(clauseBefore(p, '利用外资7亿美元')).toBe('五年来累计');
    expect(clauseBefore(p, 'no such words')).toBe('');
  });
});

describe('magnitude', () => {
  test('8395美元 among 1.65 and 1.25亿美元 is flagged, the others are not', () => {
    const flagged = magnitudeFlags([
      { id: 'a', value: 1.65, unit: '亿美元', quote: '实际利用外资1.65亿美元' },
      { id: 'b', value: 1.25, unit: '亿美元', quote: '实际使用外资1.25亿美元' },
      { id: 'c', value: 8395, unit: '美元', quote: '实际利用外资8395美元' },
    ]);
    expect([...flagged.keys()]).toEqual(['c']);
    expect(flagged.get('c')!.message).toContain('8395美元');
  });
  test('GDP 943 → 1000 → 1057 → 1050亿元 is plausible; a lone value has nothing to compare with', () => {
    const s = [943, 1000, 1057, 1050].map((v, i) => ({ id: String(i), value: v, unit: '亿元', quote: `${v}亿元` }));
    expect(magnitudeFlags(s).size).toBe(0);
    expect(magnitudeFlags(s.slice(0, 1)).size).toBe(0);
  });
  test('two values ten times apart are both flagged (which one is wrong cannot be told)', () => {
    expect(magnitudeFlags([{ id: 'a', value: 7600, unit: '人', quote: '' }, { id: 'b', value: 76, unit: '人', quote: '' }]).size).toBe(2);
  });
});
