/**
 * Nothing is lost: every non-whitespace character of every source must end up
 * in exactly one heading or paragraph of some document, or in a diagnostic.
 * This check walks the source offsets each record claims and compares the
 * characters.
 */
import type { ParseResult } from '../schema.ts';
import { isInk, stripSpace } from '../text/index.ts';

export interface ConservationReport {
  file: string;
  inkCharacters: number;
  /** Characters claimed by no record. */
  lost: { offset: number; line: number; char: string }[];
  /** Characters claimed by more than one record. */
  doubled: { offset: number; line: number; char: string }[];
  /** Records whose text differs from the source span they claim (beyond whitespace). */
  mismatched: { id: string; expected: string; actual: string }[];
}

interface Claim {
  id: string;
  start: number;
  end: number;
  text: string;
}

export function checkConservation(result: ParseResult): ConservationReport[] {
  const reports: ConservationReport[] = [];
  for (const source of result.sources) {
    const text = source.text;
    const claims: Claim[] = [];
    for (const doc of result.documents.filter((d) => d.sourceFile === source.file)) {
      for (const s of doc.sections) {
        if (s.headingPosition) claims.push({ id: `${doc.id}#${s.id}`, start: s.headingPosition.startOffset, end: s.headingPosition.endOffset, text: s.text });
      }
      for (const p of doc.paragraphs) claims.push({ id: `${doc.id}#${p.id}`, start: p.position.startOffset, end: p.position.endOffset, text: p.text });
    }
    for (const d of result.diagnostics) {
      if (d.file === source.file && d.text !== undefined && d.startOffset !== undefined && d.endOffset !== undefined) {
        claims.push({ id: `diagnostic:${d.ruleId}:${d.line}`, start: d.startOffset, end: d.endOffset, text: d.text });
      }
    }
    const owner = new Int32Array(text.length).fill(-1);
    const doubled: ConservationReport['doubled'] = [];
    const mismatched: ConservationReport['mismatched'] = [];
    const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
    claims.forEach((c, k) => {
      for (let i = c.start; i < c.end; i++) {
        if (!isInk(text[i]!)) continue;
        if (owner[i] !== -1 && doubled.length < 20) doubled.push({ offset: i, line: lineOf(i), char: text[i]! });
        owner[i] = k;
      }
      if (c.text) {
        const expected = stripSpace(text.slice(c.start, c.end));
        const actual = stripSpace(c.text);
        if (expected !== actual && mismatched.length < 20) mismatched.push({ id: c.id, expected, actual });
      }
    });
    const lost: ConservationReport['lost'] = [];
    let ink = 0;
    for (let i = 0; i < text.length; i++) {
      if (!isInk(text[i]!)) continue;
      ink++;
      if (owner[i] === -1 && lost.length < 50) lost.push({ offset: i, line: lineOf(i), char: text[i]! });
    }
    reports.push({ file: source.file, inkCharacters: ink, lost, doubled, mismatched });
  }
  return reports;
}

