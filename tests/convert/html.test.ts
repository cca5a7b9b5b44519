import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../src/lib/convert/html-charset.ts';
import { convertSource } from '../../src/lib/convert/index.ts';
import { convertFixture, expectConvertError, fixtureBytes, FORMATS, ink, keptInk, lines, missing, seedLines } from './helpers.ts';

const WEIHAI = '000_fe6c1bb2e7835634.txt';
const SECOND = '002_f9b1766ae33f6aa2.txt';
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'canvas']);

/** Every text node of the page outside scripts and styles: what the converter extracted. */
function pageInk(name: string): Map<string, number> {
  const tree = unified().use(rehypeParse).parse(decodePage(fixtureBytes(name)).text);
  let text = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'text') text += node.value;
    if (node.type === 'element' && NOT_TEXT.has(node.tagName)) return;
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return ink(text);
}

const CHROME = /字号|字体|打印|关闭窗口|分享|来源|发布时间|浏览次数|ICP|网站标识码|版权所有|当前位置|首页|相关报道|下一页/;

describe('a portal page (UTF-8, body in #zoom among menus, widgets, related links, footer)', async () => {
  const page = await convertFixture('portal-utf8.html');
  const text = lines(page);

  it('finds the report among the chrome', () => {
    expect(text).toEqual(['2024年威海市政府工作报告', '——2024年1月在威海市第十八届人民代表大会第三次会议上', ...seedLines(WEIHAI, 0, 12)]);
    expect(text.filter((l) => CHROME.test(l))).toEqual([]);
  });

  it('moves navigation, widgets, metadata, related links and the footer to removed', () => {
    const rules = new Set(page.removed.map((r) => r.ruleId));
    for (const rule of ['html-title', 'html-navigation', 'html-widget', 'html-metadata', 'html-related', 'html-footer']) expect(rules).toContain(rule);
    const removed = page.removed.map((r) => r.text).join('\n');
    expect(removed).toContain('【字号：大 中 小】 打印本页 关闭窗口');
    expect(removed).toContain('鲁ICP备05001234号');
    expect(page.removed.find((r) => r.text.includes('相关报道'))?.line).toBe(0);
    expect(page.removed.find((r) => r.ruleId === 'html-metadata')?.line).toBe(2);
  });

  it('keeps title, date and source as evidence', () => {
    expect(page.evidence).toEqual({ title: '2024年威海市政府工作报告', date: '2024-02-02 09:45', source: '威海日报' });
  });

  it('loses no character of the page', () => {
    expect(missing(pageInk('portal-utf8.html'), keptInk(page))).toBe('');
    expect(missing(keptInk(page), pageInk('portal-utf8.html'))).toBe('');
    expect(page.converter.name).toBe('rehype-parse');
  });
});

describe('an older portal page in GB2312 (<meta charset=gb2312>, table layout, paragraphs split by <br>)', async () => {
  const page = await convertFixture('portal-gbk.html');

  it('decodes by the declared charset', () => {
    const decoded = decodePage(fixtureBytes('portal-gbk.html'));
    expect(decoded).toMatchObject({ charset: 'gb18030', via: 'meta', declared: 'gb2312' });
  });

  it('finds the report in the table cell, a paragraph a line', () => {
    expect(lines(page)).toEqual(['2024年政府工作报告', ...seedLines(SECOND, 0, 9)]);
  });

  it('reads date and source from the line above the body', () => {
    expect(page.evidence).toMatchObject({ date: '2024年01月29日', source: '市政府办公室' });
    expect(page.evidence.partial).toBeUndefined();
  });

  it('loses no character of the page', () => {
    expect(missing(pageInk('portal-gbk.html'), keptInk(page))).toBe('');
  });
});

describe('page 1 of a multi-page article (上一页 1 2 3 下一页, createPageHTML)', async () => {
  const page = await convertFixture('multipage.html');

  it('says the text is partial', () => {
    expect(page.evidence.partial).toBe(true);
    expect(page.removed.find((r) => r.ruleId === 'html-pagination')?.text).toBe('上一页 1 2 3 下一页 尾页');
    expect(page.removed.find((r) => r.ruleId === 'html-partial')?.message).toMatch(/only part of a multi-page article/);
  });

  it('keeps the page\'s part of the report', () => {
    expect(lines(page).slice(2)).toEqual(seedLines(WEIHAI, 17, 6));
  });

  it('loses no character of the page', () => {
    expect(missing(pageInk('multipage.html'), keptInk(page))).toBe('');
  });
});

describe('bad web pages get a clear error naming the file', () => {
  it('a list page with no report in it', async () => {
    const e = await expectConvertError('reports/list.html', fixtureBytes('no-report.html'), 'html-no-report');
    expect(e.message).toMatch(/no report text found in this web page/);
  });
  it('an .html that is really a PDF', async () => {
    const e = await expectConvertError('reports/x.html', fixtureBytes('weihai-2024.pdf'), 'extension-mismatch');
    expect(e.message).toMatch(/holds a PDF\. Rename it to \.pdf/);
  });
  it('an .htm that is plain text', async () => {
    await expectConvertError('reports/x.htm', new TextEncoder().encode('各位代表：\n现在，我代表市人民政府向大会报告工作。\n'), 'extension-mismatch');
  });
});

describe('choosing the body', () => {
  const page = (body: string): Uint8Array => new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
  const report = seedLines(WEIHAI, 0, 8).map((p) => `<p>${p}</p>`).join('');

  it('takes the inner block when a known class name (.content) wraps the whole page', async () => {
    const bytes = page(`<div class="content"><div class="menu"><a href="#">首页</a> <a href="#">政务公开</a></div>
      <div class="sidebar"><p>联系电话：0631-5233000，地址：威海市新威路1号。</p></div><div class="wz">${report}</div>
      <div class="bottom-note"><p>本网站由威海市人民政府办公室主办，未经许可不得转载。</p></div></div>`);
    const c = await convertSource('x.html', bytes);
    expect(c!.text).toBe(`${seedLines(WEIHAI, 0, 8).join('\n')}\n`);
    expect(c!.removed.map((r) => r.text).join('\n')).toContain('未经许可不得转载');
  });
});

describe('the title as evidence', () => {
  it('prefers the heading above the body to <title>, which carries the site name', async () => {
    const html = readFileSync(join(FORMATS, 'portal-utf8.html'), 'utf8').replace(/<meta name="ArticleTitle"[^>]*>/, '');
    const c = await convertSource('x.html', new TextEncoder().encode(html));
    expect(c!.evidence.title).toBe('2024年威海市政府工作报告');
  });
});
