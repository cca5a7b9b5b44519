import { remark } from 'remark';
import { toString } from 'mdast-util-to-string';
import type { Heading, Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { documentMarkdown } from '../../src/lib/parse/markdown.ts';
import { parseSourcesWithTrees } from '../../src/lib/parse/index.ts';
import { parsedSeeds, seedTrees } from './seeds.ts';

function blocks(md: string): { headings: Heading[]; paragraphs: Paragraph[] } {
  const tree = remark().parse(md) as Root;
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const walk = (nodes: Root['children']) => {
    for (const n of nodes) {
      if (n.type === 'heading') headings.push(n);
      else if (n.type === 'paragraph') paragraphs.push(n);
      else if (n.type === 'list') for (const item of n.children) walk(item.children);
    }
  };
  walk(tree.children);
  return { headings, paragraphs };
}

describe('documentMarkdown over the seeds', () => {
  const result = parsedSeeds();
  const trees = seedTrees();
  for (const doc of result.documents) {
    it(`${doc.id}: reads back to every paragraph word for word, headings as written, in order`, () => {
      const md = documentMarkdown(doc, trees.get(doc.id)!, { url: `https://example.org/reports/${doc.id}/`, dataVersion: 'v1' });
      const { headings, paragraphs } = blocks(md);
      expect(toString(headings[0]!)).toBe(doc.title);
      expect(headings[0]!.depth).toBe(1);
      const written = doc.sections.filter((s) => s.text.trim()).map((s) => s.text);
      expect(headings.slice(1).map((h) => toString(h))).toEqual(written);
      // The metadata sits in a blockquote (not walked); every other paragraph is the report's, in order.
      expect(paragraphs.map((p) => toString(p))).toEqual(doc.paragraphs.map((p) => p.text));
      expect(md).toContain(`永久链接：<https://example.org/reports/${doc.id}/>`);
      expect(md).not.toMatch(/&#x[0-9A-F]+;/i); // nothing had to be escaped as a character reference
    });
  }

  it('sets lead points in bold and "——" points as a list', () => {
    const doc = result.documents.find((d) => d.paragraphs.some((p) => p.kind === 'lead') && d.paragraphs.some((p) => p.kind === 'bullet'))!;
    const md = documentMarkdown(doc, trees.get(doc.id)!);
    const lead = doc.paragraphs.find((p) => p.kind === 'lead')!;
    expect(md).toContain(`**${lead.lead!.replace(/。$/, '')}**。`);
    const bullet = doc.paragraphs.find((p) => p.kind === 'bullet')!;
    expect(md).toContain(`- ${bullet.text}`);
  });
});

describe('documentMarkdown escaping', () => {
  it('keeps text that looks like Markdown literal', () => {
    const text = [
      '各位代表：',
      '',
      '一、总体要求',
      '',
      '1. 这不是列表，*也不是强调*，# 也不是标题，[也不是链接](x) <b>也不是HTML</b>。',
      '',
      '二、具体任务',
      '',
      '_下划线_ 与 `反引号` 以及 ** 两个星号。',
    ].join('\n');
    const { result, trees } = parseSourcesWithTrees([{ file: 'x.txt', bytes: new TextEncoder().encode(text) }]);
    const doc = result.documents[0]!;
    const md = documentMarkdown(doc, trees.get(doc.id)!);
    const { paragraphs } = blocks(md);
    const back = paragraphs.map((p) => toString(p));
    for (const p of doc.paragraphs) expect(back).toContain(p.text);
    expect(md).not.toContain('<b>也不是HTML</b>'); // escaped, so it stays text
  });
});
