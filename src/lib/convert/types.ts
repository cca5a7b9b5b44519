/**
 * What every converter returns: the report's text in the shape the .txt parser
 * reads (one paragraph per line, headings on their own lines), with everything
 * else the converter extracted kept beside it, so nothing is lost.
 */

export type ConvertedFormat = 'docx' | 'pdf' | 'html';

/** The package that extracted the text, with the version installed. */
export interface ConverterInfo {
  name: string;
  version: string;
}

/**
 * Text the converter extracted that is not part of the report: navigation, share
 * buttons, running headers and footers, page numbers, metadata lines.
 */
export interface RemovedText {
  /**
   * 1-based line of `text` before which it stood; 0 when no line of `text`
   * follows it (it stood after the report's last line, or there is no text).
   */
  line: number;
  ruleId: string;
  message: string;
  text: string;
  /** PDF: the 1-based page it was on. */
  page?: number;
}

/**
 * Metadata found around the report: evidence, not report text. HTML: meta tags and
 * the lines above the body; PDF: the document's Title (when Chinese) and creation date.
 */
export interface ConvertEvidence {
  title?: string;
  /** HTML: the publication date as written (发布时间：2024-02-01); PDF: the creation date, ISO. */
  date?: string;
  /** The publisher as written (来源：河北日报). */
  source?: string;
  /** The page holds only part of the article (a multi-page article, 下一页). */
  partial?: boolean;
}

/** A Word paragraph style or list numbering seen on a line: evidence for the structure. */
export interface StructureMark {
  /** 1-based line of `text`. */
  line: number;
  /** The Word style name (Heading 1, 标题 2) or the numbering (numbered list level 1). */
  style: string;
}

export interface ConvertedSource {
  /** The report text: one paragraph per line, headings on their own lines. */
  text: string;
  format: ConvertedFormat;
  converter: ConverterInfo;
  /** sha256 of the original file's bytes, hex. */
  sha256: string;
  removed: RemovedText[];
  /** PDF: the 1-based page of each line of `text` (the page the paragraph starts on). */
  pages?: number[];
  evidence: ConvertEvidence;
  /** DOCX: heading styles and list numbering, by line. */
  structure?: StructureMark[];
}
