/**
 * Joining pieces of Chinese text the way it was written: no space between Han
 * characters or full-width punctuation, one space between Latin words.
 */

/** Han, kana, hangul, CJK and full-width punctuation, full-width forms. */
const WIDE = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;

export const isWide = (ch: string): boolean => WIDE.test(ch);

/** A line break in HTML source between two wide characters: CSS Text 3 removes it rather than showing a space. */
const WIDE_BREAK = new RegExp(`(${WIDE.source})\uE000(?=${WIDE.source})`, 'g');

/** Resolves the segment-break marks left by white-space collapsing: nothing between wide characters, else a space. */
export const resolveSegmentBreaks = (text: string): string => text.replace(WIDE_BREAK, '$1').replace(/\uE000/g, ' ');

/** Joins two runs of one line separated by a visible gap: a space only between two narrow (Latin, digit) characters. */
export function joinGap(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left.at(-1)!;
  const b = right[0]!;
  if (/\s/.test(a) || /\s/.test(b) || isWide(a) || isWide(b)) return left + right;
  return `${left} ${right}`;
}

/**
 * Joins a line to the next line of its paragraph: nothing between Han characters;
 * a space only between two Latin letters (a word break). Chinese text wraps inside
 * numbers and codes (74.|2%, 5|G), where a space would be wrong.
 */
export function joinWrapped(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left.at(-1)!;
  const b = right[0]!;
  return /[A-Za-z]/.test(a) && /[A-Za-z]/.test(b) ? `${left} ${right}` : left + right;
}
