import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, fragmentUrl, INDEX_LANGUAGE } from '../../src/integrations/pagefind.ts';
import { searchEntries, tableRows, type SearchTable, type SearchText } from '../../src/lib/search/records.ts';
import { indexTokens } from '../../src/lib/search/tokens.ts';
import { doc, parsedSeeds } from './seeds.ts';

const out = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const quiet = { info: vi.fn(), warn: vi.fn() };

describe('searchEntries', () => {
  const entries = searchEntries(parsedSeeds().documents);
  it('has every paragraph and every numbered heading, each once, addressed by its anchor', () => {
    const docs = parsedSeeds().documents;
    const paragraphs = docs.reduce((n, d) => n + d.paragraphs.length, 0);
    const headings = docs.reduce((n, d) => n + d.sections.filter((s) => s.text.trim() && s.headingPosition).length, 0);
    expect(entries).toHaveLength(paragraphs + headings);
    expect(new Set(entries.map((e) => e.url)).size).toBe(entries.length);
    const e = entries.find((x) => x.url === '/reports/weihai-2024/#s1-p2')!;
    expect(e.text.startsWith('——经济增长量质齐升')).toBe(true);
    expect(e).toMatchObject({ part: 'review', heading: false, headings: ['一、2023年政府工作回顾'] });
  });
  it('orders newest reports first, coverage after the reports of its year', () => {
    const firstOf = (id: string) => entries.findIndex((e) => e.docId === id);
    expect(firstOf('weihai-2025')).toBeLessThan(firstOf('weihai-2024'));
    expect(firstOf('rongcheng-2024')).toBeLessThan(firstOf('weihai-2024-coverage'));
    expect(firstOf('weihai-2024-coverage')).toBeLessThan(firstOf('rongcheng-2023'));
  });
  it('files a heading under its own part and the paragraphs under theirs', () => {
    const h = entries.find((x) => x.url === '/reports/weihai-2024/#s2-1')!;
    expect(h).toMatchObject({ heading: true, part: 'tasks', headings: ['二、2024年政府工作目标任务'] });
    expect(entries.filter((x) => x.docId === 'weihai-2024-coverage').every((x) => x.part === 'other')).toBe(true);
  });
});

describe('buildSearchIndex (the real Pagefind binary)', () => {
  const documents = [doc('weihai-2024'), doc('weihai-2024-coverage')];
  let summary: Awaited<ReturnType<typeof buildSearchIndex>>;

  it('writes Pagefind, the table and one text file per entry', async () => {
    summary = await buildSearchIndex({ outDir: out, documents, logger: quiet });
    const entries = searchEntries(documents);
    expect(summary.records).toBe(entries.length);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual([INDEX_LANGUAGE]);
    expect(entry.languages[INDEX_LANGUAGE].page_count).toBe(entries.length);
    // Small index chunks (indexChunkSize) reached the binary.
    expect(readdirSync(join(out, 'pagefind', 'index')).length).toBeGreaterThan(20);
    expect(quiet.info).toHaveBeenCalledWith(expect.stringMatching(/^indexed \d+ paragraphs and headings/));
  });

  it('maps every Pagefind page to its entry, and the text files hold the verbatim text', () => {
    const table = JSON.parse(readFileSync(join(out, 'search', 'table.json'), 'utf8')) as SearchTable;
    const rows = tableRows(table);
    expect(rows.size).toBe(summary.records);
    expect(table.docs.map((d) => d.id)).toEqual(['weihai-2024', 'weihai-2024-coverage']);
    const byUrl = new Map(searchEntries(documents).map((e) => [`${e.docId}#${e.anchor}`, e]));
    for (const row of rows.values()) {
      const file = join(out, 'search', 'p', `${row.hash}.json`);
      expect(existsSync(file), file).toBe(true);
      const t = JSON.parse(readFileSync(file, 'utf8')) as SearchText;
      const e = byUrl.get(`${t.d}#${t.a}`)!;
      expect(t.t).toBe(e.text);
      expect(table.docs[row.doc]!.id).toBe(e.docId);
      expect(row.part).toBe(e.part);
      // The fragment Pagefind wrote for this hash is the entry's (url and bigram content).
      const frag = readFileSync(join(out, 'pagefind', 'fragment', `${row.hash}.pf_fragment`));
      expect(fragmentUrl(row.hash, frag)).toBe(e.url);
    }
  });

  it('stores the bigram tokens as the record content', () => {
    const e = searchEntries(documents).find((x) => x.url.endsWith('#s1-p2'))!;
    const table = JSON.parse(readFileSync(join(out, 'search', 'table.json'), 'utf8')) as SearchTable;
    const hash = [...tableRows(table).values()].find((r) => {
      const t = JSON.parse(readFileSync(join(out, 'search', 'p', `${r.hash}.json`), 'utf8')) as SearchText;
      return t.d === e.docId && t.a === e.anchor;
    })!.hash;
    const text = gunzip(readFileSync(join(out, 'pagefind', 'fragment', `${hash}.pf_fragment`)));
    expect(JSON.parse(text.slice('pagefind_dcd'.length)).content).toBe(indexTokens(e.text).join(' '));
  });
});

function gunzip(b: Buffer): string {
  return gunzipSync(b).toString('utf8');
}

describe('errors', () => {
  it('names the file when a fragment is not what Pagefind writes', () => {
    expect(() => fragmentUrl('fragment/x.pf_fragment', new Uint8Array([1, 2, 3]))).toThrow(/fragment\/x\.pf_fragment: not a gzip file/);
    expect(() => fragmentUrl('fragment/y.pf_fragment', gzipSync('{"url":"/a/"}'))).toThrow(/y\.pf_fragment: does not start with "pagefind_dcd"/);
  });

  it('fails the build with Pagefind’s own messages, and still closes Pagefind', async () => {
    const close = vi.fn(async () => null);
    const fake = {
      createIndex: async () => ({
        errors: [],
        index: { addCustomRecord: async () => ({ errors: ['boom: bad record'], file: null }) },
      }),
      close,
    } as unknown as typeof import('pagefind');
    await expect(buildSearchIndex({ outDir: out, documents: [doc('weihai-2024')], logger: quiet, pagefind: fake })).rejects.toThrow(
      /Pagefind addCustomRecord\(\/reports\/weihai-2024\/#s0-p1\) failed:\n {2}boom: bad record/,
    );
    expect(close).toHaveBeenCalledOnce();
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('reports createIndex errors', async () => {
    const fake = { createIndex: async () => ({ errors: ['no binary'] }), close: async () => null } as unknown as typeof import('pagefind');
    await expect(buildSearchIndex({ outDir: out, documents: [], logger: quiet, pagefind: fake })).rejects.toThrow(/Pagefind createIndex failed:\n {2}no binary/);
  });
});
