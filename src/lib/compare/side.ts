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

/**
 * Site path of a source line: /sources/<name>/#L12, where <name> is the file's URL name as the site
 * gives it (source-names.ts: sourceSlugMap over every source of the build, so that identical copies
 * under different names each link to their own page).
 */
export function sourcePath(slug: string, line: number): string {
  return `/sources/${slug}/#L${line}`;
}

/** URL names by source file, for source URLs (set per buildComparisons call). */
let SLUGS = new Map<string, string>();

/** Set the URL name of each source file, for source URLs (once per buildComparisons call). */
export function setSourceSlugs(slugs: Map<string, string>): void {
  SLUGS = slugs;
}

/** A file's URL name: from the build's map, else from its name alone (records built without their sources). */
function slugOf(file: string): string {
  return SLUGS.get(file) ?? (file.split(/[\\/]/).pop() ?? file).replace(/\.txt$/i, '');
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
    sourceUrl: sourcePath(slugOf(f.position.file), f.line),
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

