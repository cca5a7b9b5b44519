/**
 * The mdast nodes the structure plugin and the coverage re-flow both make, the input the
 * caller hands the parser, and the diagnostic that keeps web residue. Shared by
 * structure.ts and coverage-flow.ts (so neither imports the other).
 */
import type { Heading, Paragraph } from 'mdast';
import type { ClassifiedLine } from './classify.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { Diagnostic } from '../schema.ts';

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
    diagnostics: Diagnostic[];
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

/** A residue or HTML line: kept, verbatim, in a diagnostic. */
function residueDiagnostic(file: string, l: ClassifiedLine): Diagnostic {
  const html = l.kind === 'html';
  return {
    file, line: l.line, column: l.indent + 1,
    ruleId: html ? 'html-in-text' : 'web-residue',
    severity: 'warning',
    message: html
      ? `${file}:${l.line}: HTML or script text inside the report; kept here, not rendered: ${l.text.slice(0, 60)}`
      : `${file}:${l.line}: web page residue (not part of the report); kept here: ${l.text.slice(0, 60)}`,
    text: l.text,
    startOffset: l.textStart,
    endOffset: l.textStart + l.raw.trim().length,
  };
}


/** Web residue and HTML lines go to a diagnostic, verbatim, instead of a node: true when `l` was one. */
export function keptAsResidue(file: string, l: ClassifiedLine, diagnostics: Diagnostic[]): boolean {
  if (l.kind !== 'residue' && l.kind !== 'html') return false;
  diagnostics.push(residueDiagnostic(file, l));
  return true;
}
