import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSite, formatProblems, siteOrigin } from '../helpers/links.ts';
import { distDir } from '../helpers/dist.ts';

describe('links in dist/', () => {
  const { pages, problems } = checkSite();
  test('every internal link and #fragment resolves; ids are unique', () => {
    expect(pages.length).toBeGreaterThan(0);
    if (problems.length > 0) expect.fail(`${problems.length} link problem(s):\n${formatProblems(problems)}`);
  });
  test('every download written is linked from a page (nothing is written that no page or download list uses)', () => {
    // Fetched by scripts or read by crawlers and feed readers, not linked: the bundles, the search index, the well-known files.
    const unlinkedByDesign = /^(_astro|search)\/|^(robots\.txt|sitemap-[\w-]+\.xml|favicon\.[a-z]+)$/;
    const linked = new Set<string>();
    for (const page of pages) {
      for (const ref of page.refs) {
        try {
          const url = new URL(ref.value.trim(), `${siteOrigin}${page.urlPath}`);
          if (url.origin === siteOrigin) linked.add(decodeURIComponent(url.pathname));
        } catch {
          // not a URL: the first test reports it
        }
      }
    }
    const files = (readdirSync(distDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile() && !d.name.endsWith('.html'))
      .map((d) => path.relative(distDir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
      .filter((rel) => !unlinkedByDesign.test(rel));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((rel) => !linked.has(`/${rel}`))).toEqual([]);
  });
});
