import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  charCode,
  decodeCodes,
  END_CODE,
  foldText,
  indexContent,
  indexTokens,
  phraseStarts,
  phraseTokens,
} from '../../src/lib/search/tokens.ts';
import { foldForMatch } from '../../src/lib/text/index.ts';
import { parsedSeeds, ROOT } from './seeds.ts';

/** Where a phrase occurs according to the tokens alone (what the browser computes from Pagefind's positions). */
function tokenStarts(text: string, phrase: string): number[] {
  const ph = phraseTokens(phrase);
  if (!ph) return [];
  const toks = indexTokens(text);
  if (ph.prefix) return toks.flatMap((t, i) => (t.startsWith(ph.tokens[0]!) ? [i] : []));
  const positions = ph.tokens.map((t) => toks.flatMap((x, i) => (x === t ? [i] : [])));
  return phraseStarts(positions);
}

/** The truth: every start of the folded phrase in the folded text, in code points. */
function bruteStarts(text: string, phrase: string): number[] {
  const t = foldText(text).chars;
  const p = foldText(phrase).chars;
  const out: number[] = [];
  for (let i = 0; i + p.length <= t.length; i++) if (p.every((c, k) => t[i + k] === c)) out.push(i);
  return out;
}

describe('charCode', () => {
  it('writes BMP characters as three base-36 digits', () => {
    expect(charCode('a')).toBe('02p');
    expect(charCode('国')).toBe((0x56fd).toString(36).padStart(3, '0'));
    expect(charCode('国')).toHaveLength(3);
  });
  it('uses the long form for high code points, U+0000 and the marker itself', () => {
    expect(charCode('𠮷')).toBe(`zzz${(0x20bb7).toString(36)}`);
    expect(charCode('\u0000')).toBe('zzz0000');
    expect(charCode(String.fromCodePoint(46655))).toMatch(/^zzz/);
    expect(charCode(String.fromCodePoint(46654))).toBe('zzy');
  });
  it('is only letters and digits, so Pagefind keeps every token whole', () => {
    for (const ch of ['，', '%', '.', '·', '—', 'é', '😀', ' ']) expect(charCode(ch)).toMatch(/^[0-9a-z]+$/);
  });
  it('is prefix-free and one-to-one over a wide sample (tokens equal only for equal characters)', () => {
    const sample = ['\u0000', 'a', 'z', '0', '%', '，', '國', '国', '〇', 'ꙮ', String.fromCodePoint(46654), String.fromCodePoint(46655), String.fromCodePoint(46656), '𠮷', '😀'];
    for (let cp = 0x4e00; cp < 0x4e00 + 300; cp += 7) sample.push(String.fromCodePoint(cp));
    const codes = sample.map(charCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    expect(codes).not.toContain(END_CODE);
    expect(decodeCodes(codes.join(''))).toBe(sample.map((c) => (c === '\u0000' ? c : c)).join(''));
  });
});

describe('indexTokens', () => {
  it('gives one token per folded character, the last one ending with the end code', () => {
    const toks = indexTokens('国和一号');
    expect(toks).toHaveLength(4);
    expect(decodeCodes(toks[0]!)).toBe('国和');
    expect(decodeCodes(toks[2]!)).toBe('一号');
    expect(toks[3]).toBe(charCode('号') + END_CODE);
    expect(indexContent('国和一号').split(' ')).toEqual(toks);
  });
  it('keeps digits and % inside Han as characters of their own', () => {
    const toks = indexTokens('增长6%左右').map(decodeCodes);
    expect(toks).toEqual(['增长', '长6', '6%', '%左', '左右', '右␀']);
  });
  it('folds full-width forms, spaces, line breaks and case before tokenizing', () => {
    expect(indexTokens('增长６％左右')).toEqual(indexTokens('增长6%左右'));
    expect(indexTokens('增长 6%\n左右')).toEqual(indexTokens('增长6%左右'));
    expect(indexTokens('ＧＤＰ增长')).toEqual(indexTokens('gdp增长'));
    expect(indexTokens('（一）')).toEqual(indexTokens('(一)'));
  });
  it('has nothing for white space only', () => {
    expect(indexTokens(' \u3000\n')).toEqual([]);
    expect(indexContent('')).toBe('');
  });
});

describe('phraseTokens', () => {
  it('turns a phrase into its bigrams', () => {
    const ph = phraseTokens('国和一号')!;
    expect(ph.prefix).toBe(false);
    expect(ph.length).toBe(4);
    expect(ph.tokens.map(decodeCodes)).toEqual(['国和', '和一', '一号']);
  });
  it('makes a two-character word one token', () => {
    expect(phraseTokens('核电')!.tokens).toHaveLength(1);
  });
  it('looks up a single character as a prefix', () => {
    const ph = phraseTokens('核')!;
    expect(ph).toMatchObject({ prefix: true, length: 1, tokens: [charCode('核')] });
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
  it('the Pagefind integration and the browser engine import the same module', () => {
    const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
    expect(read('src/integrations/pagefind.ts')).toMatch(/\bindexContent\b[^;]*from '\.\.\/lib\/search\/index\.ts'/);
    expect(read('src/client/search-engine.ts')).toMatch(/\bphraseStarts\b[^;]*from '\.\.\/lib\/search\/index\.ts'/);
    expect(read('src/lib/search/index.ts')).toMatch(/\bindexContent\b[^;]*from '\.\/tokens\.ts'/);
    expect(read('src/lib/search/query.ts')).toMatch(/from '\.\/tokens\.ts'/);
  });
});
