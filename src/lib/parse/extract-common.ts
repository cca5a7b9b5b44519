/**
 * Shared by the target and result extractors: turning the figures read after
 * indicator names into statement records (metric, canonical key, value …),
 * with shared predicates ("固定资产投资、一般公共预算收入稳定增长") and
 * 分别 lists ("城乡居民人均可支配收入分别增长6%、7.5%", "第一产业、规模以上工业、服务业增加值
 * 分别增长4.2%、9.4%、8.2%") paired, in order, with their subjects.
 */
import { readFigures, qualitative, TARGET_VERB, type Figure } from './figures.ts';
import { findIndicators, indicator, type Indicator, type IndicatorMention } from '../indicators.ts';

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

/** The three sectors named as one list: "三次产业", "第一、二、三产业", "一产、二产、三产", "一二三产业". */
const SECTOR_LIST = /三次产业|第一、二、三产业|第一、第二、第三产业|一、二、三产业|一、二、三产|一产、二产、三产|一二三产业|一二三产|第一产业、第二产业、第三产业/;
const SECTOR_KEYS = ['primary-value-added', 'secondary-value-added', 'services-value-added'];
const SECTOR_NAMES = ['第一产业增加值', '第二产业增加值', '第三产业增加值'];

/**
 * A sector list followed by 分别 ("一二三产业增加值分别增长…") names the three sector indicators,
 * in order: one mention each, all three over the list's words.
 */
function sectorMentions(text: string, mentions: IndicatorMention[]): IndicatorMention[] {
  const out: IndicatorMention[] = [];
  for (const m of text.matchAll(new RegExp(`(?:${SECTOR_LIST.source})(?:增加值)?(?=[^，。；,;]{0,4}分别)`, 'g'))) {
    const end = m.index + m[0].length;
    if (mentions.some((x) => x.start < end && x.end > m.index)) continue;
    SECTOR_KEYS.forEach((k, i) => out.push({ indicator: indicator(k)!, name: SECTOR_NAMES[i]!, start: m.index, end }));
  }
  return out.length ? [...mentions, ...out].sort((a, b) => a.start - b.start) : mentions;
}

interface Subject {
  metric: string;
  canonical: string | null;
  /** Where the subject's words begin in the text. */
  start: number;
}

/** The indicator a subject names with the noun of the list's last subject ("城镇" + "居民人均可支配收入", "第一产业" + "增加值"), the longest that fits. */
function sharedNoun(part: string, last: string): { name: string; indicator: Indicator } | null {
  for (let k = last.length - 1; k > 0; k--) {
    const name = part + last.slice(last.length - k);
    const m = findIndicators(name).find((x) => x.end === name.length && x.start < part.length);
    if (m) return { name: name.slice(m.start), indicator: m.indicator };
  }
  return null;
}

/**
 * The subjects a 分别 list pairs with: the names before it in its clause, split at 、和与及 (never inside
 * a name the dictionary knows), back to the first one that is not a bare name. A name that expands
 * (城乡居民 → 城镇, 农村) is one subject per part; a subject the dictionary does not know (全部财政收入,
 * 规上工业总产值) keeps its place with no key.
 */
function subjectsOf(text: string, from: number, to: number, mentions: IndicatorMention[]): Subject[] {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to);
  const cuts: { start: number; end: number }[] = [];
  let partStart = from;
  for (let i = from; i < to; i++) {
    if (inside.some((m) => m.start <= i && i < m.end)) continue;
    const sep = text.startsWith('以及', i) ? 2 : /[、和与及]/.test(text[i]!) ? 1 : 0;
    if (!sep) continue;
    cuts.push({ start: partStart, end: i });
    partStart = i + sep;
    i += sep - 1;
  }
  cuts.push({ start: partStart, end: to });
  // Back from the last part to the first that states a figure or a verb: those belong to an earlier clause item.
  let first = cuts.length - 1;
  while (first > 0 && /^[\u4e00-\u9fa5“”"（）()A-Za-z&]{1,16}$/.test(text.slice(cuts[first - 1]!.start, cuts[first - 1]!.end)) && !TARGET_VERB.test(text.slice(cuts[first - 1]!.start, cuts[first - 1]!.end))) first--;
  const lastText = text.slice(cuts[cuts.length - 1]!.start, to);
  const out: Subject[] = [];
  for (const c of cuts.slice(first)) {
    const own = inside.filter((m) => m.start >= c.start && m.end <= c.end);
    if (own.length) {
      for (const m of own) {
        if (m.indicator.expands) for (const k of m.indicator.expands) out.push({ metric: indicator(k)!.label, canonical: k, start: m.start });
        else out.push({ metric: m.name, canonical: m.indicator.key, start: m.start });
      }
      continue;
    }
    // The first part may carry the end of what came before where extraction lost a comma ("增长2.7%城镇").
    const lead = /^.*[\d%％]/.exec(text.slice(c.start, c.end))?.[0].length ?? 0;
    const words = text.slice(c.start + lead, c.end);
    const shared = c.end < to ? sharedNoun(words, lastText) : null;
    out.push(shared ? { metric: shared.name, canonical: shared.indicator.key, start: c.start + lead } : { metric: words, canonical: null, start: c.start + lead });
  }
  return out;
}

/** Runs of figures listed one after another ("24220元和10200元", "增长9%和11%"), each of one kind. */
function runsOf(predicate: string, figures: Figure[]): Figure[][] {
  const runs: Figure[][] = [];
  for (const f of figures) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && prev.kind === f.kind && f.value !== null && prev.value !== null && /^[、和及与,，\s]*$/.test(predicate.slice(prev.end, f.start))) run!.push(f);
    else runs.push([f]);
  }
  return runs;
}

/**
 * A 分别 list paired with its subjects, in order: "城镇和农村居民人均可支配收入分别增长4%和6.2%",
 * "全部财政收入和地方一般预算收入分别完成166.6亿元和73.3亿元，可比增长21.6%和22%" (only the second
 * of each is the indicator's), and over the items before it: "城镇居民人均可支配收入9632元，农民人均纯收入3686元，
 * 分别增长11%和6.2%". Null when the predicate has no 分别 or its figures do not match the subjects.
 */
function respectively(
  text: string, groups: IndicatorMention[][], g: number, mentions: IndicatorMention[], predicate: string, figures: Figure[],
): { group: number; subject: Subject; figure: Figure }[] | null {
  const and = /分别/.exec(predicate);
  if (!and || !figures.length || figures.every((f) => f.value === null)) return null;
  const group = groups[g]!;
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const out: { group: number; subject: Subject; figure: Figure }[] = [];
  const runs = runsOf(predicate, figures);
  if (and.index < figures[0]!.start) {
    const clause = Math.max(...[...text.slice(0, first.start).matchAll(/[，,；;。：:！？!?]/g)].map((m) => m.index + 1), 0);
    const subjects = subjectsOf(text, clause, last.end, mentions);
    if (subjects.length < 2) return null;
    for (const run of runs) {
      if (run.length !== subjects.length && run.length !== 1) return null;
      subjects.forEach((subject, k) => out.push({ group: g, subject, figure: run[run.length === 1 ? 0 : k]! }));
    }
    return out.filter((x) => x.subject.canonical);
  }
  // "A 9632元，B 3686元，分别增长11%和6.2%": the list after the comma pairs with this and the items before it.
  const gap = predicate.slice(figures.filter((f) => f.end <= and.index).pop()?.end ?? 0, and.index);
  if (group.length > 1 || first.indicator.expands || !/^[，,]\s*(预计)?$/.test(gap)) return null;
  const run = runs.find((r) => r[0]!.start > and.index);
  if (!run || run.length < 2) return null;
  // The items before this one, back to the list's first: each a name and its figure, ended by a comma
  // ("全部财政收入达到1223.1亿元，其中地方一般预算收入620.2亿元，分别增长…"). An item the dictionary
  // does not know keeps its figure to itself.
  const items: { start: number; end: number }[] = [];
  let at = first.start;
  while (items.length < run.length - 1) {
    const sep = text.slice(0, at).search(/[，、,][^，、,]*$/);
    if (sep < 0) return null;
    const from = text.slice(0, sep).search(/[^，、,；;。：:]*$/);
    // Only the list's first item may follow other punctuation (…增长14.5%；城镇居民…9632元，农民…).
    if (items.length < run.length - 2 && !/[，、,]/.test(text[from - 1] ?? '')) return null;
    if (!readFigures(text.slice(from, sep)).some((f) => f.kind === 'level')) return null;
    items.unshift({ start: from, end: sep });
    at = from;
  }
  for (const f of figures) if (!run.includes(f)) out.push({ group: g, subject: { metric: first.name, canonical: first.indicator.key, start: first.start }, figure: f });
  items.forEach((item, k) => {
    const owner = groups.findIndex((o) => o[0]!.start >= item.start && o[o.length - 1]!.end <= item.end);
    const o = groups[owner]?.[0];
    if (!o || groups[owner]!.length > 1 || o.indicator.expands) return;
    out.push({ group: owner, subject: { metric: o.name, canonical: o.indicator.key, start: o.start }, figure: run[k]! });
  });
  out.push({ group: g, subject: { metric: first.name, canonical: first.indicator.key, start: first.start }, figure: run[run.length - 1]! });
  return out;
}

/**
 * Statements in a clause of the form NAME PREDICATE [NAME PREDICATE …], where
 * punctuation between items may have been lost ("生产总值增长5.5%规上工业增加值增长7.5%").
 * `maxLead` limits how far after the name a figure may start (results read long sentences).
 */
export function statementsIn(text: string, opts: { qualitativeToo: boolean; maxLead?: number; stopAt?: RegExp }): Statement[] {
  const mentions = sectorMentions(text, findIndicators(text));
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
    const paired = respectively(text, groups, g, mentions, predicate, figures);
    if (paired) {
      // Each quote runs from its subject (or the list's first) to its own figure: "…分别增长4%" and "…分别增长4%和6.2%".
      const from = Math.min(...paired.filter((p) => p.group === g).map((p) => p.subject.start), start);
      for (const p of paired) {
        const end = opts.maxLead !== undefined ? trimEnd(text, last.end + p.figure.end) : trimEnd(text, quoteEnd);
        out.push({ metric: p.subject.metric, canonical: p.subject.canonical, figure: p.figure, start: p.group === g ? from : p.subject.start, end });
      }
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
