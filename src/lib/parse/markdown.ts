/**
 * Clean Markdown of a document, written by remark-stringify from the parser's own
 * mdast tree: headings as written (with their numbers), paragraphs verbatim, "——"
 * points as a list, lead points in bold. Markdown syntax in the text (a line that
 * starts with "1." or "#", an asterisk) is escaped by the serializer, so the
 * Markdown reads back to exactly the report's words.
 */
import type { Blockquote, Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ReportNodeData } from './mdast-data.ts';
import type { ReportDocument } from '../schema.ts';

export interface MarkdownOptions {
  /** Permanent URL of the document's page. */
  url?: string;
  dataVersion?: string;
}

const processor = unified().use(remarkStringify, {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
});

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function paragraph(node: Paragraph, byId: Map<string, ReportDocument['paragraphs'][number]>): Paragraph {
  const d = node.data as ReportNodeData | undefined;
  const rec = d?.id ? byId.get(d.id) : undefined;
  const words = rec?.text ?? node.children.map((c) => ('value' in c ? c.value : '')).join('');
  if (rec?.kind === 'lead' && rec.lead && words.startsWith(rec.lead)) {
    // The closing ** must follow a letter, not 。, or CommonMark will not close it
    // (and the serializer would escape the next character): bold the words, not the stop.
    const bold = rec.lead.replace(/[。！？；]+$/u, '');
    const rest = words.slice(bold.length);
    return { type: 'paragraph', children: [{ type: 'strong', children: [text(bold)] }, ...(rest ? [text(rest)] : [])] };
  }
  return { type: 'paragraph', children: [text(words)] };
}

function metadata(doc: ReportDocument, opts: MarkdownOptions): Blockquote {
  const lines: string[] = [];
  if (doc.region) lines.push(`地区：${[doc.region.name, ...doc.region.parents.map((p) => p.name)].join('，')}${doc.region.code ? `（${doc.region.code}）` : ''}`);
  if (doc.year !== null) lines.push(`年份：${doc.year}`);
  if (doc.session) lines.push(`会议：${doc.session}`);
  if (doc.speaker) lines.push(`报告人：${doc.speaker.office} ${doc.speaker.name}`);
  if (doc.date || doc.dateText) lines.push(`日期：${doc.date ?? doc.dateText}`);
  lines.push(`来源：${doc.sourceFile}，第${doc.startLine}–${doc.endLine}行`);
  if (opts.dataVersion) lines.push(`数据版本：${opts.dataVersion}`);
  const children: PhrasingContent[] = [];
  lines.forEach((l, i) => {
    if (i) children.push({ type: 'break' });
    children.push(text(l));
  });
  if (opts.url) children.push({ type: 'break' }, text('永久链接：'), { type: 'link', url: opts.url, children: [text(opts.url)] });
  return { type: 'blockquote', children: [{ type: 'paragraph', children }] };
}

/** The document as Markdown. `tree` is the parser's mdast tree for the same document. */
export function documentMarkdown(doc: ReportDocument, tree: Root, opts: MarkdownOptions = {}): string {
  const byId = new Map(doc.paragraphs.map((p) => [p.id, p]));
  const sections = new Map(doc.sections.map((s) => [s.id, s]));
  const body: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const d = node.data as ReportNodeData | undefined;
      const written = (d?.id ? sections.get(d.id)?.text : undefined) ?? d?.raw ?? '';
      if (!written.trim()) continue; // an untitled part (press coverage): nothing to head it with
      const h: Heading = { type: 'heading', depth: node.depth, children: [text(written)] };
      body.push(h);
    } else if (node.type === 'paragraph') {
      body.push(paragraph(node, byId));
    } else if (node.type === 'list') {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: node.children.map((item) => ({
          type: 'listItem',
          spread: false,
          children: item.children.filter((c): c is Paragraph => c.type === 'paragraph').map((c) => paragraph(c, byId)),
        })),
      };
      body.push(list);
    }
  }
  const root: Root = {
    type: 'root',
    children: [{ type: 'heading', depth: 1, children: [text(doc.title)] }, metadata(doc, opts), ...body],
  };
  return String(processor.stringify(root));
}
