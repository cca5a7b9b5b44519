/** The one renderer from a stated figure to words (src/lib/compare/figure-words.ts). */
import { describe, expect, it } from 'vitest';
import { statedFigure } from '../../src/lib/compare/index.ts';
import type { StatedFigure } from '../../src/lib/index.ts';
import { parsedSeeds } from './seeds.ts';

const fig = (over: Partial<StatedFigure> & { canonical?: string | null }) => ({
  kind: 'growth' as const, value: 6, valueMax: null, unit: '%', qualifier: null, comparator: 'exact' as const, benchmark: null, ...over,
});

describe('statedFigure', () => {
  it('puts qualifiers read before the number before it', () => {
    expect(statedFigure(fig({ kind: 'level', value: 1200, unit: '亿元', qualifier: '突破', comparator: 'at-least' }))).toBe('突破1200亿元');
    expect(statedFigure(fig({ kind: 'share', value: 47, qualifier: '超过', comparator: 'at-least' }))).toBe('超过47%');
    expect(statedFigure(fig({ value: 7, qualifier: '不低于', comparator: 'at-least' }))).toBe('增长不低于7%');
    expect(statedFigure(fig({ kind: 'share', value: 3, qualifier: '不超过', comparator: 'at-most' }))).toBe('不超过3%');
  });
  it('puts qualifiers read after the number after it', () => {
    expect(statedFigure(fig({ value: 5.5, qualifier: '左右', comparator: 'about' }))).toBe('增长5.5%左右');
    expect(statedFigure(fig({ kind: 'level', value: 70, unit: '万吨', qualifier: '以上', comparator: 'at-least' }))).toBe('70万吨以上');
    expect(statedFigure(fig({ kind: 'share', value: 5.5, qualifier: '以内', comparator: 'at-most' }))).toBe('5.5%以内');
  });
  it('writes ranges, falls, price rises and five-year averages', () => {
    expect(statedFigure(fig({ value: 6, valueMax: 6.5, comparator: 'range' }))).toBe('增长6%—6.5%');
    expect(statedFigure(fig({ kind: 'level', value: 100, valueMax: 120, unit: '亿元', comparator: 'range' }))).toBe('100—120亿元');
    expect(statedFigure(fig({ value: -3 }))).toBe('下降3%');
    expect(statedFigure(fig({ value: 3, qualifier: '左右', comparator: 'about', canonical: 'cpi' }))).toBe('上涨3%左右');
    expect(statedFigure(fig({ value: 5.5, qualifier: '以上', comparator: 'at-least' }), 'five-year')).toBe('年均增长5.5%以上');
  });
  it('states figures without a number by their qualifier', () => {
    expect(statedFigure(fig({ value: null, unit: null, qualifier: '高于全省', comparator: 'above-benchmark', benchmark: '全省' }))).toBe('增速高于全省');
    expect(statedFigure(fig({ kind: 'qualitative', value: null, unit: null, qualifier: '与经济增长同步', comparator: 'in-step' }))).toBe('与经济增长同步');
    expect(statedFigure(fig({ kind: 'qualitative', value: null, unit: null, comparator: 'qualitative' }))).toBe('（定性表述）');
  });
  it('words every seed target with its qualifier where the report puts it', () => {
    for (const d of parsedSeeds().documents) {
      for (const t of d.targets) {
        if (t.value === null || !t.qualifier) continue;
        const words = statedFigure(t, t.horizon);
        const before = /^(不低于|不少于|不高于|不超过|超过|突破|低于|不到|高于|约|超)/.test(t.qualifier);
        expect(words.indexOf(t.qualifier) < words.search(/\d/), `${d.id} ${t.id}: ${words}`).toBe(before);
      }
    }
  });
});
