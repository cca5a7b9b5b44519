/**
 * What a document is and whose it is, inferred from its text: kind (report,
 * part of a report, press coverage), region (from "我代表威海市人民政府", the
 * session or speaker line, a newspaper dateline, or the place names it uses),
 * years, session, speaker and date. Nothing is guessed silently: every fallback
 * leaves a diagnostic.
 */
import type { ClassifiedLine } from './classify.ts';
import type { Diagnostic, DocumentKind, Region } from '../schema.ts';
import { findDivision, NATIONAL, rankDivisions, toRegion } from './regions.ts';
import { asciiDigits, chineseOrdinal, stripSpace } from '../text/index.ts';
import { countYears, leadingYear, readDate } from './years.ts';
import { toSimplified, looksTraditional } from '../text/chinese.ts';

export interface Metadata {
  kind: DocumentKind;
  region: Region | null;
  year: number | null;
  reviewYear: number | null;
  session: string | null;
  speaker: { name: string; office: string } | null;
  date: string | null;
  dateText: string | null;
  title: string;
  diagnostics: Diagnostic[];
}

const OFFICES = '(省长|市长|区长|县长|州长|盟长|旗长|总理|主席|代省长|代市长|代县长|代区长)';

type Simplify = (s: string) => string;

function explicitRegion(lines: ClassifiedLine[], text: string, simp: Simplify): { name: string; evidence: string; line: number } | null {
  for (const l of lines) {
    if (!(l.opening || l.kind.startsWith('cover-') || (l.kind === 'body' && l.text.includes('我代表')))) continue;
    const t = simp(stripSpace(l.text));
    let m: RegExpMatchArray | null;
    if (l.opening || /我代表/.test(t)) {
      const act = t.match(/我(现在)?(代表|受)[^。]{0,90}?(报告|议案)/)?.[0] ?? t.match(/我代表\S{0,8}/)?.[0] ?? '';
      if (/国务院|中央人民政府/.test(act)) return { name: '国务院', evidence: `“${act.slice(0, 24)}” (line ${l.line})`, line: l.line };
      if ((m = t.match(/我代表(.{2,14}?)(人民政府|人民委员会)/)) && !/^(市|县|区|省|州|旗|盟|本市|本县)$/.test(m[1]!)) {
        return { name: m[1]!, evidence: `“我代表${m[1]}${m[2]}” (line ${l.line})`, line: l.line };
      }
      if (/全国人民代表大会/.test(t) && /我代表/.test(t)) return { name: '国务院', evidence: `opening names 全国人民代表大会 (line ${l.line})`, line: l.line };
    }
    if (l.kind === 'cover-session') {
      if (/全国人民代表大会/.test(t)) return { name: '国务院', evidence: `session line (line ${l.line})`, line: l.line };
      if ((m = t.match(/^在(.{2,14}?)第.{1,4}届/))) return { name: m[1]!, evidence: `session line “${t}” (line ${l.line})`, line: l.line };
    }
    if (l.kind === 'cover-title' && (m = t.match(/^(.{2,14}?(省|市|县|区|州|旗|盟))((19|20)\d{2}年)?政府工作报告/))) {
      return { name: m[1]!, evidence: `title line “${t}” (line ${l.line})`, line: l.line };
    }
    if (l.kind === 'cover-speaker' && (m = t.match(new RegExp(`^(.{2,14}?)${OFFICES}`))) && m[1]) {
      return { name: m[1], evidence: `speaker line “${t}” (line ${l.line})`, line: l.line };
    }
  }
  const dateline = text.match(/本报(\S{2,6}?)讯/);
  if (dateline) return { name: dateline[1]!, evidence: `newspaper dateline “${dateline[0]}”`, line: 0 };
  const session = text.match(/在(\S{2,10}?)第[一二三四五六七八九十]{1,3}届人民代表大会第[一二三四五六七八九十]{1,3}次会议上/);
  if (session) return { name: session[1]!, evidence: `session named in the text “${session[0]}”`, line: 0 };
  return null;
}

function inferRegion(file: string, lines: ClassifiedLine[], simplified: string, simp: Simplify, diagnostics: Diagnostic[]): Region | null {
  const explicit = explicitRegion(lines, simplified, simp);
  if (explicit) {
    const d = findDivision(explicit.name, simplified);
    if (d) return toRegion(d, explicit.evidence);
    diagnostics.push({
      file, line: explicit.line || (lines[0]?.line ?? 1), column: 1, ruleId: 'region-unknown-name', severity: 'warning',
      message: `${file}: “${explicit.name}” (${explicit.evidence}) is not in the division list; the region was inferred from place names instead.`,
    });
  }
  // National reports are delivered to the National People's Congress by the State Council.
  const head = simplified.slice(0, 4000);
  if (/全国人民代表大会|全国人大/.test(head) && (simplified.match(/国务院/g)?.length ?? 0) >= 2) {
    return toRegion(NATIONAL, 'addressed to the 全国人民代表大会 and speaks for the 国务院');
  }
  const ranked = rankDivisions(simplified);
  const best = ranked[0];
  if ((!best || best.score < 3) && (simplified.match(/国务院/g)?.length ?? 0) >= 2 && /全国/.test(simplified)) {
    diagnostics.push({
      file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'region-inferred', severity: 'info',
      message: `${file}: no speaker or session is named; the text speaks for the 国务院 of the whole country and names no local region, so it was read as a national report.`,
    });
    return toRegion(NATIONAL, 'speaks for the 国务院 and names no local region');
  }
  if (!best || best.score < 3) {
    diagnostics.push({
      file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'region-not-found', severity: 'warning',
      message: `${file}: no region could be recognised (no “我代表…人民政府”, session or speaker line, and no place name mentioned often enough).`,
    });
    return null;
  }
  const runnerUp = ranked[1];
  const evidence = `place names: ${best.entry.name} mentioned ${best.score} (weighted)${runnerUp ? `, next ${runnerUp.entry.name} ${runnerUp.score}` : ''}`;
  diagnostics.push({
    file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'region-inferred', severity: 'info',
    message: `${file}: the region is not stated; ${best.entry.name} was inferred from the ${evidence}.`,
  });
  return toRegion(best.entry, evidence);
}

function headingText(l: ClassifiedLine): string {
  return l.text.slice(l.ordinalLength ?? 0);
}

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

export function inferKind(lines: ClassifiedLine[], text: string, hasOpening: boolean): DocumentKind {
  if (hasOpening) return 'report';
  const h1 = lines.filter((l) => l.kind === 'heading' && l.level === 1 && l.ordinalValue);
  const press = /本报|记者|通讯员|报道/.test(text) && /《政府工作报告》/.test(text);
  if (press && h1.length < 2) return 'coverage';
  return 'partial-report';
}

export function inferMetadata(file: string, lines: ClassifiedLine[], text: string, hasOpening: boolean): Metadata {
  const diagnostics: Diagnostic[] = [];
  const kind = inferKind(lines, text, hasOpening);
  const simp: Simplify = looksTraditional(text) ? toSimplified : (s) => s;
  const simplified = simp(text);
  const region = inferRegion(file, lines, simplified, simp, diagnostics);

  // Session, speaker, date from the cover block.
  let session: string | null = null;
  let speaker: Metadata['speaker'] = null;
  let date: string | null = null;
  let dateText: string | null = null;
  let dateYear: number | null = null;
  for (const l of lines) {
    const t = stripSpace(l.text);
    if (l.kind === 'cover-session' && !session) {
      session = t.replace(/^在/, '').replace(/上(的报告)?$/, '');
      if (/第次|届第|第届/.test(session)) {
        diagnostics.push({
          file, line: l.line, column: 1, ruleId: 'session-damaged', severity: 'warning',
          message: `${file}:${l.line}: the session line “${t}” has lost a number in extraction (“第次”); it is kept as written.`,
        });
      }
    } else if (l.kind === 'cover-speaker' && !speaker) {
      const m = t.match(new RegExp(`^(.*${OFFICES})([\\u4e00-\\u9fa5·]{2,4})$`));
      if (m) speaker = { office: m[1]!, name: m[3]! };
    } else if (l.kind === 'cover-date' && !dateText) {
      dateText = l.text;
      const r = readDate(t);
      dateYear = r.year;
      date = r.iso;
      if (r.problem) {
        diagnostics.push({
          file, line: l.line, column: 1, ruleId: 'date-damaged', severity: 'warning',
          message: `${file}:${l.line}: the date “${l.text}” could not be read in full: ${r.problem}.${r.year ? ` The year ${r.year} was kept; the date is left empty.` : ''}`,
        });
      }
    }
  }
  if (!session) {
    const m = simplified.match(/在(\S{2,12}?第[一二三四五六七八九十]{1,3}届人民代表大会第[一二三四五六七八九十]{1,3}次会议)上/);
    if (m) session = m[1]!;
  }

  // Years from headings, or a title line such as "烟台市2024年政府工作报告".
  let reviewYear: number | null = null;
  let planYear: number | null = null;
  for (const l of lines) {
    const m = l.kind === 'cover-title' ? asciiDigits(stripSpace(l.text)).match(/((?:19|20)\d{2})年政府工作报告/) : null;
    if (m) planYear ??= Number(m[1]);
  }
  for (const l of lines) {
    if (l.kind !== 'heading' || l.level !== 1) continue;
    const h = asciiDigits(simp(stripSpace(headingText(l))));
    const y = leadingYear(h) ?? (h.match(/((?:19|20)\d{2})年/) ? Number(h.match(/((?:19|20)\d{2})年/)![1]) : null);
    if (!y) continue;
    if (/回顾|成就|过去|总结/.test(h)) reviewYear ??= y;
    else if (/目标|任务|重点|安排|建议|工作|计划|要求/.test(h)) planYear ??= y;
  }
  const digits = asciiDigits(simplified).replace(/(\d)[ \u3000\u00a0]+(?=\d|年)/g, '$1');
  const targetYear = digits.match(/((?:19|20)\d{2})年(经济社会发展的?|国民经济和社会发展的?)?(主要预期目标|国家预算|国民经济计划|计划和预算)/);
  const reviewCue = digits.match(/(首先|下面)?(回顾|报告)((?:19|20)\d{2})年的?(工作|国内工作)/);
  if (!reviewYear && !planYear && reviewCue) reviewYear = Number(reviewCue[3]);
  if (!planYear && !reviewYear && targetYear) planYear = Number(targetYear[1]);
  if (kind === 'coverage') {
    const m = stripSpace(simplified).match(/((?:19|20)\d{2})年的?《政府工作报告》/);
    if (m) planYear = Number(m[1]);
  }
  // A national report addressed "向第五届全国人民代表大会第二次会议" dates itself by the session.
  const npc = region?.level === 'national' ? digits.slice(0, 6000).match(/向第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议/) : null;
  const npcYear = npc ? npcSessionYear(chineseOrdinal(npc[1]!), chineseOrdinal(npc[2]!)) : null;
  if (npc && !session) session = npc[0].slice(1);
  let year = planYear ?? (reviewYear ? reviewYear + 1 : null) ?? dateYear ?? npcYear;
  if (planYear && dateYear && planYear !== dateYear) {
    diagnostics.push({
      file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'year-conflict', severity: 'warning',
      message: `${file}: the headings plan for ${planYear} but the date line says ${dateYear}; ${planYear} was used.`,
    });
  }
  if (!year) {
    // Years named as future goals (到1980年, 2035年远景) say nothing about when the report was given.
    const present = digits.replace(/(到|至|在|于)((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年(以前|前|以后|底|末)?|((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年(以前|前|以后|远景)/g, '');
    const all = countYears(present);
    const most = Math.max(0, ...all.values());
    const counts = [...all].filter(([, n]) => n >= 2 && n * 2 >= most).sort((a, b) => b[0] - a[0]);
    if (counts.length) {
      // A report reviews the year just past at length and names the coming year a few times:
      // the latest year mentioned is the reviewed one, unless it is named far less than the
      // year before it, in which case it is already the year being planned.
      const [latest, n] = counts[0]!;
      const before = all.get(latest - 1) ?? 0;
      year = n * 3 <= before ? latest : latest + 1;
      const mode = latest;
      diagnostics.push({
        file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'year-inferred', severity: 'info',
        message: `${file}: no heading or date states the year; ${year} was inferred from the years the text mentions (most often ${mode}).`,
      });
    } else {
      diagnostics.push({
        file, line: lines[0]?.line ?? 1, column: 1, ruleId: 'year-not-found', severity: 'warning',
        message: `${file}: no year could be read (no dated heading, no date line, no year mentioned twice).`,
      });
    }
  }
  if (kind !== 'coverage' && !reviewYear && year) reviewYear = year - 1;

  const where = region ? (region.level === 'national' ? '国务院' : region.name) : '';
  const title =
    kind === 'coverage'
      ? `${region?.shortName ?? ''}${year ? `${year}年` : ''}《政府工作报告》新闻报道`
      : `${where}${year ? `${year}年` : ''}政府工作报告${kind === 'partial-report' ? '（节选）' : ''}`;
  return { kind, region, year, reviewYear, session, speaker, date, dateText, title, diagnostics };
}
