/**
 * Removed text as the parser's diagnostics, so a converted source shows its
 * navigation, page numbers and running headers where the parser's own residue
 * goes, with the file, the line and (for PDF) the page.
 */
import type { Diagnostic } from '../schema.ts';
import type { ConvertedSource } from './types.ts';

/** Removed pieces that mean the text is incomplete: worth a warning, not a note. */
const WARNINGS = new Set(['html-partial', 'pdf-page-without-text']);

export function removedDiagnostics(file: string, converted: ConvertedSource): Diagnostic[] {
  return converted.removed.map((r) => {
    const where = r.page ? ` (page ${r.page})` : '';
    const d: Diagnostic = {
      file,
      line: r.line,
      column: 1,
      ruleId: r.ruleId,
      severity: WARNINGS.has(r.ruleId) ? 'warning' : 'info',
      message: `${file}${where}: ${r.message}; removed by ${converted.converter.name} ${converted.converter.version} conversion.`,
    };
    if (r.text) d.text = r.text;
    return d;
  });
}
