/**
 * Grading by parts. Some reports set one target for residents' income (居民人均可支配收入增长5.4%)
 * and the next review states only its parts (城镇和农村居民人均可支配收入分别增长4%、6.2%). Each part
 * is graded against the whole's target; the row takes their verdict when they agree (marked as
 * graded by parts) and is "mixed" when they do not. The all-residents growth usually lies between
 * the urban and the rural one, though urbanisation can lift it a little above both, so agreement
 * is reported as such, never as the whole's own figure. Pure and browser-safe.
 */
import type { ComparisonFlag, ComparisonPart, Verdict } from './schema.ts';
import { INDICATORS, indicator as indicatorByKey } from '../indicators.ts';
import { side, type Item } from './side.ts';
import { BLOCKING_FLAGS } from './plausibility.ts';
import { GRADED, VERDICT_LABELS, grade, type BenchmarkFigure } from './verdicts.ts';

/** An indicator and the parts a review may state instead of it: 居民收入 → 城镇, 农村 (and 城乡居民 as the dictionary expands it). */
export const INDICATOR_PARTS: Readonly<Record<string, readonly string[]>> = {
  'disposable-income': ['urban-income', 'rural-income'],
  ...Object.fromEntries(INDICATORS.filter((i) => i.expands).map((i) => [i.key, i.expands!])),
};


export interface PartsJudgement {
  verdict: Verdict;
  rule: string;
  ruleEn: string;
  parts: ComparisonPart[];
  flags: ComparisonFlag[];
}

const label = (key: string) => indicatorByKey(key)?.label ?? key;
const shortLabel = (key: string) => label(key).replace(/居民人均可支配收入$/, '');

/**
 * Judge target `t` by the parts `found` (each part key with the result the next review states,
 * or null). Null when no part is stated: the caller then says the indicator was not reported.
 */
export function judgeByParts(
  t: Item,
  found: { key: string; item: Item | null }[],
  nextId: string,
  bench: { benchmark: BenchmarkFigure | null; benchmarkNeed?: string } = { benchmark: null },
): PartsJudgement | null {
  const stated = found.filter((f): f is { key: string; item: Item } => f.item !== null);
  if (stated.length === 0) return null;
  const whole = label(t.key);
  const parts: ComparisonPart[] = stated.map(({ key, item }) => {
    const g = grade(t.fig, item.fig, { indicatorKey: key, ...bench });
    const blocking = item.flags.filter((f) => BLOCKING_FLAGS.has(f.code));
    const verdict: Verdict = blocking.length && GRADED.has(g.verdict) ? 'check-source' : g.verdict;
    return {
      indicator: { key, label: label(key) },
      result: side(item),
      verdict,
      verdictLabel: VERDICT_LABELS[verdict].zh,
      rule: verdict === 'check-source' ? `${blocking.map((f) => f.message).join(' ')} 若数字无误：${g.rule}` : g.rule,
    };
  });
  const listed = parts.map((p) => `${shortLabel(p.indicator.key)}${p.result.estimate ? '预计' : ''}${p.result.stated}（${p.verdictLabel}）`).join('，');
  const listedEn = parts.map((p) => `${p.indicator.key} ${p.result.value}${p.result.unit ?? ''} (${p.verdict})`).join(', ');
  const head = `${nextId}的回顾没有${whole}本身的数字，分别给出${listed}`;
  const headEn = `The review in ${nextId} states no figure for the indicator itself, only its parts: ${listedEn}`;
  const flags: ComparisonFlag[] = [];
  if (stated.length < found.length) {
    const missing = found.filter((f) => !f.item).map((f) => label(f.key)).join('、');
    return {
      verdict: 'not-gradable',
      parts,
      flags,
      rule: `${head}；没有${missing}的数字，只凭部分分项无法评判。`,
      ruleEn: `${headEn}; no figure for ${found.filter((f) => !f.item).map((f) => f.key).join(', ')}, so it is not graded on some parts alone.`,
    };
  }
  const verdicts = new Set(parts.map((p) => p.verdict));
  if (verdicts.has('check-source')) {
    return { verdict: 'check-source', parts, flags, rule: `${head}；其中有数字待核对原文，暂不评判。`, ruleEn: `${headEn}; a part’s figure needs checking, so it is not graded.` };
  }
  if (![...verdicts].every((v) => GRADED.has(v))) {
    return { verdict: 'not-gradable', parts, flags, rule: `${head}；无法逐项评判。`, ruleEn: `${headEn}; the parts cannot all be graded.` };
  }
  if (verdicts.size === 1) {
    const v = parts[0]!.verdict;
    flags.push({
      code: 'graded-by-parts',
      message: `${whole}本身的增速未报告，按分项评判：${listed}，结论一致。全体居民增速通常介于两者之间，但城镇化可使其略高于两者。`,
    });
    return {
      verdict: v,
      parts,
      flags,
      rule: `${head}；各分项结论一致，按分项记为${VERDICT_LABELS[v].zh}。`,
      ruleEn: `${headEn}; the parts agree, so the row is graded ${v} by its parts.`,
    };
  }
  return {
    verdict: 'mixed',
    parts,
    flags,
    rule: `${head}；各分项结论不一，记为“分项不一”，不替全体居民推算。`,
    ruleEn: `${headEn}; the parts disagree, so the row is “mixed”; no figure for all residents is inferred.`,
  };
}
