/**
 * The pipeline: source files → documents, diagnostics. Decodes each file,
 * classifies its lines, cuts it into documents, infers each document's
 * metadata, runs the unified processor (parse → ids → parts → targets →
 * results), builds records, links press coverage to the report it covers,
 * and validates everything against the schemas.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { classifyLines } from './classify.ts';
import { splitLongLines } from './reflow.ts';
import { linkCoverage } from './coverage-link.ts';
import { decodeSource } from '../text/index.ts';
import { removedDiagnostics } from '../convert/diagnostics.ts';
import type { ConvertedSource } from '../convert/types.ts';
import { attachIds } from './ids.ts';
import { inferMetadata, type Metadata } from './metadata.ts';
import { attachParts } from './parts.ts';
import { statementsToRecords, treeToRecords } from './records.ts';
import { extractResults } from './results.ts';
import {
  DocumentSchema, ParseResultSchema, type Diagnostic, type ParseResult, type ReportDocument, type Source,
} from '../schema.ts';
import { splitDocuments } from './split.ts';
import { reportParser } from './structure.ts';
import { extractTargets } from './targets.ts';
import { diagnosticsOf } from './messages.ts';
import { foldForMatch, splitLines } from '../text/index.ts';

/**
 * The parser's version, part of the data version every citation and download carries. Raise it
 * whenever the records a source gives can change (major: the schema; minor: what is read).
 * 2.0.0: metadata from the strongest evidence, five-year plans and part lines, the exports
 * indicator, results by part, thousands separators and letter-spaced digits (wave 2).
 */
export const PARSER_VERSION = '2.0.0';

export interface SourceInput {
  /** Name shown in diagnostics and on pages (relative path such as seeds/000_x.txt or just the file name). */
  file: string;
  /** The file as published. */
  bytes: Uint8Array;
  /** For Word, PDF and HTML sources: the text extracted from `bytes` (src/lib/convert), parsed instead of the bytes. */
  converted?: ConvertedSource;
  /** The file could not be converted: the parser reports this as an error naming the file. */
  failure?: { ruleId: string; message: string };
}

/** Text, encoding and provenance of one input: decoded bytes, or a converter's text. */
function readInput(input: SourceInput): { text: string | null; source: Omit<Source, 'text' | 'lines'>; diagnostics: Diagnostic[] } {
  const base = { file: input.file, sha256: createHash('sha256').update(input.bytes).digest('hex'), bytes: input.bytes.length };
  if (input.failure) {
    const message = input.failure.message.startsWith(input.file) ? input.failure.message : `${input.file}: ${input.failure.message}`;
    return {
      text: null,
      source: { ...base, encoding: 'unreadable', format: 'text', converter: null, pages: null },
      diagnostics: [{ file: input.file, line: 0, column: 1, ruleId: input.failure.ruleId, severity: 'error', message }],
    };
  }
  if (input.converted) {
    const c = input.converted;
    return {
      text: c.text,
      source: { ...base, encoding: `${c.format}: ${c.converter.name} ${c.converter.version}`, format: c.format, converter: c.converter, pages: c.pages ?? null },
      diagnostics: removedDiagnostics(input.file, c),
    };
  }
  const decoded = decodeSource(input.file, input.bytes);
  return { text: decoded.text, source: { ...base, encoding: decoded.encoding, format: 'text', converter: null, pages: null }, diagnostics: decoded.diagnostics };
}

const reportProcessor = unified().use(reportParser).use(attachIds).use(attachParts).use(extractTargets).use(extractResults).freeze();
const coverageProcessor = unified().use(reportParser).use(attachIds).use(attachParts, { coverage: true }).freeze();

interface Draft {
  meta: Metadata;
  tree: Root;
  file: string;
  lines: ReturnType<typeof splitLines>;
  /** The decoded source text, for statement offsets in paragraphs joined from several lines. */
  source: string;
  records: ReturnType<typeof treeToRecords>;
  raw: { targets: NonNullable<VFile['data']['targets']>; results: NonNullable<VFile['data']['results']> };
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** Diagnostics found while reading this document; they get its id once it has one. */
  diagnostics: Diagnostic[];
}

function baseId(meta: Metadata): string {
  const region = meta.region?.slug ?? 'unknown';
  const year = meta.year ?? 'undated';
  return `${region}-${year}${meta.kind === 'coverage' ? '-coverage' : ''}`;
}

export function parseSourcesWithTrees(inputs: SourceInput[]): { result: ParseResult; trees: Map<string, Root> } {
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  const drafts: Draft[] = [];
  for (const input of inputs) {
    const read = readInput(input);
    diagnostics.push(...read.diagnostics);
    const text = read.text ?? '';
    const lines = splitLines(text);
    sources.push({ ...read.source, lines: text ? lines.length : 0, text });
    if (read.text === null) continue;
    const classified = classifyLines(splitLongLines(lines));
    const segments = splitDocuments(classified);
    if (!segments.length && input.bytes.length > 0) {
      diagnostics.push({
        file: input.file, line: 1, column: 1, ruleId: 'blank-file', severity: 'warning',
        message: `${input.file}: the file holds only white space; no document was made from it.`,
      });
    }
    for (const seg of segments) {
      const segLines = classified.slice(seg.from, seg.to + 1);
      const first = segLines.find((l) => l.kind !== 'blank') ?? segLines[0]!;
      const last = [...segLines].reverse().find((l) => l.kind !== 'blank') ?? segLines[segLines.length - 1]!;
      const segText = text.slice(segLines[0]!.start, segLines[segLines.length - 1]!.end);
      const meta = inferMetadata(input.file, segLines, segText, seg.anchor !== null);
      const own: Diagnostic[] = [...meta.diagnostics];
      const coverage = meta.kind === 'coverage';
      const processor = coverage ? coverageProcessor : reportProcessor;
      const vfile = new VFile({
        path: input.file,
        value: segText,
        data: {
          input: { file: input.file, lines: segLines, anchor: seg.anchor === null ? null : seg.anchor - seg.from, coverage },
          meta: { year: meta.year, reviewYear: meta.reviewYear },
        },
      });
      const tree = processor.runSync(processor.parse(vfile), vfile) as Root;
      own.push(...diagnosticsOf(vfile));
      if (!coverage && !tree.children.some((n) => n.type === 'heading')) {
        own.push({
          file: input.file, line: first.line, column: 1, ruleId: 'no-structure', severity: 'warning',
          message: `${input.file}:${first.line}: no headings (一、 （一） 1.) were recognised from line ${first.line} to ${last.line}; the text is kept as a single section.`,
        });
      }
      drafts.push({
        meta, tree, file: input.file, lines, source: text, records: treeToRecords(tree, input.file, 'pending'),
        raw: { targets: vfile.data.targets ?? [], results: vfile.data.results ?? [] },
        startLine: first.line, endLine: last.line, startOffset: first.textStart, endOffset: last.end, diagnostics: own,
      });
    }
  }

  // Ids: region + year, made unique; identical texts are reported as duplicates.
  const used = new Map<string, Draft>();
  const fingerprints = new Map<string, string>();
  const documents: ReportDocument[] = [];
  const trees = new Map<string, Root>();
  for (const d of drafts) {
    const base = baseId(d.meta);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.set(id, d);
    diagnostics.push(...d.diagnostics.map((x) => ({ ...x, documentId: id })));
    const fingerprint = createHash('sha256').update(foldForMatch(d.records.paragraphs.map((p) => p.text).join('\n'))).digest('hex');
    const twin = fingerprints.get(fingerprint);
    if (twin && d.records.paragraphs.length) {
      diagnostics.push({
        file: d.file, line: d.startLine, column: 1, ruleId: 'duplicate-document', severity: 'warning', documentId: id,
        message: `${d.file}:${d.startLine}: this document repeats ${twin} word for word; it is kept as ${id}.`,
      });
    } else fingerprints.set(fingerprint, id);
    if (id !== base && !twin) {
      diagnostics.push({
        file: d.file, line: d.startLine, column: 1, ruleId: 'id-collision', severity: 'warning', documentId: id,
        message: `${d.file}:${d.startLine}: another document is also ${base} (same region and year); this one is ${id}.`,
      });
    }
    const sections = d.records.sections.map((s) => ({ ...s, documentId: id }));
    const paragraphs = d.records.paragraphs.map((p) => ({ ...p, documentId: id }));
    const { targets, results } = statementsToRecords(d.raw, paragraphs, d.file, id, d.lines, d.source);
    const m = d.meta;
    documents.push({
      id, kind: m.kind, sourceFile: d.file, title: m.title, region: m.region, year: m.year, reviewYear: m.reviewYear,
      session: m.session, speaker: m.speaker, date: m.date, dateText: m.dateText, covers: null, evidence: m.evidence,
      startLine: d.startLine, endLine: d.endLine,
      position: { file: d.file, startLine: d.startLine, endLine: d.endLine, startOffset: d.startOffset, endOffset: d.endOffset },
      sections, paragraphs, targets, results, quotes: [], discrepancies: [],
    });
    trees.set(id, d.tree);
  }
  linkCoverage(documents, diagnostics);
  for (const doc of documents) {
    const check = DocumentSchema.safeParse(doc);
    if (!check.success) throw new Error(`parser produced an invalid record for ${doc.id} (${doc.sourceFile}): ${check.error.message}`);
  }
  const result = ParseResultSchema.parse({ parserVersion: PARSER_VERSION, sources, documents, diagnostics });
  return { result, trees };
}

export function parseSources(inputs: SourceInput[]): ParseResult {
  return parseSourcesWithTrees(inputs).result;
}

/** Convenience for tests and scripts: parse one text. */
/** The document a `duplicate-document` diagnostic says its document repeats word for word, or null. */
export function repeatedDocument(d: Pick<Diagnostic, 'ruleId' | 'message'>): string | null {
  return d.ruleId === 'duplicate-document' ? (/ repeats (\S+) word for word/.exec(d.message)?.[1] ?? null) : null;
}

export function parseText(text: string, file = 'input.txt'): ParseResult {
  return parseSources([{ file, bytes: new TextEncoder().encode(text) }]);
}
