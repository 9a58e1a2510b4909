/**
 * The report charts, one module for every report view: the agents' « Rapports » page (in the browser),
 * the printable monthly client report (server-side HTML, no script) and the client portal.
 *
 *   const series = result.series;                       // buildSlaReport(...) → reportSeries(...)
 *   const charts = reportCharts(series);                 // [{ id, title, figure }], three charts
 *   html += charts.map((c) => renderMarkup(c.figure)).join('\n');   // server: escaped HTML + inline SVG
 *   node.append(markupToDom(chart.figure));              // browser: portal-src/common/markup-dom.ts
 *
 * Each figure is `<figure class="report-chart">` with a `<figcaption>`, an `<svg role="img">` (its
 * `<title>` and `<desc>` named by aria-labelledby; a viewBox 400 units wide and no width, so it takes
 * its container's width: give `.report-chart-svg` a max-width on wide pages) and
 * `<details><summary>Voir les chiffres</summary><table>` with the figures drawn. Colours come as SVG
 * presentation attributes (no `style` attribute: strict CSPs), each colour paired with a pattern,
 * dash or marker shape. The maths (scales, line paths) are d3-scale and d3-shape, which touch no DOM.
 * Imports here stay type-only from the rest of the domain, so the portal bundle carries no zod.
 */
import type { ReportSeries } from '../report-series';
import type { ChartOptions } from './chart-kit';
import { firstContactChart } from './first-contact';
import { type Markup, type MarkupNode, textOf } from './markup';
import { metPerWeekChart } from './met-per-week';
import { volumePerDayChart } from './volume-per-day';

export type { ChartLabels, ChartOptions } from './chart-kit';
export { FRENCH_PRIORITIES } from './chart-kit';
export { firstContactChart } from './first-contact';
export { h, type Markup, type MarkupNode, renderMarkup, textOf } from './markup';
export { metPerWeekChart } from './met-per-week';
export { volumePerDayChart } from './volume-per-day';

export type ReportChartId = 'met-per-week' | 'volume-per-day' | 'first-contact';
export type ReportChart = { id: ReportChartId; title: string; figure: MarkupNode };

/** The three charts of issue 18, in reading order. */
export function reportCharts(series: ReportSeries, options: ChartOptions = {}): ReportChart[] {
  // chartFigure puts the <figcaption> first: its text is the chart's title.
  const titled = (id: ReportChartId, figure: MarkupNode): ReportChart => ({
    id,
    title: textOf(figure.children[0] as Markup),
    figure,
  });
  return [
    titled('met-per-week', metPerWeekChart(series, options)),
    titled('volume-per-day', volumePerDayChart(series, options)),
    titled('first-contact', firstContactChart(series, options)),
  ];
}
