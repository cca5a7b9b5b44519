// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import searchIndex from './src/integrations/search-index.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: 'static',
  // Absolute URLs (canonical links, sitemap, Open Graph) are built from this.
  site: process.env.SITE_URL || 'https://report-explorer.example',
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
  integrations: [searchIndex(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
});
