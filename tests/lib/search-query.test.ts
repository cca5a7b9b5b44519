import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/lib/search/query.ts';
import { looksTraditional, hasHan } from '../../src/lib/search/hint.ts';
import { traditionalToSimplified } from '../../src/lib/search/traditional.ts';

describe('parseQuery', () => {
  it('splits on ASCII and ideographic spaces; every word must occur', () => {
    const q = parseQuery(' 绿色\u3000低碳  转型 ');
    expect(q.words.map((w) => w.text)).toEqual(['绿色', '低碳', '转型']);
    expect(q.joined?.folded).toBe('绿色低碳转型');
  });
  it('folds each word: full-width and half-width are one phrase', () => {
    expect(parseQuery('增长６％左右').words[0]!.folded).toBe(parseQuery('增长6%左右').words[0]!.folded);
    expect(parseQuery('（一）').words[0]!.folded).toBe('(一)');
  });
  it('keeps a quoted run as one word, spaces and all', () => {
    for (const input of ['"绿色 低碳"', '“绿色 低碳”', '「绿色 低碳」']) {
      const q = parseQuery(input);
      expect(q.words.map((w) => w.folded)).toEqual(['绿色低碳']);
      expect(q.joined).toBeNull();
    }
  });
  it('keeps quotation marks that are part of a phrase', () => {
    const q = parseQuery('“十四五”规划、加快绿色');
    expect(q.words.map((w) => w.text)).toEqual(['“十四五”规划、加快绿色']);
    expect(parseQuery('“十四五” 规划').words.map((w) => w.text)).toEqual(['十四五', '规划']);
  });
  it('drops repeats, words inside longer words, and words that fold to nothing', () => {
    expect(parseQuery('发展 高质量发展 发展').words.map((w) => w.text)).toEqual(['高质量发展']);
    expect(parseQuery('   ').words).toEqual([]);
  });
  it('looks a single character up by itself', () => {
    expect(parseQuery('核').words[0]).toMatchObject({ length: 1, offsets: [0], exact: true });
  });
  it('cuts a pasted page at 200 characters', () => {
    expect(parseQuery('发'.repeat(500)).words[0]!.length).toBe(200);
  });
});

describe('Traditional characters', () => {
  it('spots common Traditional-only characters, and only Han text can differ', () => {
    expect(looksTraditional('經濟發展')).toBe(true);
    expect(looksTraditional('经济发展')).toBe(false);
    expect(hasHan('GDP 5%')).toBe(false);
    expect(hasHan('GDP增长')).toBe(true);
  });
  it('converts Hong Kong and Taiwan spellings to the Simplified text of the reports', () => {
    expect(traditionalToSimplified('國和一號示範工程')).toBe('国和一号示范工程');
    expect(traditionalToSimplified('努力實現幼有善育、學有優教')).toBe('努力实现幼有善育、学有优教');
    expect(traditionalToSimplified('堅持把穩增長放在突出位置')).toBe('坚持把稳增长放在突出位置');
    expect(traditionalToSimplified('發展活力不斷增強')).toBe('发展活力不断增强');
    // Hong Kong and Taiwan variant characters.
    expect(traditionalToSimplified('羣衆綫上衞生爲民著力')).toBe('群众线上卫生为民着力');
    expect(traditionalToSimplified('臺灣裡面')).toBe('台湾里面');
  });
  it('leaves Simplified text alone', () => {
    const s = '预计全年生产总值增长6%左右，一般公共预算收入增长5.4%。';
    expect(traditionalToSimplified(s)).toBe(s);
  });
});
