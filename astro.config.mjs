// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import searchIndex from './src/integrations/search-index.ts';

/**
 * Where the site is deployed (README, "Deploy"):
 *  - SITE_URL: its origin, e.g. https://example.github.io — permalinks, citations, the feed,
 *    the sitemap and the CSV downloads are absolute URLs built from it;
 *  - BASE_PATH: the path it is served under, e.g. /report-explorer/ (default /). Every link,
 *    asset and search fetch goes through src/data/urls.ts, which applies it.
 * A production build without SITE_URL still succeeds (the tests and CI build that way) but
 * says loudly that every absolute URL points to the placeholder domain below.
 */
const PLACEHOLDER_SITE = 'https://report-explorer.example';
const site = process.env.SITE_URL || PLACEHOLDER_SITE;
const base = (process.env.BASE_PATH || '/').replace(/^\/*/, '/').replace(/\/*$/, '/');

/** @type {import('astro').AstroIntegration} */
const siteUrlCheck = {
  name: 'report-explorer-site-url',
  hooks: {
    'astro:build:start': ({ logger }) => {
      if (process.env.SITE_URL) return;
      logger.warn(
        [
          '',
          '************************************************************************',
          `SITE_URL is not set: every permalink, citation, feed entry, sitemap URL and`,
          `CSV link in this build points to the placeholder ${PLACEHOLDER_SITE}.`,
          'Set it to deploy, e.g. SITE_URL=https://example.org BASE_PATH=/ npm run build',
          '************************************************************************',
        ].join('\n'),
      );
    },
  },
};

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: 'static',
  // Absolute URLs (canonical links, sitemap, Open Graph, citations) are built from these.
  site,
  base,
  trailingSlash: 'always',
  // Caches in the project, not in node_modules/ (which worktrees and CI caches may share): the content
  // layer's data store and Vite's pre-bundled dependencies.
  cacheDir: './.astro/cache',
  vite: { cacheDir: './.astro/vite' },
  build: {
    // /reports/2024/ -> dist/reports/2024/index.html
    format: 'directory',
  },
  // `true` keeps one space between inline elements; Astro 7's default 'jsx' strips it
  // (see shared/notes/astro7-facts.md §2.10), which would glue Chinese and Latin runs together.
  compressHTML: true,
  // Search index (src/integrations/search-index.ts, built from the parser's records) after every build.
  // Sitemap of every page (the reading site's; 404 excluded).
  integrations: [siteUrlCheck, searchIndex(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
});
