/**
 * Draws one <comparison-chart> with Chart.js, registering only the parts used:
 * a line controller (lines between years, or none for a dot plot across regions),
 * points, a category and a linear scale, and the tooltip. The legend is HTML in the
 * page (marker shapes drawn in SVG), so the Legend plugin is not loaded.
 *
 * Encoding, never colour alone: targets are triangles on a dashed line, results circles on
 * a solid line; estimates (预计) are hollow circles; figures to check are crosses.
 * Colours (Okabe–Ito blue and vermilion, lighter in dark mode) come from CSS custom
 * properties, and follow a change of colour scheme. Clicking a point opens its sentence.
 */
import {
  CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip,
  type ChartConfiguration, type PointStyle, type TooltipItem,
} from 'chart.js';
import type { Series, SeriesPoint } from '../lib/compare/index.ts';
import { sitePath } from '../data/urls.ts';

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

/** The years (or regions) with their verdict on a second line. */
function xLabel(p: SeriesPoint): string | string[] {
  return p.verdictLabel && p.targetStated ? [p.label, p.verdictLabel] : p.label;
}

function styleDatasets(chart: Chart<'line'>, series: Series, c: Colours): void {
  const [target, result] = chart.data.datasets;
  if (!target || !result) return;
  Object.assign(target, {
    borderColor: c.target,
    backgroundColor: c.target,
    pointBackgroundColor: c.target,
    pointBorderColor: c.target,
  });
  Object.assign(result, {
    borderColor: c.result,
    backgroundColor: c.result,
    pointBorderColor: c.result,
    pointBackgroundColor: series.points.map((p) => (p.estimate || p.check ? c.bg : c.result)),
  });
  const scales = chart.options.scales!;
  for (const axis of [scales['x']!, scales['y']!]) {
    axis.ticks!.color = c.text;
    axis.grid!.color = c.grid;
    (axis as { border?: { color?: string } }).border = { color: c.grid };
  }
}

export function drawChart(el: HTMLElement & { chart?: Chart }): void {
  if (el.chart) return;
  const json = el.querySelector('script[type="application/json"]')?.textContent;
  const canvas = el.querySelector('canvas');
  const plot = el.querySelector<HTMLElement>('.cmp-plot');
  if (!json || !canvas || !plot) throw new Error(`comparison-chart #${el.id}: no data, canvas or plot area`);
  const series = JSON.parse(json) as Series;
  const byYears = series.by === 'years';
  const c = colours(el);
  const font = getComputedStyle(el).fontFamily;
  plot.hidden = false;

  const stated = (p: SeriesPoint, which: 'target' | 'result') => (which === 'target' ? p.targetStated : p.resultStated) ?? '';
  const config: ChartConfiguration<'line', (number | null)[], string | string[]> = {
    type: 'line',
    data: {
      labels: series.points.map(xLabel),
      datasets: [
        {
          label: '目标',
          data: series.points.map((p) => p.target),
          showLine: byYears,
          spanGaps: false,
          borderDash: [6, 4],
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
          borderWidth: 2,
          pointStyle: series.points.map((p): PointStyle => (p.check ? 'crossRot' : 'circle')),
          pointRadius: series.points.map((p) => (p.check ? 8 : 5.5)),
          pointHoverRadius: 8,
          pointBorderWidth: 2,
        },
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
        x: { offset: true, ticks: { font: { family: font, size: 12 }, maxRotation: 0, autoSkip: false }, grid: { display: false } },
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
              const which = item.datasetIndex === 0 ? 'target' : 'result';
              const extra = which === 'result' ? `${p.estimate ? '（预计）' : ''}${p.check ? '（待核对原文）' : ''}` : '';
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
        const url = hit.datasetIndex === 0 ? p?.targetUrl : p?.resultUrl;
        if (url) window.location.assign(sitePath(url));
      },
    },
  };
  const chart = new Chart(canvas, config);
  styleDatasets(chart, series, c);
  chart.update();
  el.chart = chart as unknown as Chart;
  // The picture is there now: the table stays one click away.
  el.querySelector('details.cmp-data')?.removeAttribute('open');
  el.dataset.drawn = 'true';

  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', () => {
    if (!el.chart) return;
    styleDatasets(chart, series, colours(el));
    chart.update();
  });
}
