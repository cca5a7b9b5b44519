/**
 * <comparison-chart>: a web-standard custom element around a server-rendered figure
 * (title, one-sentence summary, data table, CSV link). It reads its series from the
 * <script type="application/json"> inside it and draws the chart only when the figure
 * comes near the viewport; Chart.js itself is a separate chunk loaded on first use,
 * so a page pays for it only if a chart is actually shown.
 */
import type { Chart } from 'chart.js';

export class ComparisonChartElement extends HTMLElement {
  /** The Chart.js instance once drawn (tests read its datasets). */
  chart: Chart | undefined;
  #observer: IntersectionObserver | undefined;
  #drawing: Promise<void> | undefined;

  connectedCallback(): void {
    if (!('IntersectionObserver' in window)) {
      void this.draw();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.draw();
      },
      { rootMargin: '400px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    this.#drawing = undefined;
  }

  /** Draw now (idempotent); resolves when the chart is on the canvas. */
  draw(): Promise<void> {
    this.#observer?.disconnect();
    this.#drawing ??= import('./chart-draw.ts').then(({ drawChart }) => drawChart(this)).catch((err: unknown) => {
      // The table is already there; say why there is no picture instead of failing silently.
      this.dataset.error = String(err);
      console.error('comparison chart:', err);
    });
    return this.#drawing;
  }
}

if (!customElements.get('comparison-chart')) customElements.define('comparison-chart', ComparisonChartElement);
