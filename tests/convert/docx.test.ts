import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { zip } from '../../scripts/format-fixtures/zip.ts';
import { convertFixture, expectConvertError, fixtureBytes, ink, keptInk, lines, missing, ROOT, seedLines } from './helpers.ts';

const WEIHAI = '000_fe6c1bb2e7835634.txt';

/** Every character of mammoth's own HTML for the file: what the converter extracted. */
async function mammothInk(name: string): Promise<Map<string, number>> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(fixtureBytes(name)) });
  let text = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'text') text += node.value;
    if ('children' in node) node.children.forEach(visit);
  };
  visit(unified().use(rehypeParse, { fragment: true }).parse(value));
  return ink(text);
}

describe('Word .docx through mammoth', async () => {
  const doc = await convertFixture('weihai-2024.docx');
  const text = lines(doc);

  it('keeps paragraphs in order, one a line', () => {
    const [salute, opening, heading1, review] = seedLines(WEIHAI, 0, 4);
    expect(text.slice(0, 4)).toEqual(['2024年威海市政府工作报告', salute, opening, heading1]);
    // The footnote reference stays where it was, as mammoth numbers it.
    expect(text[4]).toBe(`${review!.slice(0, 60)}[1]${review!.slice(60)}`);
    expect(text).toContain(seedLines(WEIHAI, 17, 1)[0]);
  });

  it('keeps Word heading styles and list numbering as structure evidence', () => {
    const style = (line: string): string | undefined => doc.structure?.find((s) => s.line === text.indexOf(line) + 1)?.style;
    expect(style('2024年威海市政府工作报告')).toBe('报告标题');
    expect(style('一、2023年政府工作回顾')).toBe('heading 1');
    expect(style('二、2024年政府工作目标任务')).toBe('heading 1');
    expect(style('（一）主要预期目标')).toBe('heading 2');
    expect(style('扩大有效投资，实施项目建设提速行动。')).toBe('numbered list level 1');
    expect(doc.structure?.filter((s) => s.style === 'bulleted list level 1')).toHaveLength(3);
    expect(style('各位代表：')).toBeUndefined();
  });

  it('keeps a table as text: a row a line, cells joined by tabs', () => {
    expect(text).toContain('指标\t2024年预期目标');
    expect(text).toContain('生产总值增长\t5.5%左右');
    expect(doc.structure?.filter((s) => s.style === 'table row')).toHaveLength(4);
  });

  it('keeps footnotes as lines after the text, each with its marker', () => {
    expect(text.at(-2)).toBe('[1] “精致城市·幸福威海”：威海市确定的城市发展定位。');
    expect(text.at(-1)).toBe('[2] 居民消费价格：即CPI，反映居民家庭购买消费品和服务项目价格水平的变动。');
    expect(doc.structure?.filter((s) => s.style === 'footnote')).toHaveLength(2);
    expect(doc.removed.map((r) => r.ruleId)).toEqual(['docx-note-backlink', 'docx-note-backlink']);
  });

  it('loses no character mammoth extracted; adds only the footnotes\' markers', async () => {
    const extracted = await mammothInk('weihai-2024.docx');
    const kept = keptInk(doc);
    expect(missing(extracted, kept)).toBe('');
    expect(missing(kept, extracted)).toBe([...'[1][2]'].sort().join(''));
  });

  it('says which converter and version read it, and the sha256 of the original', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/mammoth/package.json'), 'utf8')) as { version: string };
    expect(doc.format).toBe('docx');
    expect(doc.converter).toEqual({ name: 'mammoth', version: pkg.version });
    expect(doc.sha256).toBe(createHash('sha256').update(fixtureBytes('weihai-2024.docx')).digest('hex'));
    expect(doc.pages).toBeUndefined();
  });
});

describe('bad Word files get a clear error naming the file', () => {
  it('an encrypted .docx (an OLE file holding EncryptedPackage)', async () => {
    const e = await expectConvertError('reports/x.docx', fixtureBytes('encrypted.docx'), 'docx-encrypted');
    expect(e.message).toMatch(/password-protected/);
  });
  it('a damaged .docx (a cut-off ZIP)', async () => {
    const e = await expectConvertError('reports/x.docx', fixtureBytes('corrupt.docx'), 'docx-corrupt');
    expect(e.message).toMatch(/damaged/);
  });
  it('a ZIP without word/document.xml', async () => {
    await expectConvertError('reports/x.docx', zip({ 'hello.txt': 'hello' }), 'docx-corrupt');
  });
  it('a .docx that is text', async () => {
    const e = await expectConvertError('reports/x.docx', fixtureBytes('really-text.docx'), 'extension-mismatch');
    expect(e.message).toMatch(/holds plain text/);
  });
  it('a legacy binary .doc', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectConvertError('reports/x.doc', ole, 'doc-legacy');
  });
  it('a .docx with no text in it', async () => {
    const empty = readFileSync(join(ROOT, 'node_modules/mammoth/test/test-data/empty.docx'));
    await expectConvertError('reports/x.docx', new Uint8Array(empty), 'docx-no-text');
  });
});
