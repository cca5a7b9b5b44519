import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/lib/index.ts';
import { ROOT } from './seeds.ts';

describe('public surface', () => {
  it('each concern exports exactly this API', async () => {
    const modules = {
      lib: await import('../../src/lib/index.ts'),
      text: await import('../../src/lib/text/index.ts'),
      parse: await import('../../src/lib/parse/index.ts'),
      compare: await import('../../src/lib/compare/index.ts'),
      search: await import('../../src/lib/search/index.ts'),
      cite: await import('../../src/lib/cite/index.ts'),
    };
    const surface = Object.fromEntries(Object.entries(modules).map(([k, m]) => [k, Object.keys(m).sort()]));
    expect(surface).toMatchInlineSnapshot(`
      {
        "cite": [
          "citationCff",
          "citeAll",
          "dataVersion",
          "documentMarkdown",
          "isoDate",
          "quoteWithCitation",
          "textDirective",
          "textFragment",
        ],
        "compare": [
          "COMPARISON_COLUMNS",
          "COMPARISON_COLUMN_NOTES",
          "ComparisonSchema",
          "ComparisonsFileSchema",
          "GROWTH_LIMIT",
          "MAGNITUDE_FACTOR",
          "RULES",
          "VERDICT_LABELS",
          "allSeries",
          "buildComparisons",
          "comparisonsCsv",
          "comparisonsJson",
          "formatNumber",
          "regionSeries",
          "seriesCsv",
          "targetOutcomes",
          "yearSeries",
        ],
        "lib": [
          "ComparatorSchema",
          "DiagnosticSchema",
          "DiscrepancySchema",
          "DivisionSchema",
          "DocumentKindSchema",
          "DocumentSchema",
          "FigureKindSchema",
          "INDICATORS",
          "ParagraphKindSchema",
          "ParagraphSchema",
          "ParseResultSchema",
          "PositionSchema",
          "QuoteSchema",
          "RegionLevelSchema",
          "RegionSchema",
          "ResultSchema",
          "SectionPartSchema",
          "SectionSchema",
          "SeveritySchema",
          "SourceSchema",
          "TargetSchema",
          "findIndicators",
          "indicator",
        ],
        "parse": [
          "PARSER_VERSION",
          "checkConservation",
          "parseSources",
          "parseSourcesWithTrees",
          "parseText",
        ],
        "search": [
          "ByteReader",
          "ByteWriter",
          "MAX_PHRASE_TOKENS",
          "PostingsWriter",
          "TOKEN_VERSION",
          "bestMatch",
          "bucketOf",
          "compareRank",
          "decodeParts",
          "diffQuote",
          "encodeParts",
          "excerpt",
          "foldText",
          "foldWithMap",
          "foldedCodePoints",
          "foldedStarts",
          "hasHan",
          "indexTokens",
          "kindFacet",
          "loadTraditionalConverter",
          "looksTraditional",
          "matchRanges",
          "parseQuery",
          "phraseStarts",
          "phraseTokens",
          "rankKey",
          "readBucket",
          "readPostings",
          "searchDoc",
          "searchEntries",
          "searchPaths",
          "tokenKey",
          "tokenText",
          "trimQuote",
          "writeKey",
          "writePostings",
        ],
        "text": [
          "MAX_SOURCE_BYTES",
          "asciiDigits",
          "chineseOrdinal",
          "chineseYear",
          "decodeSource",
          "foldChar",
          "foldForMatch",
          "isInk",
          "joinWrapped",
          "looksTraditionalScript",
          "normalizeSpaces",
          "parseCsv",
          "splitLines",
          "stripSpace",
          "toCsv",
          "toSimplified",
        ],
      }
    `);
  });
  it('has no Astro imports and no file I/O in src/lib', () => {
    // grep exits 1 when nothing matches, which is what we want.
    const out = execFileSync('sh', ['-c', `grep -rlE "from ['\\"](astro|node:fs|fs)['\\"/:]" "${join(ROOT, 'src', 'lib')}" || true`], { encoding: 'utf8' }).trim();
    expect(out).toBe('');
    expect(execFileSync('sh', ['-c', `grep -rlE "from ['\\"]astro" "${join(ROOT, 'scripts')}" || true`], { encoding: 'utf8' }).trim()).toBe('');
  }, 10_000);
});

describe('npm run parse', () => {
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  const run = (...args: string[]) =>
    execFileSync(node, ['--experimental-strip-types', '--no-warnings', 'scripts/parse.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  it('prints a summary table for seeds/', () => {
    const out = run();
    expect(out).toMatch(/^id\s+kind\s+region/);
    expect(out).toMatch(/rongcheng-2022\s+report\s+荣成市\s+county\s+2022\s+2021/);
    expect(out).toContain('8 documents from 5 files');
  }, 30_000);
  it('--json prints {documents, diagnostics} validated by the schemas', () => {
    const out = JSON.parse(run('--json', 'seeds/003_88f1127700d663e6.txt'));
    expect(out.documents.map((d: { id: string }) => d.id)).toEqual(['rongcheng-2024', 'rongcheng-2023', 'rongcheng-2022', 'rongcheng-2021']);
    const d = out.documents[1];
    for (const k of ['id', 'sourceFile', 'kind', 'region', 'year', 'reviewYear', 'startLine', 'endLine', 'sections', 'targets', 'results']) expect(d).toHaveProperty(k);
    expect(d.sections[1]).toMatchObject({ id: 's1', level: 1, title: '2022年政府工作回顾', line: 198 });
    expect(d.targets[0]).toMatchObject({ metric: '生产总值', canonical: 'gdp', kind: 'growth', value: 5, unit: '%', line: 237 });
    expect(d.results[0]).toMatchObject({ canonical: 'gdp', year: 2022 });
    expect(out.diagnostics.some((x: { ruleId: string }) => x.ruleId === 'date-damaged')).toBe(true);
    expect(() => lib.DocumentSchema.parse({ ...d, sections: d.sections.map(({ title, line, ...s }: Record<string, unknown>) => s) })).not.toThrow();
  }, 30_000);
  it('names the file and exits non-zero on a file it cannot read', () => {
    let status = 0;
    let stderr = '';
    try {
      run('no/such/file.txt');
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).not.toBe(0);
    expect(stderr).toContain('no/such/file.txt');
  }, 30_000);
});

describe('one-way layout', () => {
  const grep = (pattern: string, dirs: string) =>
    execFileSync('sh', ['-c', `cd "${ROOT}" && grep -rnE '${pattern}' ${dirs} || true`], { encoding: 'utf8' }).trim();
  it('src/ never imports scripts/', () => {
    expect(grep(`from .(\\.\\./)+scripts/`, 'src')).toBe('');
  });
  it('pages, components, client code, data modules and scripts import src/lib only through a folder index', () => {
    const deep = grep(`from .[./]*(src/)?lib/[a-z-]+/[a-z-]+[.]ts`, 'src/pages src/components src/client src/data src/integrations src/layouts src/content.config.ts scripts');
    expect(deep.split('\n').filter((l) => l && !l.includes('/index.ts'))).toEqual([]);
  });
});
