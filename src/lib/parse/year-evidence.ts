/**
 * Which year a report plans for, from the strongest evidence first: the cover date
 * ("——2024年1月8日在…会议上"), the National People's Congress session, the report's parts
 * ("一、2023年工作回顾 / 二、2024年工作安排"), its targets ("2024年主要预期目标"), its title
 * ("2024年政府工作报告", a scraper's 标题：), a page's date (发文时间：), what the text says of the
 * year just past ("刚刚过去的2023年"); counting the years mentioned only as a last resort.
 */
import type { ClassifiedLine } from './classify.ts';
import type { Evidence } from '../schema.ts';
import { asciiDigits, chineseOrdinal, chineseYear, stripSpace } from '../text/index.ts';
import { countYears, readDate } from './years.ts';

export interface YearFinding {
  year: number;
  /** The year reviewed, when the evidence says (a review heading). */
  reviewYear: number | null;
  evidence: Evidence;
}

export interface YearReading {
  year: number | null;
  reviewYear: number | null;
  evidence: Evidence | null;
  /** Other strong findings that disagree with the one used. */
  conflicts: YearFinding[];
}

const Y = String.raw`((?:19|20)\d{2}|[〇零○Ｏ一二三四五六七八九]{4})`;
const yearOf = (s: string): number | null => (/^\d/.test(s) ? Number(s) : chineseYear(s));
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 58)}…` : s);
const REVIEW = /回顾|成就|过去|总结|情况|完成|取得/;
const PLAN = /目标|任务|重点|安排|建议|工作|计划|要求|部署|思路/;

/**
 * The year of a session of the National People's Congress. The first four congresses met
 * irregularly (from 1954, 1959, 1964, 1975); since the fifth (1978) each sits five years
 * with one session a year.
 */
export function npcSessionYear(congress: number | null, session: number | null): number | null {
  if (!congress || !session) return null;
  const first: Record<number, number> = { 1: 1954, 2: 1959, 3: 1964, 4: 1975 };
  return (first[congress] ?? 1978 + 5 * (congress - 5)) + session - 1;
}

/** A top-level part heading: numbered 一、 or a short unnumbered line such as "2023年工作回顾". */
function partHeading(l: ClassifiedLine, simp: (s: string) => string): string | null {
  // Only headings, short lines, and lines with a year near their start can be parts.
  if (!(l.kind === 'heading' && l.level === 1) && !(l.kind === 'body' && (l.text.length <= 40 || /年/.test(l.text.slice(0, 20))))) return null;
  const t = asciiDigits(simp(stripSpace(l.text)));
  if (l.kind === 'heading' && l.level === 1) return t.slice(stripSpace(l.text.slice(0, l.ordinalLength ?? 0)).length);
  if (l.kind === 'body' && t.length <= 30 && !/[。！？；，,：:]/.test(t)) return t;
  // A heading run into its first sentence where line breaks were lost: "2023年工作回顾2023年是…".
  const run = t.match(new RegExp(`^(?:[一二三四五六七八九十]{1,2}、)?${Y}年[^，。；]{0,12}?(工作回顾|工作安排|目标任务|主要任务)`));
  return run ? run[0].replace(/^[一二三四五六七八九十]{1,2}、/, '') : null;
}

export interface YearInput {
  lines: ClassifiedLine[];
  /** The document's text in Simplified script. */
  text: string;
  simp: (s: string) => string;
  national: boolean;
  /** The year of the cover date, with its line. */
  date: { year: number; text: string; line: number } | null;
}

export function findYears(input: YearInput): YearFinding[] {
  const { lines, text, simp, national, date } = input;
  const out: YearFinding[] = [];
  const strong = (year: number, reviewYear: number | null, rule: string, t: string, line: number | null) =>
    out.push({ year, reviewYear, evidence: { rule, strength: 'strong', text: clip(t), line } });
  const digits = asciiDigits(text).replace(/(\d)[ \u3000\u00a0]+(?=\d|年)/g, '$1');

  if (date) strong(date.year, null, 'cover-date', date.text, date.line);

  // The National People's Congress session the report is addressed to.
  if (national) {
    const head = digits.slice(0, 6000);
    const npc =
      head.match(/(?:向|在|我们|这次|本次)第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议/) ??
      head.match(/(?:向|在)第([一二三四五六七八九十]{1,3})届全国人民代表大会()(?:作|报告|提出)/);
    if (npc) {
      const y = npcSessionYear(chineseOrdinal(npc[1]!), npc[2] ? chineseOrdinal(npc[2]) : 1);
      if (y) strong(y, null, 'npc-session', npc[0], null);
    }
    const last = head.match(/去年[一二三四五六七八九十\d]{0,3}月?第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议/);
    if (last) {
      const y = npcSessionYear(chineseOrdinal(last[1]!), chineseOrdinal(last[2]!));
      if (y) strong(y + 1, null, 'npc-session', last[0], null);
    }
  }

  // The report's parts: "一、2023年工作回顾" → 2024; "二、2024年工作安排" → 2024.
  const parts: { year: number; kind: 'review' | 'plan' | 'other'; text: string; line: number }[] = [];
  for (const l of lines) {
    const h = partHeading(l, simp);
    if (!h) continue;
    const m = h.match(new RegExp(`${Y}年`));
    if (!m || m.index! > 10) continue;
    const y = yearOf(m[1]!);
    if (!y) continue;
    const rest = h.slice(m.index! + m[0].length);
    const before = h.slice(0, m.index!);
    const kind = (REVIEW.test(rest) || /回顾|报告|总结/.test(before)) && !/目标任务|工作安排|工作任务|主要任务/.test(rest) ? 'review' : PLAN.test(rest) ? 'plan' : 'other';
    if (kind !== 'other') parts.push({ year: y, kind, text: h, line: l.line });
  }
  if (parts.length) {
    const first = parts[0]!;
    const later = parts.find((p) => p.year > first.year);
    const found = (year: number, reviewYear: number | null, p: (typeof parts)[number]) =>
      out.push({ year, reviewYear, evidence: { rule: 'part-headings', strength: 'strong', text: clip(p.text), line: p.line } });
    // Parts in sequence: the year reviewed, then the year planned.
    if (later && later.kind === 'plan') found(later.year, first.year, later);
    else if (first.kind === 'review') found(first.year + 1, first.year, first);
    else found(first.year, null, first);
  }

  // Targets and plans named with their year.
  const target = before(digits, /主要预期目标|主要目标|预期目标|国民经济计划|计划和预算|年度计划|政府工作的总体要求/g,
    new RegExp(`${Y}年(?:全[省市州县区盟旗])?(?:经济社会发展的?|国民经济和社会发展的?|经济和社会发展的?)?$`));
  if (target) strong(yearOf(target.match[1]!)!, null, 'targets-year', target.text, null);

  // The title: the report's own cover title, or a page's / a scraper's title.
  for (const l of lines) {
    const t = asciiDigits(simp(stripSpace(l.text)));
    if (!(l.kind === 'cover-title' || (l.kind === 'web-meta' && /^标题[:：]/.test(t)))) continue;
    const m = t.match(new RegExp(`${Y}年(?:[\\u4e00-\\u9fa5]{0,20}?)(?:人民)?政府工作报告`));
    if (m) {
      strong(yearOf(m[1]!)!, null, l.kind === 'web-meta' ? 'page-title' : 'title', t, l.line);
      break;
    }
  }
  // A page's date.
  for (const l of lines) {
    if (l.kind !== 'web-meta') continue;
    const t = asciiDigits(stripSpace(l.text));
    const m = t.match(/^(?:发文时间|发文日期|时间|发布时间|发表时间|发布日期)[:：]((?:19|20)\d{2})[-年./]/);
    if (m) {
      strong(Number(m[1]), null, 'page-date', t, l.line);
      break;
    }
  }
  // What the text says of the year just past.
  const past = digits.slice(0, 8000).match(new RegExp(`(?:刚刚过去的|过去的|回顾)${Y}年`));
  if (past) strong(yearOf(past[1]!)! + 1, yearOf(past[1]!), 'past-year', past[0], null);
  // What the text says the government will do in a year: "1987年要…", "确定1987年经济体制改革的主要任务是".
  const will = before(digits, /要(?!求)/g, new RegExp(`${Y}年(?:，?我们)?$`));
  const task = before(digits, /的主要任务是/g, new RegExp(`${Y}年[^，。；]{0,12}$`));
  const plan = will && task ? (will.index <= task.index ? will : task) : (will ?? task);
  if (plan) strong(yearOf(plan.match[1]!)!, null, 'plan-statement', plan.text, null);
  return out;
}

/**
 * The first place where `cue` matches and the words just before it end as `lead` does: finding a
 * cue first and looking back is much faster than a pattern that opens with a year at every character.
 */
function before(text: string, cue: RegExp, lead: RegExp): { match: RegExpMatchArray; text: string; index: number } | null {
  for (const c of text.matchAll(cue)) {
    const from = Math.max(0, c.index - 30);
    const m = text.slice(from, c.index).match(lead);
    if (m) return { match: m, text: m[0] + c[0], index: from + m.index! };
  }
  return null;
}

export function readYear(input: YearInput): YearReading {
  const found = findYears(input);
  let best = found[0];
  // A session late in the year submits the plan for the next ("国务院也提出了一九八三年…年度计划草案"): the year planned for.
  if (best?.evidence.rule === 'npc-session') best = found.find((f) => f.evidence.rule === 'targets-year' && f.year === best!.year + 1) ?? best;
  if (best) {
    const chosen = best;
    const conflicts = found.filter((f) => f.year !== chosen.year && f.evidence.rule !== 'past-year' && f.evidence.rule !== 'page-date' && !(f.evidence.rule === 'npc-session' && f.year + 1 === chosen.year));
    const reviewYear = chosen.reviewYear ?? found.find((f) => f.year === chosen.year && f.reviewYear !== null)?.reviewYear ?? chosen.year - 1;
    return { year: chosen.year, reviewYear, evidence: chosen.evidence, conflicts };
  }
  // Weak: the years the text mentions. Years named as goals (到1980年, 2035年远景) say nothing about when it was given.
  const digits = asciiDigits(input.text);
  const present = digits.replace(/(到|至|在|于)((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年(以前|前|以后|底|末)?|((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年(以前|前|以后|远景)/g, '');
  const all = countYears(present);
  const most = Math.max(0, ...all.values());
  const counts = [...all].filter(([, n]) => n >= 2 && n * 2 >= most).sort((a, b) => b[0] - a[0]);
  if (!counts.length) return { year: null, reviewYear: null, evidence: null, conflicts: [] };
  // A report reviews the year just past at length and names the coming year a few times:
  // the latest year mentioned is the reviewed one, unless it is named far less than the
  // year before it, in which case it is already the year being planned.
  const [latest, n] = counts[0]!;
  const before = all.get(latest - 1) ?? 0;
  const year = n * 3 <= before ? latest : latest + 1;
  return {
    year, reviewYear: year - 1, conflicts: [],
    evidence: { rule: 'year-counts', strength: 'weak', text: `years mentioned: ${latest} ${n} times, ${latest - 1} ${before} times`, line: null },
  };
}
