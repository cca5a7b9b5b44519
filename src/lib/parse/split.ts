/**
 * One source file → the documents in it. A report opens with an optional cover
 * block (title, date, session, speaker) and a salutation followed by
 * "我代表…政府…报告"; several reports in one file are cut there. A file with
 * no opening is a part of a report, press coverage, or unstructured text.
 */
import type { ClassifiedLine } from './classify.ts';
import { stripSpace } from '../text/index.ts';

export interface Segment {
  /** Index of the first and last line (inclusive) in the file's line array. */
  from: number;
  to: number;
  /** The line where the report proper opens (salutation), if any. */
  anchor: number | null;
}

const COVER: ReadonlySet<string> = new Set(['cover-title', 'cover-date', 'cover-session', 'cover-speaker', 'residue', 'html', 'nav', 'web-meta', 'blank']);

function nextNonBlank(lines: ClassifiedLine[], i: number, limit: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < lines.length && out.length < limit; j++) if (lines[j]!.kind !== 'blank') out.push(j);
  return out;
}

/** Lines where a report's own text begins: a salutation followed by "我代表…", or a bare "我代表…" opening. */
export function findOpenings(lines: ClassifiedLine[]): number[] {
  const anchors: number[] = [];
  let lastAnchor = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'salutation') {
      const next = nextNonBlank(lines, i, 6);
      if (next.some((j) => lines[j]!.opening)) {
        anchors.push(i);
        lastAnchor = i;
      }
    } else if (l.opening && i - lastAnchor > 8 && /^(现在|下面|今天)?[，,]?我(现在)?(代表|受)/.test(stripSpace(l.text))) {
      anchors.push(i);
      lastAnchor = i;
    }
  }
  return anchors;
}

export function splitDocuments(lines: ClassifiedLine[]): Segment[] {
  if (!lines.some((l) => l.kind !== 'blank')) return [];
  const anchors = findOpenings(lines);
  if (!anchors.length) return [{ from: 0, to: lines.length - 1, anchor: null }];
  const starts = anchors.map((a, k) => {
    let s = a;
    const floor = k === 0 ? 0 : anchors[k - 1]! + 1;
    for (let j = a - 1; j >= floor && COVER.has(lines[j]!.kind); j--) if (lines[j]!.kind !== 'blank') s = j;
    return k === 0 ? 0 : s;
  });
  return starts.map((from, k) => ({
    from,
    to: k + 1 < starts.length ? starts[k + 1]! - 1 : lines.length - 1,
    anchor: anchors[k]!,
  }));
}
