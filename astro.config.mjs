// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindSearch from './src/integrations/pagefind.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: 'static',
  // Absolute URLs (canonical links, sitemap, Open Graph) are built from this.
  site: process.env.SITE_URL || 'https://report-explorer.example',
  trailingSlash: 'always',
  // The content store (data-store.json) lives with the project, not in node_modules/.astro:
  // worktrees that share one node_modules would otherwise read each other's stores mid-build.
  cacheDir: './.astro/cache',
  build: {
    // /reports/2024/ -> dist/reports/2024/index.html
    format: 'directory',
  },
  // `true` keeps one space between inline elements; Astro 7's default 'jsx' strips it
  // (see shared/notes/astro7-facts.md §2.10), which would glue Chinese and Latin runs together.
  compressHTML: true,
  // Search index (Pagefind, built from the parser's records) after every build.
  // Sitemap of every page (the reading site's; 404 excluded).
  integrations: [pagefindSearch(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
});
