/**
 * <comparison-chart>: a web-standard custom element around a server-rendered figure
 * (title, one-sentence summary, data table, CSV link). It reads its series from the
 * <script type="application/json"> inside it and draws the chart only when the figure
 * comes near the viewport; Chart.js itself is a separate chunk loaded on first use,
 * so a page pays for it only if a chart is actually shown.
 */
import { LazyChartElement } from './lazy-chart.ts';

export class ComparisonChartElement extends LazyChartElement {
  protected readonly label = 'comparison chart';
  protected render(): Promise<void> {
    return import('./chart-draw.ts').then(({ drawChart }) => drawChart(this));
  }
}

if (!customElements.get('comparison-chart')) customElements.define('comparison-chart', ComparisonChartElement);
