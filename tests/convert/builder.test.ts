import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../src/lib/convert/builder.ts';
import { hastLines } from '../../src/lib/convert/hast-lines.ts';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

describe('TextBuilder', () => {
  it('keeps one paragraph a line, even when a piece holds line breaks', () => {
    const out = new TextBuilder();
    out.line('一、总体要求', 1);
    out.line('第一段\n  第二段\u2028', 2);
    out.remove('pdf-page-number', 'page number', '— 2 —', 2);
    const { text, removed } = out.finish();
    expect(text).toBe('一、总体要求\n第一段\n第二段\n');
    expect(out.pages).toEqual([1, 2, 2]);
    expect(removed).toEqual([{ line: 0, ruleId: 'pdf-page-number', message: 'page number', text: '— 2 —', page: 2 }]);
  });
  it('merges consecutive removed pieces of one rule before the same line', () => {
    const out = new TextBuilder();
    out.remove('html-navigation', 'nav', '首页');
    out.remove('html-navigation', 'nav', '政务公开');
    out.line('各位代表：');
    expect(out.finish().removed).toEqual([{ line: 1, ruleId: 'html-navigation', message: 'nav', text: '首页\n政务公开' }]);
  });
});

describe('hastLines', () => {
  const parse = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html);
  it('ends lines at blocks and <br>, collapses white space, joins data rows by tabs', () => {
    const lines = hastLines(parse('<div>各位<b>代表</b>：<br>现在，\n  我代表 市政府\nreport\n text<p>一、回顾</p></div><table><tr><td>指标</td><td>目标</td></tr></table>'));
    // A source line break between Chinese characters is no space (CSS Text 3); a typed space is kept.
    expect(lines.map((l) => l.text)).toEqual(['各位代表：', '现在，我代表 市政府 report text', '一、回顾', '指标\t目标']);
  });
  it('walks a layout row (one cell, several blocks) as blocks', () => {
    const lines = hastLines(parse('<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table>'));
    expect(lines.map((l) => l.text)).toEqual(['第一段。', '第二段。']);
  });
  it('counts link text and skips scripts', () => {
    const [line] = hastLines(parse('<p><a href="#">首页</a> &gt; 政务公开<script>var x = "不是正文";</script></p>'));
    expect(line).toMatchObject({ text: '首页 > 政务公开', linkChars: 2 });
  });
});
