/**
 * Transformer plugin: stable, readable ids. Sections follow the report's own
 * numbering (s2, s2-3, s2-3-1); the opening is s0; appendices sa1…; parts without
 * numbers continue the sequence. Paragraph ids are their position in the section
 * (s2-3-p4), so rewording one paragraph changes no id.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { ReportNodeData } from './mdast-data.ts';

/** Paragraphs in document order, looking inside lists. */
export function eachBlock(tree: Root, fn: (node: Heading | Paragraph) => void): void {
  for (const n of tree.children) {
    if (n.type === 'heading' || n.type === 'paragraph') fn(n);
    else if (n.type === 'list') for (const item of n.children) for (const c of item.children) if (c.type === 'paragraph') fn(c);
  }
}

export const attachIds: Plugin<[], Root> = function () {
  return (tree) => {
    const used = new Set<string>(['s0']);
    const unique = (id: string) => {
      let out = id;
      for (let k = 2; used.has(out); k++) out = `${id}x${k}`;
      used.add(out);
      return out;
    };
    const stack: (string | null)[] = ['s0', null, null, null];
    let lastTop = 0;
    let appendix = 0;
    let current = 's0';
    const paragraphCount = new Map<string, number>();
    eachBlock(tree, (node) => {
      const data = (node.data ??= {}) as ReportNodeData;
      if (node.type === 'heading') {
        const level = node.depth - 1;
        let id: string;
        if (level === 1) {
          if (data.appendix) id = `sa${++appendix}`;
          else if (data.numbered && data.ordinalValue) id = `s${data.ordinalValue}`;
          else id = `s${lastTop + 1}`;
          if (!data.appendix) lastTop = Math.max(lastTop, Number(id.slice(1)) || lastTop + 1);
        } else {
          const parent = stack[level - 1] ?? stack[1] ?? 's0';
          const siblings = [...used].filter((u) => u.startsWith(`${parent}-`) && !u.includes('-p')).length;
          id = `${parent}-${data.ordinalValue ?? siblings + 1}`;
        }
        id = unique(id);
        data.id = id;
        stack[level] = id;
        for (let l = level + 1; l < stack.length; l++) stack[l] = null;
        current = id;
      } else {
        const n = (paragraphCount.get(current) ?? 0) + 1;
        paragraphCount.set(current, n);
        data.sectionId = current;
        data.id = `${current}-p${n}`;
      }
    });
  };
};
