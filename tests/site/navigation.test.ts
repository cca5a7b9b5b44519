// Navigation as built in dist/: every region under its province on the home page and /regions/,
// and every year page's distributions (markers, table and CSV) holding the records' numbers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, test } from 'vitest';
import { groupByYear } from '../../src/data/catalog.ts';
import { DISTRIBUTION_COLUMNS, splitDistributions, yearDistributions } from '../../src/data/distribution.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { directory, yearReports } from '../../src/data/navigation.ts';
import { regionPath, reportPath } from '../../src/data/urls.ts';
import { buildComparisons } from '../../src/lib/compare/index.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';
import { distDir, readDist } from '../helpers/dist.ts';
import { projectRoot } from '../helpers/paths.ts';

const { result } = await loadCorpus(projectRoot);
const docs = result.documents;
const comparisons = buildComparisons(result);
const regions = new Map(docs.filter((d) => d.region).map((d) => [d.region!.slug, d.region!]));
const dir = directory(docs);

type El = T.Element;
const attr = (e: El, name: string) => e.attrs.find((a) => a.name === name)?.value;
function all(root: T.ParentNode, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of root.childNodes) {
    if (!('tagName' in c)) continue;
    if (pred(c as El)) out.push(c as El);
    all(c as El, pred, out);
  }
  return out;
}
const hasClass = (e: El, c: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(c);
const hrefs = (root: T.ParentNode) => all(root, (e) => e.tagName === 'a').map((a) => attr(a, 'href'));

describe('regions grouped by province', () => {
  for (const page of ['index.html', 'regions/index.html']) {
    test(`${page}: each province section lists its regions and their years, each region once`, () => {
      const doc = parse(readDist(page));
      const sections = all(doc, (e) => e.tagName === 'section' && hasClass(e, 'dir-prov'));
      expect(sections.length).toBe(dir.provinces.length + (dir.national ? 1 : 0));
      const seen: string[] = [];
      for (const p of dir.provinces) {
        const code = p.division.code!;
        const section = sections.find((s) => attr(s, 'data-province') === code);
        expect(section, `${page}: section for ${p.division.name}`).toBeTruthy();
        const links = hrefs(section!);
        for (const place of p.places) {
          if (place.region.level !== 'province') expect(links, `${page}: ${place.region.name} under ${p.division.name}`).toContain(regionPath(place.region.slug));
          for (const y of yearReports(place)) expect(links).toContain(reportPath(y.doc.id));
          seen.push(place.region.slug);
        }
        // Rows carry what the filters read.
        const rows = all(section!, (e) => e.tagName === 'li' && hasClass(e, 'dir-row') && !!attr(e, 'data-level'));
        expect(rows.length).toBe(p.places.length);
        for (const r of rows) expect(attr(r, 'data-province')).toBe(code);
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(seen)).toEqual(new Set(docs.filter((d) => d.region && d.region.level !== 'national').map((d) => d.region!.slug)));
      // The filter form is there for the script.
      const form = all(doc, (e) => hasClass(e, 'dir-filters'))[0]!;
      expect(all(form, (e) => e.tagName === 'select').map((s) => attr(s, 'name'))).toEqual(['level', 'year', 'province']);
    });
  }
});

describe('year pages: each indicator\'s targets across regions', () => {
  for (const { year } of groupByYear(docs)) {
    const dists = yearDistributions(comparisons, regions, year);
    test(`${year}: ${dists.length} distributions, markers and table rows as the records, CSV with the same rows`, () => {
      // A year of many markers draws its first distribution and gives the others pages of their own.
      const { own } = splitDistributions(dists);
      const yearPage = parse(readDist(`years/${year}/index.html`));
      for (const d of dists) {
        const doc = own.includes(d) ? parse(readDist(`years/${year}/${d.indicator.key}-${d.measure}/index.html`)) : yearPage;
        const fig = all(doc, (e) => attr(e, 'id') === d.id)[0];
        expect(fig, d.id).toBeTruthy();
        const markers = all(fig!, (e) => e.tagName === 'span' && hasClass(e, 'mk') && !!attr(e, 'title'));
        const points = markers.filter((m) => !hasClass(m, 'prov'));
        expect(points.length, d.id).toBe(d.points.length);
        expect(points.map((m) => attr(m, 'title')!.split('：')[0])).toEqual(d.rows.flatMap((r) => r.points.map((p) => p.name)));
        expect(markers.filter((m) => hasClass(m, 'prov')).length).toBe(d.rows.filter((r) => r.target).length);
        // Table: a row per point (plus the province and national rows), each linking to the sentence.
        const links = hrefs(fig!);
        for (const p of d.points) expect(links).toContain(p.url);
        expect(links).toContain(d.csvPath);
        const file = path.join(distDir, d.csvPath);
        expect(existsSync(file), d.csvPath).toBe(true);
        const [head, ...rows] = parseCsv(readDist(d.csvPath.slice(1)));
        expect(head).toEqual([...DISTRIBUTION_COLUMNS]);
        expect(rows.length).toBe(d.points.length + d.rows.filter((r) => r.target).length + (d.national ? 1 : 0));
        const at = head!.indexOf('placed_at');
        const region = head!.indexOf('region');
        for (const p of d.points) expect(rows.find((r) => r[region] === p.name)?.[at], `${d.csvPath} ${p.name}`).toBe(String(p.at));
      }
    });
  }
});
