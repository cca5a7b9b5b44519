/**
 * The part every chart element shares: draw when the figure comes near the viewport (or at
 * once where IntersectionObserver is missing), import the drawing code (and Chart.js) only
 * then, and say why there is no picture instead of failing silently. The server-rendered
 * table is there without JavaScript.
 */
import type { Chart } from 'chart.js';

export abstract class LazyChartElement extends HTMLElement {
  /** The Chart.js instance once drawn (tests read its datasets). */
  chart: Chart | undefined;
  #observer: IntersectionObserver | undefined;
  #drawing: Promise<void> | undefined;

  /** Import the drawing code and draw this element's chart. */
  protected abstract render(): Promise<void>;
  /** The element's name in console messages. */
  protected abstract readonly label: string;

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
    this.#drawing ??= this.render().catch((err: unknown) => {
      this.dataset.error = String(err);
      console.error(`${this.label}:`, err);
    });
    return this.#drawing;
  }
}

/** A chart element's parts: its series (`given`, or the JSON inside it), canvas and plot area (`plotClass`). */
export function chartParts<T>(el: HTMLElement, plotClass: string, label: string, given?: T): { series: T; canvas: HTMLCanvasElement; plot: HTMLElement } {
  const json = given ? null : el.querySelector('script[type="application/json"]')?.textContent;
  const canvas = el.querySelector('canvas');
  const plot = el.querySelector<HTMLElement>(`.${plotClass}`);
  if ((!given && !json) || !canvas || !plot) throw new Error(`${label} #${el.id}: no data, canvas or plot area`);
  return { series: given ?? (JSON.parse(json!) as T), canvas, plot };
}
