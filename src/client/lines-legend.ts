/**
 * The HTML legend of a lines chart: each line's marker shape and dash in SVG beside its name, in
 * the order of SHAPES in lines-draw.ts and of DASHES here, so that no line depends on colour alone. Used by
 * LinesChart.astro (server-rendered) and by pages that draw their lines in the browser (terms-page.ts).
 */
/** Dash patterns by line; lines-draw.ts draws with the same ones, so legend and chart cannot drift apart. */
export const DASHES: number[][] = [[], [6, 4], [2, 3], [8, 3, 2, 3], [1, 2], [10, 4]];

function marker(i: number, hollow: boolean): string {
  const k = i % 6;
  if (k === 0) return `<circle cx="14" cy="7" r="4.5"${hollow ? ' style="fill: var(--lc-bg)"' : ''} />`;
  if (k === 1) return '<polygon points="14,2 19,11 9,11" />';
  if (k === 2) return '<rect x="10" y="3" width="8" height="8" />';
  if (k === 3) return '<polygon points="14,1.5 19.5,7 14,12.5 8.5,7" />';
  if (k === 4) return '<polygon points="14,1 15.8,5.5 20,5.5 16.6,8.3 18,13 14,10 10,13 11.4,8.3 8,5.5 12.2,5.5" />';
  return '<path d="M10 3 L18 11 M18 3 L10 11" fill="none" />';
}

/** The SVG sample of line i: its dash and its marker (the first line's circle hollow, as lines-draw.ts draws a region's own line). */
export function legendSvg(i: number, hollow = true): string {
  const dash = DASHES[i % 6]!.length ? ` stroke-dasharray="${DASHES[i % 6]!.join(' ')}"` : '';
  return `<svg viewBox="0 0 28 14" width="28" height="14" aria-hidden="true"><line x1="1" y1="7" x2="27" y2="7"${dash} />${marker(i, hollow)}</svg>`;
}
