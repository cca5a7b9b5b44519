/**
 * Comparison records over the real seeds (the facts the issue names) and over small
 * synthetic reports for the paths the seeds do not exercise (benchmarks that exist).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parsedSeeds } from './seeds.ts';
import { ComparisonSchema, type Comparison } from '../../src/lib/compare/schema.ts';
import { buildComparisons, paragraphPath, textFragment } from '../../src/lib/compare/build.ts';
import { findIndicators, sourceSlugMap, type ParseResult } from '../../src/lib/index.ts';
import { parseSources } from '../../src/lib/parse/index.ts';

let parse: ParseResult;
let rows: Comparison[];
const row = (id: string) => {
  const r = rows.find((c) => c.id === id);
  if (!r) throw new Error(`no comparison ${id}; have ${rows.map((c) => c.id).join(', ')}`);
  return r;
};

beforeAll(() => {
  parse = parsedSeeds();
  rows = buildComparisons(parse);
});

describe('Rongcheng GDP growth: targets from each year’s report, results from the next review', () => {
  test.each([
    [2021, 6, 5.3, 'rongcheng-2021', 'rongcheng-2022', 'missed'],
    [2022, 6, 3, 'rongcheng-2022', 'rongcheng-2023', 'missed'],
    [2023, 5, 6, 'rongcheng-2023', 'rongcheng-2024', 'exceeded'],
  ] as const)('%i: target %s%%, result %s%% (预计) → %s', (year, target, result, tDoc, rDoc, verdict) => {
    const c = row(`rongcheng-gdp-growth-${year}`);
    expect(c.target).toMatchObject({ value: target, unit: '%', documentId: tDoc });
    expect(c.result).toMatchObject({ value: result, unit: '%', documentId: rDoc, estimate: true });
    expect(c.verdict).toBe(verdict);
    expect(c.horizon).toBe('annual');
  });
  test('2022 reads as the issue puts it', () => {
    expect(row('rongcheng-gdp-growth-2022').summary).toBe('2022年目标增长6%，预计增长3%，未完成。');
  });
  test('2024: target 5.5%, pending (no 2025 report)', () => {
    const c = row('rongcheng-gdp-growth-2024');
    expect(c.target?.value).toBe(5.5);
    expect(c.result).toBeNull();
    expect(c.verdict).toBe('pending');
    expect(c.nextDocumentId).toBeNull();
  });
});

describe('Rongcheng GDP level as each report states it', () => {
  test('超过千亿元 (2021), 1057亿元 (2022), 1050亿元 (2023): not smoothed, and the caveat is attached', () => {
    const l21 = row('rongcheng-gdp-level-2021');
    const l22 = row('rongcheng-gdp-level-2022');
    const l23 = row('rongcheng-gdp-level-2023');
    expect(l21.result).toMatchObject({ value: 1000, unit: '亿元', comparator: 'at-least', documentId: 'rongcheng-2022' });
    expect(l21.result!.quote).toContain('超过千亿元');
    expect(l21.result!.stated).toBe('超过1000亿元');
    expect(l22.result).toMatchObject({ value: 1057, documentId: 'rongcheng-2023' });
    expect(l23.result).toMatchObject({ value: 1050, documentId: 'rongcheng-2024' });
    expect(l23.result!.value!).toBeLessThan(l22.result!.value!);
    for (const c of [l21, l22, l23]) expect(c.flags.map((f) => f.code)).toContain('levels-across-reports');
  });
});

describe('statuses', () => {
  test('2024: Weihai, Yantai and Rongcheng all target GDP growth', () => {
    const y2024 = rows.filter((c) => c.year === 2024 && c.indicator.key === 'gdp' && c.measure === 'growth' && c.target);
    expect(y2024.map((c) => c.region.slug).sort()).toEqual(['rongcheng', 'weihai', 'yantai']);
  });
  test('Weihai 2024: the 2025 report is an excerpt without its review → review-missing, not “not reported”', () => {
    expect(row('weihai-gdp-growth-2024').verdict).toBe('review-missing');
    expect(row('weihai-gdp-growth-2024').nextDocumentId).toBe('weihai-2025');
  });
  test('not reported: Rongcheng’s 2022 investment target, which the 2023 review never names', () => {
    const c = row('rongcheng-fixed-asset-investment-growth-2022');
    expect(c.verdict).toBe('not-reported');
    // Independently: no review paragraph of the 2023 report names 固定资产投资.
    const doc = parse.documents.find((d) => d.id === 'rongcheng-2023')!;
    const review = new Set(doc.sections.filter((s) => s.part === 'review').map((s) => s.id));
    const named = doc.paragraphs.filter((p) => review.has(p.sectionId) && p.text.includes('固定资产投资'));
    expect(named).toEqual([]);
  });
  test('a review that names the indicator without a comparable figure is not gradable, with a link to where', () => {
    const c = row('rongcheng-foreign-investment-growth-2022');
    expect(c.verdict).toBe('not-gradable');
    expect(c.mention?.documentId).toBe('rongcheng-2023');
    expect(findIndicators(c.mention!.text).some((m) => m.indicator.key === 'foreign-investment')).toBe(true);
  });
  test('extraction damage is flagged “check source”, not graded: 规上工业增加值增长31%', () => {
    const c = row('rongcheng-industrial-value-added-growth-2022');
    expect(c.result?.value).toBe(31);
    expect(c.verdict).toBe('check-source');
    expect(c.flags.map((f) => f.code)).toContain('growth-out-of-range');
  });
  test('实际利用外资8395美元 is shown as stated and flagged for its magnitude', () => {
    const c = rows.find((r) => r.result?.quote.includes('8395美元'))!;
    expect(c.result).toMatchObject({ value: 8395, unit: '美元' });
    expect(c.flags.map((f) => f.code)).toContain('magnitude');
  });
  test('a qualitative target is not gradable, even with a result beside it', () => {
    const c = row('rongcheng-fiscal-revenue-growth-2023');
    expect(c.target?.comparator).toBe('qualitative');
    expect(c.result?.value).toBe(2.7);
    expect(c.verdict).toBe('not-gradable');
  });
});

describe('five-year goals are kept apart', () => {
  test('every five-year target or result is in a five-year row, never in an annual one', () => {
    for (const c of rows) {
      if (c.horizon === 'annual') {
        expect(c.target?.quote ?? '').not.toMatch(/年均/);
        expect(c.id).not.toMatch(/-5y$/);
      } else expect(c.id).toMatch(/-5y$/);
    }
    const fiveYearTargets = parse.documents.flatMap((d) => d.targets.filter((t) => t.horizon === 'five-year' && t.canonical));
    const inFiveYearRows = new Set(rows.filter((c) => c.horizon === 'five-year').map((c) => `${c.target?.documentId}/${c.target?.id}`));
    for (const t of fiveYearTargets) {
      const doc = parse.documents.find((d) => d.id === t.documentId)!;
      if (doc.kind === 'coverage') continue;
      const annualUse = rows.some((c) => c.horizon === 'annual' && c.target?.documentId === t.documentId && c.target.id === t.id);
      expect(annualUse, t.quote).toBe(false);
      // Either it has its own row, or a sibling target took the same row (flagged several-figures).
      if (!inFiveYearRows.has(`${t.documentId}/${t.id}`)) {
        const same = rows.find((c) => c.horizon === 'five-year' && c.target?.documentId === t.documentId && c.indicator.key === t.canonical);
        expect(same?.flags.map((f) => f.code), t.quote).toContain('several-figures');
      }
    }
  });
  test('Rongcheng’s goal for 2026 (年均增长5.5%以上) is pending', () => {
    const c = row('rongcheng-gdp-growth-2026-5y');
    expect(c.target?.stated).toBe('年均增长5.5%以上');
    expect(c.verdict).toBe('pending');
  });
  test('an average over several years said as 年均可比增长 is not taken as one year’s result', () => {
    for (const c of rows.filter((r) => r.horizon === 'annual' && r.result)) expect(c.result!.quote, c.id).not.toMatch(/年均|累计/);
  });
});

describe('records and links', () => {
  test('ids are unique and every record validates against the schema', () => {
    expect(new Set(rows.map((c) => c.id)).size).toBe(rows.length);
    for (const c of rows) ComparisonSchema.parse(c);
  });
  test('every side links to a real paragraph whose text contains the quote, and the text fragment round-trips', () => {
    const docs = new Map(parse.documents.map((d) => [d.id, d]));
    for (const c of rows) {
      for (const s of [c.target, c.result, c.benchmark?.source].filter((x) => x !== null && x !== undefined)) {
        const p = docs.get(s.documentId)?.paragraphs.find((q) => q.id === s.paragraphId);
        expect(p, `${c.id}: ${s.documentId}#${s.paragraphId}`).toBeDefined();
        const [path, hash] = s.url.split('#');
        expect(path).toBe(`/reports/${s.documentId}/`);
        const [id, directive] = hash!.split(':~:text=');
        expect(id).toBe(s.paragraphId);
        if (directive) {
          expect(decodeURIComponent(directive)).toBe(s.quote);
          expect(p!.text).toContain(s.quote);
        }
        expect(s.sourceUrl).toMatch(/^\/sources\/[^/]+\/#L\d+$/);
      }
    }
  });
  test('verdicts that grade always have a target and a result (or, graded by parts, every part’s result)', () => {
    for (const c of rows.filter((r) => ['met', 'missed', 'exceeded', 'mixed', 'check-source'].includes(r.verdict))) {
      expect(c.target, c.id).not.toBeNull();
      expect(c.result !== null || c.parts.length > 1, c.id).toBe(true);
    }
  });
  test('text fragments escape the characters the syntax reserves', () => {
    expect(textFragment('6%—6.5%, a-b & c')).toBe('6%25%E2%80%946.5%25%2C%20a%2Db%20%26%20c');
    expect(paragraphPath('x-2024', 's1-p2')).toBe('/reports/x-2024/#s1-p2');
  });
});

describe('benchmarks found in the data are used (synthetic reports)', () => {
  const enc = new TextEncoder();
  const report = (year: number, review: string, targets: string) =>
    `荣成市${year}年政府工作报告\n\n——${year}年1月10日在荣成市第二十届人民代表大会第一次会议上\n\n荣成市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
  const province = `山东省2031年政府工作报告\n\n——2031年1月20日在山东省第十五届人民代表大会第一次会议上\n\n山东省省长 李四\n\n各位代表：\n\n一、2030年工作回顾\n\n过去一年，全省社会消费品零售总额增长6%。\n\n二、2031年工作安排\n\n今年主要预期目标是：生产总值增长5%左右。\n`;
  const inputs = (withProvince: boolean) => [
    { file: 'a.txt', bytes: enc.encode(report(2030, '过去一年，预计全市生产总值增长5%。', '生产总值增长5.5%左右，居民人均可支配收入与经济增长同步，社会消费品零售总额增速高于全省。')) },
    { file: 'b.txt', bytes: enc.encode(report(2031, '过去一年，预计全市生产总值增长5.2%，居民人均可支配收入增长5.6%，社会消费品零售总额增长7%。', '生产总值增长5%左右。')) },
    ...(withProvince ? [{ file: 'p.txt', bytes: enc.encode(province) }] : []),
  ];
  test('与经济增长同步 is graded against the same region’s GDP growth of that year', () => {
    const out = buildComparisons(parseSources(inputs(false)));
    const c = out.find((r) => r.id === 'rongcheng-disposable-income-growth-2030')!;
    expect(c.verdict).toBe('met');
    expect(c.benchmark).toMatchObject({ value: 5.2, source: { documentId: 'rongcheng-2031' } });
    expect(out.find((r) => r.id === 'rongcheng-gdp-growth-2030')!.verdict).toBe('met');
  });
  test('高于全省 is not gradable without the province, and graded with it', () => {
    const without = buildComparisons(parseSources(inputs(false))).find((r) => r.id === 'rongcheng-retail-sales-growth-2030')!;
    expect(without.verdict).toBe('not-gradable');
    expect(without.rule).toContain('山东省2030年社会消费品零售总额增速');
    const withP = buildComparisons(parseSources(inputs(true))).find((r) => r.id === 'rongcheng-retail-sales-growth-2030')!;
    expect(withP.verdict).toBe('met');
    expect(withP.benchmark).toMatchObject({ value: 6, source: { documentId: 'shandong-2031' } });
  });
});

describe('source links of byte-identical copies (synthetic reports)', () => {
  const enc = new TextEncoder();
  const report = (year: number, review: string, targets: string) =>
    `荣成市${year}年政府工作报告\n\n——${year}年1月10日在荣成市第二十届人民代表大会第一次会议上\n\n荣成市市长 张三\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${review}\n\n二、${year}年工作安排\n\n今年经济社会发展的主要预期目标是：${targets}\n`;
  const first = enc.encode(report(2030, '过去一年，预计全市生产总值增长5%。', '生产总值增长5.5%左右。'));
  const next = enc.encode(report(2031, '过去一年，全市生产总值增长5.2%。', '生产总值增长5%左右。'));
  // The same bytes under names that are not URL-safe: the site names them source-<sha>, source-<sha>-2, …
  // Each copy is listed first in turn, so that the rows use each copy's documents.
  const names = ['台州.txt', '襄阳.txt', '贵阳.txt'];
  test.each(names.map((n, i) => [n, i]))('every source link goes to the page of the file the figure was read from (%s first)', (_, i) => {
    const order = [...names.slice(i), ...names.slice(0, i)];
    const parse = parseSources([...order.map((file) => ({ file, bytes: first })), { file: 'next.txt', bytes: next }]);
    const slugs = sourceSlugMap(parse.sources);
    expect(new Set(names.map((n) => slugs.get(n))).size).toBe(names.length);
    const docs = new Map(parse.documents.map((d) => [d.id, d]));
    const out = buildComparisons(parse);
    const sides = out.flatMap((c) => [c.target, c.result]).filter((s) => s !== null);
    expect(sides.some((s) => s.file === order[0])).toBe(true);
    for (const s of sides) {
      expect(docs.get(s.documentId)!.sourceFile).toBe(s.file);
      expect(s.sourceUrl).toBe(`/sources/${slugs.get(s.file)}/#L${s.line}`);
    }
  });
});

describe('downloads', () => {
  test('the schema exports to JSON Schema, and comparisons.json validates against it', async () => {
    const { z } = await import('zod');
    const { ComparisonsFileSchema } = await import('../../src/lib/compare/schema.ts');
    const { comparisonsJson } = await import('../../src/lib/compare/downloads.ts');
    const schema = z.toJSONSchema(ComparisonsFileSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['comparisons', 'rules', 'site']));
    const file = comparisonsJson(rows, 'https://example.org/');
    expect(file.comparisons).toHaveLength(rows.length);
    const gdp22 = file.comparisons.find((c) => c.id === 'rongcheng-gdp-growth-2022')!;
    expect(gdp22.target!.url).toMatch(/^https:\/\/example\.org\/reports\/rongcheng-2022\/#s\d/);
    expect(gdp22.result!.sourceUrl).toMatch(/^https:\/\/example\.org\/sources\/[^/]+\/#L\d+$/);
  });
  test('comparisons.csv: one row per record, BOM, both source links absolute', async () => {
    const { comparisonsCsv, COMPARISON_COLUMNS } = await import('../../src/lib/compare/downloads.ts');
    const { parseCsv } = await import('../../src/lib/text/csv.ts');
    const text = comparisonsCsv(rows, 'https://example.org/');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [head, ...body] = parseCsv(text);
    expect(head).toEqual([...COMPARISON_COLUMNS]);
    expect(body).toHaveLength(rows.length);
    const at = (r: string[], c: string) => r[head!.indexOf(c)];
    const r22 = body.find((r) => at(r, 'id') === 'rongcheng-gdp-growth-2022')!;
    expect([at(r22, 'target_value'), at(r22, 'target_qualifier'), at(r22, 'result_value'), at(r22, 'result_estimate'), at(r22, 'verdict')]).toEqual(['6', '', '3', 'true', 'missed']);
    expect(at(r22, 'target_url')).toMatch(/^https:\/\/example\.org\/reports\/rongcheng-2022\//);
    expect(at(r22, 'result_url')).toMatch(/^https:\/\/example\.org\/reports\/rongcheng-2023\//);
  });
});
