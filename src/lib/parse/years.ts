/**
 * Years in report text: headings such as "一、2023年政府工作回顾" and
 * "二、2025年政府工作目标任务", dates such as "——2023年1月8日" (also Chinese
 * numerals and damaged forms such as "——2024116"), and mentions counted as a last resort.
 */
import { asciiDigits, chineseOrdinal, chineseYear } from '../text/index.ts';

export interface DateReading {
  year: number | null;
  /** ISO date when month and day are certain. */
  iso: string | null;
  /** Why month/day could not be read, when they could not. */
  problem: string | null;
}

const CN_NUM = '〇零○Ｏ一二三四五六七八九十';

function cnSmall(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseOrdinal(s);
}

function iso(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Read a cover date line. Never guesses: ambiguous digits give a year and a problem. */
export function readDate(text: string): DateReading {
  const t = text.replace(/[—\-－–―\s]/g, '');
  let m = t.match(new RegExp(`^(\\d{4}|[${CN_NUM}]{4})年([\\d${CN_NUM}]{1,3})月([\\d${CN_NUM}]{1,3})日$`));
  if (m) {
    const y = /^\d/.test(m[1]!) ? Number(m[1]) : chineseYear(m[1]!);
    const mo = cnSmall(m[2]!);
    const d = cnSmall(m[3]!);
    if (y && mo !== null && d !== null) {
      const i = iso(y, mo, d);
      return { year: y, iso: i, problem: i ? null : `month ${mo} / day ${d} is not a calendar date` };
    }
  }
  m = t.match(/^(\d{4})[.．/年]?(\d{1,2})[.．/月](\d{1,2})日?$/);
  if (m) {
    const i = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return { year: Number(m[1]), iso: i, problem: i ? null : 'not a calendar date' };
  }
  m = t.match(/^(\d{4})(\d{2,4})$/);
  if (m) {
    const y = Number(m[1]);
    const rest = m[2]!;
    const readings = new Set<string>();
    for (let k = 1; k < rest.length; k++) {
      const mo = rest.slice(0, k);
      const d = rest.slice(k);
      if (mo.length > 2 || d.length > 2) continue;
      const r = iso(y, Number(mo), Number(d));
      if (r) readings.add(r);
    }
    if (readings.size === 1) return { year: y, iso: [...readings][0]!, problem: null };
    return {
      year: y,
      iso: null,
      problem: readings.size
        ? `the digits after the year are ambiguous (${[...readings].join(' or ')}); punctuation was lost in extraction`
        : 'the digits after the year are not a month and day',
    };
  }
  m = t.match(new RegExp(`^(\\d{4}|[${CN_NUM}]{4})年?`));
  if (m) {
    const y = /^\d/.test(m[1]!) ? Number(m[1]) : chineseYear(m[1]!);
    return { year: y, iso: null, problem: 'only the year could be read' };
  }
  return { year: null, iso: null, problem: 'no date could be read' };
}

/** Every year mentioned (2023年, 二〇二三年, 一九五四年) with a count. */
export function countYears(raw: string): Map<number, number> {
  const text = asciiDigits(raw);
  const counts = new Map<number, number>();
  const add = (y: number | null) => {
    if (y && y >= 1949 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
  };
  for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*年/g)) add(Number(m[1]));
  for (const m of text.matchAll(new RegExp(`([${CN_NUM}]{4})年`, 'g'))) add(chineseYear(m[1]!));
  return counts;
}

/** The year at the start of a heading or sentence: "2023年政府工作回顾" → 2023. */
export function leadingYear(raw: string): number | null {
  const text = asciiDigits(raw);
  const m = text.match(new RegExp(`^(?:[一二三四五六七八九十]+、)?\\s*((?:19|20)\\d{2}|[${CN_NUM}]{4})\\s*年`));
  if (!m) return null;
  return /^\d/.test(m[1]!) ? Number(m[1]) : chineseYear(m[1]!);
}
