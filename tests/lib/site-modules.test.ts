// The reading site's pure modules: data version, CITATION.cff, URLs, groupings and figure words.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { citationCff } from '../../src/lib/cite/cff.ts';
import { dataVersion } from '../../src/lib/parse/data-version.ts';
import {
  coverageFor, diagnosticsFor, groupByRegion, groupByYear, neighbours, paragraphBlocks, reportGrid, sectionLabel, sortDocuments, tocTree,
  unclaimedDiagnostics,
} from '../../src/data/catalog.ts';
import { chineseDate, citeAuthor, regionWithParents } from '../../src/data/format.ts';
import { absoluteUrl, sourceSlug, sourceSlugMap } from '../../src/data/urls.ts';
import { parseText } from '../../src/lib/parse/index.ts';
import { splitDistributions, YEAR_PAGE_MARKERS } from '../../src/data/distribution.ts';
import { parsedSeeds } from './seeds.ts';

const result = parsedSeeds();
const docs = result.documents;
const byId = (id: string) => docs.find((d) => d.id === id)!;

describe('dataVersion', () => {
  const sources = [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }];
  it('is 12 hex digits, independent of source order', () => {
    expect(dataVersion('1.0.0', sources)).toMatch(/^[0-9a-f]{12}$/);
    expect(dataVersion('1.0.0', [...sources].reverse())).toBe(dataVersion('1.0.0', sources));
  });
  it('changes with the parser version and with any source', () => {
    const v = dataVersion('1.0.0', sources);
    expect(dataVersion('1.0.1', sources)).not.toBe(v);
    expect(dataVersion('1.0.0', [sources[0]!, { sha256: 'c'.repeat(64) }])).not.toBe(v);
    expect(dataVersion('1.0.0', [sources[0]!])).not.toBe(v);
  });
});

describe('citationCff', () => {
  const input = {
    title: 'Report Explorer: "语料"',
    abstract: 'a: b # not a comment',
    version: '810c44942735',
    dateReleased: '2026-11-22',
    url: 'https://example.org/data/',
    authors: ['Report Explorer contributors'],
    keywords: ['政府工作报告', 'yes'],
  };
  it('is YAML that reads back to the same values', () => {
    const y = load(citationCff(input)) as Record<string, unknown>;
    expect(y).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      title: input.title,
      abstract: input.abstract,
      version: input.version,
      'date-released': input.dateReleased,
      url: input.url,
      authors: [{ name: 'Report Explorer contributors' }],
      keywords: ['政府工作报告', 'yes'],
    });
  });
  it('refuses a bad date and a missing author', () => {
    expect(() => citationCff({ ...input, dateReleased: '2026/11/22' })).toThrow(/date-released/);
    expect(() => citationCff({ ...input, authors: [] })).toThrow(/author/);
  });
});

describe('urls', () => {
  it('names source pages by the file base name, or by hash when the name is not URL-safe', () => {
    expect(sourceSlug('seeds/000_fe6c1bb2e7835634.txt')).toBe('000_fe6c1bb2e7835634');
    expect(sourceSlug('C:\\x\\report.TXT')).toBe('report');
    expect(sourceSlug('报告 2024.txt', 'ab'.repeat(32))).toBe('source-abababababab');
    expect(() => sourceSlug('报告.txt')).toThrow(/not URL-safe/);
  });
  it('gives identical copies and same-named files in two folders distinct source names', () => {
    const sha = 'ab'.repeat(32);
    const slugs = sourceSlugMap([
      { file: 'b/台州.txt', sha256: sha },
      { file: 'a/襄阳.txt', sha256: sha },
      { file: 'x/1954.txt', sha256: 'cd'.repeat(32) },
      { file: 'y/1954.txt', sha256: 'ef'.repeat(32) },
    ]);
    expect([...slugs.entries()].sort()).toEqual([
      ['a/襄阳.txt', 'source-abababababab'],
      ['b/台州.txt', 'source-abababababab-2'],
      ['x/1954.txt', '1954'],
      ['y/1954.txt', '1954-2'],
    ]);
  });
  it('refuses to make absolute URLs without a site', () => {
    expect(absoluteUrl('/reports/x/', 'https://e.org/')).toBe('https://e.org/reports/x/');
    expect(() => absoluteUrl('/x/', undefined)).toThrow(/site URL/);
  });
});

describe('catalog over the seeds', () => {
  it('groups by region (prefectures before counties, then by division code) with newest first', () => {
    const groups = groupByRegion(docs);
    expect(groups.map((g) => g.region.slug)).toEqual(['yantai', 'weihai', 'rongcheng']);
    expect(groups[2]!.documents.map((d) => d.year)).toEqual([2024, 2023, 2022, 2021]);
    const weihai = groups[1]!.documents.map((d) => d.id);
    expect(weihai).toEqual(['weihai-2025', 'weihai-2024', 'weihai-2024-coverage']);
  });
  it('groups by year, newest first, and sorts the whole catalogue deterministically', () => {
    expect(groupByYear(docs).map((g) => g.year)).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(sortDocuments([...docs].reverse()).map((d) => d.id)).toEqual(sortDocuments(docs).map((d) => d.id));
  });
  it('lays out regions × years with every document in exactly one cell', () => {
    const grid = reportGrid(docs);
    expect(grid.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    const cells = grid.rows.flatMap((r) => r.cells.flat());
    expect(cells.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    const rongcheng = grid.rows.find((r) => r.region.slug === 'rongcheng')!;
    expect(rongcheng.cells[4]).toEqual([]);
  });
  it('finds the previous and next report of the same region, skipping coverage', () => {
    expect(neighbours(docs, byId('rongcheng-2023'))).toMatchObject({ prev: { id: 'rongcheng-2022' }, next: { id: 'rongcheng-2024' } });
    expect(neighbours(docs, byId('rongcheng-2021')).prev).toBeNull();
    expect(neighbours(docs, byId('weihai-2024')).next?.id).toBe('weihai-2025');
    expect(neighbours(docs, byId('weihai-2024-coverage'))).toMatchObject({ prev: null, next: { id: 'weihai-2025' } });
    expect(coverageFor(docs, 'weihai-2024').map((d) => d.id)).toEqual(['weihai-2024-coverage']);
  });
  it('gives every diagnostic of a file to at most one document, and the rest to the file', () => {
    for (const src of result.sources) {
      const inFile = docs.filter((d) => d.sourceFile === src.file);
      const claimed = inFile.flatMap((d) => diagnosticsFor(d, result.diagnostics));
      expect(new Set(claimed).size).toBe(claimed.length);
      const all = [...claimed, ...unclaimedDiagnostics(src.file, docs, result.diagnostics)];
      expect(all.length).toBe(result.diagnostics.filter((x) => x.file === src.file).length);
    }
    const notes = diagnosticsFor(byId('rongcheng-2024'), result.diagnostics).map((d) => d.ruleId);
    expect(notes).toContain('date-damaged');
    expect(notes).toContain('heading-number-lost');
    expect(diagnosticsFor(byId('rongcheng-2023'), result.diagnostics).map((d) => d.ruleId)).not.toContain('date-damaged');
  });
  it('nests the TOC by parent, in order, covering every section once', () => {
    for (const d of docs) {
      const ids: string[] = [];
      const walk = (ns: ReturnType<typeof tocTree>) => ns.forEach((n) => (ids.push(n.id), walk(n.children)));
      walk(tocTree(d.sections));
      expect(ids).toEqual([...d.sections].sort((a, b) => a.order - b.order).map((s) => s.id));
    }
    const rc = tocTree(byId('rongcheng-2024').sections);
    const s2 = rc.find((n) => n.id === 's2')!;
    expect(s2.children[0]).toMatchObject({ id: 's2-1', numbered: false });
    expect(s2.children[0]!.label.startsWith('（一）')).toBe(true);
  });
  it('labels sections without trailing punctuation, the opening and untitled parts', () => {
    expect(sectionLabel({ text: '（一）稳增长。', level: 2, ordinal: '（一）', numbered: true })).toBe('（一）稳增长');
    expect(sectionLabel({ text: '', level: 0, ordinal: null, numbered: false })).toBe('开篇');
    expect(sectionLabel({ text: '', level: 1, ordinal: null, numbered: false })).toBe('（无标题部分）');
  });
  it('groups consecutive "——" points into one list', () => {
    const kinds = ['body', 'bullet', 'bullet', 'body', 'bullet'].map((kind, i) => ({ kind, index: i + 1 }));
    const blocks = paragraphBlocks(kinds);
    expect(blocks.map((b) => (b.list ? `list${b.items.length}` : 'p'))).toEqual(['p', 'list2', 'p', 'list1']);
  });
});

describe('format', () => {
  it('writes dates, regions and citation authors', () => {
    expect(chineseDate('2023-01-08')).toBe('2023年1月8日');
    expect(regionWithParents(byId('rongcheng-2023').region)).toBe('荣成市（山东省威海市）');
    expect(citeAuthor(byId('rongcheng-2023'))).toBe('荣成市人民政府');
    expect(citeAuthor(byId('weihai-2024-coverage'))).toBeNull();
  });
});

describe('assertParsable', () => {
  it('passes warnings and stops on errors, naming every file and line', async () => {
    const { assertParsable } = await import('../../src/data/corpus-check.ts');
    const { parseSources } = await import('../../src/lib/parse/index.ts');
    expect(() => assertParsable(result, 'seeds')).not.toThrow();
    const bad = parseSources([
      { file: 'ok.txt', bytes: new TextEncoder().encode('各位代表：\n\n一、工作回顾\n\n一年来，生产总值增长5%。') },
      { file: 'binary.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
    ]);
    expect(bad.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(() => assertParsable(bad, '/tmp/reports')).toThrow(/the sources in \/tmp\/reports could not be parsed \(1 error\):\n {2}binary\.txt:\d+:\d+ \[[a-z-]+\]/);
  });
});

describe('marks in press coverage', () => {
  it('cuts a paragraph around each mark, first occurrence, no overlaps, text preserved', async () => {
    const { markSegments } = await import('../../src/data/catalog.ts');
    const m = (text: string) => ({ text, href: `#${text}`, kind: 'exact', title: '' });
    const segs = markSegments('甲乙丙丁甲乙', [m('丙丁'), m('甲乙'), m('乙丙'), m('无')]);
    expect(segs.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('')).toBe('[甲乙][丙丁]甲乙');
    expect(markSegments('文字', []).map((s) => s.text)).toEqual(['文字']);
  });
  it('marks every quotation and differing figure of the coverage in its own paragraph', async () => {
    const { coverageMarks, markSegments } = await import('../../src/data/catalog.ts');
    const cov = byId('weihai-2024-coverage');
    const marks = coverageMarks(cov);
    let placed = 0;
    for (const p of cov.paragraphs) {
      const segs = markSegments(p.text, marks.get(p.id));
      expect(segs.map((s) => s.text).join('')).toBe(p.text);
      placed += segs.filter((s) => s.mark).length;
    }
    expect(placed).toBe(cov.quotes.length + cov.discrepancies.length);
  });
});

describe('tocTree', () => {
  // The shape of hebei/河北省_2003.txt: part names on lines of their own above items numbered 一、二、… twice.
  const d = parseText(
    '各位代表：\n现在，我代表河北省人民政府向大会作政府工作报告，请予审议。\n过去五年回顾和2002年工作情况\n一、国民经济持续快速健康发展\n五年来，全省生产总值年均增长9.5%。\n二、经济体制改革取得重要进展\n国有企业改革不断深化。\n2003年主要工作及措施\n一、继续坚持扩大内需方针\n今年要扩大投资。\n二、促进农业和农村经济全面发展\n千方百计增加农民收入。\n',
    '河北省_2003.txt',
  ).documents[0]!;

  it('lists each part line above the sections it opens, linking to its paragraph', () => {
    const toc = tocTree(d.sections, d.paragraphs);
    expect(toc.map((n) => [n.label, n.part ?? false])).toEqual([
      ['开篇', false],
      ['过去五年回顾和2002年工作情况', true],
      ['一、国民经济持续快速健康发展', false],
      ['二、经济体制改革取得重要进展', false],
      ['2003年主要工作及措施', true],
      ['一、继续坚持扩大内需方针', false],
      ['二、促进农业和农村经济全面发展', false],
    ]);
    for (const n of toc.filter((x) => x.part)) expect(d.paragraphs.find((p) => p.id === n.id)?.kind).toBe('part');
  });

  it('without part lines, is the sections alone', () => {
    expect(tocTree(d.sections).some((n) => n.part)).toBe(false);
    const seed = parsedSeeds().documents[0]!;
    expect(tocTree(seed.sections, seed.paragraphs).filter((n) => n.part)).toEqual([]);
  });
});

describe('splitDistributions', () => {
  const dist = (n: number) => ({ points: Array.from({ length: n }, (_, i) => i) });
  it('keeps every distribution on the year page while the markers fit', () => {
    const ds = [dist(100), dist(100), dist(YEAR_PAGE_MARKERS - 200)];
    expect(splitDistributions(ds)).toEqual({ inline: ds, own: [] });
  });
  it('beyond that, the page draws the first (most regions) and the rest get pages of their own', () => {
    const ds = [dist(89), dist(83), dist(77), dist(73)];
    const { inline, own } = splitDistributions(ds);
    expect(inline).toEqual([ds[0]]);
    expect(own).toEqual(ds.slice(1));
  });
});
