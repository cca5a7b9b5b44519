/**
 * Every URL the site makes, in one place: pages, components, endpoints, the feed,
 * the sitemap and the browser code (search, citations) build their paths here.
 * Site-absolute paths with the trailing slash (trailingSlash: 'always') that start
 * with the site's base path (`/`, or e.g. `/report-explorer/` when BASE_PATH is set,
 * see astro.config.mjs); ids are the parser's ids, never re-derived. Browser-safe.
 */

/** `/`, `/x/`: a leading and a trailing slash, nothing doubled. */
export function normalizeBase(base: string | undefined): string {
  const inner = (base ?? '').split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/**
 * The base path: Astro's `base` as Vite hands it to pages and browser code
 * (import.meta.env.BASE_URL), else BASE_PATH (Node scripts and tests, where Vite
 * does not run), else `/`.
 */
export const BASE: string = normalizeBase(viteBase() ?? (typeof process !== 'undefined' ? process.env.BASE_PATH : undefined));

function viteBase(): string | undefined {
  try {
    // Vite replaces exactly this expression with Astro's `base`; outside Vite, import.meta.env is undefined.
    return import.meta.env.BASE_URL;
  } catch {
    return undefined;
  }
}

/** A path under the base: sitePath('reports/') → `/report-explorer/reports/`. Accepts a leading slash. */
export function sitePath(path = ''): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** The path without the base (for comparing a location with the site's own routes). */
export function stripBase(pathname: string): string {
  return pathname.startsWith(BASE) ? `/${pathname.slice(BASE.length)}` : pathname;
}

export const homePath = (): string => sitePath();
export const reportsPath = (): string => sitePath('reports/');
export const reportPath = (id: string): string => sitePath(`reports/${id}/`);
export const anchorPath = (documentId: string, id: string): string => `${reportPath(documentId)}#${id}`;
export const regionsPath = (): string => sitePath('regions/');
export const regionPath = (slug: string): string => sitePath(`regions/${slug}/`);
export const yearsPath = (): string => sitePath('years/');
export const yearPath = (year: number | string): string => sitePath(`years/${year}/`);
/** A year's distribution for one indicator on a page of its own (years with many targets): /years/2024/gdp-growth/. */
export const yearDistributionPath = (year: number | string, key: string, measure: string): string => sitePath(`years/${year}/${key}-${measure}/`);
export const indicatorsPath = (): string => sitePath('indicators/');
export const indicatorPath = (key: string): string => sitePath(`indicators/${key}/`);
export const dataPath = (file = ''): string => sitePath(`data/${file}`);
export const documentJsonPath = (id: string): string => dataPath(`documents/${id}.json`);
export const documentMarkdownPath = (id: string): string => dataPath(`documents/${id}.md`);
export const schemaPath = (name: string): string => dataPath(`schema/${name}.schema.json`);
export const sourcesPath = (): string => sitePath('sources/');
export const aboutPath = (): string => sitePath('about/');
export const feedPath = (): string => sitePath('feed.xml');
export const sitemapPath = (): string => sitePath('sitemap-index.xml');
/** The search page, with a query when given. */
export const searchPath = (q?: string): string => sitePath(`search/${q ? `?q=${encodeURIComponent(q)}` : ''}`);
/** A phrase's uses across years and levels (/terms/?q=…), counted in the browser from the search index. */
export const termsPath = (q?: string): string => sitePath(`terms/${q ? `?q=${encodeURIComponent(q)}` : ''}`);
/** The search index's folder (src/integrations/search-index.ts writes it). */
export const searchIndexPath = (): string => sitePath('search/');

// From the module itself, not src/lib/index.ts: this file is in the browser bundles, and the index would bring zod with it.
export { sourceSlug, sourceSlugMap } from '../lib/source-names.ts';

export const sourcePath = (slug: string): string => sitePath(`sources/${slug}/`);
/** A line of a source page; with `endLine`, `?lines=a-b` lets the page mark the whole range (the #L anchor works without it). */
export const sourceLinePath = (slug: string, line: number, endLine?: number): string =>
  `${sourcePath(slug)}${endLine && endLine > line ? `?lines=${line}-${endLine}` : ''}#L${line}`;
export const rawSourcePath = (slug: string): string => dataPath(`sources/${slug}.txt`);
/** File name of a converted source's original: its URL name, with the format's extension where the name lacks it. */
export function originalName(slug: string, source: { format: string }): string {
  return slug.toLowerCase().endsWith(`.${source.format}`) ? slug : `${slug}.${source.format}`;
}
/** A Word, PDF or HTML source as published. */
export const originalPath = (slug: string, source: { format: string }): string => dataPath(`originals/${originalName(slug, source)}`);

/** Absolute URL on the site (canonical links, citations, feed). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (!site) throw new Error('the site URL is not configured (astro.config.mjs `site`, or SITE_URL)');
  return new URL(path, site).href;
}

/* Navigation, data and distribution pages (names the navigation code uses). */
export const regionsIndexPath = regionsPath;
export const yearsIndexPath = yearsPath;
export const indicatorsIndexPath = indicatorsPath;
export const sourcesIndexPath = sourcesPath;
/** A section of the /data/ page (#version, #targets-csv). */
export const dataSectionPath = (anchor: string): string => `${dataPath()}#${anchor}`;
export const dataVersionPath = (): string => dataSectionPath('version');
/** One year's targets for one indicator across regions, with the province and national targets beside each (CSV). */
export const yearDistributionCsvPath = (year: number, key: string, measure: string): string => sitePath(`years/${year}/${key}-${measure}.csv`);
/** The gaps between regions' targets and their parents' (层层加码) as CSV. */
export const indicatorHierarchyCsvPath = (key: string): string => `${indicatorPath(key)}hierarchy.csv`;
export const regionHierarchyCsvPath = (slug: string): string => `${regionPath(slug)}hierarchy.csv`;
/** What changed in a region's report of `year` from the year before (/regions/<slug>/changes/<year>/). */
export const changesPath = (slug: string, year: number | string): string => `${regionPath(slug)}changes/${year}/`;
