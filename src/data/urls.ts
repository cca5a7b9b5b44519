/**
 * Every URL the site makes, in one place. Site-absolute paths with the trailing
 * slash (trailingSlash: 'always'); ids are the parser's ids, never re-derived.
 */

export const reportPath = (id: string): string => `/reports/${id}/`;
export const anchorPath = (documentId: string, id: string): string => `${reportPath(documentId)}#${id}`;
export const regionPath = (slug: string): string => `/regions/${slug}/`;
export const yearPath = (year: number | string): string => `/years/${year}/`;
export const documentJsonPath = (id: string): string => `/data/documents/${id}.json`;
export const documentMarkdownPath = (id: string): string => `/data/documents/${id}.md`;

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * URL name of a source file: its base name without `.txt` (seeds/000_ab.txt → 000_ab).
 * Names with other characters get a stable ASCII name from the file's sha256 instead.
 */
export function sourceSlug(file: string, sha256?: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.txt$/i, '');
  if (SAFE.test(base)) return base;
  if (!sha256) throw new Error(`source file name ${JSON.stringify(file)} is not URL-safe and no sha256 was given to name it`);
  return `source-${sha256.slice(0, 12)}`;
}

export const sourcePath = (slug: string): string => `/sources/${slug}/`;
/** A line of a source page; with `endLine`, `?lines=a-b` lets the page mark the whole range (the #L anchor works without it). */
export const sourceLinePath = (slug: string, line: number, endLine?: number): string =>
  `${sourcePath(slug)}${endLine && endLine > line ? `?lines=${line}-${endLine}` : ''}#L${line}`;
export const rawSourcePath = (slug: string): string => `/data/sources/${slug}.txt`;
/** File name of a converted source's original: its URL name, with the format's extension where the name lacks it. */
export function originalName(slug: string, source: { format: string }): string {
  return slug.toLowerCase().endsWith(`.${source.format}`) ? slug : `${slug}.${source.format}`;
}
/** A Word, PDF or HTML source as published. */
export const originalPath = (slug: string, source: { format: string }): string => `/data/originals/${originalName(slug, source)}`;

/** Absolute URL on the site (canonical links, citations, feed). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('the site URL is not configured (astro.config.mjs `site`, or SITE_URL)');
  return new URL(path, site).href;
}

/** An indicator's page, and the gaps between regions' targets and their parents' (层层加码) as CSV. */
export const indicatorPath = (key: string): string => `/indicators/${key}/`;
export const indicatorHierarchyCsvPath = (key: string): string => `${indicatorPath(key)}hierarchy.csv`;
export const regionHierarchyCsvPath = (slug: string): string => `${regionPath(slug)}hierarchy.csv`;
/** What changed in a region's report of `year` from the year before (/regions/<slug>/changes/<year>/). */
export const changesPath = (slug: string, year: number | string): string => `${regionPath(slug)}changes/${year}/`;
/** How often reports use a phrase across years (the terms page reads ?q= in the browser). */
export const termsPath = (phrase?: string): string => `/terms/${phrase ? `?q=${encodeURIComponent(phrase)}` : ''}`;
export const termDocsPath = '/terms/docs.json';
