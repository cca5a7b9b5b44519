/**
 * Every verdict rule of src/lib/compare/verdicts.ts, with the edge cases the issue names:
 * 增长6%左右 vs 3% is missed; 增长5.5%以上 vs 5.5% is met; ranges; 不低于; 高于全省 and
 * 与经济增长同步 graded only with the needed figure, otherwise not gradable.
 */
import { describe, expect, test } from 'vitest';
import { RULES, VERDICT_LABELS, grade, type GradableFigure } from '../../src/lib/compare/verdicts.ts';
import { VerdictSchema } from '../../src/lib/compare/schema.ts';

function fig(over: Partial<GradableFigure>): GradableFigure {
  return { kind: 'growth', value: null, valueMax: null, unit: '%', qualifier: null, comparator: 'exact', benchmark: null, ...over };
}
const growth = (value: number, comparator: GradableFigure['comparator'] = 'exact', qualifier: string | null = null) =>
  fig({ value, comparator, qualifier });
const actual = (value: number, unit = '%', kind: GradableFigure['kind'] = 'growth') => fig({ value, unit, kind });
const v = (t: GradableFigure, a: GradableFigure, key = 'gdp') => grade(t, a, { indicatorKey: key }).verdict;

describe('左右 (about): ±0.5 percentage points', () => {
  const t = growth(6, 'about', '左右');
  test('增长6%左右 vs 3% is missed', () => expect(v(t, actual(3))).toBe('missed'));
  test.each([
    [5.5, 'met'], [5.49, 'missed'], [6, 'met'], [6.5, 'met'], [6.51, 'exceeded'], [7, 'exceeded'],
  ])('6%左右 vs %s → %s (boundaries included)', (a, want) => expect(v(t, actual(a))).toBe(want));
  test('floating-point noise does not move a boundary: 5.5%左右 vs 5.0 is met', () => {
    expect(v(growth(5.5, 'about', '左右'), actual(5.0))).toBe('met');
    expect(v(growth(5.3, 'about', '左右'), actual(4.8))).toBe('met');
  });
  test('levels: ±2% of the target', () => {
    const level = fig({ kind: 'level', value: 2000, unit: '亿元', comparator: 'about', qualifier: '左右' });
    expect(v(level, actual(1960, '亿元', 'level'))).toBe('met');
    expect(v(level, actual(1959, '亿元', 'level'))).toBe('missed');
    expect(v(level, actual(2041, '亿元', 'level'))).toBe('exceeded');
  });
  test('the rule is stated with this case’s numbers', () => {
    const g = grade(t, actual(3), { indicatorKey: 'gdp' });
    expect(g.rule).toContain('0.5个百分点');
    expect(g.rule).toContain('目标6%左右');
    expect(g.rule).toContain('实际3%');
    expect(g.ruleEn).toMatch(/0\.5 percentage points/);
  });
});

describe('以上 / 不低于 / 超过 (at least)', () => {
  test('增长5.5%以上 vs 5.5% is met', () => expect(v(growth(5.5, 'at-least', '以上'), actual(5.5))).toBe('met'));
  test('5.5%以上 vs 5.4 is missed; vs 6.1 is exceeded; vs 6.0 is met', () => {
    const t = growth(5.5, 'at-least', '以上');
    expect(v(t, actual(5.4))).toBe('missed');
    expect(v(t, actual(6.1))).toBe('exceeded');
    expect(v(t, actual(6.0))).toBe('met');
  });
  test('不低于 is inclusive, with unit conversion of levels (7600人 vs 不低于0.76万人)', () => {
    const t = fig({ kind: 'level', value: 0.76, unit: '万人', comparator: 'at-least', qualifier: '不低于' });
    expect(v(t, actual(7600, '人', 'level'), 'urban-employment')).toBe('met');
    expect(v(t, actual(7500, '人', 'level'), 'urban-employment')).toBe('missed');
  });
  test('超过 is strict: 超过1000亿元 vs exactly 1000 is missed', () => {
    const t = fig({ kind: 'level', value: 1000, unit: '亿元', comparator: 'at-least', qualifier: '超过' });
    expect(v(t, actual(1000, '亿元', 'level'))).toBe('missed');
    expect(v(t, actual(1001, '亿元', 'level'))).toBe('met');
  });
});

describe('no qualifier (增长6%): a figure to reach', () => {
  test.each([
    [5.3, 'missed'], [6, 'met'], [6.5, 'met'], [6.6, 'exceeded'],
  ])('6% vs %s → %s', (a, want) => expect(v(growth(6), actual(a))).toBe(want));
  test('Rongcheng 2023: 5% vs 6% is exceeded', () => expect(v(growth(5), actual(6))).toBe('exceeded'));
});

describe('以内 / 低于 (at most)', () => {
  const t = fig({ kind: 'share', value: 5.5, unit: '%', comparator: 'at-most', qualifier: '以内' });
  test.each([[5.5, 'met'], [4, 'met'], [5.6, 'missed']])('5.5%以内 vs %s → %s', (a, want) =>
    expect(v(t, actual(a, '%', 'share'), 'unemployment')).toBe(want));
  test('低于 is strict', () => {
    const strict = fig({ kind: 'share', value: 3.5, unit: '%', comparator: 'at-most', qualifier: '低于' });
    expect(v(strict, actual(3.5, '%', 'share'), 'unemployment')).toBe('missed');
    expect(v(strict, actual(3.4, '%', 'share'), 'unemployment')).toBe('met');
  });
});

describe('ranges', () => {
  const t = fig({ value: 6, valueMax: 6.5, comparator: 'range' });
  test.each([[6, 'met'], [6.5, 'met'], [6.2, 'met'], [5.9, 'missed'], [6.6, 'exceeded']])('6%—6.5% vs %s → %s', (a, want) =>
    expect(v(t, actual(a))).toBe(want));
});

describe('declines and ceilings', () => {
  test('下降3% is mirrored: a 4% fall exceeds it, a 2% fall misses it', () => {
    const t = growth(-3);
    expect(v(t, actual(-4), 'energy-intensity')).toBe('exceeded');
    expect(v(t, actual(-3), 'energy-intensity')).toBe('met');
    expect(v(t, actual(-2), 'energy-intensity')).toBe('missed');
  });
  test('CPI 3%左右 is a ceiling: 3.5 met, 3.6 missed, 1.0 met (not “missed” for being low)', () => {
    const t = growth(3, 'about', '左右');
    expect(v(t, actual(3.5), 'cpi')).toBe('met');
    expect(v(t, actual(3.6), 'cpi')).toBe('missed');
    expect(v(t, actual(1), 'cpi')).toBe('met');
  });
});

describe('benchmarks: graded only when the figure exists, never guessed', () => {
  const above = fig({ comparator: 'above-benchmark', qualifier: '高于全省', benchmark: '全省' });
  test('高于全省 without the province figure is not gradable, and says what is missing', () => {
    const g = grade(above, actual(7), { indicatorKey: 'retail-sales', benchmarkNeed: '山东省2024年社会消费品零售总额增速' });
    expect(g.verdict).toBe('not-gradable');
    expect(g.rule).toContain('山东省2024年社会消费品零售总额增速');
    expect(g.rule).toContain('不作推测');
  });
  test('高于全省 with the figure: strictly higher is met, equal is missed', () => {
    const bench = { label: '山东省2024年社会消费品零售总额增速', value: 6, unit: '%' };
    expect(grade(above, actual(6.1), { indicatorKey: 'retail-sales', benchmark: bench }).verdict).toBe('met');
    expect(grade(above, actual(6), { indicatorKey: 'retail-sales', benchmark: bench }).verdict).toBe('missed');
    const notBelow = fig({ comparator: 'above-benchmark', qualifier: '不低于全省', benchmark: '全省' });
    expect(grade(notBelow, actual(6), { indicatorKey: 'retail-sales', benchmark: bench }).verdict).toBe('met');
  });
  const inStep = fig({ comparator: 'in-step', qualifier: '与经济增长同步', benchmark: '经济增长' });
  const gdp = { label: '荣成市2030年生产总值增速', value: 5.2, unit: '%' };
  test('与经济增长同步 without GDP growth is not gradable', () => {
    expect(grade(inStep, actual(5.6), { indicatorKey: 'disposable-income' }).verdict).toBe('not-gradable');
  });
  test.each([[5.6, 'met'], [4.7, 'met'], [4.6, 'missed'], [5.8, 'exceeded']])('与经济增长同步 (GDP 5.2%) vs %s → %s', (a, want) => {
    const g = grade(inStep, actual(a), { indicatorKey: 'disposable-income', benchmark: gdp });
    expect(g.verdict).toBe(want);
    expect(g.rule).toContain('荣成市2030年生产总值增速5.2%');
  });
  test('不低于经济增速 is at least GDP growth', () => {
    const t = fig({ comparator: 'at-least', qualifier: '不低于经济增速', benchmark: '经济增长' });
    expect(grade(t, actual(5.2), { indicatorKey: 'urban-income', benchmark: gdp }).verdict).toBe('met');
    expect(grade(t, actual(5.1), { indicatorKey: 'urban-income', benchmark: gdp }).verdict).toBe('missed');
    expect(grade(t, actual(5.1), { indicatorKey: 'urban-income' }).verdict).toBe('not-gradable');
  });
});

describe('not gradable and check source', () => {
  test('qualitative targets are not gradable', () => {
    const g = grade(fig({ kind: 'qualitative', comparator: 'qualitative', qualifier: '稳中提质', unit: null }), actual(12), { indicatorKey: 'trade' });
    expect(g.verdict).toBe('not-gradable');
    expect(g.rule).toContain('稳中提质');
  });
  test('a growth target in % against a change in 个百分点 is a unit mismatch → check source', () => {
    expect(v(growth(6), actual(1, '个百分点'))).toBe('check-source');
  });
  test('levels in units that measure different things → check source', () => {
    const t = fig({ kind: 'level', value: 3.3, unit: '万人', comparator: 'exact' });
    expect(v(t, actual(3.3, '亿元', 'level'))).toBe('check-source');
  });
});

test('every verdict has a Chinese and an English label, and every comparator a rule in words', () => {
  for (const verdict of VerdictSchema.options) {
    expect(VERDICT_LABELS[verdict].zh).toMatch(/\p{Script=Han}/u);
    expect(VERDICT_LABELS[verdict].en).toMatch(/[a-z]/);
  }
  const covered = new Set(RULES.map((r) => r.comparator));
  for (const c of ['about', 'exact', 'at-least', 'at-most', 'range', 'above-benchmark', 'in-step', 'qualitative']) expect(covered).toContain(c);
});
