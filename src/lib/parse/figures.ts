/**
 * Reading a stated figure: "增长5.5%左右", "稳定在70万吨以上", "增速高于全省",
 * "6%—6.5%", "1050亿元，增长6%", "超过千亿元", "分别增长6%、7.5%". Returns
 * value, unit, qualifier as written and a comparator the verdicts can use.
 */
import type { Comparator, StatedFigure } from '../schema.ts';
import { asciiDigits, chineseAmount } from '../text/index.ts';

export interface Figure extends StatedFigure {
  /** 年均: an average over several years. */
  average: boolean;
  /** Where in the predicate the figure was read. */
  start: number;
  end: number;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const CN_NUM = '[一二三四五六七八九两]?[十百千万]+';
const UNITS = '万亿元|亿元|万元|元|亿美元|万美元|美元|万人次|万人|人次|人|万吨|吨|万亿斤|亿斤|万斤|公斤|斤|万亩|亩|万户|户|万千瓦|千瓦|%|％';
const AFTER_Q = '左右|以上|以内|以下|上下';
const BEFORE_Q = '不低于|不少于|不高于|不超过|超过|突破|达到|稳定在|保持在|控制在|低于|不到|高于|约|超';

const BENCHMARK = /(增速|增长|增幅)?(高于|快于|超过|略高于|不低于|好于)(全省|全国|全市|省|全省平均|全国平均)(平均)?(水平|增速)?/;
const IN_STEP = /[与和同]经济增长(基本)?同步|增长和经济增长同步|与经济发展同步|与经济增速(基本)?同步|不低于经济增速|不低于经济增长|快于经济增长|同步增长/;
const RANGE = new RegExp(`(${NUM})\\s*(%|％)?\\s*[—\\-－–~～至到]\\s*(${NUM})\\s*(%|％)`);
const GROWTH = new RegExp(
  `(年均(?:可比)?)?(?:可比)?(增长|增速|增幅|提高|上涨|涨幅|下降|降低|回落|减少)(为|达到|在|约|了|保持在)?\\s*(?:分别)?\\s*(${NUM})\\s*(%|％|个百分点)(${AFTER_Q})?`,
);
const LEVEL = new RegExp(`(${BEFORE_Q})?\\s*(${NUM}|${CN_NUM})\\s*(${UNITS})(${AFTER_Q})?`);

function comparatorOf(before: string | undefined, after: string | undefined): Comparator {
  const q = `${before ?? ''}${after ?? ''}`;
  if (/左右|上下|约/.test(q)) return 'about';
  if (/以上|不低于|不少于|超过|突破|超|高于/.test(q)) return 'at-least';
  if (/以内|以下|不超过|不高于|控制在|低于|不到/.test(q)) return 'at-most';
  return 'exact';
}

function qualifierOf(...parts: (string | undefined)[]): string | null {
  const q = parts.filter((p) => p && !/^(达到|稳定在|保持在)$/.test(p)).join('');
  return q || null;
}

/** 千 → 1000; 1 with 万亿元 → 10000 亿元. */
function readNumber(raw: string, unit: string): { value: number; unit: string } {
  let value: number;
  if (/^\d/.test(raw)) value = Number(raw);
  else value = chineseAmount(raw);
  if (unit === '万亿元') return { value: value * 10000, unit: '亿元' };
  return { value, unit: unit === '％' ? '%' : unit };
}

function isShare(context: string): boolean {
  return /占比|比重|比例|率$|率[^\u4e00-\u9fa5]*$/.test(context);
}

/**
 * All figures stated in a predicate (the words after an indicator's name).
 * `metric` helps tell a share or a rate from a level.
 */
export function readFigures(predicateRaw: string, metric = ''): Figure[] {
  const predicate = asciiDigits(predicateRaw);
  const out: Figure[] = [];
  let masked = predicate;
  const mask = (start: number, end: number) => {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };
  let m: RegExpExecArray | null;
  if ((m = IN_STEP.exec(masked))) {
    out.push({
      kind: 'growth', value: null, valueMax: null, unit: null, qualifier: m[0], comparator: /不低于|快于/.test(m[0]) ? 'at-least' : 'in-step',
      benchmark: '经济增长', average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if ((m = BENCHMARK.exec(masked))) {
    out.push({
      kind: 'growth', value: null, valueMax: null, unit: null, qualifier: m[0].replace(/^(增速|增长|增幅)/, ''), comparator: 'above-benchmark',
      benchmark: m[3]!.replace(/平均$/, ''), average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if ((m = RANGE.exec(masked))) {
    const growthy = /增长|增速|增幅|涨幅/.test(masked.slice(Math.max(0, m.index - 4), m.index)) || /增长|涨幅|增速/.test(metric);
    out.push({
      kind: growthy ? 'growth' : isShare(metric) ? 'share' : 'level', value: Number(m[1]), valueMax: Number(m[3]), unit: '%', qualifier: null,
      comparator: 'range', benchmark: null, average: /年均/.test(masked.slice(Math.max(0, m.index - 8), m.index)),
      start: m.index, end: m.index + m[0].length,
    });
    mask(Math.max(0, m.index - 4), m.index + m[0].length);
  }
  // "由35.4%提高到54.8%", "从26.6万亿元增加到51.9万亿元": the figure is where it ended.
  const fromTo = new RegExp(`[由从]\\s*(${NUM})\\s*(${UNITS})?\\s*(提高|增加|增长|上升|下降|降低|减少|扩大)(到|至)\\s*(${NUM})\\s*(${UNITS})`).exec(masked);
  if (fromTo) {
    const { value, unit } = readNumber(fromTo[5]!, fromTo[6]!);
    out.push({
      kind: unit === '%' ? 'share' : 'level', value, valueMax: null, unit, qualifier: null, comparator: 'exact',
      benchmark: null, average: false, start: fromTo.index, end: fromTo.index + fromTo[0].length,
    });
    mask(fromTo.index, fromTo.index + fromTo[0].length);
  }
  const growthRe = new RegExp(GROWTH.source, 'g');
  while ((m = growthRe.exec(masked))) {
    const down = /下降|降低|回落|减少/.test(m[2]!);
    const pp = m[5] === '个百分点';
    out.push({
      kind: pp && isShare(metric) ? 'share' : 'growth',
      value: down ? -Number(m[4]) : Number(m[4]), valueMax: null, unit: pp ? '个百分点' : '%',
      qualifier: qualifierOf(m[6]), comparator: comparatorOf(m[3], m[6]), benchmark: null, average: Boolean(m[1]),
      start: m.index, end: m.index + m[0].length,
    });
    // "分别增长4%6.2%": further values right after the first.
    let tail = masked.slice(m.index + m[0].length);
    let offset = m.index + m[0].length;
    let more: RegExpExecArray | null;
    while ((more = new RegExp(`^[、,，和]?\\s*(${NUM})\\s*(%|％)(${AFTER_Q})?`).exec(tail))) {
      out.push({
        kind: 'growth', value: down ? -Number(more[1]) : Number(more[1]), valueMax: null, unit: '%', qualifier: qualifierOf(more[3]),
        comparator: comparatorOf(undefined, more[3]), benchmark: null, average: Boolean(m[1]), start: offset, end: offset + more[0].length,
      });
      offset += more[0].length;
      tail = tail.slice(more[0].length);
    }
    // "分别增长4%、6%左右": a qualifier at the end of the list applies to every value in it.
    const listed = out.filter((f) => f.start >= m!.index && f.end <= offset);
    const last = listed[listed.length - 1];
    if (listed.length > 1 && last?.qualifier) {
      for (const f of listed) if (!f.qualifier) Object.assign(f, { qualifier: last.qualifier, comparator: last.comparator });
    }
    mask(m.index, offset);
    growthRe.lastIndex = offset;
  }
  const levelRe = new RegExp(LEVEL.source, 'g');
  while ((m = levelRe.exec(masked))) {
    if (!m[2] || !m[3]) continue;
    const { value, unit } = readNumber(m[2], m[3]);
    const percent = unit === '%';
    const growthy = percent && /涨幅|增速|增幅|增长率/.test(metric);
    out.push({
      kind: growthy ? 'growth' : percent && (isShare(metric) || isShare(masked.slice(Math.max(0, m.index - 4), m.index)) || /占/.test(masked.slice(0, m.index))) ? 'share' : 'level',
      value, valueMax: null, unit, qualifier: qualifierOf(m[1], m[4]), comparator: comparatorOf(m[1], m[4]),
      benchmark: null, average: false, start: m.index, end: m.index + m[0].length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A predicate with no figure at all: "稳中提质", "保持在合理区间". */
export function qualitative(predicate: string): Figure {
  const q = predicate.replace(/^[，,、；;：:\s]+|[，,、；;。\s]+$/g, '').trim();
  return {
    kind: 'qualitative', value: null, valueMax: null, unit: null, qualifier: q || null, comparator: 'qualitative',
    benchmark: null, average: false, start: 0, end: predicate.length,
  };
}
