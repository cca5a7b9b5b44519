/**
 * A Word .docx → the report's text, through mammoth: paragraphs in order, one a
 * line; heading styles and list numbering kept as structure evidence; table rows
 * as lines with cells joined by tabs; footnotes and endnotes as lines after the
 * text, each starting with the marker its reference carries in the text ([1]).
 */
import type { Element, ElementContent, Root } from 'hast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { TextBuilder } from './builder.ts';
import type { Conversion } from './conversion.ts';
import { recordStyles, STYLE_MARK } from './docx-styles.ts';
import { ConvertError } from './errors.ts';
import { hastLines, type HastLine } from './hast-lines.ts';

const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const BACKLINK = /^#(footnote|endnote)-ref-/;

/** Images carry no text here: keep an empty <img> rather than a base64 copy of each picture. */
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

async function toHtml(file: string, bytes: Uint8Array, styles: string[]): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { transformDocument: recordStyles(styles), convertImage: noImages },
    );
    return result.value;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ConvertError(file, 'docx-corrupt',
      `this .docx is damaged and cannot be read (${why}). Open it in Word or WPS and save it again as .docx, or get a fresh copy.`, { cause: error });
  }
}

/** Takes the list of notes mammoth appends to the document out of the tree. */
function takeNotes(tree: Root): Element[] {
  const notes: Element[] = [];
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'element' || node.tagName !== 'ol') return true;
    const items = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
    const allNotes = items.length > 0 && items.every((li) => NOTE_ID.test(String(li.properties['id'] ?? '')));
    if (allNotes) notes.push(...items);
    return !allNotes;
  });
  return notes;
}

/** Removes mammoth's "↑" links from a note to its reference; returns their text. */
function takeBacklinks(node: Element): string[] {
  const taken: string[] = [];
  const visit = (el: Element): void => {
    el.children = el.children.filter((c: ElementContent) => {
      if (c.type === 'element' && c.tagName === 'a' && BACKLINK.test(String(c.properties['href'] ?? ''))) {
        taken.push(c.children.map((t) => (t.type === 'text' ? t.value : '')).join(''));
        return false;
      }
      if (c.type === 'element') visit(c);
      return true;
    });
  };
  visit(node);
  return taken;
}

function lineStyle(line: HastLine, styles: string[]): string | null {
  const mark = line.anchors.find((a) => a.startsWith(STYLE_MARK));
  if (mark) return styles[Number(mark.slice(STYLE_MARK.length))] ?? null;
  const owner = line.ancestors.at(-1)?.tagName ?? '';
  if (/^h[1-6]$/.test(owner)) return `heading ${owner.slice(1)}`;
  if (owner === 'tr') return 'table row';
  return null;
}

export async function convertDocx(file: string, bytes: Uint8Array): Promise<Conversion> {
  const styles: string[] = [];
  const html = await toHtml(file, bytes, styles);
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const notes = takeNotes(tree);
  const out = new TextBuilder();
  for (const line of hastLines(tree)) {
    const n = out.line(line.text);
    const style = lineStyle(line, styles);
    if (style) out.mark(n, style);
  }
  notes.forEach((note, i) => {
    const arrows = takeBacklinks(note);
    const kind = NOTE_ID.exec(String(note.properties['id']))?.[1] ?? 'footnote';
    const body = hastLines({ type: 'root', children: note.children }).map((l) => l.text).join(' ');
    const n = out.line(`[${i + 1}] ${body}`.trim());
    out.mark(n, kind);
    if (arrows.join('')) out.remove('docx-note-backlink', `mammoth's link from ${kind} ${i + 1} back to its reference, not document text`, arrows.join(''));
  });
  const { text, removed } = out.finish();
  if (!text.trim()) {
    throw new ConvertError(file, 'docx-no-text',
      'this .docx holds no text (only pictures or empty paragraphs). If its pages are scanned images, run OCR on them and add the text as a .txt file.');
  }
  return { text, removed, evidence: {}, structure: out.structure };
}
