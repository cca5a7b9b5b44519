/**
 * Which part of a report a top-level section is: the review of the past year,
 * the tasks for the coming year, the government's own conduct, an appendix,
 * or other. Used by search filters and by result extraction.
 *
 * Many reports number the items of their review like their tasks and put the name of
 * each part on a line of its own above them ("2023年工作回顾 / 一、… 六、… / 2024年工作安排 /
 * 一、… 七、…"); the first report of a new term often reviews five years that way
 * ("过去五年回顾和2002年工作情况"). The structure keeps such a line as a paragraph marked
 * `partLine`; here it sets the part of the numbered items that follow, until the next such line.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { eachBlock } from './ids.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { SectionPart } from '../schema.ts';
import { asciiDigits, stripSpace } from '../text/index.ts';

export interface PartOptions {
  appendix: boolean;
  afterReview: boolean;
  coverage: boolean;
  /** The report's year: a heading that names only earlier years is about the past. */
  year?: number | null;
}

const GOVERNMENT = /政府自身建设|服务型政府|政府治理|自身建设|人民满意的政府|政府建设|廉洁政府|法治政府/;
const REVIEW = /回顾|成就|过去|总结|工作报告|基本情况|执行情况|取得|进展|成效|成绩/;
const TASK_WORDS = /今后|目标|任务|安排/;
const TASKS = /目标|任务|重点|安排|建议|计划|要求|工作|思路|部署|举措|政策|发展|建设|推进|加快|坚持/;
/** Words that look ahead: a heading with one of them is not about the past, whatever years it names. */
const AHEAD = /今年|明年|今后|未来|下一步|展望/;

/** The years (YYYY年) a heading names, full-width digits and spaces read through. */
function yearsNamed(heading: string): number[] {
  return [...asciiDigits(stripSpace(heading)).matchAll(/((?:19|20)\d\d)年/g)].map((m) => Number(m[1]));
}

/** The heading looks ahead: it names the report's year or a later one, or says 今年/今后/…. */
function looksAhead(heading: string, year: number | null | undefined): boolean {
  return AHEAD.test(heading) || (year != null && yearsNamed(heading).some((y) => y >= year));
}

/** The heading names only years before the report's: "2023年主要工作", "奋力完成2023年…的各项任务" in a 2024 report. */
function namesPastYear(heading: string, year: number | null | undefined): boolean {
  const years = yearsNamed(heading);
  return year != null && years.length > 0 && !looksAhead(heading, year);
}

export function partOfHeading(heading: string, opts: PartOptions): SectionPart {
  if (opts.coverage) return 'article';
  if (opts.appendix) return 'appendix';
  if (GOVERNMENT.test(heading)) return 'government';
  if (REVIEW.test(heading) && !TASK_WORDS.test(heading)) return 'review';
  if (namesPastYear(heading, opts.year)) return 'review';
  if (TASKS.test(heading)) return 'tasks';
  return opts.afterReview ? 'tasks' : 'other';
}

/**
 * The part of a numbered heading under a line that named the part. Under the review, every item is
 * review ("国民经济持续快速健康发展", "自身建设不断加强") until a heading looks ahead; under the tasks, every
 * item is a task or the government's own conduct, unless it plainly names the past.
 */
function partUnder(named: 'review' | 'tasks', own: SectionPart, heading: string, year: number | null | undefined): SectionPart {
  if (own === 'appendix' || own === 'article') return own;
  if (named === 'review') return looksAhead(heading, year) ? own : 'review';
  if (own === 'government') return own;
  return own === 'review' && (/回顾|过去/.test(heading) || namesPastYear(heading, year)) ? 'review' : 'tasks';
}

/** A paragraph that opens with the report's own year or 今年: "2024年，是…", "今年是…", "做好今年工作". */
function opensWithYearAhead(text: string, year: number | null): boolean {
  const t = asciiDigits(stripSpace(text)).replace(/^各位代表[！!，,：:]?/, '');
  return new RegExp(`^(做好)?(今年|${year ?? '今年'}年)(?!以来|来)`).test(t);
}

/** Transformer plugin: stamp every heading and paragraph with the part of the report it is in. */
export const attachParts: Plugin<[{ coverage: boolean }?], Root> = function (options) {
  const coverage = options?.coverage ?? false;
  return (tree, file) => {
    const year = file.data.meta?.year ?? null;
    let part: SectionPart = coverage ? 'article' : 'opening';
    let afterReview = false;
    // The part named by the last part line, while its numbered items last.
    let named: 'review' | 'tasks' | null = null;
    let lastOrdinal = 0;
    eachBlock(tree, (node) => {
      const data = (node.data ??= {}) as ReportNodeData;
      if (node.type === 'paragraph' && data.partLine && !coverage) {
        const p = partOfHeading(toString(node), { appendix: false, afterReview, coverage, year });
        if (p === 'review' || p === 'tasks') {
          named = p;
          part = p;
          lastOrdinal = 0;
          if (p === 'review') afterReview = true;
        }
      }
      // Under a named review, a paragraph that opens with the report's year or 今年 starts the year's
      // tasks ("２００２年是我们党和国家发展史上非常重要的一年。做好今年工作…", national-2002): the review has ended.
      if (node.type === 'paragraph' && !data.partLine && named === 'review' && opensWithYearAhead(toString(node), year)) {
        named = null;
        part = 'tasks';
      }
      if (node.type === 'heading' && node.depth === 2) {
        const heading = toString(node);
        const own = partOfHeading(heading, { appendix: Boolean(data.appendix), afterReview, coverage, year });
        // Numbering that starts again at 一 without a new part line: the named part has ended.
        if (data.ordinalValue === 1 && lastOrdinal > 1) named = null;
        if (data.appendix) named = null;
        part = named ? partUnder(named, own, heading, year) : own;
        if (named === 'review' && part !== 'review') named = null;
        lastOrdinal = data.ordinalValue ?? lastOrdinal;
        if (part === 'review') afterReview = true;
      }
      data.part = part;
    });
  };
};
