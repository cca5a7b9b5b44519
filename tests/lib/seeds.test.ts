import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConservation } from '../../src/lib/parse/index.ts';
import { DocumentSchema } from '../../src/lib/index.ts';
import { doc, parsedSeeds, ROOT } from './seeds.ts';

describe('the five seeds', () => {
  it.skipIf(!existsSync(join(ROOT, '..', 'shared', 'seeds')))('are byte for byte the files in ../shared/seeds', () => {
    const shared = join(ROOT, '..', 'shared', 'seeds');
    const names = readdirSync(shared).sort();
    expect(readdirSync(join(ROOT, 'seeds')).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(ROOT, 'seeds', n)).equals(readFileSync(join(shared, n))), n).toBe(true);
  });

  it('yield 7 reports and 1 coverage document with region, level and years', () => {
    const summary = parsedSeeds().documents.map((d) => [d.id, d.kind, d.region?.name, d.region?.level, d.region?.code, d.year, d.reviewYear]);
    expect(summary).toEqual([
      ['weihai-2024', 'report', '威海市', 'prefecture', '3710', 2024, 2023],
      ['weihai-2025', 'partial-report', '威海市', 'prefecture', '3710', 2025, 2024],
      ['yantai-2024', 'report', '烟台市', 'prefecture', '3706', 2024, 2023],
      ['rongcheng-2024', 'report', '荣成市', 'county', '371082', 2024, 2023],
      ['rongcheng-2023', 'report', '荣成市', 'county', '371082', 2023, 2022],
      ['rongcheng-2022', 'report', '荣成市', 'county', '371082', 2022, 2021],
      ['rongcheng-2021', 'report', '荣成市', 'county', '371082', 2021, 2020],
      ['weihai-2024-coverage', 'coverage', '威海市', 'prefecture', '3710', 2024, null],
    ]);
  });

  it('know that 荣成市 lies in 威海市, 山东省', () => {
    expect(doc('rongcheng-2023').region!.parents.map((p) => [p.name, p.code, p.level])).toEqual([
      ['威海市', '3710', 'prefecture'],
      ['山东省', '37', 'province'],
    ]);
  });

  it('read cover blocks: session, speaker, date, and a damaged date left empty with a warning', () => {
    const r23 = doc('rongcheng-2023');
    expect([r23.session, r23.speaker, r23.date]).toEqual(['荣成市第十九届人民代表大会第二次会议', { name: '郑跃文', office: '荣成市市长' }, '2023-01-08']);
    expect(doc('rongcheng-2021').date).toBe('2021-02-01');
    const r24 = doc('rongcheng-2024');
    expect(r24.date).toBeNull();
    expect(r24.dateText).toBe('——2024116');
    const warn = parsedSeeds().diagnostics.find((d) => d.ruleId === 'date-damaged');
    expect(warn).toMatchObject({ file: 'seeds/003_88f1127700d663e6.txt', line: 12, severity: 'warning' });
    expect(warn!.message).toContain('2024-01-16 or 2024-11-06');
  });

  it('link the coverage to the report it covers', () => {
    expect(doc('weihai-2024-coverage').covers).toBe('weihai-2024');
  });

  it('validate against the schemas', () => {
    for (const d of parsedSeeds().documents) expect(() => DocumentSchema.parse(d)).not.toThrow();
  });

  it('lose no character: every non-whitespace character is in one heading, paragraph or diagnostic', () => {
    const reports = checkConservation(parsedSeeds());
    expect(reports).toHaveLength(5);
    for (const r of reports) {
      expect(r.inkCharacters).toBeGreaterThan(5000);
      expect({ file: r.file, lost: r.lost, doubled: r.doubled, mismatched: r.mismatched }).toEqual({ file: r.file, lost: [], doubled: [], mismatched: [] });
    }
  });

  it('find every “一、” and “（一）” heading line of the sources', () => {
    const result = parsedSeeds();
    for (const src of result.sources) {
      const lines = readFileSync(join(ROOT, src.file), 'utf8').split(/\r\n|\r|\n/);
      const headingLines = lines
        .map((l, i) => ({ l: l.replace(/^[\s\u00a0\u3000]+/, ''), n: i + 1 }))
        .filter(({ l }) => /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/.test(l))
        .map(({ n }) => n);
      const found = new Set(
        result.documents.filter((d) => d.sourceFile === src.file).flatMap((d) => d.sections.filter((s) => s.numbered).map((s) => s.position.startLine)),
      );
      expect(headingLines.filter((n) => !found.has(n)), src.file).toEqual([]);
    }
  });

  it('infer the level-2 headings whose numbers were lost (Rongcheng 2024 announces 七方面)', () => {
    const lost = doc('rongcheng-2024').sections.filter((s) => s.parent === 's2');
    expect(lost.map((s) => [s.id, s.ordinal, s.numbered])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((k) => [`s2-${k}`, `（${'一二三四五六七'[k - 1]}）`, false]),
    );
    expect(lost.map((s) => s.heading).slice(0, 3)).toEqual(['坚持供需协同量质并举蓄足经济增长新动能', '坚持建圈强链、跨界融合厚植产业竞争新优势', '坚持开放聚能、创新驱动打造区域发展新引擎']);
  });

  it('name the document each diagnostic belongs to', () => {
    const r = parsedSeeds();
    const lines = r.diagnostics.filter((d) => d.ruleId === 'date-damaged' || d.ruleId === 'heading-number-lost');
    expect(new Set(lines.map((d) => d.documentId))).toEqual(new Set(['rongcheng-2024']));
    expect(r.diagnostics.every((d) => d.documentId && r.documents.some((x) => x.id === d.documentId))).toBe(true);
  });

  it('keep web residue in diagnostics, verbatim', () => {
    const residue = parsedSeeds().diagnostics.filter((d) => d.ruleId === 'web-residue').map((d) => [d.line, d.text]);
    expect(residue).toEqual(expect.arrayContaining([[6, '请扫二维码'], [662, '政府工作报告进展更多>']]));
  });

  it('re-join newspaper sentences broken across lines and blank lines', () => {
    const cov = doc('weihai-2024-coverage');
    const texts = cov.paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.includes('保障“国和一号”示范工程1号机组并网发电'))).toBe(true);
    expect(texts.some((t) => t.includes('此外，还将通过筑牢生态安全屏障'))).toBe(true);
    expect(texts.every((t) => !t.includes('\n'))).toBe(true);
    expect(cov.sections.filter((s) => s.level === 1).length).toBeGreaterThanOrEqual(6);
  });

  it('check the coverage’s quotes against the report', () => {
    const cov = doc('weihai-2024-coverage');
    const exact = cov.quotes.find((q) => q.text.startsWith('让绿色低碳成为高质量发展最鲜明的底色'))!;
    expect(exact).toMatchObject({ match: 'exact', attributed: true, source: { documentId: 'weihai-2024' } });
    const para = doc('weihai-2024').paragraphs.find((p) => p.id === exact.source!.paragraphId)!;
    expect(para.text).toContain('让绿色低碳成为高质量发展最鲜明的底色');
    const interview = cov.quotes.find((q) => q.text.startsWith('幼儿园硬件设施很好'))!;
    expect(interview.match).toBe('not-found');
  });

  it('pair figures the coverage states differently from the report', () => {
    const d = doc('weihai-2024-coverage').discrepancies.map((x) => [x.metric, x.coverage.value, x.report.value]);
    expect(d).toEqual(expect.arrayContaining([['工业投资增长', 28.4, 29.3], ['工业用电量增长', 23.3, 25.4]]));
    // A target the paper repeats (城镇新增就业3.3万人 for 2024) is not a disagreement.
    expect(d.some(([, c]) => c === 3.3)).toBe(false);
  });
});
