import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  foldText,
  foldedStarts,
  indexTokens,
  MAX_PHRASE_TOKENS,
  phraseStarts,
  phraseTokens,
  tokenKey,
  tokenText,
} from '../../src/lib/search/tokens.ts';
import { foldForMatch } from '../../src/lib/text/index.ts';
import { parsedSeeds, ROOT } from './seeds.ts';

/** Where a phrase occurs according to the tokens alone (what the browser computes from the index's positions). */
function tokenStarts(text: string, phrase: string): number[] {
  const ph = phraseTokens(phrase);
  if (!ph) return [];
  const toks = indexTokens(text);
  const positions = ph.tokens.map((t) => toks.flatMap(([k, p]) => (k === t ? [p] : [])));
  return phraseStarts(positions, ph.offsets);
}

/** The truth: every start of the folded phrase in the folded text, in code points. */
function bruteStarts(text: string, phrase: string): number[] {
  const t = foldText(text).chars;
  const p = foldText(phrase).chars;
  const out: number[] = [];
  for (let i = 0; i + p.length <= t.length; i++) if (p.every((c, k) => t[i + k] === c)) out.push(i);
  return out;
}

describe('tokenKey', () => {
  it('is one number per character and per pair, equal only for equal characters', () => {
    const sample = ['\u0000', 'a', 'z', '0', '%', '，', '國', '国', '〇', 'ꙮ', '𠮷', '😀'];
    for (let cp = 0x4e00; cp < 0x4e00 + 300; cp += 7) sample.push(String.fromCodePoint(cp));
    const cps = sample.map((c) => c.codePointAt(0)!);
    const keys = new Set<number>();
    for (const a of cps) {
      keys.add(tokenKey(a));
      for (const b of cps) keys.add(tokenKey(a, b));
    }
    expect(keys.size).toBe(cps.length + cps.length * cps.length);
    for (const k of keys) expect(Number.isSafeInteger(k)).toBe(true);
  });
  it('reads back as its characters', () => {
    expect(tokenText(tokenKey(0x56fd))).toBe('国');
    expect(tokenText(tokenKey(0x56fd, 0x548c))).toBe('国和');
    expect(tokenText(tokenKey(0x20bb7, 0x10ffff))).toBe('𠮷\u{10ffff}');
    expect(tokenText(tokenKey(0, 0))).toBe('\u0000\u0000');
  });
});

describe('indexTokens', () => {
  it('gives the character and the pair starting at every position (no pair after the last)', () => {
    const toks = indexTokens('国和一号').map(([k, p]) => `${tokenText(k)}@${p}`);
    expect(toks).toEqual(['国@0', '国和@0', '和@1', '和一@1', '一@2', '一号@2', '号@3']);
  });
  it('keeps digits and % inside Han as characters of their own', () => {
    const pairs = indexTokens('增长6%左右').filter(([k]) => tokenText(k).length === 2).map(([k]) => tokenText(k));
    expect(pairs).toEqual(['增长', '长6', '6%', '%左', '左右']);
  });
  it('folds full-width forms, spaces, line breaks and case before tokenizing', () => {
    expect(indexTokens('增长６％左右')).toEqual(indexTokens('增长6%左右'));
    expect(indexTokens('增长 6%\n左右')).toEqual(indexTokens('增长6%左右'));
    expect(indexTokens('ＧＤＰ增长')).toEqual(indexTokens('gdp增长'));
    expect(indexTokens('（一）')).toEqual(indexTokens('(一)'));
  });
  it('has nothing for white space only', () => {
    expect(indexTokens(' \u3000\n')).toEqual([]);
  });
});

describe('phraseTokens', () => {
  it('covers a phrase with the pairs at offsets 0, 2, 4 … and the last pair', () => {
    const ph = phraseTokens('国和一号')!;
    expect(ph).toMatchObject({ length: 4, offsets: [0, 2], exact: true });
    expect(ph.tokens.map(tokenText)).toEqual(['国和', '一号']);
    const odd = phraseTokens('高质量发展')!;
    expect(odd.offsets).toEqual([0, 2, 3]);
    expect(odd.tokens.map(tokenText)).toEqual(['高质', '量发', '发展']);
  });
  it('makes a two-character word one token', () => {
    expect(phraseTokens('核电')!.tokens).toHaveLength(1);
  });
  it('looks up a single character by itself', () => {
    expect(phraseTokens('核')).toMatchObject({ length: 1, tokens: [tokenKey('核'.codePointAt(0)!)], offsets: [0], exact: true });
  });
  it('looks up a long phrase by a spread of its pairs, and says it must be checked against the text', () => {
    const long = '坚持以习近平新时代中国特色社会主义思想为指导全面贯彻党的二十大和二十届历次全会精神深入贯彻习近平总书记视察山东重要讲话精神';
    const ph = phraseTokens(long)!;
    expect(ph.tokens).toHaveLength(MAX_PHRASE_TOKENS);
    expect(ph.exact).toBe(false);
    expect(ph.offsets[0]).toBe(0);
    expect(ph.offsets[ph.offsets.length - 1]).toBe(ph.length - 2);
    expect(tokenStarts(`前文${long}后文`, long)).toEqual([2]);
  });
  it('returns null when folding leaves nothing', () => {
    expect(phraseTokens('  \n')).toBeNull();
  });
  it('keeps Latin words as characters: PM2.5 and gdp are substrings like any other', () => {
    expect(tokenStarts('细颗粒物PM2.5浓度下降', 'pm2.5')).toEqual([4]);
    expect(tokenStarts('GDP增长5%', 'gdp')).toEqual([0]);
  });
});

describe('phraseStarts', () => {
  it('keeps only starts where token k sits at p + k', () => {
    expect(phraseStarts([[0, 5, 9], [1, 7, 10], [2, 11]])).toEqual([0, 9]);
    expect(phraseStarts([[3]])).toEqual([3]);
    expect(phraseStarts([])).toEqual([]);
  });
  it('takes offsets: token k at p + offsets[k]', () => {
    expect(phraseStarts([[0, 4], [2, 9], [3]], [0, 2, 3])).toEqual([0]);
    expect(phraseStarts([[1]], [1])).toEqual([0]);
  });
});

describe('foldedStarts', () => {
  it('finds every start, overlapping ones too', () => {
    expect(foldedStarts(Array.from('发展发展展'), Array.from('发展'))).toEqual([0, 2]);
    expect(foldedStarts(Array.from('aaa'), Array.from('aa'))).toEqual([0, 1]);
  });
});

describe('substring semantics over the seeds', () => {
  const paragraphs = parsedSeeds().documents.flatMap((d) => d.paragraphs.map((p) => p.text));

  it('token positions find exactly the folded substring, for many phrases of 1 to 20 characters', () => {
    let checked = 0;
    for (const [i, text] of paragraphs.entries()) {
      const chars = foldText(text).chars;
      for (const len of [1, 2, 3, 5, 8, 13, 20]) {
        if (chars.length < len) continue;
        const at = (i * 7919 + len * 104729) % (chars.length - len + 1);
        const phrase = chars.slice(at, at + len).join('');
        // Compare with the truth in this paragraph and in a neighbour.
        for (const other of [text, paragraphs[(i + 1) % paragraphs.length]!]) {
          expect(tokenStarts(other, phrase), `"${phrase}"`).toEqual(bruteStarts(other, phrase));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('folds each character exactly as foldForMatch folds the whole paragraph', () => {
    for (const text of paragraphs) expect(foldText(text).folded).toBe(foldForMatch(text));
  });

  it('maps every folded character back to its source character', () => {
    const text = '　预计全年，生产总值增长６％左右……\n（一）';
    const { chars, map } = foldText(text);
    chars.forEach((c, k) => expect(foldForMatch(String.fromCodePoint(text.codePointAt(map[k]!)!))).toContain(c));
  });
});

describe('one tokenizer for build and browser', () => {
  it('the index integration and the browser engine import the same module', () => {
    const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
    expect(read('src/integrations/search-index.ts')).toMatch(/\bfoldedCodePoints\b[^;]*\btokenKey\b[^;]*from '\.\.\/lib\/search\/index\.ts'/);
    expect(read('src/client/search-engine.ts')).toMatch(/\bphraseStarts\b[^;]*from '\.\.\/lib\/search\/index\.ts'/);
    expect(read('src/lib/search/index.ts')).toMatch(/\bfoldedCodePoints\b[^;]*\btokenKey\b[^;]*from '\.\/tokens\.ts'/);
    expect(read('src/lib/search/query.ts')).toMatch(/from '\.\/tokens\.ts'/);
  });
});
