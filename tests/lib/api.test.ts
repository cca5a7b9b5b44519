import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/lib/index.ts';
import { ROOT } from './seeds.ts';
import { runParse } from '../../scripts/parse.ts';

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
          "GRADED",
          "GROWTH_LIMIT",
          "HIERARCHY_COLUMNS",
          "INDICATOR_PARTS",
          "MAGNITUDE_FACTOR",
          "RULES",
          "VERDICT_LABELS",
          "allSeries",
          "boundOf",
          "buildComparisons",
          "chartedYearSeries",
          "compareComparisons",
          "comparisonsCsv",
          "comparisonsJson",
          "formatNumber",
          "gapWords",
          "hierarchyCsv",
          "hierarchyGaps",
          "indicatorGapSeries",
          "maskedKey",
          "partLabel",
          "regionHierarchySeries",
          "regionSeries",
          "reportChanges",
          "seriesCsv",
          "similarity",
          "statedFigure",
          "targetChanges",
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
          "EvidenceSchema",
          "FigureKindSchema",
          "HEADLINE_INDICATOR",
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
          "labelFor",
          "sourceSlug",
          "sourceSlugMap",
          "statedFields",
        ],
        "parse": [
          "IdAliasSchema",
          "IdLedgerSchema",
          "PARSER_VERSION",
          "buildIdLedger",
          "checkConservation",
          "dataVersion",
          "documentMarkdown",
          "fingerprint",
          "idAliases",
          "parseSources",
          "parseSourcesWithTrees",
          "parseText",
          "repeatedDocument",
        ],
        "search": [
          "ByteReader",
          "ByteWriter",
          "KIND_ORDER",
          "MAX_PHRASE_TOKENS",
          "MAX_QUERY_CHARS",
          "PostingsWriter",
          "SIMILAR_ENOUGH",
          "TOKEN_VERSION",
          "allMatches",
          "bestMatch",
          "bucketOf",
          "compareRank",
          "compareSources",
          "decodeParts",
          "diffQuote",
          "encodeParts",
          "excerpt",
          "figureNotes",
          "foldText",
          "foldWithMap",
          "foldedCodePoints",
          "foldedStarts",
          "hasHan",
          "indexTokens",
          "indexedDocuments",
          "judgeQuote",
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
          "CN_DIGITS",
          "MAX_SOURCE_BYTES",
          "asciiDigits",
          "chineseAmount",
          "chineseOrdinal",
          "chineseYear",
          "decodeSource",
          "foldChar",
          "foldCodePoints",
          "foldForMatch",
          "foldWithMap",
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
    // The one exception: the converters read their own packages' files (versions for provenance).
    expect(out.split('\n').filter(Boolean).map((f) => f.slice(join(ROOT, 'src', 'lib').length + 1))).toEqual(['convert/versions.ts']);
    expect(execFileSync('sh', ['-c', `grep -rlE "from ['\\"]astro" "${join(ROOT, 'scripts')}" || true`], { encoding: 'utf8' }).trim()).toBe('');
  }, 10_000);
});

describe('npm run parse', () => {
  /** The CLI in-process: what it writes and the exit code it returns. */
  const run = async (...args: string[]) => {
    let out = '';
    let err = '';
    const status = await runParse(args, { out: (t) => (out += t), err: (t) => (err += t) }, ROOT);
    return { out, err, status };
  };
  it('prints a summary table for seeds/ (smoke test: the real command, spawned once)', () => {
    const node = join(ROOT, 'node_modules', '.bin', 'node');
    const out = execFileSync(node, ['--experimental-strip-types', '--no-warnings', 'scripts/parse.ts'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(out).toMatch(/^id\s+kind\s+region/);
    expect(out).toMatch(/rongcheng-2022\s+report\s+荣成市\s+county\s+2022\s+2021/);
    expect(out).toContain('8 documents from 5 files');
  }, 30_000);
  it('--json prints {documents, diagnostics} validated by the schemas', async () => {
    const { out: text, status } = await run('--json', 'seeds/003_88f1127700d663e6.txt');
    expect(status).toBe(0);
    const out = JSON.parse(text);
    expect(out.documents.map((d: { id: string }) => d.id)).toEqual(['rongcheng-2024', 'rongcheng-2023', 'rongcheng-2022', 'rongcheng-2021']);
    const d = out.documents[1];
    for (const k of ['id', 'sourceFile', 'kind', 'region', 'year', 'reviewYear', 'startLine', 'endLine', 'sections', 'targets', 'results']) expect(d).toHaveProperty(k);
    expect(d.sections[1]).toMatchObject({ id: 's1', level: 1, title: '2022年政府工作回顾', line: 198 });
    expect(d.targets[0]).toMatchObject({ metric: '生产总值', canonical: 'gdp', kind: 'growth', value: 5, unit: '%', line: 237 });
    expect(d.results[0]).toMatchObject({ canonical: 'gdp', year: 2022 });
    expect(out.diagnostics.some((x: { ruleId: string }) => x.ruleId === 'date-damaged')).toBe(true);
    expect(() => lib.DocumentSchema.parse({ ...d, sections: d.sections.map(({ title, line, ...s }: Record<string, unknown>) => s) })).not.toThrow();
  });
  it('names the file and exits non-zero on a file it cannot read', async () => {
    const { status, err } = await run('no/such/file.txt');
    expect(status).not.toBe(0);
    expect(err).toContain('no/such/file.txt');
  });
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
