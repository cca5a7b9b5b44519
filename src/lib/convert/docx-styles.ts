/**
 * Word's own structure, before mammoth turns it into HTML: the style name and
 * list numbering of every paragraph. A document transform records them and
 * leaves an empty bookmark at the start of the paragraph, so the style can be
 * found again on the line the paragraph becomes.
 *
 * mammoth calls its document model unstable (README, "Document transforms");
 * only `type`, `children`, `styleName` and `numbering` are read here, and the
 * tests pin the result for mammoth 1.13.
 */

interface DocxElement {
  type: string;
  children?: DocxElement[];
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  name?: string;
}

export const STYLE_MARK = 'rx-style-';

/** Styles that say nothing about structure. */
const PLAIN = /^(normal|正文|body text|plain text|纯文本|default|默认段落字体|list paragraph|列出段落|普通\(网站\)|normal \(web\))$/i;

export function styleLabel(p: DocxElement): string | null {
  const parts: string[] = [];
  const name = p.styleName?.trim();
  if (name && !PLAIN.test(name)) parts.push(name);
  if (p.numbering) parts.push(`${p.numbering.isOrdered ? 'numbered' : 'bulleted'} list level ${Number(p.numbering.level) + 1}`);
  return parts.length ? parts.join('; ') : null;
}

/** A transformDocument function for mammoth that records styles into `styles` (index = bookmark number). */
export function recordStyles(styles: string[]): (document: DocxElement) => DocxElement {
  const visit = (el: DocxElement): void => {
    if (el.type === 'paragraph') {
      const label = styleLabel(el);
      if (label) {
        el.children = [{ type: 'bookmarkStart', name: `${STYLE_MARK}${styles.length}` }, ...(el.children ?? [])];
        styles.push(label);
      }
    }
    el.children?.forEach(visit);
  };
  return (document) => {
    visit(document);
    return document;
  };
}
