import { describe, expect, it } from 'vitest';
import { checkConservation, parseSources, type SourceInput } from '../../src/lib/parse/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const REPORT = `各位代表：\n\n现在，我代表威海市人民政府向大会报告工作，请予审议。\n\n一、2023年政府工作回顾\n\n过去的一年，威海经济稳定增长。预计全年生产总值增长6%左右。\n\n二、2024年政府工作目标任务\n\n主要预期目标为：生产总值增长5.5%左右，城镇新增就业3.3万人。\n`;
const good: SourceInput = { file: 'good.txt', bytes: enc(REPORT) };

function withGood(bad: SourceInput) {
  const r = parseSources([bad, good]);
  // The good source still parses whatever the bad one is.
  expect(r.documents.some((d) => d.sourceFile === 'good.txt' && d.id.startsWith('weihai-2024') && d.targets.length === 2)).toBe(true);
  return r;
}

/** GBK bytes for a few characters, so the test needs no encoder library. */
const GBK: Record<string, number[]> = { 各: [0xb8, 0xf7], 位: [0xce, 0xbb], 代: [0xb4, 0xfa], 表: [0xb1, 0xed], '：': [0xa3, 0xba] };

describe('bad input gets a clear diagnostic naming the file and line, and nothing crashes', () => {
  it('empty file', () => {
    const r = withGood({ file: 'empty.txt', bytes: new Uint8Array() });
    expect(r.diagnostics.find((d) => d.file === 'empty.txt')).toMatchObject({ ruleId: 'empty-file', severity: 'warning' });
  });

  it('binary file', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const r = withGood({ file: 'image.png', bytes });
    expect(r.diagnostics.find((d) => d.file === 'image.png')).toMatchObject({ ruleId: 'binary-file', severity: 'error', line: 1 });
    expect(r.documents.some((d) => d.sourceFile === 'image.png')).toBe(false);
  });

  it('GBK text: decoded, and told how to convert', () => {
    const bytes = new Uint8Array(['各', '位', '代', '表', '：'].flatMap((c) => GBK[c]!));
    const r = withGood({ file: 'gbk.txt', bytes });
    const d = r.diagnostics.find((x) => x.file === 'gbk.txt' && x.ruleId === 'encoding-gbk')!;
    expect(d.message).toContain('iconv -f GB18030 -t UTF-8');
    expect(r.sources.find((s) => s.file === 'gbk.txt')!.text).toBe('各位代表：');
  });

  it('UTF-16 text, with and without a byte order mark', () => {
    const utf16 = (s: string, bom: boolean) => {
      const out = bom ? [0xff, 0xfe] : [];
      for (const ch of s) {
        const c = ch.charCodeAt(0);
        out.push(c & 0xff, c >> 8);
      }
      return new Uint8Array(out);
    };
    for (const bom of [true, false]) {
      const r = withGood({ file: 'u16.txt', bytes: utf16(REPORT.replace('威海', '烟台'), bom) });
      expect(r.diagnostics.find((x) => x.file === 'u16.txt' && x.ruleId === 'encoding-utf16')).toMatchObject({ severity: 'warning', line: 1 });
      expect(r.documents.find((d) => d.sourceFile === 'u16.txt')?.region?.name).toBe('烟台市');
    }
  });

  it('NUL bytes are removed and reported with their line', () => {
    const r = withGood({ file: 'nul.txt', bytes: enc(REPORT.replace('烟台', '烟台').replace('一、2023', '\u0000一、2023')) });
    expect(r.diagnostics.find((x) => x.file === 'nul.txt' && x.ruleId === 'nul-bytes')).toMatchObject({ line: 5 });
  });

  it('a 50 MB file is refused, not parsed', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const r = withGood({ file: 'huge.txt', bytes: big });
    expect(r.diagnostics.find((x) => x.file === 'huge.txt')).toMatchObject({ ruleId: 'file-too-large', severity: 'error' });
    expect(r.sources.find((s) => s.file === 'huge.txt')!.bytes).toBe(50 * 1024 * 1024);
  });

  it('text with no recognisable structure becomes one section with a warning', () => {
    const r = withGood({ file: 'notes.txt', bytes: enc('会议纪要\n今天天气很好。\n大家讨论了很多问题。\n') });
    const d = r.documents.find((x) => x.sourceFile === 'notes.txt')!;
    expect(d.sections.map((s) => s.id)).toEqual(['s0']);
    expect(d.paragraphs).toHaveLength(3);
    expect(r.diagnostics.find((x) => x.file === 'notes.txt' && x.ruleId === 'no-structure')).toMatchObject({ line: 1, severity: 'warning' });
  });

  it('a duplicated report is kept under its own id and reported', () => {
    const r = parseSources([good, { file: 'copy.txt', bytes: enc(REPORT) }]);
    expect(r.documents.map((d) => d.id)).toEqual(['weihai-2024', 'weihai-2024-2']);
    expect(r.diagnostics.find((x) => x.ruleId === 'duplicate-document')).toMatchObject({ file: 'copy.txt', line: 1 });
  });

  it('HTML and script inside a report are reported and kept in the diagnostic, not the text', () => {
    const html = REPORT.replace('二、2024年', '<script>alert("x")</script>\n<div class="share">分享到</div>\n\n二、2024年');
    const r = withGood({ file: 'html.txt', bytes: enc(html) });
    const found = r.diagnostics.filter((x) => x.file === 'html.txt' && x.ruleId === 'html-in-text');
    expect(found.map((x) => [x.line, x.text])).toEqual([
      [9, '<script>alert("x")</script>'],
      [10, '<div class="share">分享到</div>'],
    ]);
    const d = r.documents.find((x) => x.sourceFile === 'html.txt')!;
    expect(d.paragraphs.some((p) => p.text.includes('<script>'))).toBe(false);
    expect(checkConservation(r).find((c) => c.file === 'html.txt')!.lost).toEqual([]);
  });

  it('CRLF, BOM, NBSP and ideographic spaces change no text', () => {
    const messy = `\ufeff${REPORT.replace(/\n/g, '\r\n').replace('过去的一年', '\u3000\u3000过去的一年').replace('一、2023年', '\u00a0一、2023年')}`;
    const r = parseSources([{ file: 'messy.txt', bytes: enc(messy) }]);
    const d = r.documents[0]!;
    expect(d.sections.map((s) => s.heading)).toEqual([null, '2023年政府工作回顾', '2024年政府工作目标任务']);
    expect(d.paragraphs.find((p) => p.text.startsWith('过去的一年'))).toBeDefined();
    expect(checkConservation(r)[0]!.lost).toEqual([]);
    expect(r.diagnostics.find((x) => x.ruleId === 'bom')).toBeDefined();
  });
});
