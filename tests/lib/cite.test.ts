import { describe, expect, it } from 'vitest';
import {
  bibtexEscape, bibtexKey, citeAll, citeApa, citeBibtex, citeCslJson, citeGbt7714, isoDate, quoteWithCitation, textDirective, textFragment, wordBoundaries,
  type CiteSubject,
} from '../../src/lib/cite/formats.ts';

const base: CiteSubject = {
  documentId: 'rongcheng-2023',
  title: '荣成市2023年政府工作报告',
  author: '荣成市人民政府',
  place: '荣成',
  year: 2023,
  date: '2023-01-08',
  genre: '政府工作报告',
  section: null,
  paragraphId: null,
  url: 'https://example.org/reports/rongcheng-2023/',
  accessed: '2026-11-22',
  dataVersion: '810c44942735',
  siteName: 'Report Explorer',
};
const paragraph: CiteSubject = {
  ...base,
  section: '二、2023年政府工作目标任务。',
  paragraphId: 's2-p2',
  url: 'https://example.org/reports/rongcheng-2023/#s2-p2',
};

describe('GB/T 7714-2015', () => {
  it('cites a whole report as [EB/OL] with publication and access dates and the URL', () => {
    expect(citeGbt7714(base)).toBe(
      '荣成市人民政府. 荣成市2023年政府工作报告[EB/OL]. (2023-01-08)[2026-11-22]. https://example.org/reports/rongcheng-2023/. Report Explorer数据版本 810c44942735.',
    );
  });
  it('names the section (without its full stop) and the paragraph, and links to the paragraph', () => {
    const s = citeGbt7714(paragraph);
    expect(s).toContain('荣成市2023年政府工作报告: 二、2023年政府工作目标任务，段落 s2-p2[EB/OL]');
    expect(s).toContain('https://example.org/reports/rongcheng-2023/#s2-p2.');
  });
  it('falls back to the year when the date is unknown, and starts with the title when the author is', () => {
    const s = citeGbt7714({ ...base, date: null, author: null });
    expect(s.startsWith('荣成市2023年政府工作报告[EB/OL]. (2023)[2026-11-22].')).toBe(true);
  });
});

describe('APA 7', () => {
  it('has author, date, title with description, site, retrieval date and URL', () => {
    expect(citeApa(base)).toBe(
      '荣成市人民政府. (2023, January 8). 荣成市2023年政府工作报告 [政府工作报告; data version 810c44942735]. Report Explorer. Retrieved November 22, 2026, from https://example.org/reports/rongcheng-2023/',
    );
  });
  it('uses n.d. without any date', () => {
    expect(citeApa({ ...base, date: null, year: null })).toContain('(n.d.)');
  });
  it('rejects a malformed access date instead of printing nonsense', () => {
    expect(() => citeApa({ ...base, accessed: '22/11/2026' })).toThrow(/not an ISO date/);
  });
});

describe('BibTeX', () => {
  it('is a @misc entry with a stable key, braced corporate author, url and urldate', () => {
    const b = citeBibtex(base);
    expect(b.startsWith('@misc{rongcheng2023,\n')).toBe(true);
    expect(b).toContain('author = {{荣成市人民政府}}');
    expect(b).toContain('title = {{荣成市2023年政府工作报告}}');
    expect(b).toContain('url = {https://example.org/reports/rongcheng-2023/}');
    expect(b).toContain('urldate = {2026-11-22}');
    expect(b).toContain('date = {2023-01-08}');
    expect(b.trimEnd().endsWith('}')).toBe(true);
  });
  it('keys paragraphs by document and paragraph', () => {
    expect(bibtexKey(paragraph)).toBe('rongcheng2023:s2-p2');
    expect(bibtexKey({ ...base, documentId: 'weihai-2024-coverage' })).toBe('weihai2024-coverage');
  });
  it('escapes TeX specials in values', () => {
    expect(bibtexEscape('占比74.2% & {x} #1 a_b $')).toBe('占比74.2\\% \\& \\{x\\} \\#1 a\\_b \\$');
    expect(citeBibtex({ ...paragraph, section: '三、高新技术产业 产值占比74.2%' })).toContain('产值占比74.2\\%');
  });
  it('has balanced braces', () => {
    const b = citeBibtex({ ...paragraph, section: '（一）{括号}测试' });
    let depth = 0;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === '\\') {
        i++;
        continue;
      }
      if (b[i] === '{') depth++;
      if (b[i] === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});

describe('CSL-JSON', () => {
  it('is an array of one report item with literal author, issued and accessed date-parts', () => {
    const items = JSON.parse(citeCslJson(paragraph));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'rongcheng-2023#s2-p2',
      type: 'report',
      title: '荣成市2023年政府工作报告',
      author: [{ literal: '荣成市人民政府' }],
      issued: { 'date-parts': [[2023, 1, 8]] },
      accessed: { 'date-parts': [[2026, 11, 22]] },
      URL: 'https://example.org/reports/rongcheng-2023/#s2-p2',
      section: '二、2023年政府工作目标任务，段落 s2-p2',
      'publisher-place': '荣成',
    });
    expect(items[0].note).toContain('810c44942735');
  });
  it('gives only the year when the date is unknown, and no author for coverage', () => {
    const [item] = JSON.parse(citeCslJson({ ...base, date: null, author: null }));
    expect(item.issued).toEqual({ 'date-parts': [[2023]] });
    expect(item.author).toBeUndefined();
  });
});

describe('helpers', () => {
  it('citeAll gives the four formats, each with the URL and access date', () => {
    const all = citeAll(paragraph);
    for (const text of Object.values(all)) {
      expect(text).toContain('https://example.org/reports/rongcheng-2023/#s2-p2');
      expect(text).toMatch(/2026-11-22|November 22, 2026|\[2026, 11, 22\]|2026,\s*11,\s*22/);
    }
  });
  it('isoDate formats a local date', () => {
    expect(isoDate(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
  it('textFragment encodes the words and escapes the directive separators', () => {
    expect(textFragment('s2-p2', '生产总值增长5.5%左右')).toBe(`#s2-p2:~:text=${encodeURIComponent('生产总值增长5.5%左右')}`);
    expect(textFragment('s1-p1', 'a-b,c')).toBe('#s1-p1:~:text=a%2Db%2Cc');
    expect(textFragment('s1-p1', { prefix: '生', start: '产总值', suffix: '增' })).toBe(
      `#s1-p1:~:text=${encodeURIComponent('生')}-,${encodeURIComponent('产总值')},-${encodeURIComponent('增')}`,
    );
    expect(textFragment('s1-p1', { start: 'a', end: 'b' })).toBe('#s1-p1:~:text=a,b');
    expect(textFragment('s1-p1', '  ')).toBe('#s1-p1');
  });
  it('wordBoundaries cuts Chinese into words', () => {
    const text = '预计全年生产总值增长6%左右';
    const b = wordBoundaries(text);
    expect(b[0]).toBe(0);
    expect(b.at(-1)).toBe(text.length);
    expect(b).toContain(text.indexOf('生产'));
    expect(b).not.toContain(text.indexOf('产总')); // 生产 is one word
  });
  it('textDirective adds the rest of a cut word as prefix and suffix, so the match is word-bounded', () => {
    const text = '预计全年生产总值增长6%左右，经济增长量质齐升。';
    const from = text.indexOf('产总值');
    const to = text.indexOf('长6%') ; // ends inside 增长
    const d = textDirective([{ text, from, to }]);
    expect(d.start).toBe(text.slice(from, to));
    expect(d.prefix).toBe('生');
    expect(d.suffix).toBe('长');
    const whole = textDirective([{ text, from: text.indexOf('生产'), to: text.indexOf('增长') + 2 }]);
    expect(whole).toEqual({ start: '生产总值增长' });
  });
  it('textDirective shortens long and multi-paragraph selections to start,end at word boundaries', () => {
    const text = '坚持把稳增长放在突出位置，打出强信心、稳预期、促发展组合拳，充分发挥投资的关键作用、消费的基础作用、进出口的支撑作用，形成消费和投资相互促进的良性循环。';
    const d = textDirective([{ text, from: 0, to: text.length }]);
    expect(d.end).toBeDefined();
    expect(text.startsWith(d.start)).toBe(true);
    expect(text.endsWith(d.end!)).toBe(true);
    expect(d.start.length).toBeGreaterThanOrEqual(20);
    const bounds = wordBoundaries(text);
    expect(bounds).toContain(d.start.length);
    expect(bounds).toContain(text.length - d.end!.length);
    const two = textDirective([
      { text: '第一段的文字到这里结束。', from: 2, to: 12 },
      { text: '第二段从这里开始，到句号为止。', from: 0, to: 8 },
    ]);
    expect(two.start.startsWith('段的文字')).toBe(true);
    expect(two.end!.endsWith('开始')).toBe(true);
    expect(() => textDirective([])).toThrow(/nothing selected/);
  });
  it('textDirective widens the context until the words occur once on the page', () => {
    const page = '预计全年生产总值增长6%左右。\n主要预期目标是：生产总值增长5.5%左右。';
    const text = '主要预期目标是：生产总值增长5.5%左右。';
    const from = text.indexOf('产总值增');
    const unique = (t: string) => page.indexOf(t) === page.lastIndexOf(t);
    const d = textDirective([{ text, from, to: from + 4 }], unique);
    expect(d.start).toBe('产总值增');
    expect(d.suffix!.startsWith('长')).toBe(true);
    const context = `${d.prefix ?? ''}${d.start}${d.suffix ?? ''}`;
    expect(unique(context)).toBe(true);
    expect(text).toContain(context);
    // Already unique: no more context than the word boundaries need.
    expect(textDirective([{ text, from: text.indexOf('5.5'), to: text.indexOf('5.5') + 3 }], unique)).toEqual({ start: '5.5' });
  });
  it('quoteWithCitation puts the exact words in Chinese quotation marks, then the citation, then the link', () => {
    const out = quoteWithCitation('生产总值增长5%', paragraph, 'https://example.org/reports/rongcheng-2023/#s2-p2:~:text=x');
    const [quote, cite, link] = out.split('\n');
    expect(quote).toBe('“生产总值增长5%”');
    expect(cite).toBe(`——${citeGbt7714(paragraph)}`);
    expect(link).toBe('https://example.org/reports/rongcheng-2023/#s2-p2:~:text=x');
  });
});
