/**
 * Parser notes in Chinese, for the report page. The parser writes its diagnostics in
 * English (they are read in terminals and logs); the page shows each one as a Chinese
 * sentence made from its rule and the figures in its message. A message whose wording
 * a rule does not recognise still gets that rule's Chinese description, never English.
 */
import type { Diagnostic } from '../lib/index.ts';

interface Rule {
  /** What the rule means, in a few words (shown when the message cannot be read). */
  title: string;
  /** Reads the figures out of the English message (after the `file:line: ` prefix). */
  read?: RegExp;
  /** A sentence from what `read` captured. */
  say?: (m: RegExpExecArray) => string;
}

const DATE_PROBLEM: [RegExp, (m: RegExpExecArray) => string][] = [
  [/the digits after the year are ambiguous \((.+?)\); punctuation was lost in extraction/, (m) => `年份后的数字有多种读法（${m[1]!.split(' or ').join(' 或 ')}），标点在提取中丢失`],
  [/the digits after the year are not a month and day/, () => '年份后的数字不是月和日'],
  [/month (\d+) \/ day (\d+) is not a calendar date/, (m) => `${m[1]}月${m[2]}日不是有效日期`],
  [/only the year could be read/, () => '只能读出年份'],
  [/no date could be read/, () => '读不出日期'],
  [/not a calendar date/, () => '不是有效日期'],
];

function dateProblem(text: string): string {
  for (const [re, say] of DATE_PROBLEM) {
    const m = re.exec(text);
    if (m) return say(m);
  }
  return '无法完整读出';
}

export const NOTE_RULES: Record<string, Rule> = {
  'web-residue': {
    title: '网页残留',
    read: /web page residue \(not part of the report\); kept here: ([\s\S]*)$/,
    say: (m) => `网页残留，不属于报告正文，原样保留在此：${m[1]!.trim()}`,
  },
  'web-navigation': {
    title: '网页导航',
    read: /web page navigation or tools \(not part of the report\); kept here: ([\s\S]*)$/,
    say: (m) => `网页导航或工具栏，不属于报告正文，原样保留在此：${m[1]!.trim()}`,
  },
  'page-header': {
    title: '网页标题信息',
    read: /header line \(read for the metadata, not part of the report\); kept here: ([\s\S]*)$/,
    say: (m) => `网页或抓取工具的标题信息，用于识别地区和年份，不属于报告正文，原样保留在此：${m[1]!.trim()}`,
  },
  'web-byline': {
    title: '署名或来源行',
    read: /a byline, source or date line before the report \(not part of it\); kept here: ([\s\S]*)$/,
    say: (m) => `报告前的署名、来源或日期行，不属于报告，原样保留在此：${m[1]!.trim()}`,
  },
  'html-in-text': {
    title: 'HTML 或脚本文字',
    read: /HTML or script text inside the report; kept here, not rendered: ([\s\S]*)$/,
    say: (m) => `报告中夹有 HTML 或脚本文字，保留在此，不作显示：${m[1]!.trim()}`,
  },
  'heading-boundary': {
    title: '标题结尾不明',
    read: /it was cut at “(.*)”/,
    say: (m) => `标题没有句号（可能在提取中丢失），在“${m[1]}”处断为标题。`,
  },
  'heading-number-lost': {
    title: '标题序号缺失',
    read: /“(.*?)” reads as a level-2 heading whose number was lost in extraction; numbered (\S+?) by its place(?: \(the report announces (.+)\))?\./,
    say: (m) => `“${m[1]}”应是二级标题，序号在提取中丢失，按位置编为${m[2]}${m[3] ? `（报告预告了${m[3]}）` : ''}。`,
  },
  'no-structure': {
    title: '未识别出标题',
    read: /from line (\d+) to (\d+)/,
    say: (m) => `第${m[1]}–${m[2]}行没有识别出任何标题（一、（一）1.），全文作为一节保留。`,
  },
  'duplicate-document': {
    title: '重复文档',
    read: /this document repeats (\S+) word for word; it is kept as (\S+?)\.$/,
    say: (m) => `本文与 ${m[1]} 一字不差，另存为 ${m[2]}。`,
  },
  'id-collision': {
    title: '同地同年的另一份文档',
    read: /another document is also (\S+) \(same region and year\); this one is (\S+?)\.$/,
    say: (m) => `另有一份文档同为 ${m[1]}（地区和年份相同），本文编号为 ${m[2]}。`,
  },
  'region-weak-evidence': {
    title: '地区依据较弱',
    read: /the text does not name its region; (\S+) was inferred from weak evidence \((.*)\)\.$/,
    say: (m) => `原文没有写明地区；根据较弱的线索推断为${m[1]}（${m[2]}）。`,
  },
  'region-unknown-name': {
    title: '地区名不在区划表中',
    read: /“(.+?)” \((.+)\) is not in the division list/,
    say: (m) => `“${m[1]}”不在行政区划表中，地区改由文中地名推断。`,
  },
  'region-not-found': { title: '未能识别地区', say: () => '未能识别地区：没有“我代表……人民政府”、会议或报告人行，文中地名的提及也不够多。' },
  'year-weak-evidence': {
    title: '年份依据较弱',
    read: /(\d{4}) was inferred from the years the text mentions \((.*)\)\.$/,
    say: (m) => `没有日期、标题、会议、分年部分或目标写明年份；按文中提到的年份推断为${m[1]}年（${m[2]}）。`,
  },
  'year-not-found': { title: '未能识别年份', say: () => '读不出年份：没有带年份的标题、日期行，也没有出现两次以上的年份。' },
  'year-conflict': {
    title: '年份前后不一',
    read: /(\d{4}) \(“(.*?)”\) but \S+ says (\d{4}) \(“(.*?)”\); \d{4} was used\.$/,
    say: (m) => `“${m[2]}”表明是${m[1]}年，“${m[4]}”却指向${m[3]}年；采用${m[1]}年。`,
  },
  'session-damaged': {
    title: '会议名称残缺',
    read: /the session line “(.+?)” has lost a number/,
    say: (m) => `会议行“${m[1]}”在提取中丢了数字（“第次”），照原文保留。`,
  },
  'date-damaged': {
    title: '日期残缺',
    read: /the date “(.+?)” could not be read in full: (.+?)\.(?: The year (\d{4}) was kept; the date is left empty\.)?$/,
    say: (m) => `日期“${m[1]}”无法完整读出：${dateProblem(m[2]!)}。${m[3] ? `保留年份${m[3]}年，日期留空。` : ''}`,
  },
  'coverage-unlinked': { title: '报道未关联报告', say: () => '这是新闻报道，但所报道的报告不在收录的文本中，因此没有核对引语。' },
  'blank-file': { title: '空白文件', say: () => '文件只有空白，没有生成文档。' },
  'empty-file': { title: '空文件', say: () => '文件是空的，没有生成文档。' },
  'file-too-large': { title: '文件过大', say: () => '文件超过单个来源的大小上限，没有解析；请按报告拆分成多个文件。' },
  'binary-file': { title: '二进制文件', say: () => '这看起来是二进制文件而不是报告文本，没有解析。' },
  'encoding-gbk': {
    title: 'GBK 编码',
    say: () => '文件是 GBK/GB18030 编码而非 UTF-8，本次按 GB18030 解码；请用 iconv -f GB18030 -t UTF-8 转换一次后替换原文件。',
  },
  'encoding-invalid': {
    title: '无效字节',
    read: /line (\d+) is not valid UTF-8/,
    say: (m) => `第${m[1]}行不是有效的 UTF-8（也不是 GBK），无效字节已替换为 U+FFFD；请将文件另存为 UTF-8。`,
  },
  'nul-bytes': {
    title: 'NUL 字节',
    read: /(\d+) NUL byte\(s\), the first on line (\d+)/,
    say: (m) => `文件中有 ${m[1]} 个 NUL 字节（第一个在第${m[2]}行），不含文字，已删除。`,
  },
};

/** The message without its `file:line: ` (or `file: `) prefix. */
function body(d: Pick<Diagnostic, 'file' | 'message'>): string {
  const prefix = new RegExp(`^${d.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::\\d+)?: `);
  return d.message.replace(prefix, '');
}

/** A parser note as one Chinese sentence. */
export function noteText(d: Pick<Diagnostic, 'file' | 'ruleId' | 'message'>): string {
  const rule = NOTE_RULES[d.ruleId];
  if (!rule) return `解析器的提醒（规则 ${d.ruleId}），详见原始文本对应的行。`;
  if (!rule.say) return `${rule.title}。`;
  if (!rule.read) return rule.say([] as unknown as RegExpExecArray);
  const m = rule.read.exec(body(d));
  return m ? rule.say(m) : `${rule.title}（详见原始文本对应的行）。`;
}

/** The short Chinese name of a note's rule. */
export function noteTitle(ruleId: string): string {
  return NOTE_RULES[ruleId]?.title ?? '其他提醒';
}
