/**
 * Press coverage → mdast. Newspaper text arrives as column-width lines: a
 * paragraph starts with indentation, lines wrap anywhere (even across a blank
 * line at a column break), headlines are short lines standing alone, bylines
 * ("□ 本报记者 …", "□记者 … 报道") open an article. Wrapped lines are re-joined
 * so that sentences and quotes are whole again.
 */
import type { Root, RootContent } from 'mdast';
import type { ClassifiedLine } from './classify.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { VFile } from 'vfile';
import { headingNode, keptAsResidue, paragraphNode, type ParserInput } from './nodes.ts';
import { joinWrapped, stripSpace } from '../text/index.ts';

const BYLINE = /^(□|■|◇)?\s*(本报记者|记者|通讯员|本报通讯员|特约记者).{0,30}$|报道$/;
const TERMINAL_END = /[。！？!?…”’」』）)]$/;

function isByline(l: ClassifiedLine): boolean {
  const t = stripSpace(l.text);
  return t.length <= 40 && (BYLINE.test(t) || /^□/.test(t));
}

function trimmedEnd(l: ClassifiedLine): number {
  return l.start + l.raw.replace(/[\s\u00a0\u3000\ufeff]+$/u, '').length;
}

export function reflowCoverage(input: ParserInput, vfile: VFile): Root {
  const lines = input.lines;
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i]!.kind === 'blank';
  const isHeadline = (i: number): boolean => {
    const l = lines[i]!;
    const t = stripSpace(l.text);
    if (isByline(l) || t.length > 40 || /[。！？!?]/.test(t) || TERMINAL_END.test(t)) return false;
    const prevOk = blank(i - 1) || isHeadlineCached(i - 1);
    const nextOk = blank(i + 1) || isByline(lines[i + 1]!) || lines[i + 1]!.indent > 0;
    return prevOk && nextOk;
  };
  const memo = new Map<number, boolean>();
  const isHeadlineCached = (i: number): boolean => {
    if (i < 0 || blank(i)) return false;
    if (!memo.has(i)) memo.set(i, isHeadline(i));
    return memo.get(i)!;
  };

  const children: RootContent[] = [];
  let open: { parts: string[]; data: ReportNodeData } | null = null;
  let headlines: ClassifiedLine[] = [];
  const closeParagraph = () => {
    if (open) children.push(paragraphNode(joinWrapped(open.parts), { ...open.data, kind: 'body' }));
    open = null;
  };
  const flushHeadlines = (depth: 2 | 3) => {
    if (!headlines.length) return;
    const first = headlines[0]!;
    const last = headlines[headlines.length - 1]!;
    const text = headlines.map((h) => h.text).join(' ');
    children.push(
      headingNode(depth, text, {
        line: first.line, endLine: last.line, startOffset: first.textStart, endOffset: trimmedEnd(last),
        ordinal: null, ordinalValue: null, numbered: false, raw: text,
      }),
    );
    headlines = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || keptAsResidue(vfile, l)) continue;
    const data: ReportNodeData = { line: l.line, endLine: l.line, startOffset: l.textStart, endOffset: trimmedEnd(l) };
    if (isByline(l)) {
      closeParagraph();
      // A byline opens an article; the headlines just before it are its title.
      if (headlines.length) flushHeadlines(2);
      else children.push(headingNode(2, '', { ...data, endOffset: data.startOffset, ordinal: null, ordinalValue: null, numbered: false, raw: '' }));
      children.push(paragraphNode(l.text, { ...data, kind: 'cover' }));
      continue;
    }
    if (isHeadlineCached(i)) {
      closeParagraph();
      headlines.push(l);
      continue;
    }
    if (headlines.length) flushHeadlines(3);
    if (open && l.indent === 0) {
      open.parts.push(l.text);
      open.data.endLine = l.line;
      open.data.endOffset = trimmedEnd(l);
      continue;
    }
    closeParagraph();
    open = { parts: [l.text], data };
  }
  closeParagraph();
  flushHeadlines(3);
  // Articles without a headline keep an empty heading node: the section exists, its title is empty.
  return { type: 'root', children };
}
