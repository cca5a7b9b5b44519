import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, pdfjsData } from '../../src/lib/convert/pdf-load.ts';
import type { ConvertedSource } from '../../src/lib/convert/index.ts';
import { convertFixture, expectConvertError, fixtureBytes, ink, keptInk, lines, missing, seedLines } from './helpers.ts';

const WEIHAI = '000_fe6c1bb2e7835634.txt';
const SECOND = '002_f9b1766ae33f6aa2.txt';

/** Every text item pdf.js gives for the file, page by page: what the converter extracted. */
async function pdfjsInk(name: string): Promise<Map<string, number>> {
  const doc = await openPdf(name, fixtureBytes(name));
  let text = '';
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str;
    }
  } finally {
    await doc.loadingTask.destroy();
  }
  return ink(text);
}

const pageOf = (doc: ConvertedSource, line: string): number | undefined => doc.pages?.[lines(doc).indexOf(line)];
const HAN_SPACE_HAN = /[\u4e00-\u9fff，。；：、“”（）] +[\u4e00-\u9fff，。；：、“”（）]/;

describe('PDF printed by Chromium, with a running header and "— N —" page numbers', async () => {
  const doc = await convertFixture('weihai-2024.pdf');
  const text = lines(doc);
  const seed = seedLines(WEIHAI, 0, 20);

  it('re-joins lines into the paragraphs of the report, across line and page breaks', () => {
    expect(text).toEqual([
      '2024年威海市政府工作报告',
      '——2024年1月在威海市第十八届人民代表大会第三次会议上',
      ...seed.slice(0, 9),
      seed[16],
      ...seed.slice(17, 20),
    ]);
  });

  it('puts no space between Chinese characters when joining lines', () => {
    expect(text.filter((l) => HAN_SPACE_HAN.test(l))).toEqual([]);
  });

  it('keeps the page every paragraph starts on', () => {
    expect(doc.pages).toHaveLength(text.length);
    expect(pageOf(doc, '各位代表：')).toBe(1);
    expect(pageOf(doc, seed[16]!)).toBe(2);
    expect(pageOf(doc, seed[19]!)).toBe(3);
    expect(doc.pages).toEqual([...doc.pages!].sort((a, b) => a - b));
  });

  it('moves the running header and the page numbers to removed, with their page', () => {
    const numbers = doc.removed.filter((r) => r.ruleId === 'pdf-page-number');
    expect(numbers.map((r) => [r.text, r.page])).toEqual([['— 1 —', 1], ['— 2 —', 2], ['— 3 —', 3]]);
    const headers = doc.removed.filter((r) => r.ruleId === 'pdf-running-header');
    expect(headers.map((r) => r.page)).toEqual([1, 2, 3]);
    expect(headers.every((r) => r.text === '2024年威海市政府工作报告')).toBe(true);
    // The title on page 1 is the same words in a larger type: it stays.
    expect(text[0]).toBe('2024年威海市政府工作报告');
  });

  it('loses no character pdf.js extracted', async () => {
    const extracted = await pdfjsInk('weihai-2024.pdf');
    expect(missing(extracted, keptInk(doc))).toBe('');
    expect(missing(keptInk(doc), extracted)).toBe('');
  });

  it('says which converter read it, and keeps the document\'s title as evidence', () => {
    expect(doc.evidence.title).toBe('2024年威海市政府工作报告');
    expect(doc.evidence.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.format).toBe('pdf');
    expect(doc.converter.name).toBe('pdfjs-dist');
    expect(doc.converter.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('PDF whose parts start on a new page (CSS break-before), "第 N 页 共 M 页" footers', async () => {
  const doc = await convertFixture('page-breaks.pdf');
  const text = lines(doc);
  const seed = seedLines(SECOND, 0, 40);

  it('gives the seed\'s paragraphs in order', () => {
    expect(text[0]).toBe('政府工作报告');
    let at = -1;
    for (const line of text.slice(1)) {
      const i = seed.indexOf(line, at + 1);
      expect(i, line.slice(0, 30)).toBeGreaterThan(at);
      at = i;
    }
  });

  it('starts each part on its own page', () => {
    const headings = text.filter((l) => /^[二三]、/.test(l));
    expect(headings).toHaveLength(2);
    for (const h of headings) {
      const i = text.indexOf(h);
      expect(doc.pages![i]).toBeGreaterThan(doc.pages![i - 1]!);
    }
  });

  it('removes every page\'s footer as a page number', () => {
    const numbers = doc.removed.filter((r) => r.ruleId === 'pdf-page-number');
    expect(numbers.map((r) => r.page)).toEqual([1, 2, 3, 4, 5]);
    expect(numbers.map((r) => r.text)).toContain('第 3 页 共 5 页');
  });

  it('loses no character pdf.js extracted', async () => {
    expect(missing(await pdfjsInk('page-breaks.pdf'), keptInk(doc))).toBe('');
  });
});

describe('PDF in a font that is not embedded, text coded in GBK (predefined CMap GBK-EUC-H)', async () => {
  const doc = await convertFixture('gbk-cmap.pdf');

  it('comes out as Chinese text, thanks to the CMaps, re-joined across the page break', () => {
    expect(lines(doc)).toEqual(seedLines(WEIHAI, 0, 6));
    expect(doc.pages).toEqual([1, 1, 1, 1, 1, 1]);
    expect(doc.removed.map((r) => [r.ruleId, r.text, r.page])).toEqual([['pdf-page-number', '- 1 -', 1], ['pdf-page-number', '- 2 -', 2]]);
  });

  it('wraps inside numbers without adding spaces (74.|2%)', () => {
    expect(doc.text).toContain('占比74.2%');
  });

  it('loses no character pdf.js extracted', async () => {
    expect(missing(await pdfjsInk('gbk-cmap.pdf'), keptInk(doc))).toBe('');
  });
});

describe('pdf.js is set up for Chinese text', () => {
  it('has CMaps and standard fonts where it is told to look', () => {
    const data = pdfjsData();
    for (const dir of Object.values(data)) expect(dir.endsWith('/')).toBe(true);
    expect(existsSync(join(data.cMapUrl, 'UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(data.cMapUrl, 'GBK-EUC-H.bcmap'))).toBe(true);
    expect(existsSync(data.standardFontDataUrl)).toBe(true);
  });
});

describe('bad PDFs get a clear error naming the file', () => {
  it('a scan with no text layer says it needs OCR', async () => {
    const e = await expectConvertError('reports/scan.pdf', fixtureBytes('scan.pdf'), 'pdf-no-text-layer');
    expect(e.message).toBe('reports/scan.pdf: this PDF has no text layer but page numbers or running headers (2 pages of images: a scan); run OCR on it first and add the text as a .txt file.');
  });
  it('a page without text among pages with text is said to be missing', async () => {
    const doc = await convertFixture('mixed-scan.pdf');
    expect(lines(doc)).toEqual(['2024年威海市政府工作报告', ...seedLines(WEIHAI, 0, 3)]);
    const gap = doc.removed.find((r) => r.ruleId === 'pdf-page-without-text');
    expect(gap).toMatchObject({ page: 2, text: '', message: 'page 2 has no text layer (a scanned page or a picture); its content is missing from the text' });
  });
  it('an encrypted PDF (AES-256, user password)', async () => {
    const e = await expectConvertError('reports/x.pdf', fixtureBytes('encrypted.pdf'), 'pdf-encrypted');
    expect(e.message).toMatch(/password-protected/);
  });
  it('a damaged PDF: garbage after the header, or cut off', async () => {
    await expectConvertError('reports/x.pdf', new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(2000)}`), 'pdf-corrupt');
    const pdf = fixtureBytes('weihai-2024.pdf');
    await expectConvertError('reports/x.pdf', pdf.slice(0, pdf.length >> 1), 'pdf-corrupt');
  });
  it('a .pdf that is really a Word document (a ZIP)', async () => {
    const e = await expectConvertError('reports/x.pdf', fixtureBytes('really-zip.pdf'), 'extension-mismatch');
    expect(e.message).toMatch(/holds a Word \.docx document\. Rename it to \.docx/);
  });
  it('an empty .pdf', async () => {
    await expectConvertError('reports/x.pdf', new Uint8Array(), 'empty-file');
  });
});
