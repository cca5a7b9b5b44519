import { describe, expect, it } from 'vitest';
import { DiagnosticSchema } from '../../src/lib/schema.ts';
import * as api from '../../src/lib/convert/index.ts';
import { chooseFormat, convertSource, removedDiagnostics } from '../../src/lib/convert/index.ts';
import { convertFixture, expectConvertError, fixtureBytes } from './helpers.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('convertSource', () => {
  it('exports what the loader needs, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(['ConvertError', 'MAX_CONVERT_BYTES', 'chooseFormat', 'claimedFormat', 'convertSource', 'removedDiagnostics', 'sniffFormat']);
  });

  it('returns null for text, so the caller decodes it as before (HTML saved as .txt included)', async () => {
    expect(await convertSource('seeds/x.txt', text('各位代表：\n现在，我代表市人民政府向大会报告工作。\n'))).toBeNull();
    expect(await convertSource('seeds/x.txt', text('<html><body><p>各位代表：</p></body></html>'))).toBeNull();
    expect(await convertSource('seeds/x', text('各位代表：'))).toBeNull();
    expect(await convertSource('seeds/empty.txt', new Uint8Array())).toBeNull();
  });

  it('converts by content when the extension is one it does not know', () => {
    expect(chooseFormat('reports/report.download', fixtureBytes('weihai-2024.pdf'))).toBe('pdf');
    expect(chooseFormat('reports/report.shtml', fixtureBytes('portal-utf8.html'))).toBe('html');
  });

  it('refuses a .txt that holds a PDF or a Word document: the extension lies', async () => {
    await expectConvertError('seeds/x.txt', fixtureBytes('weihai-2024.pdf'), 'extension-mismatch');
    await expectConvertError('seeds/x.txt', fixtureBytes('weihai-2024.docx'), 'extension-mismatch');
  });

  it('refuses RTF, whatever it is called (.doc downloads often are RTF)', async () => {
    const e = await expectConvertError('reports/x.doc', text('{\\rtf1\\ansi\\ansicpg936 各位代表'), 'rtf-unsupported');
    expect(e.message).toMatch(/save it as \.docx/);
  });

  it('reads a .doc that is really a saved web page as HTML', () => {
    expect(chooseFormat('reports/x.doc', fixtureBytes('portal-utf8.html'))).toBe('html');
  });

  it('refuses a file past the size limit before reading it', async () => {
    const big = new Uint8Array(api.MAX_CONVERT_BYTES + 1);
    big.set(text('%PDF-1.7'));
    await expectConvertError('reports/big.pdf', big, 'file-too-large');
  });
});

describe('every conversion keeps the guarantees of text', () => {
  for (const name of ['weihai-2024.docx', 'weihai-2024.pdf', 'page-breaks.pdf', 'gbk-cmap.pdf', 'mixed-scan.pdf', 'portal-utf8.html', 'portal-gbk.html', 'multipage.html']) {
    it(`${name}: one paragraph a line, positions within the text, removed text as diagnostics`, async () => {
      const c = await convertFixture(name);
      const lineCount = c.text.split('\n').length - 1;
      expect(c.text.endsWith('\n')).toBe(true);
      expect(c.text.split('\n').slice(0, -1).every((l) => l.trim() === l && l.length > 0)).toBe(true);
      expect(c.removed.filter((r) => r.line < 0 || r.line > lineCount)).toEqual([]);
      expect((c.structure ?? []).filter((s) => s.line < 1 || s.line > lineCount)).toEqual([]);
      if (c.pages) expect(c.pages).toHaveLength(lineCount);
      expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
      const diagnostics = removedDiagnostics(`tests/fixtures/formats/${name}`, c);
      expect(diagnostics).toHaveLength(c.removed.length);
      for (const d of diagnostics) {
        expect(DiagnosticSchema.parse(d)).toEqual(d);
        expect(d.message).toContain(`${c.converter.name} ${c.converter.version}`);
      }
      const partial = diagnostics.find((d) => d.ruleId === 'html-partial');
      if (partial) expect(partial.severity).toBe('warning');
    });
  }
});
