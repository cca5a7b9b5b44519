/**
 * <lines-chart>: a custom element around a server-rendered figure with several lines over
 * years (a region's targets beside its parents'; the gaps between them). Like
 * <comparison-chart>, it reads its series from the <script type="application/json"> inside
 * it and imports Chart.js only when the figure comes near the viewport; the table is there
 * without JavaScript.
 */
import type { Chart } from 'chart.js';

export class LinesChartElement extends HTMLElement {
  chart: Chart | undefined;
  #observer: IntersectionObserver | undefined;
  #drawing: Promise<void> | undefined;

  connectedCallback(): void {
    if (!('IntersectionObserver' in window)) {
      void this.draw();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void this.draw();
    }, { rootMargin: '400px 0px' });
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    this.#drawing = undefined;
  }

  draw(): Promise<void> {
    this.#observer?.disconnect();
    this.#drawing ??= import('./lines-draw.ts').then(({ drawLines }) => drawLines(this)).catch((err: unknown) => {
      this.dataset.error = String(err);
      console.error('lines chart:', err);
    });
    return this.#drawing;
  }
}

if (!customElements.get('lines-chart')) customElements.define('lines-chart', LinesChartElement);
