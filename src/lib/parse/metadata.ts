/**
 * What a document is and whose it is, inferred from its text: kind (report, part of a
 * report, five-year-plan report, press coverage), region (`region-evidence.ts`), year
 * (`year-evidence.ts`), session, speaker and date. Each document records which evidence
 * settled its region and year; where only weak evidence decides, a diagnostic says so.
 */
import type { ClassifiedLine } from './classify.ts';
import type { Diagnostic, DocumentKind, Evidence, Region } from '../schema.ts';
import { readRegion } from './region-evidence.ts';
import { npcSessionYear, readYear } from './year-evidence.ts';
import { asciiDigits, stripSpace } from '../text/index.ts';
import { readDate } from './years.ts';
import { toSimplified, looksTraditional } from '../text/chinese.ts';

export { npcSessionYear };

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
  evidence: { region: Evidence | null; year: Evidence | null };
  diagnostics: Diagnostic[];
}

const OFFICES = '(?:代理|代)?(?:省长|市长|区长|县长|州长|盟长|旗长|专员|总理|主席)';
const DATE = '[\\d〇零○Ｏ一二三四五六七八九十]{4}年[\\d〇零○Ｏ一二三四五六七八九十]{1,3}月[\\d〇零○Ｏ一二三四五六七八九十]{1,3}日';
const DIGEST = /摘登|节选|摘要|摘编|要点/;
const FIVE_YEAR_TITLE = /五年(规划|计划)纲要(草案)?的报告|五年(规划|计划)的报告/;
const PART_FIVE_YEAR = /十[一二三四五六七八九]五/;
const GOVERNMENT_PART = /政府自身建设|自身建设|政府建设|服务型政府|人民满意的政府|法治政府|廉洁政府/;

/** The lines before the report proper: everything up to the opening, or the first lines. */
function coverLines(lines: ClassifiedLine[]): ClassifiedLine[] {
  const anchor = lines.findIndex((l) => l.kind === 'salutation' || l.opening);
  const end = anchor >= 0 ? anchor + 1 : Math.min(lines.length, 30);
  return lines.slice(0, end);
}

/** The line where the text itself starts: a salutation (also "各位代表：现在，我代表…" on one line). */
function startsAsReport(lines: ClassifiedLine[]): boolean {
  for (const l of lines) {
    if (['blank', 'residue', 'html', 'nav', 'web-meta'].includes(l.kind) || l.kind.startsWith('cover-')) continue;
    const t = stripSpace(l.text);
    if (l.kind === 'salutation' || l.opening || /^各位(代表|主任|委员)[、，,：:！!]/.test(t)) return true;
    if (t.length > 60 || l.kind === 'heading') return false;
  }
  return false;
}

/**
 * A text without its opening that starts at a later part ("二、2025年政府工作目标任务"), or whose
 * first part heading comes late in the numbering: an excerpt. One that starts in the review of
 * the past year (its first part, numbered or not) is the report without its salutation.
 */
function startsMidReport(lines: ClassifiedLine[]): boolean {
  const content = lines.filter((l) => l.kind === 'body' || l.kind === 'heading' || l.kind === 'bullet');
  const first = content[0];
  if (!first) return true;
  const h1 = content.findIndex((l) => l.kind === 'heading' && l.level === 1 && !l.appendix && l.ordinalValue);
  if (h1 < 0) return false;
  const value = content[h1]!.ordinalValue!;
  if (value === 1) return false;
  // Before "二、": enough of a first part to be one (the review of the year just past)?
  const before = content.slice(0, h1).filter((l) => stripSpace(l.text).length >= 20);
  return value > 2 || before.length < 3;
}

export function inferKind(lines: ClassifiedLine[], text: string, hasOpening: boolean): { kind: DocumentKind; why: string } {
  const cover = coverLines(lines).filter((l) => l.kind !== 'blank');
  const titles = cover.filter((l) => l.kind === 'cover-title' || (l.kind === 'web-meta' && /^标题[:：]/.test(stripSpace(l.text))) || stripSpace(l.text).length <= 60);
  const titleText = titles.map((l) => stripSpace(l.text)).filter((t) => /报告|纲要/.test(t));
  const h1 = lines.filter((l) => l.kind === 'heading' && l.level === 1 && l.ordinalValue);
  if (!hasOpening) {
    const press = /本报|记者|通讯员|报道/.test(text) && /《政府工作报告》/.test(text);
    if (press && h1.length < 2) return { kind: 'coverage', why: 'press coverage' };
  }
  if (titleText.some((t) => FIVE_YEAR_TITLE.test(t))) return { kind: 'five-year-plan', why: `the title “${titleText.find((t) => FIVE_YEAR_TITLE.test(t))}”` };
  // The opening act: "我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告".
  const act = lines.find((l) => l.opening);
  if (act && /作关于.{0,30}第[一二三四五六七八九十]{1,3}个五年(计划|规划)(纲要)?(草案)?的报告/.test(stripSpace(act.text))) return { kind: 'five-year-plan', why: 'the opening says so' };
  const numbered = h1.map((l) => stripSpace(l.text));
  if (numbered.length >= 2 && numbered.every((h) => PART_FIVE_YEAR.test(h) && !/(19|20)\d{2}年/.test(asciiDigits(h).replace(/到(19|20)\d{2}年/g, '')))) {
    return { kind: 'five-year-plan', why: 'every part of the report is about a five-year period' };
  }
  const digest = titleText.find((t) => DIGEST.test(t) && t.length <= 60);
  if (digest) return { kind: 'partial-report', why: `the title says so: “${digest}”` };
  if (!hasOpening && !startsAsReport(lines) && startsMidReport(lines)) return { kind: 'partial-report', why: 'the text starts in a later part of the report' };
  // A text that stops in mid-sentence ("今后五年的奋斗目标是，").
  const lastLine = [...lines].reverse().find((l) => l.kind === 'body' || l.kind === 'heading' || l.kind === 'bullet');
  if (lastLine && stripSpace(lastLine.text).length >= 10 && /[，、：:；;]$/.test(stripSpace(lastLine.text))) return { kind: 'partial-report', why: 'the text stops in mid-sentence' };
  // A scraped page holding only the first page of a multi-page report: no closing words, no part on the government itself.
  const scraped = lines.some((l) => l.kind === 'web-meta') || lines.filter((l) => l.kind === 'nav' && !/^[—－–-]\s*\d/.test(l.text)).length >= 3;
  if (scraped && h1.length) {
    const body = lines.filter((l) => l.kind === 'body' && stripSpace(l.text).length >= 15);
    const tail = body.slice(Math.floor(body.length * 0.7));
    const closing = tail.some((l) => {
      const t = stripSpace(l.text);
      return /[！!][”"]?$/.test(t) && /奋斗|努力|奋力|前进|奋进|开拓|开创|新篇章|新局面|新辉煌|再创|贡献|实干|勇毅/.test(t) && !/感谢|敬意|慰问/.test(t);
    });
    const government = lines.some((l) => l.kind === 'heading' && GOVERNMENT_PART.test(l.text));
    if (!closing && !government) return { kind: 'partial-report', why: 'the page stops before the report’s closing words and its part on the government itself (first page only?)' };
  }
  return { kind: 'report', why: hasOpening ? 'opening' : 'salutation' };
}

function readCover(lines: ClassifiedLine[], file: string, simplified: string, diagnostics: Diagnostic[]) {
  let session: string | null = null;
  let speaker: Metadata['speaker'] = null;
  let date: string | null = null;
  let dateText: string | null = null;
  let dateFound: { year: number; text: string; line: number } | null = null;
  /** The cover date line, as written, and what could be read of it (a damaged date keeps its year, with a warning). */
  const takeDate = (l: ClassifiedLine, written: string) => {
    dateText = l.text;
    const r = readDate(written);
    if (r.year) dateFound = { year: r.year, text: l.text, line: l.line };
    date = r.iso;
    if (r.problem) {
      diagnostics.push({
        file, line: l.line, column: 1, ruleId: 'date-damaged', severity: 'warning',
        message: `${file}:${l.line}: the date “${l.text}” could not be read in full: ${r.problem}.${r.year ? ` The year ${r.year} was kept; the date is left empty.` : ''}`,
      });
    }
  };
  const cover = coverLines(lines);
  /** The date a line states: a date standing alone (or before 在…会议), or a cover-date line as written. */
  const dateOf = (l: ClassifiedLine): string | null => {
    const t = stripSpace(l.text);
    const dated = t.match(new RegExp(`^[（(]?[—\\-－–―]{0,3}(${DATE})(?=在|[）)]|[—\\-－–―]*$)`));
    if (dated && (l.kind === 'cover-date' || l.kind === 'cover-session' || l.kind === 'body')) return dated[1]!;
    return l.kind === 'cover-date' ? t.replace(/[（()）]/g, '') : null;
  };
  // The date printed with the cover (its date line, or the session line) before a bare date line of
  // the text, which on a scraped page is the page's own publication date, days after the speech.
  const dateLine = cover.find((l) => l.kind !== 'body' && dateOf(l)) ?? cover.find((l) => dateOf(l));
  if (dateLine) takeDate(dateLine, dateOf(dateLine)!);
  for (const l of cover) {
    const t = stripSpace(l.text);
    if (l.kind === 'cover-session' && !session) {
      session = t.replace(new RegExp(`^[（(]?[—\\-－–―]{0,3}(${DATE})?`), '').replace(/^在/, '').replace(/上(的报告|的政府工作报告)?[）)]?$/, '');
      if (/第次|届第|第届/.test(session)) {
        diagnostics.push({
          file, line: l.line, column: 1, ruleId: 'session-damaged', severity: 'warning',
          message: `${file}:${l.line}: the session line “${t}” has lost a number in extraction (“第次”); it is kept as written.`,
        });
      }
    } else if (l.kind === 'cover-speaker' && !speaker) {
      const m = t.match(new RegExp(`^(.*${OFFICES})([\\u4e00-\\u9fa5·]{2,12})$`));
      if (m) speaker = { office: m[1]!, name: m[2]! };
    }
  }
  if (!session) {
    const m = simplified.slice(0, 8000).match(/在(\S{2,12}?第[一二三四五六七八九十]{1,3}届人民代表大会第[一二三四五六七八九十]{1,3}次会议)上/);
    if (m) session = m[1]!;
  }
  return { session, speaker, date, dateText, dateFound };
}

/**
 * The name a report gives itself in its opening when it is not the government work report: the
 * State Council reported on the plan or the budget in some years ("向…提出关于１９５５年国家决算和
 * １９５６年国家预算的报告"). Digits as ASCII; null for a work report ("作政府工作报告", "关于政府工作的报告").
 */
function ownName(simplified: string): string | null {
  const m = /(?:提出|作)(关于[^，。；\n]{2,60}?的报告)/.exec(simplified.slice(0, 3000));
  return m && !/政府工作/.test(m[1]!) ? asciiDigits(m[1]!) : null;
}

export function inferMetadata(file: string, lines: ClassifiedLine[], text: string, hasOpening: boolean): Metadata {
  const diagnostics: Diagnostic[] = [];
  const firstLine = lines.find((l) => l.kind !== 'blank')?.line ?? lines[0]?.line ?? 1;
  const { kind } = inferKind(lines, text, hasOpening);
  const simp = looksTraditional(text) ? toSimplified : (s: string) => s;
  const simplified = simp(text);

  const r = readRegion(lines, simplified, simp);
  for (const u of r.unknown) {
    diagnostics.push({
      file, line: u.evidence.line ?? firstLine, column: 1, ruleId: 'region-unknown-name', severity: 'warning',
      message: `${file}: “${u.name}” (${u.evidence.rule}: ${u.evidence.text}) is not in the division list; other evidence was used.`,
    });
  }
  const region = r.region;
  if (!region) {
    diagnostics.push({
      file, line: firstLine, column: 1, ruleId: 'region-not-found', severity: 'warning',
      message: `${file}: no region could be recognised (no “我代表…人民政府”, speaker, title or session naming one, and no place name mentioned often enough).`,
    });
  } else if (r.evidence?.strength === 'weak') {
    diagnostics.push({
      file, line: r.evidence.line ?? firstLine, column: 1, ruleId: 'region-weak-evidence', severity: 'info',
      message: `${file}: the text does not name its region; ${region.name} was inferred from weak evidence (${r.evidence.text}).`,
    });
  }

  const cover = readCover(lines, file, simplified, diagnostics);
  const y = readYear({ lines, text: simplified, simp, national: region?.level === 'national', date: cover.dateFound });
  let session = cover.session;
  if (!session && region?.level === 'national') {
    const npc = asciiDigits(simplified).slice(0, 6000).match(/向(第[一二三四五六七八九十]{1,3}届全国人民代表大会第[一二三四五六七八九十]{1,2}次会议)/);
    if (npc) session = npc[1]!;
  }
  for (const c of y.conflicts.slice(0, 2)) {
    diagnostics.push({
      file, line: c.evidence.line ?? firstLine, column: 1, ruleId: 'year-conflict', severity: 'warning',
      message: `${file}: ${y.evidence!.rule} says ${y.year} (“${y.evidence!.text}”) but ${c.evidence.rule} says ${c.year} (“${c.evidence.text}”); ${y.year} was used.`,
    });
  }
  let year = y.year;
  let reviewYear = y.reviewYear;
  let yearEvidence = y.evidence;
  if (kind === 'coverage') {
    const m = stripSpace(asciiDigits(simplified)).match(/((?:19|20)\d{2})年的?《政府工作报告》/);
    if (m) {
      year = Number(m[1]);
      yearEvidence = { rule: 'report-named', strength: 'strong', text: m[0], line: null };
    }
    reviewYear = null;
  }
  if (!year) {
    diagnostics.push({
      file, line: firstLine, column: 1, ruleId: 'year-not-found', severity: 'warning',
      message: `${file}: no year could be read (no date, title, session, dated part or target, and no year mentioned twice).`,
    });
  } else if (y.evidence?.strength === 'weak' && kind !== 'coverage') {
    diagnostics.push({
      file, line: firstLine, column: 1, ruleId: 'year-weak-evidence', severity: 'warning',
      message: `${file}: no date, title, session, dated part or target states the year; ${year} was inferred from the years the text mentions (${y.evidence.text}).`,
    });
  }

  const where = region ? (region.level === 'national' ? '国务院' : region.name) : '';
  const own = ownName(simplified);
  const title =
    kind === 'coverage'
      ? `${region?.shortName ?? ''}${year ? `${year}年` : ''}《政府工作报告》新闻报道`
      : own
        ? `${where}${own}${kind === 'partial-report' ? '（节选）' : ''}`
        : kind === 'five-year-plan'
        ? `${where}${year ? `${year}年` : ''}五年规划纲要的报告`
        : `${where}${year ? `${year}年` : ''}政府工作报告${kind === 'partial-report' ? '（节选）' : ''}`;
  return {
    kind, region, year, reviewYear, session, speaker: cover.speaker, date: cover.date, dateText: cover.dateText, title,
    evidence: { region: r.evidence, year: yearEvidence },
    diagnostics,
  };
}
