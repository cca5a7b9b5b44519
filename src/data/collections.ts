/**
 * What pages read, sorted: the records of this build's one parse (load.ts, which the
 * content loader in content.config.ts has validated and whose corpus entry it stores).
 * The records are read from that parse rather than from collections of their own: the
 * parse stays in memory for the whole build anyway (the search index and the Markdown
 * downloads read it), and a second copy in Astro's data store, inlined into the build's
 * bundle, was most of the build's memory. Pages call these; the groupings live in catalog.ts.
 */
import { getEntry } from 'astro:content';
import type { Diagnostic, Region, ReportDocument, Source } from '../lib/index.ts';
import type { IdAlias } from '../lib/parse/index.ts';
import { buildComparisons, compareComparisons, hierarchyGaps, targetOutcomes, type Comparison, type HierarchyGap, type TargetOutcome } from '../lib/compare/index.ts';
import { sortDocuments } from './catalog.ts';
import { yearDistributions, type Distribution } from './distribution.ts';
import { documentMarkdown, repeatedDocument } from '../lib/parse/index.ts';
import { loadCorpus, type Corpus } from './load.ts';
import { absoluteUrl, reportPath, sourceSlug, sourceSlugMap } from './urls.ts';

/** Per parse (a new one under `astro dev` when a source changes): what the queries below derive from it once. */
const derived = new WeakMap<Corpus['result'], { documents: ReportDocument[]; sources: SourceEntry[]; diagnostics: Diagnostic[]; repeats: Map<string, string>; distributions: Map<number, Promise<Distribution[]>> }>();

async function parsed() {
  const { result } = await loadCorpus();
  let d = derived.get(result);
  if (!d) {
    const slugs = sourceSlugMap(result.sources);
    d = {
      documents: sortDocuments(result.documents),
      sources: result.sources.map((source) => ({ slug: slugs.get(source.file)!, source })).sort((a, b) => a.source.file.localeCompare(b.source.file)),
      diagnostics: result.diagnostics,
      repeats: new Map(result.diagnostics.flatMap((x) => {
        const twin = repeatedDocument(x);
        return twin && x.documentId ? [[x.documentId, twin] as const] : [];
      })),
      distributions: new Map(),
    };
    derived.set(result, d);
  }
  return d;
}

export async function allDocuments(): Promise<ReportDocument[]> {
  return (await parsed()).documents;
}

/** A document's Markdown, from the parser's tree (the parse of this build, load.ts), with its permalink and data version. */
export async function documentMarkdownText(id: string, site: URL | string | undefined): Promise<string> {
  const { result, trees } = await loadCorpus();
  const doc = result.documents.find((d) => d.id === id);
  const tree = trees.get(id);
  if (!doc || !tree) throw new Error(`no document ${id} in the parsed sources`);
  return documentMarkdown(doc, tree, { url: absoluteUrl(reportPath(id), site), dataVersion: (await corpusMeta()).dataVersion });
}

export interface SourceEntry {
  slug: string;
  source: Source;
}

export async function allSources(): Promise<SourceEntry[]> {
  return (await parsed()).sources;
}

/** Source URL names by file, for linking paragraphs to their lines. */
export async function sourceSlugs(): Promise<Map<string, string>> {
  return new Map((await allSources()).map((s) => [s.source.file, s.slug]));
}

export function slugOf(slugs: Map<string, string>, file: string): string {
  return slugs.get(file) ?? sourceSlug(file);
}

/** Every comparison row, in the builder's order; `where` narrows them (a region, a year, an indicator). */
export async function allComparisons(where: (row: Comparison) => boolean = () => true): Promise<Comparison[]> {
  return buildComparisons((await loadCorpus()).result).filter(where).sort(compareComparisons);
}

let gapsCache: Promise<HierarchyGap[]> | null = null;

/** The gaps between regions' targets and their parents' (层层加码), computed once per build; `where` narrows them. */
export async function allHierarchyGaps(where: (gap: HierarchyGap) => boolean = () => true): Promise<HierarchyGap[]> {
  gapsCache ??= allComparisons().then((rows) => hierarchyGaps(rows));
  return (await gapsCache).filter(where);
}

/** For each of a report's targets, what became of it and of last year's target for the same indicator. */
export async function outcomesFor(doc: ReportDocument): Promise<Map<string, TargetOutcome>> {
  return targetOutcomes(await allComparisons((c) => c.region.slug === doc.region?.slug), doc);
}

/** Old ids that now live elsewhere in this document (anchors or redirects keep their links working). */
export async function aliasesInto(documentId: string): Promise<IdAlias[]> {
  return (await loadCorpus()).aliases.filter((a) => a.toDocument === documentId).sort((a, b) => a.from.localeCompare(b.from));
}

export async function allDiagnostics(): Promise<Diagnostic[]> {
  return (await parsed()).diagnostics;
}

/** Document id → the document it repeats word for word (the same report filed under two names). */
export async function repeats(): Promise<Map<string, string>> {
  return (await parsed()).repeats;
}

export async function corpusMeta() {
  const entry = await getEntry('corpus', 'meta');
  if (!entry) throw new Error('the corpus collection has no meta entry');
  return entry.data;
}

/** Every region of the documents, by slug. */
export async function regionsBySlug(): Promise<Map<string, Region>> {
  return new Map((await allDocuments()).filter((d) => d.region).map((d) => [d.region!.slug, d.region!]));
}

/** One year's targets across regions, one distribution per indicator and measure in % (src/data/distribution.ts). */
export async function distributionsFor(year: number): Promise<Distribution[]> {
  // Once per year and parse: the year page, its indicator pages and the CSVs all ask for them.
  const cache = (await parsed()).distributions;
  let hit = cache.get(year);
  if (!hit) {
    hit = (async () => yearDistributions(await allComparisons((c) => c.year === year && c.horizon === 'annual'), await regionsBySlug(), year))();
    cache.set(year, hit);
  }
  return hit;
}
