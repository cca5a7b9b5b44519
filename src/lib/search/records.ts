/**
 * What the search index holds, derived from the parser's records: one entry per
 * paragraph and one per numbered heading, each addressed by its anchor on the
 * report page (`/reports/<doc>/#<id>`). Pure: the Pagefind integration turns
 * these into records and files, the browser reads the table back.
 */
import type { ReportDocument, SectionPart } from '../schema.ts';

/** Facet value for the part of a report. */
export type PartFacet = 'review' | 'tasks' | 'government' | 'other';
export type KindFacet = 'report' | 'coverage';

export function partFacet(part: SectionPart): PartFacet {
  return part === 'review' || part === 'tasks' || part === 'government' ? part : 'other';
}

export function kindFacet(doc: Pick<ReportDocument, 'kind'>): KindFacet {
  return doc.kind === 'coverage' ? 'coverage' : 'report';
}

export interface SearchDoc {
  id: string;
  title: string;
  region: { slug: string; name: string } | null;
  year: number | null;
  kind: KindFacet;
}

export interface SearchEntry {
  url: string;
  docId: string;
  /** The element id on the report page. */
  anchor: string;
  /** The text as written (what excerpts and quote checks show). */
  text: string;
  /** Headings above the entry, outermost first, as written (一、… › （二）…). */
  headings: string[];
  part: PartFacet;
  heading: boolean;
  /** Rank tie-break: newest report first, then reading order. */
  order: number;
}

export function reportUrl(docId: string, anchor?: string): string {
  return `/reports/${docId}/${anchor ? `#${anchor}` : ''}`;
}

export function searchDoc(d: ReportDocument): SearchDoc {
  return {
    id: d.id,
    title: d.title,
    region: d.region ? { slug: d.region.slug, name: d.region.shortName } : null,
    year: d.year,
    kind: kindFacet(d),
  };
}

/** Documents in rank order: newest year first, reports before coverage, then as given. */
export function docsInOrder(docs: ReportDocument[]): ReportDocument[] {
  return docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.year ?? 0) - (a.d.year ?? 0) || Number(a.d.kind === 'coverage') - Number(b.d.kind === 'coverage') || a.i - b.i)
    .map((x) => x.d);
}

export function searchEntries(docs: ReportDocument[]): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const d of docsInOrder(docs)) {
    const byId = new Map(d.sections.map((s) => [s.id, s]));
    const path = (sectionId: string): string[] => {
      const chain: string[] = [];
      for (let s = byId.get(sectionId); s; s = s.parent ? byId.get(s.parent) : undefined) if (s.text) chain.unshift(s.text);
      return chain;
    };
    // Headings and paragraphs in reading order (by source offset).
    const items = [
      ...d.sections.filter((s) => s.text.trim() && s.headingPosition).map((s) => ({ at: s.headingPosition!.startOffset, s, p: null })),
      ...d.paragraphs.map((p) => ({ at: p.position.startOffset, s: byId.get(p.sectionId)!, p })),
    ].sort((a, b) => a.at - b.at);
    for (const { s, p } of items) {
      if (!s) continue;
      const anchor = p ? p.id : s.id;
      out.push({
        url: reportUrl(d.id, anchor),
        docId: d.id,
        anchor,
        text: p ? p.text : s.text,
        headings: p ? path(s.id) : path(s.parent ?? ''),
        part: partFacet(s.part),
        heading: !p,
        order: out.length,
      });
    }
  }
  return out;
}

/** Part facet ↔ the one letter the table stores. */
export const PART_CODES: Record<PartFacet, string> = { review: 'r', tasks: 't', government: 'g', other: 'o' };
const PART_OF_CODE = Object.fromEntries(Object.entries(PART_CODES).map(([k, v]) => [v, k])) as Record<string, PartFacet>;

/**
 * The table the browser loads once per visit: the documents, and for each the
 * Pagefind pages (hash without the language prefix + part letter, in rank
 * order), so that facets can be counted and ties broken without loading any
 * result's text.
 */
export interface SearchTable {
  /** Token format (search-tokens.ts TOKEN_VERSION) the index was built with. */
  v: number;
  /** Pagefind language of the records: page hashes are `<lang>_<hash>`. */
  lang: string;
  docs: Array<SearchDoc & { rows: string }>;
}

/** What the browser fetches for one shown result. */
export interface SearchText {
  /** Document id and anchor on the report page. */
  d: string;
  a: string;
  /** The text as written. */
  t: string;
  /** Headings above it, outermost first. */
  h: string[];
  /** 1 when the entry is a heading itself. */
  k?: 1;
}

export function searchTable(
  docs: ReportDocument[],
  entries: SearchEntry[],
  hashOf: (url: string) => string,
  version: number,
  lang: string,
): SearchTable {
  const byDoc = new Map<string, string[]>();
  for (const e of [...entries].sort((a, b) => a.order - b.order)) {
    const hash = hashOf(e.url);
    if (!hash.startsWith(`${lang}_`)) throw new Error(`page hash ${hash} does not start with ${lang}_`);
    const list = byDoc.get(e.docId) ?? [];
    list.push(hash.slice(lang.length + 1) + PART_CODES[e.part]);
    byDoc.set(e.docId, list);
  }
  return { v: version, lang, docs: docsInOrder(docs).map((d) => ({ ...searchDoc(d), rows: (byDoc.get(d.id) ?? []).join(' ') })) };
}

export interface TableRow {
  /** Full Pagefind page hash (`und_…`). */
  hash: string;
  doc: number;
  part: PartFacet;
  /** Rank tie-break: position in the table. */
  order: number;
}

/** Unpack the table's rows, keyed by Pagefind page hash. */
export function tableRows(table: SearchTable): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  let order = 0;
  table.docs.forEach((d, doc) => {
    for (const r of d.rows.split(' ')) {
      if (!r) continue;
      const hash = `${table.lang}_${r.slice(0, -1)}`;
      const part = PART_OF_CODE[r.slice(-1)];
      if (!part) throw new Error(`search table: bad row "${r}" in ${d.id}`);
      out.set(hash, { hash, doc, part, order: order++ });
    }
  });
  return out;
}
