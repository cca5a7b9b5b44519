/**
 * What the search index holds, derived from the parser's records: one entry per
 * paragraph and one per numbered heading, each addressed by its anchor on the
 * report page (`/reports/<doc>/#<id>`), and the layout of the index files. Pure:
 * the search-index integration writes the files, the browser reads them.
 */
import type { ParseResult, RegionLevel, ReportDocument, SectionPart } from '../schema.ts';

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
  region: { slug: string; name: string; level: RegionLevel } | null;
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
  /** Press coverage only: figures the paragraph states differently from the report it covers. */
  figures?: FigureNote[];
}

/**
 * A figure a coverage paragraph states differently from the report (the parser's coverage
 * check, `ReportDocument.discrepancies`), shipped with the entry's text so that a search result
 * or the quote check can say so without another download. Short keys: it sits in the text files.
 */
export interface FigureNote {
  /** What is measured, as written (工业投资增长). */
  m: string;
  /** The coverage's figure and the report's, with their units (28.4%, 29.3%). */
  c: string;
  r: string;
  /** The report's document id and the anchor of its paragraph that states the figure. */
  d: string;
  a: string;
  /** That paragraph's entry number in the search index (set by searchEntries), so the quote check can load it. */
  e?: number;
}

/** A coverage document's differing figures by paragraph id (empty for a report). */
export function figureNotes(doc: Pick<ReportDocument, 'kind' | 'discrepancies'>): Map<string, FigureNote[]> {
  const out = new Map<string, FigureNote[]>();
  if (doc.kind !== 'coverage') return out;
  for (const x of doc.discrepancies) {
    const note: FigureNote = {
      m: x.metric,
      c: `${x.coverage.value}${x.coverage.unit}`,
      r: `${x.report.value}${x.report.unit}`,
      d: x.report.documentId,
      a: x.report.paragraphId,
    };
    out.set(x.coverage.paragraphId, [...(out.get(x.coverage.paragraphId) ?? []), note]);
  }
  return out;
}

export function reportUrl(docId: string, anchor?: string): string {
  return `/reports/${docId}/${anchor ? `#${anchor}` : ''}`;
}

export function searchDoc(d: ReportDocument): SearchDoc {
  return {
    id: d.id,
    title: d.title,
    region: d.region ? { slug: d.region.slug, name: d.region.shortName, level: d.region.level } : null,
    year: d.year,
    kind: kindFacet(d),
  };
}

/**
 * The documents the search index holds: all but those the parser found to repeat another word for
 * word (`duplicate-document`: the same report filed under two names), which would only show every
 * hit twice, list one passage as two sources and count a phrase twice in its trends. Their pages stay.
 */
export function indexedDocuments(result: Pick<ParseResult, 'documents' | 'diagnostics'>): ReportDocument[] {
  const repeats = new Set(result.diagnostics.filter((d) => d.ruleId === 'duplicate-document' && d.documentId).map((d) => d.documentId!));
  return result.documents.filter((d) => !repeats.has(d.id));
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
    const figures = figureNotes(d);
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
        ...(p && figures.has(p.id) ? { figures: figures.get(p.id)! } : {}),
      });
    }
  }
  // Each figure note names the entry of the report paragraph it refers to.
  const entryOf = new Map(out.map((e) => [`${e.docId}#${e.anchor}`, e.order]));
  for (const e of out) if (e.figures) e.figures = e.figures.map((f) => ({ ...f, e: entryOf.get(`${f.d}#${f.a}`) }));
  return out;
}

/** Part facet ↔ the one letter the index files store. */
export const PART_CODES: Record<PartFacet, string> = { review: 'r', tasks: 't', government: 'g', other: 'o' };
const PART_OF_CODE = Object.fromEntries(Object.entries(PART_CODES).map(([k, v]) => [v, k])) as Record<string, PartFacet>;

/** Parts of consecutive entries, run-length encoded: review ×3, tasks ×2 → `r3t2`. */
export function encodeParts(parts: readonly PartFacet[]): string {
  let out = '';
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && parts[j] === parts[i]) j++;
    out += PART_CODES[parts[i]!] + (j - i);
    i = j;
  }
  return out;
}

export function decodeParts(code: string): PartFacet[] {
  const out: PartFacet[] = [];
  for (const m of code.matchAll(/([a-z])(\d+)/g)) {
    const part = PART_OF_CODE[m[1]!];
    if (!part) throw new Error(`search index: bad part code "${m[1]}"`);
    for (let k = 0; k < Number(m[2]); k++) out.push(part);
  }
  return out;
}

/**
 * The search index's files under dist/search/ (written by src/integrations/search-index.ts,
 * read by src/client/search-engine.ts). Entries are numbered 0 … E−1 in rank order (newest
 * report first, then reading order) and split into shards of whole documents; a query loads
 * only what its tokens and its shown results need, so what one query costs does not grow with
 * the corpus:
 *  - `index.json` (fetched fresh on every visit): the manifest below; every other file sits
 *    under `<version>/`, named by the build, so it can be cached for good;
 *  - `<version>/g/<i>.bin`: global buckets, records of the tokens that hash to i: the whole
 *    posting list of a rare token, or the shards that hold a frequent one (postings.ts);
 *  - `<version>/s<k>/<j>.bin`: shard k's buckets, the postings of frequent tokens in that shard;
 *  - `<version>/s<k>/docs.bin`: shard k's documents (ShardDocs as gzipped JSON), loaded when it has hits;
 *  - `<version>/s<k>/t<g>.bin`: the verbatim text of entries g·x … g·x + x − 1 of shard k
 *    (SearchText[] as gzipped JSON), loaded for shown results;
 * (The index compresses its own files, so that what a query costs does not depend on whether
 * the host compresses, and `.bin` keeps hosts from decoding them on the way.)
 *  - `<version>/s<k>/x<local>-<i>.bin`: piece i of a long entry's text (gzipped JSON string);
 *  - `<version>/regions.json`: region slug → shards holding it, loaded when a region filter is on.
 */
export interface SearchManifest {
  /** Token format (tokens.ts TOKEN_VERSION) the index was built with. */
  v: number;
  /** Folder of this build's files. */
  id: string;
  /** Number of global buckets. */
  g: number;
  /** Entries per text file. */
  x: number;
  shards: ShardInfo[];
}

export interface ShardInfo {
  /** Entries in the shard (the shard's first entry is the sum over the shards before it). */
  e: number;
  /** Documents in the shard. */
  d: number;
  /** Number of buckets of the shard. */
  b: number;
  /** Years of its documents (0 for none), for skipping shards under a year filter. */
  y: number[];
  /** Kinds of its documents. */
  k: KindFacet[];
}

export interface ShardDocs {
  docs: Array<SearchDoc & { /** entries */ n: number; /** parts of its entries (encodeParts) */ p: string; /** characters of its entries' folded text (what term counts are normalised by) */ c: number }>;
}

/** What the browser fetches for one shown result (one element of a text file). */
export interface SearchText {
  /** Document id and anchor on the report page. */
  d: string;
  a: string;
  /** The text as written (in a text file: empty for a long entry, whose text is in pieces, see `p`). */
  t: string;
  /**
   * A long entry's text is in pieces of about PIECE_CHARS characters, one file each
   * (searchPaths.piece), so that a result shows without loading all of it: the offset in the
   * folded text (tokens.ts) where each piece starts.
   */
  p?: number[];
  /** Headings above it, outermost first. */
  h: string[];
  /** 1 when the entry is a heading itself. */
  k?: 1;
  /** Coverage figures that differ from the report (SearchEntry.figures). */
  f?: FigureNote[];
}

export const searchPaths = {
  manifest: 'index.json',
  global: (id: string, i: number) => `${id}/g/${i}.bin`,
  shard: (id: string, k: number, j: number) => `${id}/s${k}/${j}.bin`,
  shardDocs: (id: string, k: number) => `${id}/s${k}/docs.bin`,
  texts: (id: string, k: number, g: number) => `${id}/s${k}/t${g}.bin`,
  /** Piece i of the long entry numbered `local` within shard k. */
  piece: (id: string, k: number, local: number, i: number) => `${id}/s${k}/x${local}-${i}.bin`,
  regions: (id: string) => `${id}/regions.json`,
};
