/**
 * Whose report it is, from the strongest evidence the text offers: the opening act
 * ("我代表威海市人民政府"), the speaker's office ("河南省人民政府省长 王凯", "代理主席"), the
 * title ("2026年河南省政府工作报告", a scraper's 标题：), the session ("在保定市第十三届人民代表大会",
 * "保定市十六届人大七次会议"), a page header (发文单位：), a newspaper dateline; and only then the
 * place names the text uses, among the divisions whose level matches the government speaking
 * (a 市人民政府 is not one of its districts; 行署 speaks for a 地区 or 盟).
 */
import type { ClassifiedLine } from './classify.ts';
import type { Evidence, Region } from '../schema.ts';
import { findDivision, NATIONAL, rankDivisions, toRegion, type DivisionEntry } from './regions.ts';
import { stripSpace } from '../text/index.ts';

export interface RegionReading {
  region: Region | null;
  evidence: Evidence | null;
  /** Names that were stated but are not in the division list. */
  unknown: { name: string; evidence: Evidence }[];
}

/** The level word of a government (市 in 市人民政府) → the divisions it can speak for. */
const GOVERNMENT_OF: Record<string, RegExp> = {
  省: /省$/,
  自治区: /自治区$/,
  市: /市$/,
  州: /自治州$/,
  自治州: /自治州$/,
  县: /(县|自治县)$/,
  自治县: /自治县$/,
  区: /区$/,
  盟: /盟$/,
  旗: /旗$/,
  行署: /(地区|盟)$/,
  行政公署: /(地区|盟)$/,
};
const OFFICE_OF: Record<string, string> = { 省长: '省', 市长: '市', 州长: '州', 县长: '县', 区长: '区', 盟长: '盟', 旗长: '旗', 专员: '行署', 主席: '自治区' };
const OFFICE = '(?:代理|代)?(省长|市长|州长|县长|区长|盟长|旗长|专员|主席)';
const LEVEL_WORDS = /^(本?(省|市|州|县|区|盟|旗|自治区|自治州|自治县)|行署|行政公署)$/;
const SESSION = /(?:在|^)([^在，。、“”\s]{2,14}?)(?:第[一二三四五六七八九十]{1,3}届人民代表大会|[一二三四五六七八九十]{1,3}届人大)/;
const SESSION_LEVEL = /(?:在|^)(省|市|州|县|区|盟|旗|自治区)(?:第?[一二三四五六七八九十]{1,3}届人民代表大会|[一二三四五六七八九十]{1,3}届人大)/;

type Simplify = (s: string) => string;

interface Named {
  name: string;
  rule: string;
  text: string;
  line: number | null;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 58)}…` : s);

/** Lines where a report names itself: everything before the opening, the first lines, and the opening line. */
function coverZone(lines: ClassifiedLine[]): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  let content = 0;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (l.kind === 'body' || l.kind === 'heading' || l.kind === 'bullet') content++;
    if (content > 12 && !l.opening) continue;
    out.push(l);
    if (out.length > 80) break;
  }
  return out;
}

function named(lines: ClassifiedLine[], simp: Simplify): { found: Named[]; level: { word: string; text: string; line: number } | null; national: Named | null } {
  const found: Named[] = [];
  let level: { word: string; text: string; line: number } | null = null;
  let national: Named | null = null;
  const setLevel = (word: string, text: string, line: number) => {
    if (!level && GOVERNMENT_OF[word]) level = { word, text, line };
  };
  for (const l of coverZone(lines)) {
    const t = simp(stripSpace(l.text));
    let m: RegExpMatchArray | null;
    // The opening act.
    if (l.opening || /我(现在)?(代表|受)/.test(t)) {
      const act = t.match(/我(现在)?(代表|受|根据)[^。]{0,90}?(报告|议案)/)?.[0] ?? t.match(/我(现在)?代表\S{0,12}/)?.[0] ?? '';
      if (/国务院|中央人民政府/.test(act)) national ??= { name: '国务院', rule: 'opening', text: clip(act), line: l.line };
      else if ((m = act.match(/代表(.{1,14}?)(人民政府|人民委员会|政府|行政公署|行署)/))) {
        const who = m[1]!;
        if (LEVEL_WORDS.test(who)) setLevel(who.replace(/^本/, ''), act, l.line);
        else if (/^(行政公署|行署)$/.test(m[2]!) && who.length <= 1) setLevel('行署', act, l.line);
        else found.push({ name: who, rule: 'opening', text: clip(act), line: l.line });
        if (/^(行政公署|行署)$/.test(m[2]!)) setLevel('行署', act, l.line);
      } else if ((m = act.match(/代表(行政公署|行署)/))) setLevel('行署', act, l.line);
    }
    // A scraper's or a web page's header.
    if (l.kind === 'web-meta') {
      if ((m = t.match(/^发文单位[:：](.{2,16}?)(人民政府|政府|行政公署)/)) && !LEVEL_WORDS.test(m[1]!)) {
        found.push({ name: m[1]!, rule: 'page-header', text: clip(t), line: l.line });
      }
      if ((m = t.match(/^报告人[:：](.{2,16}?)(人民政府)?(?:代理|代)?(省长|市长|州长|县长|区长|盟长|旗长|主席)/)) && !LEVEL_WORDS.test(m[1]!)) {
        found.push({ name: m[1]!, rule: 'speaker', text: clip(t), line: l.line });
      }
      if (/^标题[:：]/.test(t)) {
        const title = t.replace(/^标题[:：]/, '');
        const r = titleRegion(title);
        if (r) found.push({ name: r, rule: 'title', text: clip(t), line: l.line });
        else if ((m = title.match(SESSION)) && !LEVEL_WORDS.test(m[1]!)) found.push({ name: m[1]!, rule: 'session', text: clip(t), line: l.line });
      }
      continue;
    }
    if (l.kind === 'cover-speaker' || (l.kind === 'body' && t.length <= 30 && new RegExp(`${OFFICE}[\\u4e00-\\u9fa5·]{2,12}$`).test(t) && !/[，。、；：]/.test(t))) {
      m = t.match(new RegExp(`^(.{0,16}?)(人民政府)?${OFFICE}`));
      if (m) {
        const who = m[1]!;
        if (who && !LEVEL_WORDS.test(who)) found.push({ name: who, rule: 'speaker', text: clip(t), line: l.line });
        else setLevel(who.replace(/^本/, '') || OFFICE_OF[m[3]!]!, t, l.line);
      }
    }
    if (l.kind === 'cover-title' || (l.kind === 'body' && t.length <= 60 && /政府工作报告|规划纲要的报告|计划纲要的报告/.test(t))) {
      const r = titleRegion(t);
      if (r) found.push({ name: r, rule: 'title', text: clip(t), line: l.line });
    }
    if (t.length <= 80 && /人民代表大会|人大/.test(t) && /会议/.test(t)) {
      if (/全国人民代表大会/.test(t) && /^[（(]?[—\-－–―]*\s*(\d|[〇零○一二三四五六七八九十])*.{0,12}在第|向第|向全国人民代表大会/.test(t)) {
        national ??= { name: '国务院', rule: 'session', text: clip(t), line: l.line };
      } else if ((m = t.match(SESSION)) && !LEVEL_WORDS.test(m[1]!) && !/全国/.test(m[1]!)) {
        found.push({ name: m[1]!.replace(/^.*?(\d{1,2}月\d{1,2}日|日)/, ''), rule: 'session', text: clip(t), line: l.line });
      } else if ((m = t.match(SESSION_LEVEL))) setLevel(m[1]!, t, l.line);
    }
  }
  return { found, level, national };
}

/** The region a title names: 2026年河南省政府工作报告, 河北省2010年政府工作报告, 关于保定市国民经济和社会发展…的报告. */
function titleRegion(t: string): string | null {
  const m =
    t.match(/^(?:(?:19|20)\d{2}年)?([\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟))(?:人民)?(?:(?:19|20)\d{2}年)?政府工作报告/) ??
    t.match(/^关于([\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟))(?:国民经济|经济)/) ??
    t.match(/在([\u4e00-\u9fa5]{2,20}?(?:省|市|县|区|州|旗|盟))(?:第?[一二三四五六七八九十]{1,3}届)(?:人民代表大会|人大)/);
  if (!m || LEVEL_WORDS.test(m[1]!)) return null;
  return m[1]!;
}

/** The level of the government speaking, from how it names its own territory: 全市/我市 against 全省/我省 … */
function levelFromUsage(text: string): { word: string; text: string } | null {
  const counts = new Map<string, number>();
  // 我市, 本州, 全县人民, 全区上下: a government naming its own territory (not 全省第一, said of a ranking).
  for (const m of text.matchAll(/(?:(?:我|本)(省|市|州|县|区|盟|旗)(?![长委民属级直辖])|全(省|市|州|县|区|盟|旗)(?:人民|上下|各族))/g)) {
    const w = (m[1] ?? m[2])!;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, next] = ranked;
  if (!top || top[1] < 3 || (next && next[1] * 2 > top[1])) return null;
  return { word: top[0], text: `全${top[0]}/我${top[0]} ${top[1]} times` };
}

function strong(rule: string, text: string, line: number | null): Evidence {
  return { rule, strength: 'strong', text, line };
}

export function readRegion(lines: ClassifiedLine[], text: string, simp: Simplify): RegionReading {
  const unknown: RegionReading['unknown'] = [];
  const { found, level, national } = named(lines, simp);
  const suffix = level ? GOVERNMENT_OF[level.word] : undefined;
  if (national && !found.some((f) => f.rule === 'opening')) {
    return { region: toRegion(NATIONAL, `${national.rule}: ${national.text}`), evidence: strong(national.rule === 'opening' ? 'opening' : 'national-session', national.text, national.line), unknown };
  }
  const order = ['opening', 'speaker', 'title', 'session', 'page-header'];
  const sorted = [...found].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  for (const f of sorted) {
    const d = findDivision(f.name, text, suffix) ?? findDivision(f.name.replace(/^(中共|中国)/, ''), text, suffix);
    const evidence = strong(f.rule, f.text, f.line);
    if (d) return { region: toRegion(d, `${f.rule}: ${f.text}`), evidence, unknown };
    unknown.push({ name: f.name, evidence });
  }
  // In the text: "本报威海讯", "在玉林市第六届人民代表大会第六次会议上".
  const dateline = text.match(/本报(\S{2,6}?)讯/);
  if (dateline) {
    const d = findDivision(dateline[1]!, text);
    if (d) return { region: toRegion(d, `newspaper dateline “${dateline[0]}”`), evidence: strong('dateline', dateline[0], null), unknown };
  }
  const head = text.slice(0, 6000);
  const session = head.match(/在([^在，。、“”\s]{2,10}?)第[一二三四五六七八九十]{1,3}届人民代表大会第[一二三四五六七八九十]{1,3}次会议上/);
  if (session && !/全国/.test(session[1]!)) {
    const d = findDivision(session[1]!, text, suffix);
    if (d) return { region: toRegion(d, `session named in the text “${session[0]}”`), evidence: strong('session', session[0], null), unknown };
  }
  if (national) return { region: toRegion(NATIONAL, `${national.rule}: ${national.text}`), evidence: strong('national-session', national.text, national.line), unknown };
  if (/(向|在)第[一二三四五六七八九十]{1,3}届全国人民代表大会/.test(head) && /国务院/.test(text)) {
    const m = head.match(/(向|在)第[一二三四五六七八九十]{1,3}届全国人民代表大会[^，。]{0,12}/)!;
    return { region: toRegion(NATIONAL, `addressed to the ${m[0]}`), evidence: strong('national-session', m[0], null), unknown };
  }

  // Weak: place names, among divisions of the level of the government speaking.
  const usage = level ? null : levelFromUsage(text);
  const word = level?.word ?? usage?.word;
  const filter = word ? GOVERNMENT_OF[word] : undefined;
  let ranked = rankDivisions(text, { suffix: filter });
  if (!ranked.length || ranked[0]!.score < 3) ranked = filter ? rankDivisions(text) : ranked;
  const best = ranked[0];
  const stateCouncil = (text.match(/国务院/g)?.length ?? 0) >= 2 && /全国人民代表大会|全国人大|全国各族人民/.test(text);
  if ((!best || best.score < 3 || !word) && stateCouncil && !levelWordLocal(text)) {
    return { region: toRegion(NATIONAL, 'speaks for the 国务院 and names no local government'), evidence: { rule: 'state-council', strength: 'weak', text: 'speaks for the 国务院 to the 全国人民代表大会', line: null }, unknown };
  }
  if (!best || best.score < 3) return { region: null, evidence: null, unknown };
  const runnerUp = ranked[1];
  const why = `${word ? `a ${word} government speaks (${level ? `“${clip(level.text)}”` : usage!.text}); ` : ''}place names: ${best.entry.name} ${best.score} (weighted)${runnerUp ? `, next ${runnerUp.entry.name} ${runnerUp.score}` : ''}`;
  return { region: toRegion(best.entry as DivisionEntry, why), evidence: { rule: word ? 'government-and-place-names' : 'place-names', strength: 'weak', text: why, line: level?.line ?? null }, unknown };
}

/** The text speaks as a local government (我市, 全省 …) often. */
function levelWordLocal(text: string): boolean {
  return (text.match(/(?:我|本)(省|市|州|县|盟|旗)(?![长委民属级直辖])|全(省|市|州|县|盟|旗)(?:人民|上下)/g)?.length ?? 0) >= 10;
}
