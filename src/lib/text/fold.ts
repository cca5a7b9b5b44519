/**
 * Folding for matching, written once: no whitespace, full-width forms and punctuation
 * folded to half-width, quotes and dashes unified, lower case, runs of dashes or dots
 * collapsed. Search tokens, quote checks and figure comparison all use it, so that a
 * quote copied from a PDF or a newspaper column still matches. `foldWithMap` and
 * `foldCodePoints` also say where each folded character came from.
 */

/** True for characters that count in conservation: anything but whitespace. */
export function isInk(ch: string): boolean {
  return !/[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/u.test(ch);
}

/** Remove every whitespace character (including NBSP and ideographic space). */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu, '');
}

const FULL_TO_HALF: Record<string, string> = {
  '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')',
  '％': '%', '【': '[', '】': ']', '“': '"', '”': '"', '‘': "'", '’': "'", '〔': '(', '〕': ')',
  '—': '-', '－': '-', '～': '~', '、': ',', '《': '<', '》': '>', '·': '.', '•': '.', '…': '.',
};

const SPACE = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;
const foldCache = new Map<string, string>();

/** The matching key of one character: '' for white space, half-width for full-width forms, lower case. */
export function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    const code = ch.codePointAt(0)!;
    if (SPACE.test(ch)) f = '';
    else if (ch in FULL_TO_HALF) f = FULL_TO_HALF[ch]!;
    else if (code >= 0xff01 && code <= 0xff5e) f = String.fromCodePoint(code - 0xfee0);
    else f = ch;
    f = f.toLowerCase();
    foldCache.set(ch, f);
  }
  return f;
}

/**
 * The folded code points of a text, each with the UTF-16 offset in `text` of the
 * character it came from. The one folding loop; the functions below present its result.
 */
export function foldCodePoints(text: string): { chars: string[]; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    for (const c of foldChar(ch)) {
      // Collapse runs of dashes and of dots: keep the first of a run.
      if ((c === '-' || c === '.') && chars[chars.length - 1] === c) continue;
      chars.push(c);
      map.push(i);
    }
    i += ch.length;
  }
  return { chars, map };
}

/** The matching key of a text. */
export function foldForMatch(s: string): string {
  return foldCodePoints(s).chars.join('');
}

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the offset of its source character in the original. */
  map: number[];
}

/** Fold text for matching and remember where each folded UTF-16 unit came from (astral characters take two). */
export function foldWithMap(text: string): FoldedText {
  const { chars, map: cpMap } = foldCodePoints(text);
  const map: number[] = [];
  chars.forEach((c, k) => {
    for (let u = 0; u < c.length; u++) map.push(cpMap[k]!);
  });
  return { folded: chars.join(''), map };
}
