/**
 * The extra data the report parser puts on mdast nodes (`node.data`), declared
 * once so every plugin reads and writes the same fields.
 */
import type { ParagraphKind, SectionPart } from '../schema.ts';

export interface ReportNodeData {
  /** 1-based first and last source line. */
  line: number;
  endLine: number;
  /** Source offsets of the node's characters. */
  startOffset: number;
  endOffset: number;
  /** Headings: the number as written, its value, whether it was in the text. */
  ordinal?: string | null;
  ordinalValue?: number | null;
  numbered?: boolean;
  appendix?: boolean;
  /** Headings: the heading as written (number, words, full stop). */
  raw?: string;
  /** Headings: the sentence that follows the heading on its line. */
  lead?: string | null;
  /** Paragraphs: body, bullet, lead, cover. */
  kind?: ParagraphKind;
  /**
   * Paragraphs: the line names a part of the report (2023年工作回顾, 2024年工作安排) but stands above
   * numbered 一、 items, so it is kept as text; the parts plugin reads the part from it.
   */
  partLine?: boolean;
  /** Ids given by the ids plugin. */
  id?: string;
  sectionId?: string;
  /** Part of the report the node belongs to (review, tasks …). */
  part?: SectionPart;
}

declare module 'mdast' {
  interface HeadingData extends Partial<ReportNodeData> {}
  interface ParagraphData extends Partial<ReportNodeData> {}
}
