/**
 * The unified parser plugin: report text → mdast. Headings by depth
 * (一、 → depth 2, （一） → depth 3, 1. → depth 4), paragraphs, and lists for
 * "——" points. Cover lines become `cover` paragraphs; web residue and HTML
 * become messages (file.message) that keep their characters. Press coverage is re-flowed
 * by `coverage-flow.ts` into the same shapes.
 */
import type { List, Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { classifyLines, isUnnumberedPart, type ClassifiedLine } from './classify.ts';
import { reflowCoverage } from './coverage-flow.ts';
import type { ReportNodeData } from './mdast-data.ts';
import { headingNode, keptAsResidue, paragraphNode, reportResidue, type ParserInput } from './nodes.ts';
import { report, UNNAMED_FILE } from './messages.ts';
import type { ParagraphKind } from '../schema.ts';
import { chineseOrdinal, joinWrapped, splitLines, stripSpace } from '../text/index.ts';
import { continues, wrapWidth } from './reflow.ts';

const BYLINE = /(记者|通讯员|摄影|摄$|报道$|编辑|作者|稿源|图片来源)/;
const PAGE_DATE = /^(\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?|\d{4}-\d{2}-\d{2})(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?$/;

/** A line of the page around a report: byline, photo credit, date, a navigation word. */
export function isPageLine(l: ClassifiedLine): boolean {
  const t = stripSpace(l.text);
  if (t.length > 40) return false;
  if (PAGE_DATE.test(t) || (BYLINE.test(t) && !/各位代表|我代表/.test(t))) return true;
  return t.length <= 8 && !/[。！？，；：]/.test(t) && !/政府工作报告|各位|代表/.test(t);
}

/** Offsets of a line's trimmed text: from the first to just past the last non-space character. */
function lineSpan(l: ClassifiedLine): { start: number; end: number } {
  const rawTrimEnd = l.raw.replace(/[\s\u00a0\u3000\ufeff]+$/u, '');
  return { start: l.textStart, end: l.start + rawTrimEnd.length };
}

const TERMINAL = /[。！？!?]/;
/** Words that open a sentence of action in these reports. */
const SENTENCE_START = /坚持|大力|着力|加快|实施|深入|全面|持续|积极|扎实|不断|聚焦|围绕|突出|强化|深化|出台|开展|建立|完善|健全|落实|启动|组织|全力|统筹|主动/g;

/** A heading that ends with a full stop within this many characters is read as written. */
const MAX_HEADING = 50;
/** With its full stop lost, a heading is cut at a comma between these lengths, or at the longer one. */
const MIN_CUT_HEADING = 6;
const MAX_CUT_HEADING = 40;
/** Where no sibling heading says otherwise, a heading is about this long. */
const DEFAULT_HEADING = 20;
/** A sentence opening counts as the cut when it falls within this share of the sibling headings' length. */
const CUT_WINDOW = { min: 0.6, max: 1.6 };

/** Median length of the headings of one level that end with a full stop: what a heading there looks like. */
function typicalHeadingLength(lines: ClassifiedLine[], level: number): number {
  const lengths = lines
    .filter((l) => l.kind === 'heading' && l.level === level)
    .map((l) => TERMINAL.exec(l.text.slice(l.ordinalLength ?? 0))?.index ?? -1)
    .filter((n) => n > 0 && n <= MAX_HEADING)
    .sort((a, b) => a - b);
  return lengths.length ? lengths[lengths.length >> 1]! : DEFAULT_HEADING;
}

/**
 * Split a heading line's text (after its number) into the heading and the rest.
 * "聚焦聚力扩内需稳外需，推动经济持续回升向好。实施…" → heading up to 。, rest after it.
 */
export function splitHeading(text: string, expected = DEFAULT_HEADING): { heading: string; cut: number; uncertain: boolean } {
  const m = TERMINAL.exec(text);
  if (m && m.index <= MAX_HEADING) return { heading: text.slice(0, m.index), cut: m.index + 1, uncertain: false };
  if (text.length <= MAX_HEADING) return { heading: text, cut: text.length, uncertain: false };
  // Punctuation lost in extraction. The next sentence usually opens with a verb of action
  // (坚持, 大力, 加快 …): cut where one starts near the length of the sibling headings…
  const comma = /[，,；;：:]/g;
  const firstComma = text.search(/[，,；;：:]/);
  let best: number | null = null;
  for (const v of text.matchAll(SENTENCE_START)) {
    const at = v.index;
    if (at < expected * CUT_WINDOW.min || at > expected * CUT_WINDOW.max || (firstComma >= 0 && at > firstComma)) continue;
    if (best === null || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  if (best !== null) return { heading: text.slice(0, best), cut: best, uncertain: true };
  // …or at the first comma that leaves a heading-sized phrase.
  let c: RegExpExecArray | null;
  while ((c = comma.exec(text))) {
    if (c.index >= MIN_CUT_HEADING && c.index <= MAX_CUT_HEADING) return { heading: text.slice(0, c.index), cut: c.index + 1, uncertain: true };
    if (c.index > MAX_CUT_HEADING) break;
  }
  return { heading: text.slice(0, MAX_CUT_HEADING), cut: MAX_CUT_HEADING, uncertain: true };
}

/** A paragraph that opens with a short lead point: "实施项目建设提速行动。…" */
export function leadPoint(text: string): string | null {
  const m = /^[^，,；;：:。！？“”"]{3,28}。/.exec(text);
  if (!m || m[0].length >= text.length) return null;
  if (/^(各位代表|同志们|现在)/.test(m[0])) return null;
  return m[0];
}

function buildReportTree(input: ParserInput, vfile: VFile): Root {
  const { file, lines, anchor } = input;
  const children: RootContent[] = [];
  const hasNumberedParts = lines.some((l) => l.kind === 'heading' && l.level === 1 && l.ordinal);
  const width = wrapWidth(lines);
  // Where a text has no opening, the page around it ends at its first heading or first line of prose.
  const firstContent = anchor !== null ? 0 : Math.max(0, lines.findIndex((l) => l.kind === 'heading' || l.kind === 'salutation' || l.kind === 'bullet' || (l.kind === 'body' && stripSpace(l.text).length > 40)));
  let inAppendix = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (keptAsResidue(vfile, l)) continue;
    const span = lineSpan(l);
    const base: ReportNodeData = { line: l.line, endLine: l.line, startOffset: span.start, endOffset: span.end };
    const beforeOpening = anchor !== null ? i < anchor : i < firstContent;
    // Before the report: bylines, photo credits, page dates and stray navigation words are not its text.
    if (beforeOpening && l.kind === 'body' && isPageLine(l)) {
      reportResidue(vfile, l, 'byline');
      continue;
    }
    if (l.kind.startsWith('cover-') || (beforeOpening && anchor !== null && l.kind !== 'heading')) {
      children.push(paragraphNode(l.raw.trim(), { ...base, kind: 'cover' }));
      continue;
    }
    const unnumbered = !hasNumberedParts && isUnnumberedPart(l);
    if (l.kind === 'heading' && l.level === 1) inAppendix = Boolean(l.appendix);
    // In a glossary, "1.链长制：…" is an entry, not a heading.
    const entry = inAppendix && l.kind === 'heading' && l.level === 3;
    if ((l.kind === 'heading' && !entry) || unnumbered) {
      const level = unnumbered ? 1 : l.level!;
      const after = l.text.slice(l.ordinalLength ?? 0);
      const { heading, cut, uncertain } = splitHeading(after, typicalHeadingLength(lines, level));
      if (uncertain) {
        report(vfile, {
          line: l.line, ruleId: 'heading-boundary', severity: 'warning',
          message: `${file}:${l.line}: the heading has no full stop (punctuation lost in extraction?); it was cut at “${heading.slice(-8)}”.`,
        });
      }
      // Offsets: the heading covers number + heading + its full stop; the rest becomes a paragraph.
      const headEnd = offsetAfter(l, (l.ordinalLength ?? 0) + cut);
      const rest = after.slice(cut).trim();
      const restLead = rest ? (/^[^。！？]*[。！？]/.exec(rest)?.[0] ?? null) : null;
      children.push(
        headingNode((level + 1) as 2 | 3 | 4, heading.trim(), {
          ...base,
          endOffset: rest ? headEnd : span.end,
          ordinal: unnumbered || l.appendix ? null : l.ordinal ?? null,
          ordinalValue: unnumbered || l.appendix ? null : l.ordinalValue ?? null,
          numbered: !(unnumbered || l.appendix),
          appendix: l.appendix ?? false,
          raw: rest ? l.text.slice(0, (l.ordinalLength ?? 0) + cut) : l.text,
          lead: restLead,
        }),
      );
      if (rest) {
        const restStart = firstInkAtOrAfter(l, headEnd);
        children.push(paragraphNode(rest, { ...base, startOffset: restStart, kind: kindOf(rest, 'body') }));
      }
      continue;
    }
    // A paragraph broken over several lines by extraction is joined again.
    const parts = [l];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.kind === 'blank') continue;
      if (!continues(parts[parts.length - 1]!, next, width) || (anchor !== null && j >= anchor && i < anchor)) break;
      parts.push(next);
      i = j;
    }
    const last = parts[parts.length - 1]!;
    // A line of its own that names a part above numbered 一、 items (2023年工作回顾 … 一、…): the parts plugin reads it.
    const partLine = hasNumberedParts && parts.length === 1 && isUnnumberedPart(l);
    const text = parts.length > 1 ? joinWrapped(parts.map((x) => x.raw)) : l.raw.trim();
    const data = parts.length > 1 ? { ...base, endLine: last.line, endOffset: lineSpan(last).end } : base;
    children.push(paragraphNode(text, { ...data, kind: kindOf(text, l.kind === 'bullet' ? 'bullet' : 'body'), ...(partLine ? { partLine } : {}) }));
  }
  inferLostHeadings(children, vfile);
  return { type: 'root', children: groupBullets(children) };
}

function kindOf(text: string, fallback: ParagraphKind): ParagraphKind {
  if (fallback === 'bullet') return 'bullet';
  return leadPoint(text) ? 'lead' : fallback;
}

/** Source offset just after the n-th character of a line's normalised text. */
function offsetAfter(l: ClassifiedLine, n: number): number {
  return l.textStart + n;
}

function firstInkAtOrAfter(l: ClassifiedLine, offset: number): number {
  const rel = offset - l.start;
  const m = /[^\s\u00a0\u3000]/u.exec(l.raw.slice(rel));
  return m ? offset + m.index : offset;
}

/**
 * Headings whose numbers were lost in extraction. In a part with no （一） headings,
 * a run of short paragraphs that share their first two characters, spaced apart
 * by their own points, and as many as the report announces ("重点抓好七方面工作"),
 * are promoted to level-2 headings with inferred numbers.
 */
function inferLostHeadings(children: RootContent[], vfile: VFile): void {
  const file = vfile.path || UNNAMED_FILE;
  const parts: number[][] = [];
  let current: number[] | null = null;
  children.forEach((n, i) => {
    if (n.type === 'heading' && n.depth === 2) {
      current = [];
      parts.push(current);
    } else if (current) current.push(i);
  });
  for (const part of parts) {
    if (part.some((i) => children[i]!.type === 'heading')) continue;
    const paras = part.filter((i) => children[i]!.type === 'paragraph');
    const text = (i: number) => ((children[i] as Paragraph).children[0] as { value: string }).value;
    const announced = paras
      .slice(0, 6)
      .map((i) => text(i).match(/([一二三四五六七八九十两]{1,2})(个)?方面(的)?(工作|任务|重点)/))
      .find(Boolean);
    const expected = announced ? chineseOrdinal(announced[1]!.replace('两', '二')) : null;
    const groups = new Map<string, number[]>();
    for (const i of paras) {
      const t = text(i);
      if (t.length > 160 || (children[i]!.data as ReportNodeData).kind === 'bullet') continue;
      const key = t.slice(0, 2);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    for (const members of groups.values()) {
      const spaced = members.every((m, k) => k === 0 || paras.indexOf(m) - paras.indexOf(members[k - 1]!) >= 3);
      const count = expected ? members.length === expected : members.length >= 4;
      const followedByLonger = members.every((m) => {
        const next = paras[paras.indexOf(m) + 1];
        return next !== undefined && text(next).length > text(m).length;
      });
      if (!spaced || !count || !followedByLonger || paras.indexOf(members[0]!) === 0) continue;
      // Replace from the last member backwards so earlier indices stay valid.
      for (let k = members.length - 1; k >= 0; k--) {
        const m = members[k]!;
        const p = children[m] as Paragraph;
        const t = text(m);
        const { heading, cut } = splitHeading(t);
        const d = p.data as ReportNodeData;
        const ordinal = `（${'一二三四五六七八九十'[k] ?? k + 1}）`;
        report(vfile, {
          line: d.line, ruleId: 'heading-number-lost', severity: 'warning',
          message: `${file}:${d.line}: “${heading.slice(0, 16)}…” reads as a level-2 heading whose number was lost in extraction; numbered ${ordinal} by its place${expected ? ` (the report announces ${expected})` : ''}.`,
        });
        const rest = t.slice(cut).trim();
        const restStart = d.startOffset + (rest ? t.indexOf(rest, cut) : t.length);
        const h = headingNode(3, heading, {
          ...d, endOffset: rest ? d.startOffset + cut : d.endOffset, ordinal, ordinalValue: k + 1, numbered: false,
          raw: rest ? t.slice(0, cut) : t,
          lead: rest ? (/^[^。！？]*[。！？]/.exec(rest)?.[0] ?? null) : null,
        });
        children.splice(m, 1, h, ...(rest ? [paragraphNode(rest, { ...d, startOffset: restStart, kind: kindOf(rest, 'body') })] : []));
      }
      break;
    }
  }
}

/** Consecutive "——" points become one mdast list. */
function groupBullets(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    const isBullet = n.type === 'paragraph' && (n.data as ReportNodeData).kind === 'bullet';
    const last = out[out.length - 1];
    if (!isBullet) {
      out.push(n);
      continue;
    }
    const item = { type: 'listItem' as const, spread: false, children: [n], position: n.position };
    if (last && last.type === 'list') {
      last.children.push(item);
      last.position!.end = n.position!.end;
    } else {
      const list: List = { type: 'list', ordered: false, spread: false, children: [item], position: { ...n.position! } };
      out.push(list);
    }
  }
  return out;
}

/** Unified parser plugin: text → report mdast. Reads `file.data.input` when the caller has classified the lines. */
export const reportParser: Plugin<[], string, Root> = function () {
  this.parser = (doc: string, file: VFile) => {
    const input: ParserInput = file.data.input ?? {
      file: file.path || UNNAMED_FILE,
      lines: classifyLines(splitLines(doc)),
      anchor: null,
      coverage: false,
    };
    if (input.coverage) return reflowCoverage(input, file);
    return buildReportTree(input, file);
  };
};

