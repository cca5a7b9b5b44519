/**
 * Draws one <comparison-chart> with Chart.js, registering only the parts used:
 * a line controller (lines between years, or none for a dot plot across regions),
 * points, a category and a linear scale, and the tooltip. The legend is HTML in the
 * page (marker shapes drawn in SVG), so the Legend plugin is not loaded.
 *
 * Encoding, never colour alone: targets are triangles on a dashed line, results circles on
 * a solid line; estimates (预计) are hollow circles; figures to check are crosses; a figure
 * stated as a bound (超过1000亿元, 9%以上) is an arrow from the number in the direction the true
 * number lies, and the line to and from it is dotted (it is not a point); results stated only
 * by their parts (城镇, 农村) are squares and diamonds of their own.
 * Colours (Okabe–Ito blue and vermilion, lighter in dark mode) come from CSS custom
 * properties, and follow a change of colour scheme. Clicking a point opens its sentence.
 */
import {
  CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip,
  type ChartConfiguration, type PointStyle, type TooltipItem,
} from 'chart.js';
import type { Series, SeriesPoint } from '../lib/compare/index.ts';
import { sitePath } from '../data/urls.ts';
import { chartParts } from './lazy-chart.ts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

interface Colours {
  target: string;
  result: string;
  text: string;
  grid: string;
  bg: string;
}

function colours(el: HTMLElement): Colours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    target: v('--cmp-target', '#0072b2'),
    result: v('--cmp-result', '#d55e00'),
    text: v('--cmp-text', '#1d1f23'),
    grid: v('--cmp-grid', '#dcd7cc'),
    bg: v('--cmp-bg', '#ffffff'),
  };
}

const num = (n: number) => String(Number(n.toFixed(6)));

/** An arrow marker for a bound: a bar at the number and an arrow towards where the true number lies. */
function arrowMarker(colour: string, dir: 'lower' | 'upper', hollow: string | null): HTMLCanvasElement {
  // Chart.js draws a canvas marker at its own width and height in CSS pixels, so it is made at that size.
  const size = 22;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  const mid = size / 2;
  const tip = dir === 'lower' ? 2 : size - 2;
  const head = dir === 'lower' ? 7 : size - 7;
  g.strokeStyle = colour;
  g.lineWidth = 2.2;
  g.lineCap = 'round';
  g.beginPath();
  g.moveTo(mid - 7, mid);
  g.lineTo(mid + 7, mid);
  g.moveTo(mid, mid);
  g.lineTo(mid, tip);
  g.moveTo(mid - 4.5, head);
  g.lineTo(mid, tip);
  g.lineTo(mid + 4.5, head);
  g.stroke();
  if (hollow) {
    g.fillStyle = hollow;
    g.beginPath();
    g.arc(mid, mid, 2.6, 0, Math.PI * 2);
    g.fill();
    g.stroke();
  }
  return canvas;
}

const PART_SHAPES: PointStyle[] = ['rect', 'rectRot', 'star'];

function resultStyles(series: Series, c: Colours): PointStyle[] {
  return series.points.map((p): PointStyle => {
    if (p.check) return 'crossRot';
    if (p.resultBound) return arrowMarker(c.result, p.resultBound, p.estimate ? c.bg : null);
    return 'circle';
  });
}

function targetStyles(series: Series, c: Colours): PointStyle[] {
  return series.points.map((p): PointStyle => (p.targetBound ? arrowMarker(c.target, p.targetBound, null) : 'triangle'));
}

/** The years (or regions) with their verdict on a second line. */
/** Points up to which every x label is shown, with its verdict under it; beyond, labels thin out and the verdicts are in the table. */
const LABELLED_POINTS = 8;

function xLabel(p: SeriesPoint, many: boolean): string | string[] {
  return !many && p.verdictLabel && p.targetStated ? [p.label, p.verdictLabel] : p.label;
}

function styleDatasets(chart: Chart<'line'>, series: Series, c: Colours): void {
  const [target, result, ...parts] = chart.data.datasets;
  if (!target || !result) return;
  Object.assign(target, {
    borderColor: c.target,
    backgroundColor: c.target,
    pointBackgroundColor: c.target,
    pointBorderColor: c.target,
    pointStyle: targetStyles(series, c),
  });
  Object.assign(result, {
    borderColor: c.result,
    backgroundColor: c.result,
    pointBorderColor: c.result,
    pointBackgroundColor: series.points.map((p) => (p.estimate || p.check ? c.bg : c.result)),
    pointStyle: resultStyles(series, c),
  });
  for (const d of parts) {
    const label = d.label;
    Object.assign(d, {
      borderColor: c.result,
      backgroundColor: c.result,
      pointBorderColor: c.result,
      pointBackgroundColor: series.points.map((p) => (p.parts.find((x) => x.label === label)?.estimate ? c.bg : c.result)),
    });
  }
  const scales = chart.options.scales!;
  for (const axis of [scales['x']!, scales['y']!]) {
    axis.ticks!.color = c.text;
    axis.grid!.color = c.grid;
    (axis as { border?: { color?: string } }).border = { color: c.grid };
  }
}

export function drawChart(el: HTMLElement & { chart?: Chart }): void {
  if (el.chart) return;
  const { series, canvas, plot } = chartParts<Series>(el, 'cmp-plot', 'comparison-chart');
  const byYears = series.by === 'years';
  const many = series.points.length > LABELLED_POINTS;
  const c = colours(el);
  const font = getComputedStyle(el).fontFamily;
  plot.hidden = false;

  const stated = (p: SeriesPoint, which: 'target' | 'result') => (which === 'target' ? p.targetStated : p.resultStated) ?? '';
  const boundWord = (b: SeriesPoint['resultBound']) => (b === 'lower' ? '（下限：至少此数）' : b === 'upper' ? '（上限：至多此数）' : '');
  const partLabels = [...new Set(series.points.flatMap((p) => p.parts.map((x) => x.label)))];
  /** A line to or from a bound is dotted: the bound is not where the number is. */
  const boundSegment = (which: 'targetBound' | 'resultBound', solid: number[] | undefined) => ({
    borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
      series.points[ctx.p0DataIndex]?.[which] || series.points[ctx.p1DataIndex]?.[which] ? [2, 4] : solid,
  });
  const config: ChartConfiguration<'line', (number | null)[], string | string[]> = {
    type: 'line',
    data: {
      labels: series.points.map((p) => xLabel(p, many)),
      datasets: [
        {
          label: '目标',
          data: series.points.map((p) => p.target),
          showLine: byYears,
          spanGaps: false,
          borderDash: [6, 4],
          segment: boundSegment('targetBound', [6, 4]),
          borderWidth: 2,
          pointStyle: 'triangle',
          pointRadius: 7,
          pointHoverRadius: 9,
          pointBorderWidth: 2,
        },
        {
          label: '结果',
          data: series.points.map((p) => p.result),
          showLine: byYears,
          spanGaps: false,
          segment: boundSegment('resultBound', undefined),
          borderWidth: 2,
          pointStyle: series.points.map((p): PointStyle => (p.check ? 'crossRot' : 'circle')),
          pointRadius: series.points.map((p) => (p.check ? 8 : 5.5)),
          pointHoverRadius: 8,
          pointBorderWidth: 2,
        },
        ...partLabels.map((label, i) => ({
          label,
          data: series.points.map((p) => p.parts.find((x) => x.label === label)?.value ?? null),
          showLine: false,
          pointStyle: PART_SHAPES[i % PART_SHAPES.length]!,
          pointRadius: 6,
          pointHoverRadius: 8,
          pointBorderWidth: 2,
        })),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'zh-CN',
      font: { family: font },
      layout: { padding: { top: 8, right: 8 } },
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { offset: true, ticks: { font: { family: font, size: 12 }, maxRotation: 0, autoSkip: many, autoSkipPadding: 8 }, grid: { display: false } },
        y: {
          beginAtZero: series.measure !== 'level',
          grace: '8%',
          ticks: { font: { family: font, size: 12 }, callback: (v) => `${num(Number(v))}${series.unit}`, maxTicksLimit: 6 },
          grid: {},
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => series.points[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item: TooltipItem<'line'>) => {
              const p = series.points[item.dataIndex]!;
              if (item.datasetIndex > 1) {
                const part = p.parts.find((x) => x.label === item.dataset.label);
                return part ? `${part.label}：${part.stated}${part.estimate ? '（预计）' : ''}${boundWord(part.bound)}，${part.verdictLabel}` : '';
              }
              const which = item.datasetIndex === 0 ? 'target' : 'result';
              const extra =
                which === 'result'
                  ? `${p.estimate ? '（预计）' : ''}${boundWord(p.resultBound)}${p.check ? '（待核对原文）' : ''}`
                  : boundWord(p.targetBound);
              return `${item.dataset.label}：${stated(p, which)}${extra}`;
            },
            footer: (items: TooltipItem<'line'>[]) => {
              const p = series.points[items[0]?.dataIndex ?? 0];
              return p?.verdictLabel ? `${p.verdictLabel} · 点击查看原句` : '';
            },
          },
        },
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (!hit) return;
        const p = series.points[hit.index];
        const part = hit.datasetIndex > 1 ? p?.parts.find((x) => x.label === partLabels[hit.datasetIndex - 2]) : undefined;
        const url = hit.datasetIndex === 0 ? p?.targetUrl : hit.datasetIndex === 1 ? p?.resultUrl : part?.url;
        if (url) window.location.assign(sitePath(url));
      },
    },
  };
  const chart = new Chart(canvas, config);
  styleDatasets(chart, series, c);
  chart.update();
  el.chart = chart as unknown as Chart;
  // The picture is there now: the table stays one click away.
  el.querySelector('details.chart-data')?.removeAttribute('open');
  el.dataset.drawn = 'true';

  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', () => {
    if (!el.chart) return;
    styleDatasets(chart, series, colours(el));
    chart.update();
  });
}
