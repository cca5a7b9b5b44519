/**
 * mdast tree → records. Sections and paragraphs carry the ids and parts the
 * plugins attached; targets and results get their document, ids and source
 * positions. Section text comes from `mdast-util-to-string`.
 */
import type { Heading, Paragraph as MdParagraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { eachBlock } from './ids.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { Paragraph, Position, Result, Section, Target } from '../schema.ts';
import type { RawStatement } from './targets.ts';
import type { SourceLine } from '../text/index.ts';

export interface TreeRecords {
  sections: Section[];
  paragraphs: Paragraph[];
}

function position(file: string, d: ReportNodeData): Position {
  return { file, startLine: d.line, endLine: d.endLine, startOffset: d.startOffset, endOffset: d.endOffset };
}

export function treeToRecords(tree: Root, file: string, documentId: string): TreeRecords {
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const parents: (string | null)[] = [null, null, null, null];
  let current: Section | null = null;
  const open = (s: Section) => {
    sections.push(s);
    current = s;
  };
  eachBlock(tree, (node: Heading | MdParagraph) => {
    const d = node.data as ReportNodeData;
    if (node.type === 'heading') {
      const level = node.depth - 1;
      const heading = toString(node).trim();
      parents[level] = d.id!;
      for (let l = level + 1; l < parents.length; l++) parents[l] = null;
      open({
        id: d.id!, documentId, level, ordinal: d.ordinal ?? null, numbered: d.numbered ?? true, heading: heading || null,
        text: d.raw ?? heading, headingPosition: position(file, d),
        lead: d.lead ?? null, parent: level > 1 ? (parents.slice(1, level).reverse().find(Boolean) ?? null) : null,
        part: d.part ?? 'other', order: sections.length, position: position(file, d),
      });
      return;
    }
    if (!current || current.id !== d.sectionId) {
      if (d.sectionId === 's0' && !sections.some((s) => s.id === 's0')) {
        open({
          id: 's0', documentId, level: 0, ordinal: null, numbered: false, heading: null, text: '', headingPosition: null, lead: null, parent: null,
          part: d.part ?? 'opening', order: sections.length, position: position(file, d),
        });
      }
    }
    const text = toString(node);
    paragraphs.push({
      id: d.id!, documentId, sectionId: d.sectionId!, index: Number(d.id!.split('-p').pop()), kind: d.partLine ? 'part' : (d.kind ?? 'body'),
      lead: d.kind === 'lead' ? (/^[^。]*。/.exec(text)?.[0] ?? null) : null, text, position: position(file, d),
    });
    // Sections grow to cover their paragraphs.
    const s = sections.find((x) => x.id === d.sectionId);
    if (s) {
      s.position.endLine = Math.max(s.position.endLine, d.endLine);
      s.position.endOffset = Math.max(s.position.endOffset, d.endOffset);
    }
  });
  // A section also spans its subsections.
  for (const s of sections) {
    for (const t of sections) {
      if (t.id.startsWith(`${s.id}-`)) {
        s.position.endLine = Math.max(s.position.endLine, t.position.endLine);
        s.position.endOffset = Math.max(s.position.endOffset, t.position.endOffset);
      }
    }
  }
  return { sections, paragraphs };
}

/** Line number of a source offset (binary search over the file's lines). */
export function lineAt(lines: SourceLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo]?.line ?? 1;
}

/**
 * The source offset of the k-th character of a paragraph's text. A paragraph joined from
 * several lines has lost their line breaks and indentation: walk the source to find it.
 */
export function sourceOffset(source: string, start: number, text: string, k: number): number {
  let i = start;
  for (let t = 0; t < k && i < source.length; t++) {
    while (i < source.length && source[i] !== text[t] && /\s|\u3000|\u00a0/.test(source[i]!)) i++;
    i++;
  }
  while (k < text.length && i < source.length && source[i] !== text[k] && /\s|\u3000|\u00a0/.test(source[i]!)) i++;
  return i;
}

function statementRecord(s: RawStatement, file: string, documentId: string, id: string, paragraphText: string, lines: SourceLine[], source: string | null) {
  const f = s.figure;
  const joined = source !== null && source.slice(s.base, s.base + paragraphText.length) !== paragraphText;
  const startOffset = joined ? sourceOffset(source, s.base, paragraphText, s.start) : s.base + s.start;
  const endOffset = joined ? sourceOffset(source, s.base, paragraphText, s.end - 1) + 1 : s.base + s.end;
  return {
    id, documentId, paragraphId: s.paragraphId, metric: s.metric, canonical: s.canonical, kind: f.kind,
    value: f.value, valueMax: f.valueMax, unit: f.unit, qualifier: f.qualifier, comparator: f.comparator,
    benchmark: f.benchmark, horizon: s.horizon, year: s.year, quote: paragraphText.slice(s.start, s.end),
    line: lineAt(lines, startOffset),
    position: { file, startLine: lineAt(lines, startOffset), endLine: lineAt(lines, endOffset), startOffset, endOffset },
  };
}

export function statementsToRecords(
  raw: { targets: RawStatement[]; results: RawStatement[] },
  paragraphs: Paragraph[],
  file: string,
  documentId: string,
  lines: SourceLine[],
  source: string | null = null,
): { targets: Target[]; results: Result[] } {
  const text = new Map(paragraphs.map((p) => [p.id, p.text]));
  const counter = new Map<string, number>();
  const nextId = (pid: string, kind: 't' | 'r') => {
    const key = `${pid}-${kind}`;
    const n = (counter.get(key) ?? 0) + 1;
    counter.set(key, n);
    return `${pid}-${kind}${n}`;
  };
  const targets = raw.targets.map((s) => statementRecord(s, file, documentId, nextId(s.paragraphId, 't'), text.get(s.paragraphId) ?? '', lines, source));
  const results = raw.results.map((s) => ({
    ...statementRecord(s, file, documentId, nextId(s.paragraphId, 'r'), text.get(s.paragraphId) ?? '', lines, source),
    estimate: s.estimate ?? false,
  }));
  return { targets, results };
}
