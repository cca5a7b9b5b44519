/** Chinese numerals: the digit table, small ordinals (一、二十三), years (二〇二三), round amounts (三千), full-width digits. */

/** The Chinese digits, with the forms PDF extraction and typesetting leave (○, Ｏ for 〇). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, 'Ｏ': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

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
  for (const ch of s) n = n * 10 + (CN_DIGITS[ch] ?? NaN);
  return Number.isNaN(n) ? null : n;
}

/** Full-width digits and punctuation inside numbers → ASCII, for reading values. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A round amount in words: 千 → 1000, 三千 → 3000, 一万 → 10000 (a leading digit times its multipliers). */
export function chineseAmount(s: string): number {
  const head = CN_DIGITS[s[0]!] ?? 1;
  return [...s].filter((c) => c in MULTIPLIERS).reduce((v, c) => v * MULTIPLIERS[c]!, head);
}
