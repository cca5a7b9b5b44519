/**
 * What each line of a source is: a heading of some level, a "——" point, a cover
 * line (title, date, session, speaker), a salutation, web residue, HTML, or body text.
 * Works on one line at a time; context (sequence, blank lines) is the caller's business.
 */
import { chineseOrdinal, stripSpace, type SourceLine } from '../text/index.ts';

export type LineKind =
  | 'blank'
  | 'residue'
  | 'nav'
  | 'web-meta'
  | 'html'
  | 'cover-title'
  | 'cover-date'
  | 'cover-session'
  | 'cover-speaker'
  | 'salutation'
  | 'heading'
  | 'bullet'
  | 'body';

export interface ClassifiedLine extends SourceLine {
  kind: LineKind;
  /** For headings: 1 (一、), 2 （一）, 3 (1.); for unnumbered parts and appendices, 1. */
  level?: number;
  /** For headings: the number as written (二, （三）, 3) or null when none. */
  ordinal?: string | null;
  /** For headings: the numeric value of the ordinal. */
  ordinalValue?: number | null;
  /** Length in characters of the ordinal and its punctuation at the start of `text`. */
  ordinalLength?: number;
  /** For appendix headings. */
  appendix?: boolean;
  /** The line says "我代表…政府…报告": the opening of a report. */
  opening?: boolean;
}

const RESIDUE = [
  /^请?扫(描|一扫)?(下方)?二维码/,
  /^扫一扫/,
  /^图解[《“"]/,
  /(更多|详情|全文)\s*[>》›»]+$/,
  /^(分享到|打印本页|关闭窗口|上一篇|下一篇|返回顶部|点击(查看|进入)|相关阅读|附件下载)/,
  /^[>»›<«‹|｜\-—_=*#·•.。、\s]+$/,
];
/** A scraper's or a web page's own header: 标题：…, 发文时间：…, 来源：河北日报, 时间：2026-02-03. */
const WEB_META = /^(标题|发文单位|发文时间|发文日期|报告人|来源URL|来源网址|原文链接|正文|来源|时间|发布时间|发表时间|发布日期|作者|编辑|责任编辑|阅读(次数|量)|浏览(次数|量)|访问量|点击(数|量))\s*[:：]/;
/** Web page chrome: tool bars, font-size widgets, navigation, site footers. */
const NAV = [
  /^(下载|打印|全屏|收藏|分享[:：]?|加大|还原|减小|大|中|小|【|】|[【\[]?(字号|字体)[:：]?|EN|无障碍|长者模式|繁體中文|简体中文|首页|您的位置[:：]?|当前位置[:：]?|打印本稿|关闭|返回|顶部|纠错|\|)$/,
  /^(【|\[)?(字号|字体)[:：]?\s*(大|中|小|加大|还原|减小|\s)*(】|\])?$/,
  /(ICP备|公网安备|网站标识码|版权所有|您访问的链接即将离开|^主办[:：]|^承办[:：]|^技术支持[:：]|^是否继续|^放弃$|^继续访问$|^网站地图$|^联系我们$)/,
  /^(相关报道|相关新闻|相关阅读|延伸阅读|推荐阅读|相关链接)[:：]?$/,
  /^[—－–-]\s*\d{1,3}\s*[—－–-]?$/,
  /^[©®]$|^.{0,12}(微信|微博|客户端|公众号)$/,
];
const HTML = /<\/?(script|style|div|span|p|br|iframe|a|img|table|tr|td|meta|link|html|body|head)\b[^>]*>|&(nbsp|lt|gt|amp|quot);|<!--|-->|javascript:/i;
const COVER_TITLE = /^((\d{4}|[〇零○一二三四五六七八九]{4})年)?([\u4e00-\u9fa5]{2,20}(省|市|县|区|州|旗|盟))?(人民)?((\d{4}|[〇零○一二三四五六七八九]{4})年)?政府工作报告(全文|[（(](摘登|节选|摘要|全文)[)）])?$/;
const COVER_DATE = /^([—\-－–―]{1,3}|[（(][—\-－–―]{0,3})\s*(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})[\d〇零○Ｏ一二三四五六七八九十年月日.．/\s-]*[—\-－–―]{0,3}[）)]?$/;
/** "在…第十四届人民代表大会第二次会议上", also after a date ("——2024年1月8日在…") or in brackets. */
const COVER_SESSION = /^[（(]?([—\-－–―]{0,3}\s*[\d〇零○Ｏ一二三四五六七八九十]{4}年[\d〇零○Ｏ一二三四五六七八九十]{1,3}月[\d〇零○Ｏ一二三四五六七八九十]{1,3}日)?在.{2,50}(人民代表大会|人大|代表大会).{0,24}会议上(的报告|的政府工作报告)?[）)]?$/;
const COVER_SPEAKER = /^(.{0,20}?(省长|市长|区长|县长|州长|盟长|旗长|专员|总理|主席))([\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{2,6}·[\u4e00-\u9fa5·]{2,8})$/;
/** A title: "关于…第十二个五年规划纲要的报告", "…在保定市十六届人大七次会议上的政府工作报告（摘登）". */
const COVER_TITLE_OTHER = /^(关于.{2,40}(规划纲要|计划纲要|计划)的报告|.{0,20}在.{2,30}(人民代表大会|人大).{0,20}会议上的政府工作报告([（(](摘登|节选|摘要|全文)[)）])?)$/;
/** Longest lines of each kind, in characters without spaces: navigation, a long title, cover date, session and speaker lines. */
const MAX_LEN = { nav: 40, title: 60, date: 24, session: 72, speaker: 30 };
const SALUTATION = /^各位代表[：:！!，,。]?$/;
/** The report's opening act: "我代表…政府…向大会报告工作", "我受…国务院的委托，向大会作…报告" (not "我代表国务院，向…表示感谢"). */
const OPENING = /我(现在|現在)?(代表|受).{0,24}(人民政府|国务院|國務院|政府|人民委員會|人民委员会|委托|委託)[^。！？]{0,60}(报告|報告|议案|議案)/;
const THANKS = /感谢|感謝|敬意|致意|慰问|慰問/;

const H1 = /^([一二三四五六七八九十]{1,3})\s*[、，,．.]\s*/;
const H1_PART = /^第([一二三四五六七八九十]{1,3})部分[\s：:、，,]*/;
const H2 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/;
const H3 = /^(\d{1,2})\s*[.．、](?![\d％%])\s*/;
const H3_PAREN = /^[（(](\d{1,2})[)）]\s*/;
const APPENDIX = /^(附件|附录|名词解释|注释|附表|附[:：]|说明[:：])\s*[0-9一二三四五六七八九十]*\s*[:：]?/;
const PART_WORDS = /(回顾|成就|目标|任务|安排|重点|工作|建设|要求|思路|展望|举措|措施|建议|政策取向|总体部署|(工作|执行)情况)$/;
const BULLET = /^(——|—{1,2}|―{1,2}|－－|--|●|•|■|◆|▲|★|☆|○|◎)(?!\s*\d{4}[年\d])/;

/** Classify one line (by its normalised, trimmed text). */
export function classifyLine(l: SourceLine): ClassifiedLine {
  const t = l.text;
  const c: ClassifiedLine = { ...l, kind: 'body' };
  if (!t) return { ...c, kind: 'blank' };
  const compact = stripSpace(t);
  if (HTML.test(t)) return { ...c, kind: 'html' };
  if (RESIDUE.some((r) => r.test(compact))) return { ...c, kind: 'residue' };
  if (WEB_META.test(compact)) return { ...c, kind: 'web-meta' };
  if (compact.length <= MAX_LEN.nav && NAV.some((r) => r.test(compact))) return { ...c, kind: 'nav' };
  if (COVER_TITLE.test(compact) || (compact.length <= MAX_LEN.title && COVER_TITLE_OTHER.test(compact))) return { ...c, kind: 'cover-title' };
  if (compact.length <= MAX_LEN.date && COVER_DATE.test(compact)) return { ...c, kind: 'cover-date' };
  if (compact.length <= MAX_LEN.session && COVER_SESSION.test(compact)) return { ...c, kind: 'cover-session' };
  if (compact.length <= MAX_LEN.speaker && COVER_SPEAKER.test(compact) && !/[，。、,;；：:]/.test(compact)) return { ...c, kind: 'cover-speaker' };
  if (SALUTATION.test(compact)) return { ...c, kind: 'salutation' };

  let m: RegExpExecArray | null;
  if ((m = H1.exec(t)) && chineseOrdinal(m[1]!) !== null && t.length > m[0].length) {
    return heading(c, 1, m[1]!, chineseOrdinal(m[1]!), m[0].length);
  }
  if ((m = H1_PART.exec(t)) && chineseOrdinal(m[1]!) !== null) {
    return heading(c, 1, m[1]!, chineseOrdinal(m[1]!), m[0].length);
  }
  if ((m = H2.exec(t)) && chineseOrdinal(m[1]!) !== null && t.length > m[0].length) {
    return heading(c, 2, `（${m[1]}）`, chineseOrdinal(m[1]!), m[0].length);
  }
  if ((m = H3.exec(t)) && t.length > m[0].length && /[\u4e00-\u9fa5]/.test(t[m[0].length] ?? '')) {
    return heading(c, 3, m[1]!, Number(m[1]), m[0].length);
  }
  if ((m = H3_PAREN.exec(t)) && t.length > m[0].length) {
    return heading(c, 3, `（${m[1]}）`, Number(m[1]), m[0].length);
  }
  if (APPENDIX.test(compact) && compact.length <= 30) {
    return { ...c, kind: 'heading', level: 1, ordinal: null, ordinalValue: null, ordinalLength: 0, appendix: true };
  }
  const opening = OPENING.test(t) && !THANKS.test(t.slice(0, 80));
  if (BULLET.test(t)) return { ...c, kind: 'bullet', opening };
  return { ...c, kind: 'body', opening };
}

function heading(c: ClassifiedLine, level: number, ordinal: string, value: number | null, len: number): ClassifiedLine {
  return { ...c, kind: 'heading', level, ordinal, ordinalValue: value, ordinalLength: len };
}

/**
 * A short line with no sentence punctuation that names a part of a report
 * (2024年工作回顾, 今后五年的主要任务): an unnumbered top-level heading.
 */
export function isUnnumberedPart(l: ClassifiedLine): boolean {
  if (l.kind !== 'body') return false;
  const t = stripSpace(l.text);
  return t.length >= 4 && t.length <= 24 && !/[。！？!?；;，,：:、“”"]/.test(t) && /[\u4e00-\u9fa5]/.test(t) && PART_WORDS.test(t);
}

/** "（责任编辑：韩茜）" closes a web article: what follows it is the page around the article. */
const ARTICLE_END = /^[（(【\[]?责任编辑[:：]/;

export function classifyLines(lines: SourceLine[]): ClassifiedLine[] {
  const out = lines.map(classifyLine);
  const end = out.findIndex((l) => ARTICLE_END.test(stripSpace(l.text)));
  if (end >= 0 && !out.slice(end + 1).some((l) => l.kind === 'salutation' || l.opening)) {
    for (let i = end + 1; i < out.length; i++) if (out[i]!.kind !== 'blank') out[i] = { ...out[i]!, kind: 'nav' };
  }
  return out;
}
