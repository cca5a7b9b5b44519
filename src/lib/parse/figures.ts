/**
 * Reading a stated figure: "增长5.5%左右", "稳定在70万吨以上", "增速高于全省",
 * "6%—6.5%", "1050亿元，增长6%", "超过千亿元", "分别增长6%、7.5%". Returns
 * value, unit, qualifier as written and a comparator the verdicts can use.
 */
import type { Comparator, StatedFigure } from '../schema.ts';
import { asciiDigits, chineseAmount } from '../text/index.ts';

export interface Figure extends StatedFigure {
  /** 年均 (五年平均, 平均每年): an average over several years. */
  average: boolean;
  /** Where in the predicate the figure was read. */
  start: number;
  end: number;
}

/**
 * A number: 5.5, 1200; with thousands separators as older reports write them (３，６８０ → 3680);
 * or letter-spaced, as some extracted texts are (7 4 7 7 2 亿元, 5 ．4 ％: a single space between
 * digits, never between two numbers in Chinese text).
 */
const NUM = String.raw`(?<!\d)\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d(?: ?\d)*(?: ?\. ?\d(?: ?\d)*)?`;
/** The value of a NUM match. */
const num = (s: string): number => Number(s.replace(/[,， ]/g, ''));
const CN_NUM = '[一二三四五六七八九两]?[十百千万]+';
const UNITS = '万亿元|亿元|万元|元|亿美元|万美元|美元|万人次|万人|人次|人|万吨|吨|万亿斤|亿斤|万斤|公斤|斤|万亩|亩|万户|户|万千瓦|千瓦|%|％|‰';
const AFTER_Q = '左右|以上|以内|以下|上下';
const BEFORE_Q = '不低于|不少于|不高于|不超过|超过|突破|跨越|迈上|跃上|达到|稳定在|保持在|控制在|低于|不到|高于|约|超';

const BENCHMARK = /(增速|增长|增幅)?(高于|快于|超过|略高于|不低于|好于)(全省|全国|全市|全州|全区|省|全省平均|全国平均|经济增长)(平均)?(水平|增速)?/;
/** In step with the economy: "与经济增长同步", "和经济增长保持同步", "与地区生产总值增速同步" (the qualifier without a leading 增长). */
const IN_STEP = /(?:增长|增速)?((?:[与和同](?:经济增长|经济增速|经济发展|地区生产总值增速|地区生产总值增长|生产总值增速|GDP增速)(?:基本|保持)?(?:基本)?同步(?:增长)?)|不低于经济增速|不低于经济增长|快于经济增长|(?:基本)?同步增长)/;
/** "确保增长6.5%、力争7%以上": the floor and the stretch goal. */
const SECURE_STRIVE = new RegExp(`确保\\s*(?:增长|增速)?\\s*(${NUM})\\s*(%|％)?\\s*[、，,]\\s*力争\\s*(?:增长|增速)?\\s*(${NUM})\\s*(%|％)\\s*(以上|左右)?`);
/** "保8争9": secure 8, strive for 9 (percent). */
const KEEP_STRIVE = /保(\d+(?:\.\d+)?)争(\d+(?:\.\d+)?)/;
const RANGE = new RegExp(`(${NUM})\\s*(%|％)?\\s*[—\\-－–~～至到]\\s*(${NUM})\\s*(%|％)`);
/** An average over several years: 年均, 五年平均, 平均每年. */
const AVERAGE = /年均|年平均|平均每年|每年平均/;
const GROWTH = new RegExp(
  `((?:年均|年平均|平均每年|每年平均)(?:分别)?(?:可比)?)?(?:可比)?(增长|增速|增幅|提高|上涨|涨幅|下降|降低|回落|减少|削减)(为|达到|在|约|了|保持在|控制在)?\\s*(?:分别)?\\s*(${NUM})\\s*(%|％|个百分点)\\s*(${AFTER_Q})?`,
);
const LEVEL = new RegExp(`(${BEFORE_Q})?\\s*(${NUM}|${CN_NUM})\\s*(${UNITS}|亿(?=台阶|大关|量级|级))\\s*(${AFTER_Q})?`);
/** An index stated without a unit: "居民消费价格指数控制在103左右". */
const INDEX = new RegExp(`(控制在|为|在)\\s*(1\\d\\d(?:\\.\\d+)?)\\s*(${AFTER_Q})`);

function comparatorOf(before: string | undefined, after: string | undefined): Comparator {
  const q = `${before ?? ''}${after ?? ''}`;
  if (/左右|上下|约/.test(q)) return 'about';
  if (/以上|不低于|不少于|超过|突破|超|高于/.test(q)) return 'at-least';
  if (/以内|以下|不超过|不高于|控制在|低于|不到/.test(q)) return 'at-most';
  return 'exact';
}

/** The qualifier as written: the words after the figure (左右, 以内) when there are any, else those before it (不低于, 突破). */
function qualifierOf(before: string | undefined, after?: string | undefined): string | null {
  if (after) return after;
  return before && !/^(达到|稳定在|保持在|控制在|为|在|约)$/.test(before) ? before : null;
}

/** 千 → 1000; 1 with 万亿元 → 10000 亿元. */
function readNumber(raw: string, unit: string): { value: number; unit: string } {
  let value: number;
  if (/^\d/.test(raw)) value = num(raw);
  else value = chineseAmount(raw);
  if (unit === '万亿元') return { value: value * 10000, unit: '亿元' };
  if (unit === '亿') return { value, unit: '亿元' };
  return { value, unit: unit === '％' ? '%' : unit };
}

function isShare(context: string): boolean {
  return /占比|比重|比例|率$|率[^\u4e00-\u9fa5]*$/.test(context);
}

/**
 * All figures stated in a predicate (the words after an indicator's name).
 * `metric` helps tell a share or a rate from a level.
 */
/** "百分之十二点八" → "  12.8%", the same length, so that offsets stay those of the text. */
export function percentWords(text: string): string {
  return text.replace(/百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)/g, (all, num: string) => {
    const digit: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
    const [whole, frac] = num.split('点') as [string, string | undefined];
    let n = 0;
    if (whole === '百') n = 100;
    else if (whole.includes('十')) {
      const [tens, ones] = whole.split('十') as [string, string];
      n = (tens ? digit[tens]! : 1) * 10 + (ones ? digit[ones]! : 0);
    } else n = Number([...whole].map((c) => digit[c]).join(''));
    const value = `${n}${frac ? `.${[...frac].map((c) => digit[c]).join('')}` : ''}%`;
    return value.length <= all.length ? value.padStart(all.length, ' ') : all;
  });
}

export function readFigures(predicateRaw: string, metric = ''): Figure[] {
  const predicate = percentWords(asciiDigits(predicateRaw));
  const out: Figure[] = [];
  let masked = predicate;
  const mask = (start: number, end: number) => {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };
  let m: RegExpExecArray | null;
  if ((m = IN_STEP.exec(masked))) {
    out.push({
      kind: 'growth', value: null, valueMax: null, unit: null, qualifier: m[1]!, comparator: /不低于|快于/.test(m[0]) ? 'at-least' : 'in-step',
      benchmark: '经济增长', average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if ((m = BENCHMARK.exec(masked))) {
    // "高于全省0.5个百分点左右": by how much.
    const by = new RegExp(`^\\s*(${NUM})\\s*(个百分点|%|％)\\s*(${AFTER_Q})?`).exec(masked.slice(m.index + m[0].length));
    const end = m.index + m[0].length + (by ? by[0].length : 0);
    out.push({
      kind: 'growth', value: by ? num(by[1]) : null, valueMax: null, unit: by ? (by[2] === '个百分点' ? '个百分点' : '%') : null,
      qualifier: m[0].replace(/^(增速|增长|增幅)/, ''), comparator: 'above-benchmark',
      benchmark: m[3]!.replace(/平均$/, ''), average: false, start: m.index, end,
    });
    mask(m.index, end);
  }
  if ((m = SECURE_STRIVE.exec(masked))) {
    out.push({
      kind: 'growth', value: num(m[1]), valueMax: num(m[3]), unit: '%', qualifier: `确保、力争${m[5] ?? ''}`, comparator: 'at-least',
      benchmark: null, average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if ((m = KEEP_STRIVE.exec(masked))) {
    out.push({
      kind: 'growth', value: num(m[1]), valueMax: num(m[2]), unit: '%', qualifier: m[0], comparator: 'at-least',
      benchmark: null, average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if ((m = RANGE.exec(masked))) {
    const growthy = /增长|增速|增幅|涨幅/.test(masked.slice(Math.max(0, m.index - 4), m.index)) || /增长|涨幅|增速/.test(metric);
    out.push({
      kind: growthy ? 'growth' : isShare(metric) ? 'share' : 'level', value: num(m[1]), valueMax: num(m[3]), unit: '%', qualifier: null,
      comparator: 'range', benchmark: null, average: AVERAGE.test(masked.slice(Math.max(0, m.index - 8), m.index)),
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
    const down = /下降|降低|回落|减少|削减/.test(m[2]!);
    const pp = m[5] === '个百分点';
    out.push({
      kind: pp && isShare(metric) ? 'share' : 'growth',
      value: down ? -num(m[4]) : num(m[4]), valueMax: null, unit: pp ? '个百分点' : '%',
      qualifier: qualifierOf(m[3] === '控制在' ? m[3] : undefined, m[6]), comparator: comparatorOf(m[3], m[6]), benchmark: null, average: Boolean(m[1]),
      start: m.index, end: m.index + m[0].length,
    });
    // "分别增长4%6.2%": further values right after the first.
    let tail = masked.slice(m.index + m[0].length);
    let offset = m.index + m[0].length;
    let more: RegExpExecArray | null;
    while ((more = new RegExp(`^[、,，和]?\\s*(${NUM})\\s*(%|％)\\s*(${AFTER_Q})?`).exec(tail))) {
      out.push({
        kind: 'growth', value: down ? -num(more[1]) : num(more[1]), valueMax: null, unit: '%', qualifier: qualifierOf(undefined, more[3]),
        comparator: comparatorOf(undefined, more[3]), benchmark: null, average: Boolean(m[1]), start: offset, end: offset + more[0].length,
      });
      offset += more[0].length;
      tail = tail.slice(more[0].length);
    }
    // "分别增长4%、6%左右": each value keeps its own qualifier, as written (左右 is read with 6% only).
    mask(m.index, offset);
    growthRe.lastIndex = offset;
  }
  const levelRe = new RegExp(LEVEL.source, 'g');
  while ((m = levelRe.exec(masked))) {
    if (!m[2] || !m[3]) continue;
    // "万元生产总值能耗", "万元以上": a bare 万 before 元 is a unit of measure, not ten thousand yuan (written 1万元).
    if (m[2] === '万' && m[3] === '元' && !m[1]) continue;
    const { value, unit } = readNumber(m[2], m[3]);
    const percent = unit === '%';
    const growthy = percent && /涨幅|增速|增幅|增长率|增长速度|经济增长/.test(metric);
    out.push({
      kind: growthy ? 'growth' : percent && (isShare(metric) || isShare(masked.slice(Math.max(0, m.index - 4), m.index)) || /占/.test(masked.slice(0, m.index))) ? 'share' : 'level',
      value, valueMax: null, unit, qualifier: qualifierOf(m[1], m[4]), comparator: comparatorOf(m[1], m[4]),
      benchmark: null, average: false, start: m.index, end: m.index + m[0].length,
    });
    mask(m.index, m.index + m[0].length);
  }
  if (/指数/.test(metric) && (m = INDEX.exec(masked))) {
    out.push({
      kind: 'level', value: num(m[2]), valueMax: null, unit: null, qualifier: qualifierOf(m[1], m[3]), comparator: comparatorOf(m[1], m[3]),
      benchmark: null, average: false, start: m.index, end: m.index + m[0].length,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words that open what a target says of its indicator: 保持, 完成, 持续改善, 与…同步 … */
export const TARGET_VERB = /进一步|大幅|较大幅度|持续|继续|稳定|稳步|保持|全面完成|完成|达到|控制在|控制|位居|居于|跨越|实现|突破|不断|显著|明显|有效|有序|基本|逐步|力争|确保|始终|取得|高于|低于|快于|好于|优于|不低于|不高于|(?:增长|下降|降低|提高|减少|削减)(?!目标|率|幅度)|提升|改善|优化|促|守住|守牢|符合|满足|同步|与经济|和经济|与国家|保[一二三四五六七八九十\d]/;

/** Layout left inside a sentence by extraction: page numbers ("— 9 —") and hard-wrap spaces. */
export function withoutLayout(s: string): string {
  return s.replace(/[—\-－–]\s*\d{1,3}\s*[—\-－–]/g, '').replace(/[\s\u3000\u00a0]+/g, '');
}

/**
 * A predicate with no figure at all: "稳中提质", "保持在合理区间". Words before its verb that
 * extend the subject ("和播种面积保持稳定", "、主要污染物排放总量控制在…") and adverbs (均, 始终)
 * are not part of the qualifier.
 */
export function qualitative(predicate: string): Figure {
  let q = withoutLayout(predicate).replace(/^[，,、；;：:\s]+|[，,、；;。\s]+$/g, '').trim();
  const verb = TARGET_VERB.exec(q);
  // The subject goes on before the verb ("、主要污染物排放总量控制在…", "指标完成…"), unless it names an aspect (规模稳定).
  if (verb && verb.index > 0 && !/\d/.test(q.slice(0, verb.index)) && !/^(规模|总量|质量|水平|结构|速度|效益|质效|运行)$/.test(q.slice(0, verb.index))) q = q.slice(verb.index);
  q = q.replace(/^(均|始终|都|要|将)+/, '');
  return {
    kind: 'qualitative', value: null, valueMax: null, unit: null, qualifier: q || null, comparator: 'qualitative',
    benchmark: null, average: false, start: 0, end: predicate.length,
  };
}
