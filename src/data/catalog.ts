/**
 * Route tables and groupings over the parser's documents. Pure functions over
 * arrays (no `astro:content` here), so they are unit-tested without a build;
 * `collections.ts` feeds them from the content collections.
 */
import type { IdAlias } from '../lib/parse/index.ts';
import type { Diagnostic, Region, ReportDocument } from '../lib/index.ts';
import { stripSpace } from '../lib/text/index.ts';

const KIND_ORDER: Record<ReportDocument['kind'], number> = { report: 0, 'partial-report': 1, 'five-year-plan': 2, coverage: 3 };
const LEVEL_ORDER: Record<Region['level'], number> = { national: 0, province: 1, prefecture: 2, county: 3, unknown: 4 };

/** Regions by level then division code then name. */
export function compareRegions(a: Region | null, b: Region | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code ?? '').localeCompare(b.code ?? '') || a.name.localeCompare(b.name, 'zh-CN');
}

/** Newest first: year, then date, then reports before excerpts before coverage, then id. */
export function compareNewest(a: ReportDocument, b: ReportDocument): number {
  return (b.year ?? 0) - (a.year ?? 0) || (b.date ?? '').localeCompare(a.date ?? '') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id);
}

/** Catalogue order: region, then newest first. */
export function sortDocuments(docs: readonly ReportDocument[]): ReportDocument[] {
  return [...docs].sort((a, b) => compareRegions(a.region, b.region) || compareNewest(a, b));
}

export interface RegionGroup {
  region: Region;
  documents: ReportDocument[];
}

export function groupByRegion(docs: readonly ReportDocument[]): RegionGroup[] {
  const groups = new Map<string, RegionGroup>();
  for (const d of docs) {
    if (!d.region) continue;
    const g = groups.get(d.region.slug) ?? { region: d.region, documents: [] };
    g.documents.push(d);
    groups.set(d.region.slug, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, documents: g.documents.sort(compareNewest) }))
    .sort((a, b) => compareRegions(a.region, b.region));
}

export interface YearGroup {
  year: number;
  documents: ReportDocument[];
}

export function groupByYear(docs: readonly ReportDocument[]): YearGroup[] {
  const groups = new Map<number, ReportDocument[]>();
  for (const d of docs) {
    if (d.year === null) continue;
    groups.set(d.year, [...(groups.get(d.year) ?? []), d]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, documents]) => ({ year, documents: documents.sort((a, b) => compareRegions(a.region, b.region) || compareNewest(a, b)) }));
}

export interface ReportGrid {
  /** Columns, oldest first. */
  years: number[];
  rows: { region: Region; cells: ReportDocument[][] }[];
}

/** Regions × years; each cell holds that region's documents of that year (reports first). */
export function reportGrid(docs: readonly ReportDocument[]): ReportGrid {
  const years = [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const rows = groupByRegion(docs).map((g) => ({
    region: g.region,
    cells: years.map((y) => g.documents.filter((d) => d.year === y).sort(compareNewest)),
  }));
  return { years, rows };
}

/** Previous (earlier year) and next (later year) report of the same region; coverage is not a report. */
export function neighbours(docs: readonly ReportDocument[], doc: ReportDocument): { prev: ReportDocument | null; next: ReportDocument | null } {
  if (!doc.region || doc.year === null) return { prev: null, next: null };
  const same = docs
    .filter((d) => d.kind !== 'coverage' && d.region?.slug === doc.region!.slug && d.year !== null && d.id !== doc.id)
    .sort((a, b) => a.year! - b.year! || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const prev = [...same].reverse().find((d) => d.year! < doc.year!) ?? null;
  const next = same.find((d) => d.year! > doc.year!) ?? null;
  return { prev, next };
}

/** Press coverage documents that cover `id`. */
export function coverageFor(docs: readonly ReportDocument[], id: string): ReportDocument[] {
  return docs.filter((d) => d.kind === 'coverage' && d.covers === id).sort(compareNewest);
}

/**
 * The diagnostics that concern one document: those naming it, and those in its
 * file within its lines that name no other document.
 */
export function diagnosticsFor(doc: ReportDocument, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .filter((x) => x.file === doc.sourceFile && (x.documentId ? x.documentId === doc.id : x.line >= doc.startLine && x.line <= doc.endLine))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Diagnostics of a source file that no document claims (whole-file notes, lines outside every document). */
export function unclaimedDiagnostics(file: string, docs: readonly ReportDocument[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const claimed = new Set(docs.filter((d) => d.sourceFile === file).flatMap((d) => diagnosticsFor(d, diagnostics)));
  return diagnostics.filter((x) => x.file === file && !claimed.has(x)).sort((a, b) => a.line - b.line);
}

export interface TocNode {
  id: string;
  label: string;
  /** False where the number was inferred (lost in extraction). */
  numbered: boolean;
  /** A part's title line (a paragraph of kind `part`), listed above the sections it opens. */
  part?: boolean;
  children: TocNode[];
}

/** Heading as a short label: 一、2023年政府工作回顾 (trailing punctuation dropped), or a stand-in for untitled parts. */
export function sectionLabel(s: Pick<ReportDocument['sections'][number], 'text' | 'level' | 'ordinal' | 'numbered'>): string {
  const text = s.text.trim().replace(/[。，,；;：:]+$/u, '');
  if (s.level === 0) return '开篇';
  if (!text) return '（无标题部分）';
  return !s.numbered && s.ordinal ? `${s.ordinal}${text}` : text;
}

/**
 * Sections nested by `parent`, in document order, with each part's title line (a paragraph of kind
 * `part`, which ends the section before the part) listed after that section's top-level entry.
 */
export function tocTree(sections: ReportDocument['sections'], paragraphs: ReportDocument['paragraphs'] = []): TocNode[] {
  const nodes = new Map<string, TocNode>();
  const rootOf = new Map<string, TocNode>();
  const roots: TocNode[] = [];
  for (const s of [...sections].sort((a, b) => a.order - b.order)) {
    const node: TocNode = { id: s.id, label: sectionLabel(s), numbered: s.numbered || s.level === 0, children: [] };
    nodes.set(s.id, node);
    const parent = s.parent ? nodes.get(s.parent) : undefined;
    (parent ? parent.children : roots).push(node);
    rootOf.set(s.id, parent ? rootOf.get(s.parent!)! : node);
  }
  const order = new Map([...sections].map((s) => [s.id, s.order]));
  const parts = paragraphs
    .filter((p) => p.kind === 'part' && rootOf.has(p.sectionId))
    .sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)! || a.index - b.index);
  for (const p of parts) {
    const root = rootOf.get(p.sectionId)!;
    // After the section's entry and any part lines already placed after it.
    let at = roots.indexOf(root) + 1;
    while (roots[at]?.part) at++;
    roots.splice(at, 0, { id: p.id, label: p.text.replace(/[：:。]$/, ''), numbered: true, part: true, children: [] });
  }
  return roots;
}

/** Paragraphs of one section in order, with consecutive "——" points grouped into one list. */
export function paragraphBlocks<P extends { kind: string; index: number }>(paragraphs: readonly P[]): ({ list: false; p: P } | { list: true; items: P[] })[] {
  const out: ({ list: false; p: P } | { list: true; items: P[] })[] = [];
  for (const p of [...paragraphs].sort((a, b) => a.index - b.index)) {
    const last = out[out.length - 1];
    if (p.kind === 'bullet') {
      if (last?.list) last.items.push(p);
      else out.push({ list: true, items: [p] });
    } else out.push({ list: false, p });
  }
  return out;
}

export interface Mark {
  /** Words to mark, as they appear in the paragraph. */
  text: string;
  href: string;
  kind: string;
  title: string;
}

export type Segment = { text: string; mark?: Mark };

/** A paragraph's text cut around the first occurrence of each mark (in text order, never overlapping). */
export function markSegments(text: string, marks: readonly Mark[] = []): Segment[] {
  const found = marks
    .map((m) => ({ m, at: m.text ? text.indexOf(m.text) : -1 }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  let pos = 0;
  for (const { m, at } of found) {
    if (at < pos) continue; // overlaps the previous mark
    if (at > pos) out.push({ text: text.slice(pos, at) });
    out.push({ text: m.text, mark: m });
    pos = at + m.text.length;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

/** Marks for press coverage: each quotation and each differing figure, linking to its check. */
export function coverageMarks(doc: ReportDocument): Map<string, Mark[]> {
  const label = { exact: '与报告一字不差', differing: '与报告有出入', 'not-found': '报告中未找到' } as const;
  const marks = new Map<string, Mark[]>();
  const add = (pid: string, m: Mark) => marks.set(pid, [...(marks.get(pid) ?? []), m]);
  for (const q of doc.quotes) add(q.paragraphId, { text: q.text, href: `#q-${q.id}`, kind: q.match, title: `引语核对：${label[q.match]}` });
  for (const d of doc.discrepancies) {
    add(d.coverage.paragraphId, { text: d.coverage.quote, href: `#d-${d.id}`, kind: 'discrepancy', title: `数字出入：报告作 ${d.report.value}${d.report.unit}` });
  }
  return marks;
}

/**
 * Old ids to keep as anchors in a document, by the id that holds their text now. Only aliases
 * into this document whose old id is not reused here for other text (a reused id can only
 * point at what it holds now).
 */
export function aliasAnchors(aliases: readonly IdAlias[], documentId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of aliases) {
    if (a.shadowed || a.toDocument !== documentId) continue;
    out.set(a.to, [...(out.get(a.to) ?? []), a.from]);
  }
  return out;
}

export interface ConsecutivePair {
  region: Region;
  /** Last year's report and this year's (a full report preferred over an excerpt of the same year). */
  from: ReportDocument;
  to: ReportDocument;
}

/** Every pair of reports of one region for consecutive years: the pages of what changed from last year. */
export function consecutivePairs(docs: readonly ReportDocument[]): ConsecutivePair[] {
  const out: ConsecutivePair[] = [];
  for (const g of groupByRegion(docs)) {
    const byYear = new Map<number, ReportDocument>();
    for (const d of g.documents) {
      if (d.kind === 'coverage' || d.year === null) continue;
      const had = byYear.get(d.year);
      if (!had || (had.kind !== 'report' && d.kind === 'report')) byYear.set(d.year, d);
    }
    for (const [year, to] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const from = byYear.get(year - 1);
      if (from) out.push({ region: g.region, from, to });
    }
  }
  return out;
}

