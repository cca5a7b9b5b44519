/**
 * Which part of a report a top-level section is: the review of the past year,
 * the tasks for the coming year, the government's own conduct, an appendix,
 * or other. Used by search filters and by result extraction.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { eachBlock } from './ids.ts';
import type { ReportNodeData } from './mdast-data.ts';
import type { SectionPart } from '../schema.ts';

export function partOfHeading(heading: string, opts: { appendix: boolean; afterReview: boolean; coverage: boolean }): SectionPart {
  if (opts.coverage) return 'article';
  if (opts.appendix) return 'appendix';
  if (/政府自身建设|服务型政府|政府治理|自身建设|人民满意的政府|政府建设|廉洁政府|法治政府/.test(heading)) return 'government';
  if (/回顾|成就|过去|总结|工作报告|基本情况|取得|进展|成效|成绩/.test(heading) && !/今后|目标|任务|安排/.test(heading)) return 'review';
  if (/目标|任务|重点|安排|建议|计划|要求|工作|思路|部署|举措|政策|发展|建设|推进|加快|坚持/.test(heading)) return 'tasks';
  return opts.afterReview ? 'tasks' : 'other';
}


/** Transformer plugin: stamp every heading and paragraph with the part of the report it is in. */
export const attachParts: Plugin<[{ coverage: boolean }?], Root> = function (options) {
  const coverage = options?.coverage ?? false;
  return (tree) => {
    let part: SectionPart = coverage ? 'article' : 'opening';
    let afterReview = false;
    eachBlock(tree, (node) => {
      const data = (node.data ??= {}) as ReportNodeData;
      if (node.type === 'heading' && node.depth === 2) {
        part = partOfHeading(toString(node), { appendix: Boolean(data.appendix), afterReview, coverage });
        if (part === 'review') afterReview = true;
      }
      data.part = part;
    });
  };
};
