/**
 * Queries over the content collections, sorted (collection order is not
 * deterministic). Pages call these; the groupings live in catalog.ts.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Diagnostic, ReportDocument, Source } from '../lib/index.ts';
import { sortDocuments } from './catalog.ts';
import { documentMarkdown } from '../lib/cite/index.ts';
import { loadCorpus } from './load.ts';
import { absoluteUrl, reportPath, sourceSlug } from './urls.ts';

export async function allDocuments(): Promise<ReportDocument[]> {
  return sortDocuments((await getCollection('documents')).map((e) => e.data));
}

/** A document's Markdown, from the parser's tree (the parse of this build, load.ts), with its permalink and data version. */
export async function documentMarkdownText(id: string, site: URL | string | undefined): Promise<string> {
  const { result, trees } = loadCorpus();
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
  return (await getCollection('sources'))
    .map((e) => ({ slug: e.id, source: e.data }))
    .sort((a, b) => a.source.file.localeCompare(b.source.file));
}

/** Source URL names by file, for linking paragraphs to their lines. */
export async function sourceSlugs(): Promise<Map<string, string>> {
  return new Map((await allSources()).map((s) => [s.source.file, s.slug]));
}

export function slugOf(slugs: Map<string, string>, file: string): string {
  return slugs.get(file) ?? sourceSlug(file);
}

export async function allDiagnostics(): Promise<Diagnostic[]> {
  return (await getCollection('diagnostics')).sort((a, b) => a.id.localeCompare(b.id)).map((e) => e.data);
}

export async function corpusMeta() {
  const entry = await getEntry('corpus', 'meta');
  if (!entry) throw new Error('the corpus collection has no meta entry');
  return entry.data;
}
