/**
 * The one renderer from a stated figure to words, used by the targets card, the comparison
 * rows, charts and downloads: 增长6%左右, 超过1000亿元, 年均增长5.5%以上, 6%—6.5%.
 * Qualifiers that stand before the number in Chinese (超过, 突破, 不低于 …) go before it;
 * the rest (左右, 以上, 以内 …) after it. Browser-safe.
 */
import type { StatedFigure } from '../schema.ts';
import { indicator } from '../indicators.ts';
import { formatNumber } from './verdicts.ts';

export type Horizon = 'annual' | 'five-year';

const BEFORE_QUALIFIER = /^(不低于|不少于|不高于|不超过|超过|突破|低于|不到|高于|约|超)/;

/** A figure in words as stated: 增长6%左右, 超过1000亿元, 年均增长5.5%以上, 增速高于全省平均水平. */
export function statedFigure(
  f: Pick<StatedFigure, 'kind' | 'value' | 'valueMax' | 'unit' | 'qualifier' | 'comparator'> & { canonical?: string | null },
  horizon: Horizon = 'annual',
): string {
  if (f.comparator === 'qualitative' || f.kind === 'qualitative') return f.qualifier ?? '（定性表述）';
  if (f.value === null) return f.comparator === 'above-benchmark' ? `增速${f.qualifier ?? ''}` : (f.qualifier ?? '');
  const q = f.qualifier ?? '';
  const pre = BEFORE_QUALIFIER.test(q) ? q : '';
  const post = pre ? '' : q;
  const u = f.unit ?? '';
  const range = (a: number, b: number | null) => (b === null ? `${formatNumber(a)}${u}` : `${formatNumber(a)}${u === '%' ? '%' : ''}—${formatNumber(b)}${u}`);
  if (f.kind === 'growth') {
    const verb = f.value < 0 ? '下降' : ((f.canonical && indicator(f.canonical)?.riseVerb) ?? '增长');
    const avg = horizon === 'five-year' ? '年均' : '';
    return `${avg}${verb}${pre}${range(Math.abs(f.value), f.valueMax === null ? null : Math.abs(f.valueMax))}${post}`;
  }
  return `${pre}${range(f.value, f.valueMax)}${post}`;
}

