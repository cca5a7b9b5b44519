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

/**
 * URL names of all source files, unique: where two files would get the same name (identical
 * copies under different non-ASCII names, or the same base name in two folders), the later
 * file (by path) gets `-2`, `-3` ….
 */
export function sourceSlugMap(sources: ReadonlyArray<{ file: string; sha256: string }>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const base = sourceSlug(s.file, s.sha256);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(s.file, slug);
  }
  return out;
}

export const sourcePath = (slug: string): string => `/sources/${slug}/`;
/** A line of a source page; with `endLine`, `?lines=a-b` lets the page mark the whole range (the #L anchor works without it). */
export const sourceLinePath = (slug: string, line: number, endLine?: number): string =>
  `${sourcePath(slug)}${endLine && endLine > line ? `?lines=${line}-${endLine}` : ''}#L${line}`;
export const rawSourcePath = (slug: string): string => `/data/sources/${slug}.txt`;

/** Absolute URL on the site (canonical links, citations, feed). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('the site URL is not configured (astro.config.mjs `site`, or SITE_URL)');
  return new URL(path, site).href;
}
