/**
 * Collects the report's lines and what was removed between them, in reading
 * order, and numbers the positions: a removed piece points at the line it stood
 * before (0 when no line follows it).
 */
import type { RemovedText, StructureMark } from './types.ts';

export class TextBuilder {
  readonly lines: string[] = [];
  readonly pages: number[] = [];
  readonly structure: StructureMark[] = [];
  readonly removed: RemovedText[] = [];

  /** Adds a line of report text (several, if it holds line breaks, as <pre> may); returns the number of the first. */
  line(text: string, page?: number): number {
    const first = this.lines.length + 1;
    for (const part of text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)) {
      const trimmed = part.replace(/^\s+|\s+$/g, '');
      if (!trimmed) continue;
      this.lines.push(trimmed);
      if (page !== undefined) this.pages.push(page);
    }
    return first;
  }

  mark(line: number, style: string): void {
    this.structure.push({ line, style });
  }

  /** Keeps text that is not the report; consecutive pieces of one rule (and page) merge. */
  remove(ruleId: string, message: string, text: string, page?: number): void {
    const line = this.lines.length + 1;
    const last = this.removed.at(-1);
    if (last && last.ruleId === ruleId && last.line === line && last.page === page && last.message === message) {
      last.text += `\n${text}`;
      return;
    }
    this.removed.push(page === undefined ? { line, ruleId, message, text } : { line, ruleId, message, text, page });
  }

  /** The text, one line each, and positions past the last line set to 0. */
  finish(): { text: string; removed: RemovedText[] } {
    for (const r of this.removed) if (r.line > this.lines.length) r.line = 0;
    return { text: this.lines.join('\n') + (this.lines.length ? '\n' : ''), removed: this.removed };
  }
}
