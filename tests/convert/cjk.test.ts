import { describe, expect, it } from 'vitest';
import { joinGap, joinWrapped } from '../../src/lib/convert/cjk.ts';

describe('joining pieces of Chinese text', () => {
  it('puts nothing between Han characters or full-width punctuation', () => {
    expect(joinWrapped('深', '入')).toBe('深入');
    expect(joinWrapped('增长', '5.5%左右')).toBe('增长5.5%左右');
    expect(joinGap('“四新”', '经济')).toBe('“四新”经济');
  });
  it('keeps a space between Latin words across a line break, not inside numbers', () => {
    expect(joinWrapped('digital', 'economy')).toBe('digital economy');
    expect(joinWrapped('占比74.', '2%')).toBe('占比74.2%');
    expect(joinWrapped('5', 'G基站')).toBe('5G基站');
  });
  it('turns a visible gap between narrow characters into a space, within a line', () => {
    expect(joinGap('100', '200')).toBe('100 200');
    expect(joinGap('生产总值', '5.5%')).toBe('生产总值5.5%');
  });
});
