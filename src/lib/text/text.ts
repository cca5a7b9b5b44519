/**
 * Text helpers shared by every stage: lines with offsets, whitespace and
 * width normalisation. Normalised strings are for matching only; records keep
 * the source's own characters.
 */

export interface SourceLine {
  /** 1-based line number in the source file. */
  line: number;
  /** Offset of the first character of the line in the source text. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  /** The line as written, without its line break. */
  raw: string;
  /** The line with NBSP, ideographic and other odd spaces turned into plain spaces, trimmed. */
  text: string;
  /** Offset in the source of the first character of `text`. */
  textStart: number;
  /** Leading indentation (spaces of any kind) before `text`. */
  indent: number;
}

/** Spaces that extraction and typesetting leave behind: NBSP, ideographic space, en/em spaces, zero-width ones, BOM. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\t\f\v]/g;

export function normalizeSpaces(s: string): string {
  return s.replace(ODD_SPACES, ' ');
}

export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const spaced = normalizeSpaces(raw);
    const lead = spaced.length - spaced.trimStart().length;
    out.push({ line: n, start, end, raw, text: spaced.trim(), textStart: start + lead, indent: lead });
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    push(m.index);
    start = m.index + m[0].length;
    n++;
  }
  push(text.length);
  return out;
}

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

/**
 * Matching key: no whitespace, full-width forms folded to half-width, quotes and
 * dashes unified. Used by search, quote checks and figure comparison alike, so
 * that a quote copied from a PDF or a newspaper column still matches.
 */
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
 * Matching key: no whitespace, full-width forms folded to half-width, quotes and
 * dashes unified. Used by search, quote checks and figure comparison alike, so
 * that a quote copied from a PDF or a newspaper column still matches.
 */
export function foldForMatch(s: string): string {
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out.replace(/-{2,}/g, '-').replace(/\.{2,}/g, '.');
}

/** Join wrapped lines: drop the break and indentation; keep one space only between Latin letters or digits. */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z]/.test(t)) out += ' ';
    out += t;
  }
  return out;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十三 → 23; null when not a small Chinese numeral. */
export function chineseOrdinal(s: string): number | null {
  if (!s || !/^[〇零一二两三四五六七八九十]+$/.test(s)) return null;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CN_DIGITS[s]! : null;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)] ?? null;
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)] ?? null;
  return tens === null || ones === null ? null : tens * 10 + ones;
}

/** 二〇二三 / 一九五四 → 2023 / 1954. */
export function chineseYear(s: string): number | null {
  if (!/^[〇零○Ｏ一二三四五六七八九]{4}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 10 + (CN_DIGITS[ch] ?? (ch === '○' || ch === 'Ｏ' ? 0 : NaN));
  return Number.isNaN(n) ? null : n;
}

/** Full-width digits and punctuation inside numbers → ASCII, for reading values. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
