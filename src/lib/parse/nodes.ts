/**
 * The mdast nodes the structure plugin and the coverage re-flow both make, the input the
 * caller hands the parser, and the messages that keep lines that are not the report's
 * text. Shared by structure.ts and coverage-flow.ts (so neither imports the other).
 */
import type { Heading, Paragraph } from 'mdast';
import type { ClassifiedLine } from './classify.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { VFile } from 'vfile';
import type { Diagnostic } from '../schema.ts';
import { report } from './messages.ts';

/** What the caller hands the parser through `file.data.input`. */
export interface ParserInput {
  file: string;
  lines: ClassifiedLine[];
  /** Index in `lines` of the salutation that opens the report, if any. */
  anchor: number | null;
  coverage: boolean;
}

declare module 'vfile' {
  interface DataMap {
    input: ParserInput;
  }
}

export function pos(data: ReportNodeData) {
  return {
    start: { line: data.line, column: 1, offset: data.startOffset },
    end: { line: data.endLine, column: 1, offset: data.endOffset },
  };
}

export function paragraphNode(text: string, data: ReportNodeData): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }], data, position: pos(data) };
}

export function headingNode(depth: 2 | 3 | 4, text: string, data: ReportNodeData): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }], data, position: pos(data) };
}

/** Line kinds that are not the report's text: kept, verbatim, in a diagnostic. */
export function isOffText(l: ClassifiedLine): boolean {
  return l.kind === 'residue' || l.kind === 'html' || l.kind === 'nav' || l.kind === 'web-meta';
}

const OFF_TEXT: Record<string, { ruleId: string; severity: Diagnostic['severity']; what: string }> = {
  html: { ruleId: 'html-in-text', severity: 'warning', what: 'HTML or script text inside the report; kept here, not rendered' },
  residue: { ruleId: 'web-residue', severity: 'warning', what: 'web page residue (not part of the report); kept here' },
  nav: { ruleId: 'web-navigation', severity: 'info', what: 'web page navigation or tools (not part of the report); kept here' },
  'web-meta': { ruleId: 'page-header', severity: 'info', what: 'a web page’s or scraper’s header line (read for the metadata, not part of the report); kept here' },
  byline: { ruleId: 'web-byline', severity: 'info', what: 'a byline, source or date line before the report (not part of it); kept here' },
};

/** A residue, HTML, navigation or page-header line: reported on `file`, and kept there verbatim. */
export function reportResidue(file: VFile, l: ClassifiedLine, as?: keyof typeof OFF_TEXT): void {
  const kind = OFF_TEXT[as ?? l.kind] ?? OFF_TEXT.residue!;
  report(file, {
    line: l.line, column: l.indent + 1,
    ruleId: kind.ruleId,
    severity: kind.severity,
    message: `${file.path}:${l.line}: ${kind.what}: ${l.text.slice(0, 60)}`,
    text: l.text,
    startOffset: l.textStart,
    endOffset: l.textStart + l.raw.trim().length,
  });
}

/** Lines that are not the report's text go to a message, verbatim, instead of a node: true when `l` was one. */
export function keptAsResidue(file: VFile, l: ClassifiedLine): boolean {
  if (!isOffText(l)) return false;
  reportResidue(file, l);
  return true;
}
