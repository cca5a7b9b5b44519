/**
 * A saved government web page → the report's text. Decodes by the declared
 * charset, parses with rehype-parse, finds the article body among the portal's
 * chrome and keeps everything else (navigation, widgets, metadata, footers) as
 * removed text, with the title, date and source as evidence.
 */
import type { Element } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { TextBuilder } from './builder.ts';
import { ConvertError } from './errors.ts';
import { hastLines, type HastLine } from './hast-lines.ts';
import { decodePage } from './html-charset.ts';
import { CHROME_MESSAGES, furnitureRule, outsideRule, type ChromeRule } from './html-chrome.ts';
import { metaEvidence, readMetadataLine, scriptedPageCount } from './html-evidence.ts';
import { findMainContent } from './html-main.ts';
import type { Conversion } from './conversion.ts';

/** Less prose than this (Han characters, sentences) is not a report. */
const MIN_PROSE = 200;
const MIN_SENTENCES = 3;
const MORE_PAGES = /下一页|共\s*([2-9]|\d{2,})\s*页/;

const ink = (s: string): number => s.replace(/\s+/g, '').length;
const TITLE_NAME = /title|biaoti|bt/i;

function isHeading(line: HastLine): boolean {
  const el = line.ancestors.at(-1);
  if (!el) return false;
  if (/^h[1-3]$/.test(el.tagName)) return true;
  const n = `${String(el.properties['id'] ?? '')} ${String((el.properties['className'] as string[] | undefined)?.join(' ') ?? '')}`;
  return TITLE_NAME.test(n);
}

/** The article's heading just above the body, when there is one. */
function titleLine(lines: HastLine[], firstInside: number): number {
  for (let i = firstInside - 1; i >= 0 && i >= firstInside - 12; i--) {
    const line = lines[i]!;
    if (isHeading(line) && line.text.length <= 80 && /[\u4e00-\u9fff]/.test(line.text) && !furnitureRule(line.text) && line.linkChars < ink(line.text) / 2) return i;
  }
  return -1;
}

export function convertHtml(file: string, bytes: Uint8Array): Conversion {
  const page = decodePage(bytes);
  const tree = unified().use(rehypeParse).parse(page.text);
  const lines = hastLines(tree);
  const main = findMainContent(tree, lines);
  const container: Element | null = main.container;
  if (!container || main.inside < MIN_PROSE || main.sentences < MIN_SENTENCES) {
    throw new ConvertError(file, 'html-no-report',
      `no report text found in this web page (${Math.round(main.total)} Han characters of prose among ${lines.length} lines of navigation, links and widgets). ` +
      'Save the page that shows the report itself, not an index or search page, or copy the report into a .txt file.');
  }
  const evidence = metaEvidence(tree);
  const inside = lines.map((l) => l.ancestors.includes(container));
  const firstInside = inside.indexOf(true);
  const title = titleLine(lines, firstInside);
  const out = new TextBuilder();
  let partial = scriptedPageCount(tree) > 1;
  const drop = (rule: ChromeRule, text: string): void => out.remove(rule, CHROME_MESSAGES[rule], text);
  // The title: from the CMS's meta tags, else the heading above the body, else <title> (often with the site's name).
  let pageTitle: string | undefined;

  lines.forEach((line, i) => {
    if (MORE_PAGES.test(line.text) && furnitureRule(line.text) === 'html-pagination') partial = true;
    if (line.ancestors.some((el) => el.tagName === 'title')) {
      pageTitle ??= line.text;
      return drop('html-title', line.text);
    }
    if (i === title) {
      evidence.title ??= line.text;
      if (/报告|政府工作/.test(line.text)) out.line(line.text);
      else drop('html-title', line.text);
      return;
    }
    const rule = inside[i] ? insideRule(line) : outsideRule(line);
    if (rule === 'html-metadata') readMetadataLine(line.text, evidence);
    if (rule) drop(rule, line.text);
    else out.line(line.text);
  });
  if (pageTitle) evidence.title ??= pageTitle;
  if (partial) {
    evidence.partial = true;
    out.remove('html-partial', 'this page holds only part of a multi-page article (下一页); save every page, or the single-page or print version, to get the whole report', '');
  }
  const { text, removed } = out.finish();
  return { text, removed, evidence, charset: page.charset };
}

function insideRule(line: HastLine): ChromeRule | null {
  const furniture = furnitureRule(line.text);
  if (furniture) return furniture;
  if (line.linkChars >= 0.6 * ink(line.text) && ink(line.text) > 0) return 'html-navigation';
  return null;
}
