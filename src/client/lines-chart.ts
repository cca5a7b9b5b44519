/**
 * <lines-chart>: a custom element around a server-rendered figure with several lines over
 * years (a region's targets beside its parents'; the gaps between them). Like
 * <comparison-chart>, it reads its series from the <script type="application/json"> inside
 * it and imports Chart.js only when the figure comes near the viewport; the table is there
 * without JavaScript.
 */
import { LazyChartElement } from './lazy-chart.ts';

export class LinesChartElement extends LazyChartElement {
  protected readonly label = 'lines chart';
  protected render(): Promise<void> {
    return import('./lines-draw.ts').then(({ drawLines }) => drawLines(this));
  }
}

if (!customElements.get('lines-chart')) customElements.define('lines-chart', LinesChartElement);
