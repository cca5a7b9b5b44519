// The reading site as built in dist/: every document and anchor, provenance links, contracts, downloads.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { load as loadYaml } from 'js-yaml';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { FIGURE_COLUMNS, RESULT_EXTRA } from '../../src/data/downloads.ts';
import { sourceSlug } from '../../src/data/urls.ts';
import { buildComparisons, regionSeries } from '../../src/lib/compare/index.ts';
import { dataVersion } from '../../src/lib/parse/data-version.ts';
import { parseCsv } from '../../src/lib/text/csv.ts';
import { stripSpace } from '../../src/lib/text/index.ts';
import { distDir, listHtml, readDist } from '../helpers/dist.ts';
import { projectRoot } from '../helpers/paths.ts';

const corpus = await loadCorpus(projectRoot);
const { documents, sources } = corpus.result;
const site = new URL(process.env.SITE_URL || 'https://report-explorer.example');
const version = dataVersion(corpus.result.parserVersion, sources);

interface El {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** Every element of a page with attributes and text content (parse5, as a browser parses it). */
function elements(html: string): El[] {
  const out: El[] = [];
  const text = (n: T.ParentNode): string =>
    n.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? (c as T.TextNode).value : 'childNodes' in c ? text(c as T.ParentNode) : '')).join('');
  const walk = (n: T.ParentNode) => {
    for (const c of n.childNodes) {
      if (!('tagName' in c)) continue;
      const el = c as T.Element;
      out.push({ tag: el.tagName, attrs: Object.fromEntries(el.attrs.map((a) => [a.name, a.value])), text: text(el) });
      walk(el.tagName === 'template' ? (el as unknown as { content: T.ParentNode }).content : el);
    }
  };
  walk(parse(html));
  return out;
}

const pageCache = new Map<string, El[]>();
function page(rel: string): El[] {
  if (!pageCache.has(rel)) pageCache.set(rel, elements(readDist(rel)));
  return pageCache.get(rel)!;
}

describe('every document has a page with every anchor the parser produced, exactly once', () => {
  test('the corpus is not empty', () => {
    expect(documents.length).toBeGreaterThan(0);
  });
  for (const doc of documents) {
    test(`${doc.id}`, () => {
      const rel = `reports/${doc.id}/index.html`;
      expect(existsSync(path.join(distDir, rel)), `${rel} missing`).toBe(true);
      const els = page(rel);
      const ids = new Map<string, El[]>();
      for (const e of els) if (e.attrs.id) ids.set(e.attrs.id, [...(ids.get(e.attrs.id) ?? []), e]);
      for (const s of doc.sections) {
        const found = ids.get(s.id) ?? [];
        expect(found.length, `section ${s.id}`).toBe(1);
        if (s.level > 0) expect(found[0]!.tag, `section ${s.id} is a heading`).toMatch(/^h[2-4]$/);
        if (s.level > 0 && s.text.trim()) expect(found[0]!.text).toContain(s.text.replace(/^[（(][一二三四五六七八九十]+[）)]/, '').slice(0, 6));
      }
      for (const p of doc.paragraphs) {
        const found = ids.get(p.id) ?? [];
        expect(found.length, `paragraph ${p.id}`).toBe(1);
        expect(['p', 'li']).toContain(found[0]!.tag);
        expect(stripSpace(found[0]!.text), `paragraph ${p.id} text`).toContain(stripSpace(p.text));
      }
      const h1 = els.filter((e) => e.tag === 'h1');
      expect(h1.map((e) => e.text)).toEqual([doc.title]);
    });
  }
});

describe('provenance', () => {
  test('every paragraph links to the source line it starts on, and that line holds its first words', () => {
    for (const doc of documents) {
      const src = sources.find((s) => s.file === doc.sourceFile)!;
      const slug = sourceSlug(src.file, src.sha256);
      const lines = src.text.split(/\r\n|\r|\n/);
      const links = new Set(page(`reports/${doc.id}/index.html`).filter((e) => e.tag === 'a').map((e) => e.attrs.href));
      for (const p of doc.paragraphs) {
        const { startLine, endLine } = p.position;
        const href = `/sources/${slug}/${endLine > startLine ? `?lines=${startLine}-${endLine}` : ''}#L${startLine}`;
        expect(links.has(href), `${doc.id} ${p.id} → ${href}`).toBe(true);
        const line = stripSpace(lines[p.position.startLine - 1] ?? '');
        expect(line.startsWith(stripSpace(p.text).slice(0, 4)) || line.includes(stripSpace(p.text).slice(0, 4)), `${doc.id} ${p.id} vs line ${p.position.startLine}`).toBe(true);
      }
    }
  });

  for (const src of sources) {
    test(`source page ${src.file}: sha256 and a #L anchor on every line`, () => {
      const slug = sourceSlug(src.file, src.sha256);
      const els = page(`sources/${slug}/index.html`);
      const ids = els.map((e) => e.attrs.id).filter((id): id is string => !!id && /^L\d+$/.test(id));
      expect(ids).toEqual(Array.from({ length: src.lines }, (_, i) => `L${i + 1}`));
      expect(els.some((e) => e.text === src.sha256)).toBe(true);
      const raw = readFileSync(path.join(distDir, `data/sources/${slug}.txt`));
      expect(createHash('sha256').update(raw).digest('hex')).toBe(src.sha256);
    });
  }
});

describe('page contracts', () => {
  const files = listHtml();
  test('every page is zh-CN, has the GET search form, and (except 404) a canonical URL and Open Graph tags', () => {
    for (const rel of files) {
      if (rel.startsWith('pagefind/')) continue;
      const els = page(rel);
      expect(els.find((e) => e.tag === 'html')?.attrs.lang, rel).toBe('zh-CN');
      const form = els.find((e) => e.tag === 'form' && e.attrs.role === 'search' && e.attrs.action === '/search/');
      expect(form?.attrs.method, `${rel}: header search form`).toBe('get');
      expect(els.some((e) => e.tag === 'input' && e.attrs.type === 'search' && e.attrs.name === 'q'), rel).toBe(true);
      if (rel === '404.html') continue;
      const canonical = els.find((e) => e.tag === 'link' && e.attrs.rel === 'canonical')?.attrs.href;
      expect(canonical, rel).toBe(new URL(`/${rel.replace(/index\.html$/, '')}`, site).href);
      for (const p of ['og:title', 'og:url', 'og:type', 'og:locale']) expect(els.some((e) => e.tag === 'meta' && e.attrs.property === p), `${rel} ${p}`).toBe(true);
    }
  });
  test('data-pagefind-body only on report and coverage pages', () => {
    for (const rel of files) {
      const body = page(rel).filter((e) => 'data-pagefind-body' in e.attrs);
      if (/^reports\/[^/]+\/index\.html$/.test(rel)) {
        expect(body.map((e) => e.tag), rel).toEqual(['main']);
      } else if (!rel.startsWith('search/')) {
        expect(body, rel).toEqual([]);
      }
    }
  });
  test('report pages carry Pagefind filters for region, year and kind', () => {
    for (const doc of documents) {
      const els = page(`reports/${doc.id}/index.html`);
      const filters = Object.fromEntries(els.filter((e) => e.attrs['data-pagefind-filter']).map((e) => [e.attrs['data-pagefind-filter'], e.text.trim()]));
      expect(filters.year, doc.id).toBe(String(doc.year));
      expect(filters.region, doc.id).toBe(doc.region!.name);
      expect(filters.kind, doc.id).toBeTruthy();
    }
  });
  test('region and year pages exist for every region and year', () => {
    for (const doc of documents) {
      expect(existsSync(path.join(distDir, `regions/${doc.region!.slug}/index.html`))).toBe(true);
      expect(existsSync(path.join(distDir, `years/${doc.year}/index.html`))).toBe(true);
    }
  });
  test('the coverage page says it is coverage, links the report it covers, and checks every quote and discrepancy', () => {
    for (const doc of documents.filter((d) => d.kind === 'coverage')) {
      const els = page(`reports/${doc.id}/index.html`);
      const hrefs = els.filter((e) => e.tag === 'a').map((e) => e.attrs.href);
      expect(hrefs).toContain(`/reports/${doc.covers}/`);
      expect(els.some((e) => e.text.includes('新闻报道'))).toBe(true);
      for (const q of doc.quotes) {
        if (q.source) expect(hrefs).toContain(`/reports/${q.source.documentId}/#${q.source.paragraphId}`);
        expect(hrefs).toContain(`#${q.paragraphId}`);
      }
      const items = els.filter((e) => e.tag === 'li' && (e.attrs.class ?? '').startsWith('quote '));
      expect(items.length).toBe(doc.quotes.length);
      for (const [i, q] of doc.quotes.entries()) {
        const expected = { exact: '一字不差', differing: '有出入', 'not-found': '报告中未找到' }[q.match];
        expect(items[i]!.text).toContain(expected);
        if (q.match === 'differing') {
          expect(items[i]!.text).toContain(`相似度 ${Math.round(q.similarity * 100)}%`);
          expect(items[i]!.text).toContain(q.sourceText!);
        }
      }
      for (const d of doc.discrepancies) {
        expect(hrefs).toContain(`#${d.coverage.paragraphId}`);
        expect(hrefs).toContain(`/reports/${d.report.documentId}/#${d.report.paragraphId}`);
      }
    }
  });
  test('no page loads anything from another host', () => {
    for (const rel of files) {
      for (const e of page(rel)) {
        const url = e.tag === 'script' ? e.attrs.src : e.tag === 'link' && e.attrs.rel !== 'canonical' && e.attrs.rel !== 'alternate' ? e.attrs.href : ['img', 'iframe', 'source', 'video', 'audio'].includes(e.tag) ? e.attrs.src : undefined;
        if (url && /^(https?:)?\/\//.test(url)) expect(new URL(url, site).origin, `${rel}: <${e.tag}> ${url}`).toBe(site.origin);
      }
    }
    const assets = readdirSync(path.join(distDir, '_astro'));
    for (const f of assets.filter((x) => x.endsWith('.css'))) {
      expect(readFileSync(path.join(distDir, '_astro', f), 'utf8'), f).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import/);
    }
  });
});

describe('downloads', () => {
  let ajv: InstanceType<typeof Ajv2020>;
  beforeAll(() => {
    ajv = new Ajv2020({ strict: false, allErrors: true });
  });
  const schema = (name: string) => JSON.parse(readDist(`data/schema/${name}.schema.json`));

  test('every document as JSON: the parser record itself, valid against document.schema.json', () => {
    const validate = ajv.compile(schema('document'));
    for (const doc of documents) {
      const json = JSON.parse(readDist(`data/documents/${doc.id}.json`));
      expect(validate(json), `${doc.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(json).toEqual(doc);
    }
  });
  test('corpus.json is valid against corpus.schema.json and holds every document', () => {
    const validate = ajv.compile(schema('corpus'));
    const json = JSON.parse(readDist('data/corpus.json'));
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    expect(json.documents.map((d: { id: string }) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
  });
  test('the schemas reject a record with a wrong field', () => {
    const validate = ajv.compile(schema('target'));
    const t = { ...documents.find((d) => d.targets.length)!.targets[0]!, kind: 'nonsense' };
    expect(validate(t)).toBe(false);
  });
  test('every document as Markdown, starting with its title', () => {
    for (const doc of documents) {
      const md = readDist(`data/documents/${doc.id}.md`);
      expect(md.startsWith(`# ${doc.title}\n`)).toBe(true);
      for (const p of doc.paragraphs.filter((x) => x.kind === 'body').slice(0, 5)) expect(md).toContain(p.text);
    }
  });
  for (const [name, key, extra] of [['targets', 'targets', []], ['results', 'results', RESULT_EXTRA]] as const) {
    test(`${name}.csv: BOM, documented columns, one row per record`, () => {
      const text = readDist(`data/${name}.csv`);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(text);
      expect(rows[0]).toEqual([...FIGURE_COLUMNS, ...extra].map((c) => c.name));
      const all = documents.flatMap((d) => d[key]);
      expect(rows.length - 1).toBe(all.length);
      const quoteCol = rows[0]!.indexOf('quote');
      expect(rows.slice(1).map((r) => r[quoteCol]).sort()).toEqual(all.map((f) => f.quote).sort());
      const documented = new Set(page('data/index.html').filter((e) => e.tag === 'code').map((e) => e.text));
      for (const c of rows[0]!) expect(documented.has(c), `column ${c} documented on /data/`).toBe(true);
    });
  }
  test('CITATION.cff carries the data version; /data/ shows it', () => {
    const cff = loadYaml(readDist('data/CITATION.cff')) as Record<string, unknown>;
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.version).toBe(version);
    expect(readDist('data/index.html')).toContain(version);
  });
  test('the Atom feed lists every document with a link to its page', () => {
    const xml = readDist('feed.xml');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const links = [...xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)"/g)].map((m) => new URL(m[1]!).pathname);
    expect(links.sort()).toEqual(documents.map((d) => `/reports/${d.id}/`).sort());
  });
  test('the sitemap lists every report page', () => {
    const xml = readdirSync(distDir).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readDist(f)).join('');
    for (const d of documents) expect(xml).toContain(new URL(`/reports/${d.id}/`, site).href);
    expect(xml).not.toContain('/404');
  });
});

describe('indicator pages', () => {
  const rows = buildComparisons(corpus.result);

  test.each(['gdp', 'fiscal-revenue', 'urban-employment'])('/indicators/%s/ charts the series with three years or more, nation first, and counts the rest', (key) => {
    const html = readDist(`indicators/${key}/index.html`);
    const mine = rows.filter((c) => c.indicator.key === key);
    const slugs = [...new Set(mine.map((c) => c.region.slug))];
    const all = slugs.flatMap((s) => regionSeries(mine, s));
    const long = all.filter((s) => s.points.filter((p) => p.comparisonId).length >= 3);
    const drawn = [...html.matchAll(/<comparison-chart[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(drawn)).toEqual(new Set(long.map((s) => s.id)));
    const short = slugs.filter((s) => { const ss = all.filter((x) => x.id.startsWith(`region-${s}-`)); return ss.length > 0 && !ss.some((x) => long.includes(x)); }).length;
    if (short) expect(stripSpace(html)).toContain(`另有${short}个地区只有一两年的数字`);
    const withTarget = mine.filter((c) => c.horizon === 'annual' && c.target);
    expect([...html.matchAll(/<tr id="c-/g)].length).toBe(withTarget.length + mine.filter((c) => c.horizon === 'five-year').length);
  });
});
