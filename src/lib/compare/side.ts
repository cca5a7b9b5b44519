/**
 * One side of a comparison row (a target or a result) as the row shows it: the figure as
 * stated, whether it is an estimate or a bound, whether it should be checked, and links to
 * its sentence and its source line. Pure and browser-safe.
 */
import type { ComparisonFlag, ComparisonSide } from './schema.ts';
import { statedFields, type ReportDocument, type Result, type Target } from '../schema.ts';
import { statedFigure } from './figure-words.ts';
import { BLOCKING_FLAGS } from './plausibility.ts';
import { boundOf } from './verdicts.ts';

export type Horizon = 'annual' | 'five-year';

/** A target or a result with what the comparison needs to know about it. */
export interface Item {
  doc: ReportDocument;
  fig: Target | Result;
  /** The indicator: the parser's canonical key, or the dictionary entry the metric names exactly (第一产业增加值). */
  key: string;
  horizon: Horizon;
  year: number;
  estimate: boolean;
  paragraph: string;
  flags: ComparisonFlag[];
}

/** Percent-encode words for a text fragment (`#:~:text=`): `-`, `,` and `&` must be escaped too. */
export function textFragment(words: string): string {
  return encodeURIComponent(words).replace(/-/g, '%2D');
}

/** Site path of a paragraph, with a text fragment that highlights `quote` when given. */
export function paragraphPath(documentId: string, paragraphId: string, quote?: string): string {
  return `/reports/${documentId}/#${paragraphId}${quote ? `:~:text=${textFragment(quote)}` : ''}`;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Site path of a source line: seeds/000_x.txt, line 12 → /sources/000_x/#L12. File names that are
 * not URL-safe are named source-<first 12 hex of sha256>, as the site names them (src/data/urls.ts).
 */
export function sourcePath(file: string, line: number, sha256?: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.txt$/i, '');
  const slug = SAFE_NAME.test(base) || !sha256 ? base : `source-${sha256.slice(0, 12)}`;
  return `/sources/${slug}/#L${line}`;
}

/** sha256 by source file, for source URLs (set per buildComparisons call). */
let SHAS = new Map<string, string>();

/** Set the sha256 of each source file, for source URLs (once per buildComparisons call). */
export function setSourceHashes(shas: Map<string, string>): void {
  SHAS = shas;
}

/** The flags that say a figure itself may be wrong (not the pair's unit mismatch, not notes). */
const FIGURE_CHECKS: ReadonlySet<string> = new Set([...BLOCKING_FLAGS].filter((c) => c !== 'unit-mismatch'));

export function side(item: Item): ComparisonSide {
  const f = item.fig;
  const inParagraph = item.paragraph.includes(f.quote);
  const checks = item.flags.filter((x) => FIGURE_CHECKS.has(x.code)).map((x) => x.message);
  return {
    id: f.id,
    documentId: f.documentId,
    paragraphId: f.paragraphId,
    url: paragraphPath(f.documentId, f.paragraphId, inParagraph ? f.quote : undefined),
    sourceUrl: sourcePath(f.position.file, f.line, SHAS.get(f.position.file)),
    file: f.position.file,
    line: f.line,
    metric: f.metric,
    ...statedFields(f),
    stated: statedFigure(f, item.horizon),
    quote: f.quote,
    estimate: item.estimate,
    bound: boundOf(f),
    check: checks.length ? checks.join(' ') : null,
  };
}

