/**
 * Shared by the target and result extractors: turning the figures read after
 * indicator names into statement records (metric, canonical key, value …),
 * with shared predicates ("固定资产投资、一般公共预算收入稳定增长") and
 * 分别 lists ("城乡居民人均可支配收入分别增长6%、7.5%") spread over their indicators.
 */
import { readFigures, qualitative, TARGET_VERB, type Figure } from './figures.ts';
import { findIndicators, indicator, type IndicatorMention } from '../indicators.ts';

export interface Statement {
  metric: string;
  canonical: string | null;
  figure: Figure;
  /** Offsets of the quoted words inside the text they were read from. */
  start: number;
  end: number;
}

/**
 * Group mentions that share one predicate: joined by 、 和 及 与 or nothing at all, also across
 * names the dictionary does not know ("粮食总产量、生态环境、节能降碳等指标全面完成任务").
 */
export function groupMentions(text: string, mentions: IndicatorMention[]): IndicatorMention[][] {
  const groups: IndicatorMention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const between = text.slice(prev?.end ?? 0, m.start);
    const nounsOnly = /^[、和及与]([\u4e00-\u9fa5“”"]{1,12}[、和及与])+$/.test(between) && !TARGET_VERB.test(between);
    if (prev && (/^[、和及与]?$/.test(between) || nounsOnly)) last!.push(m);
    else groups.push([m]);
  }
  return groups;
}

/** Statements for one group of mentions given the figures read from its predicate. */
export function spread(group: IndicatorMention[], figures: Figure[], start: number, end: number, both = false): Statement[] {
  const out: Statement[] = [];
  const targets: { metric: string; canonical: string | null }[] = [];
  for (const m of group) {
    const expands = m.indicator.expands;
    // 城乡居民人均可支配收入分别增长6%、8%: one figure each for town and country; 均增长7%: the same for both.
    if (expands && figures.every((f) => f.value !== null) && (figures.length === expands.length || (both && figures.length === 1))) {
      for (const k of expands) targets.push({ metric: indicator(k)!.label, canonical: k });
    } else targets.push({ metric: m.name, canonical: m.indicator.key });
  }
  if (!figures.length) {
    for (const t of targets) out.push({ ...t, figure: qualitative(''), start, end });
    return out;
  }
  if (figures.length === targets.length && targets.length > 1) {
    targets.forEach((t, k) => out.push({ ...t, figure: figures[k]!, start, end }));
    return out;
  }
  for (const t of targets) for (const f of figures) out.push({ ...t, figure: f, start, end });
  return out;
}

/**
 * Statements in a clause of the form NAME PREDICATE [NAME PREDICATE …], where
 * punctuation between items may have been lost ("生产总值增长5.5%规上工业增加值增长7.5%").
 * `maxLead` limits how far after the name a figure may start (results read long sentences).
 */
export function statementsIn(text: string, opts: { qualitativeToo: boolean; maxLead?: number; stopAt?: RegExp }): Statement[] {
  const mentions = findIndicators(text);
  const groups = groupMentions(text, mentions);
  const out: Statement[] = [];
  groups.forEach((group, g) => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    let predEnd = groups[g + 1]?.[0]!.start ?? text.length;
    if (opts.stopAt) {
      const stop = opts.stopAt.exec(text.slice(last.end, predEnd));
      if (stop) predEnd = last.end + stop.index;
    }
    const predicate = text.slice(last.end, predEnd);
    let figures = readFigures(predicate, last.name);
    if (opts.maxLead !== undefined) {
      // Keep the first growth and the first level near the name, and any figures listed right
      // after a kept one ("分别达到48565元和25463元", "年均增长5.7%、7%"); later numbers belong to other things.
      // A figure right after one already read ("完成1185.4亿元，增长10.4%", "达到30145.79亿元、增长6.1%") is near too.
      const kept: typeof figures = [];
      const seen = new Set<string>();
      let chainEnd = -1;
      for (const f of figures) {
        const prev = kept[kept.length - 1];
        const listed = prev && prev.kind === f.kind && /^[、和及与,，\s]*$/.test(predicate.slice(prev.end, f.start));
        if (listed) {
          kept.push(f);
          chainEnd = f.end;
          continue;
        }
        const chained = chainEnd >= 0 && /^[、,，\s]*(比上年|同比|较上年|比去年)?$/.test(predicate.slice(chainEnd, f.start));
        if (f.start > opts.maxLead && !chained) break;
        chainEnd = f.end;
        const k = f.kind === 'share' ? 'level' : f.kind;
        if (seen.has(k)) continue;
        seen.add(k);
        kept.push(f);
      }
      figures = kept;
    }
    if (!figures.length && !opts.qualitativeToo) return;
    const quoteEnd = figures.length && opts.maxLead !== undefined ? last.end + Math.max(...figures.map((f) => f.end)) : predEnd;
    const start = first.start;
    if (!figures.length) {
      const q = qualitative(predicate);
      out.push(...spread(group, [q], start, trimEnd(text, predEnd)));
      return;
    }
    const statements = spread(group, figures, start, trimEnd(text, quoteEnd), /^\s*均/.test(predicate));
    // Results quote each figure up to its own number: "一般公共预算收入673.9亿元" and "…，增长6.1%".
    if (opts.maxLead !== undefined) for (const s of statements) s.end = trimEnd(text, last.end + s.figure.end);
    out.push(...statements);
  });
  return out;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s，,；;。、]/.test(text[e - 1]!)) e--;
  return e;
}
