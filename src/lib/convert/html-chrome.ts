/**
 * Which lines of a government web page are page furniture rather than report
 * text: font-size and print widgets (【字号：大 中 小】 打印本稿), share buttons,
 * metadata lines (来源：… 发布时间：…), pagination (下一页), related links,
 * navigation, headers and footers. Each kind has a rule id and a message.
 */
import type { Element } from 'hast';
import type { HastLine } from './hast-lines.ts';

export type ChromeRule =
  | 'html-widget' | 'html-metadata' | 'html-pagination' | 'html-related'
  | 'html-navigation' | 'html-footer' | 'html-title' | 'html-outside-article';

export const CHROME_MESSAGES: Record<ChromeRule, string> = {
  'html-widget': 'page widget (font size, print, share, close), not report text',
  'html-metadata': 'publication metadata (source, date, author, views), kept as evidence, not report text',
  'html-pagination': 'pagination of a multi-page article; only this page was saved',
  'html-related': 'related links after the article, not report text',
  'html-navigation': 'site navigation or link list around the article, not report text',
  'html-footer': 'site header or footer (copyright, ICP number, contact), not report text',
  'html-title': 'page or article title, kept as evidence',
  'html-outside-article': 'text outside the article body, not report text',
};

const WIDGET_WORDS = /^(打印|打印本页|打印本稿|打印正文|打印文章|关闭|关闭窗口|关闭本页|收藏|加入收藏|下载|全屏|分享|分享到|返回|返回顶部|回到顶部|扫一扫|微信|微博|新浪微博|QQ空间|QQ好友|朋友圈|加大|还原|减小|默认|大|中|小|超大|放大|缩小|字号|字体|视力保护色|护眼模式|我要纠错|纠错|文章二维码|手机扫码|手机阅读|用手机看)$/;
const WIDGET_LINE = /^[【\[〖(（]?\s*(字号|字体|字体大小|文字大小|阅读字号)\s*[:：]|^[【\[]?\s*(打印本?[页稿文]|关闭窗口|分享[到至]?)/;
const METADATA = /^[（(]?\s*(来源|来源于|信息来源|稿件来源|发布时间|发布日期|发表时间|发文时间|更新时间|时间|日期|作者|撰稿|编辑|责任编辑|责编|审核|校对|阅读量|阅读次数|浏览次数|浏览量|点击数|点击量|访问量|文章来源|发布机构|发布者|字数)\s*[:：]/;
/** Page links: 上一页 下一页, 第2页, 共3页, or a row of small page numbers (1 2 3). */
const PAGINATION = /(上一页|下一页|尾页|首页\s*上一页|^第\s*\d+\s*页|共\s*\d+\s*页|^\d{1,3}( \d{1,3})+$|^\d{1,3}$)/;
const RELATED = /^[【\[]?\s*(相关报道|相关链接|相关新闻|相关阅读|相关文章|相关解读|延伸阅读|推荐阅读|热点推荐|图片新闻)\s*[】\]]?\s*[:：]?$/;
const NAV_NAME = /(^|[-_\s])(nav|navbar|menu|breadcrumb|crumb|position|location|weizhi|dqwz|share|bdshare|tools?|sidebar|side|links?|related|xgxw|xgwz)([-_\s]|$)/i;
const FOOTER_NAME = /(^|[-_\s])(footer|foot|bottom|copyright|banquan|header|head|top|topbar|logo|search)([-_\s]|$)/i;

const ink = (s: string): number => s.replace(/\s+/g, '').length;

function names(el: Element): string {
  const id = el.properties['id'];
  const cls = el.properties['className'];
  return [typeof id === 'string' ? id : '', Array.isArray(cls) ? cls.join(' ') : ''].join(' ');
}

/** A line every page of the site carries, whatever the article: widgets, metadata, pagination, related-links headings. */
export function furnitureRule(text: string): ChromeRule | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const words = t.split(/[\s|｜/]+/).map((w) => w.replace(/^[【\[〖]|[】\]〗]$/g, '')).filter(Boolean);
  if (words.length && words.every((w) => WIDGET_WORDS.test(w) || /^[:：【】\[\]]$/.test(w))) return 'html-widget';
  if (WIDGET_LINE.test(t)) return 'html-widget';
  if (METADATA.test(t)) return 'html-metadata';
  if (RELATED.test(t)) return 'html-related';
  if (PAGINATION.test(t) && t.length <= 60) return 'html-pagination';
  return null;
}

/** What a line outside the article body is. */
export function outsideRule(line: HastLine): ChromeRule {
  const furniture = furnitureRule(line.text);
  if (furniture) return furniture;
  for (const el of line.ancestors) {
    if (el.tagName === 'nav') return 'html-navigation';
    if (el.tagName === 'footer' || el.tagName === 'header') return 'html-footer';
  }
  for (const el of [...line.ancestors].reverse()) {
    const n = names(el);
    if (NAV_NAME.test(n)) return 'html-navigation';
    if (FOOTER_NAME.test(n)) return 'html-footer';
  }
  if (line.linkChars >= 0.5 * ink(line.text)) return 'html-navigation';
  return 'html-outside-article';
}

/** Prose weight: Han characters outside links, for lines that read as sentences. */
export function proseWeight(line: HastLine): number {
  const n = ink(line.text);
  if (!n || line.linkChars > 0.5 * n) return 0;
  const han = (line.text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const punct = (line.text.match(/[。，；：！？、]/g) ?? []).length;
  if (han < 8 || punct === 0 || furnitureRule(line.text)) return 0;
  return han * (1 - line.linkChars / n);
}
