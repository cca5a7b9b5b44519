import { describe, expect, it } from 'vitest';
import {
  bibtexEscape, bibtexKey, citeAll, citeApa, citeBibtex, citeCslJson, citeGbt7714, isoDate, quoteWithCitation, textFragment,
  type CiteSubject,
} from '../../src/lib/cite.ts';

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
    const long = '一二三四五六七八九十'.repeat(8);
    expect(textFragment('s1-p1', long)).toBe(`#s1-p1:~:text=${encodeURIComponent(long.slice(0, 20))},${encodeURIComponent(long.slice(-20))}`);
    expect(textFragment('s1-p1', ['第一段的开头', '第二段的结尾'])).toBe(`#s1-p1:~:text=${encodeURIComponent('第一段的开头')},${encodeURIComponent('第二段的结尾')}`);
    expect(textFragment('s1-p1', '  ')).toBe('#s1-p1');
  });
  it('quoteWithCitation puts the exact words in Chinese quotation marks, then the citation, then the link', () => {
    const out = quoteWithCitation('生产总值增长5%', paragraph, 'https://example.org/reports/rongcheng-2023/#s2-p2:~:text=x');
    const [quote, cite, link] = out.split('\n');
    expect(quote).toBe('“生产总值增长5%”');
    expect(cite).toBe(`——${citeGbt7714(paragraph)}`);
    expect(link).toBe('https://example.org/reports/rongcheng-2023/#s2-p2:~:text=x');
  });
});
