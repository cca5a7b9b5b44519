/**
 * Draws one <lines-chart> with Chart.js (line controller, points, category and linear scales,
 * tooltip; the legend is HTML in the page). The region's own line is solid with large hollow circles;
 * each parent's is dashed with its own filled marker shape (an equal target shows inside the circle), so no line depends on colour alone. Clicking a
 * point opens the sentence the target was stated in.
 */
import {
  CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip, type PointStyle, type TooltipItem,
} from 'chart.js';
import type { LinesSeries } from '../lib/compare/index.ts';
import { sitePath } from '../data/urls.ts';
import { chartParts } from './lazy-chart.ts';
import { DASHES } from './lines-legend.ts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** Marker shapes and dashes by line, in the order the legend (LinesChart.astro) uses. */
export const SHAPES: PointStyle[] = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot'];

const num = (n: number) => String(Number(n.toFixed(6)));

/** How to draw: the y axis's floor (counts start at 0), and markers small when the years are many. */
export interface LinesOptions {
  min?: number;
  pointRadius?: number;
}

/** Draw el's lines: `given`, or the series in its <script type="application/json">. */
export function drawLines(el: HTMLElement & { chart?: Chart }, given?: LinesSeries, opts: LinesOptions = {}): void {
  if (el.chart) return;
  const { series, canvas, plot } = chartParts<LinesSeries>(el, 'lc-plot', 'lines-chart', given);
  const css = getComputedStyle(el);
  const colour = (i: number) => css.getPropertyValue(`--lc-${i % 6}`).trim() || '#0072b2';
  const text = css.getPropertyValue('--lc-text').trim() || '#1d1f23';
  const grid = css.getPropertyValue('--lc-grid').trim() || '#dcd7cc';
  const bg = css.getPropertyValue('--lc-bg').trim() || '#ffffff';
  const font = css.fontFamily;
  plot.hidden = false;
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: series.labels,
      datasets: series.lines.map((l, i) => ({
        label: l.label,
        data: l.values,
        // Years without a target are bridged by a dotted line: nothing is plotted for them.
        spanGaps: true,
        segment: { borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) => (ctx.p1DataIndex - ctx.p0DataIndex > 1 ? [1, 4] : undefined) },
        borderColor: colour(i),
        backgroundColor: colour(i),
        // The region's own line has hollow, larger circles, drawn underneath (Chart.js draws a higher
        // `order` first), so a parent's equal target shows inside them.
        order: l.own ? 1 : 0,
        pointBackgroundColor: l.own ? bg : colour(i),
        borderDash: DASHES[i % DASHES.length],
        borderWidth: l.own ? 2.5 : 2,
        pointBorderWidth: 2,
        pointStyle: SHAPES[i % SHAPES.length],
        pointRadius: l.own ? 7.5 : (opts.pointRadius ?? 5),
        pointHoverRadius: 9,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'zh-CN',
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { offset: true, ticks: { color: text, font: { family: font, size: 12 } }, grid: { display: false } },
        y: {
          grace: '10%',
          beginAtZero: series.zero,
          min: opts.min,
          ticks: { color: text, font: { family: font, size: 12 }, callback: (v) => `${num(Number(v))}${series.unit === '%' ? '%' : ''}`, maxTicksLimit: 6 },
          grid: { color: (ctx) => (series.zero && ctx.tick.value === 0 ? text : grid) },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const l = series.lines[item.datasetIndex]!;
              const stated = l.stated[item.dataIndex];
              return `${l.label}：${stated ?? num(Number(item.raw))}${series.zero && item.raw !== null ? `（${num(Number(item.raw))}${series.unit}）` : ''}`;
            },
          },
        },
      },
      onClick: (_e, elements) => {
        const hit = elements[0];
        const url = hit ? series.lines[hit.datasetIndex]?.urls[hit.index] : null;
        if (url) window.location.assign(sitePath(url));
      },
    },
  });
  el.chart = chart as unknown as Chart;
  el.querySelector('details.chart-data')?.removeAttribute('open');
  el.dataset.drawn = 'true';
}
