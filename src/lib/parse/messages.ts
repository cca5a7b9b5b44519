/**
 * Parse messages, the unified way. The tree plugins and the functions they call report
 * on the file being parsed — `report(file, d)` is `file.message(reason, {place, ruleId,
 * source})`, with the severity as vfile's `fatal` (true: error, false: warning, unset:
 * info) — and the pipeline reads them back as Diagnostic records with `diagnosticsOf`.
 * A message that keeps source characters instead of a page (web residue, HTML) carries
 * them, with their offsets, so conservation can be checked; nothing else is passed around.
 */
import type { VFile } from 'vfile';
import type { Diagnostic } from '../schema.ts';

/** What a plugin says: a Diagnostic without the file, which the VFile knows. */
export type Report = Omit<Diagnostic, 'file' | 'column' | 'documentId'> & { column?: number };

type Message = ReturnType<VFile['message']>;

/** The source characters a message keeps, by message (vfile messages have no field for them). */
const kept = new WeakMap<Message, Pick<Diagnostic, 'text' | 'startOffset' | 'endOffset'>>();

export const MESSAGE_SOURCE = 'report-explorer';
/** The name a file without a path goes by in messages. */
export const UNNAMED_FILE = 'input.txt';

/** Report a problem or an oddity at a line of the file being parsed. */
export function report(file: VFile, d: Report): void {
  const m = file.message(d.message, { place: { line: d.line, column: d.column ?? 1 }, ruleId: d.ruleId, source: MESSAGE_SOURCE });
  m.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  if (d.text !== undefined) kept.set(m, { text: d.text, startOffset: d.startOffset, endOffset: d.endOffset });
}

/** The file's parse messages as Diagnostic records, in the order they were reported. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages
    .filter((m) => m.source === MESSAGE_SOURCE)
    .map((m) => ({
      file: file.path || UNNAMED_FILE,
      line: m.line ?? 0,
      column: m.column ?? 1,
      ruleId: m.ruleId ?? 'parse',
      severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
      message: m.reason,
      ...kept.get(m),
    }));
}
