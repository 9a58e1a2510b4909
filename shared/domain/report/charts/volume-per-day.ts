import { scaleBand, scaleLinear } from 'd3-scale';
import type { ReportSeries } from '../report-series';
import {
  at,
  type ChartOptions,
  centredInside,
  chartFigure,
  emptyNote,
  FILL_KINDS,
  fillOf,
  gridLines,
  INK,
  legend,
  longDay,
  PALETTE,
  pattern,
  SMALL,
  shortDay,
  WIDTH,
} from './chart-kit';
import { h, type MarkupNode } from './markup';

/**
 * Tickets received per day, stacked by the desk that received them: each desk has its colour and its
 * fill pattern (plain, hatched, dotted, crossed) in the bars and the legend; the day's total above its
 * bar when the days are few enough to read it.
 */
export function volumePerDayChart(
  series: Pick<ReportSeries, 'days' | 'desks'>,
  options: ChartOptions = {},
): MarkupNode {
  const id = `${options.idPrefix ?? 'chart'}-volume-per-day`;
  const title = 'Tickets reçus par jour et par centre';
  const { days, desks } = series;
  const styles = desks.map((desk, i) => {
    const kind = FILL_KINDS[i % FILL_KINDS.length] ?? 'solid';
    const color = PALETTE[i % PALETTE.length] ?? PALETTE[0];
    const patternId = `${id}-fill-${i}`;
    return { desk, kind, color, patternId, fill: fillOf(patternId, kind, color) };
  });
  const { node: key, height: keyHeight } = legend(
    styles.map((s) => ({
      label: s.desk.name,
      swatch: (x, y) =>
        h('rect', { x, y, width: 20, height: 12, fill: s.fill, stroke: s.color, 'stroke-width': 1 }),
    })),
    0,
  );
  const top = keyHeight + 18;
  const height = top + 170;
  const margin = { left: 34, right: 10, bottom: 30 };
  const max = Math.max(1, ...days.map((d) => d.total));
  const x = scaleBand<string>()
    .domain(days.map((d) => d.day))
    .range([margin.left, WIDTH - margin.right])
    .paddingInner(days.length > 20 ? 0.15 : 0.25)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([height - margin.bottom, top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const every = Math.max(1, Math.ceil(days.length / 7));
  const totals = days.length <= 16;

  const grid = gridLines(ticks, y, margin, String);
  const bars = days.map((d, i) => {
    const left = x(d.day) ?? 0;
    let base = 0;
    const segments = styles.flatMap((s) => {
      const count = d.byDesk[s.desk.id] ?? 0;
      if (count === 0) return [];
      const y0 = y(base);
      base += count;
      const y1 = y(base);
      return [
        h('rect', {
          x: at(left),
          y: at(y1),
          width: at(x.bandwidth()),
          height: at(y0 - y1),
          fill: s.fill,
          stroke: s.color,
          'stroke-width': 0.75,
        }),
      ];
    });
    return h(
      'g',
      { class: 'chart-day' },
      ...segments,
      totals && d.total > 0
        ? h(
            'text',
            {
              x: at(left + x.bandwidth() / 2),
              y: at(y(d.total) - 4),
              'text-anchor': 'middle',
              'font-size': SMALL,
              fill: INK,
            },
            String(d.total),
          )
        : null,
      i % every === 0
        ? h(
            'text',
            {
              x: at(centredInside(left + x.bandwidth() / 2, shortDay(d.day))),
              y: height - margin.bottom + 16,
              'text-anchor': 'middle',
              'font-size': SMALL,
              fill: INK,
            },
            shortDay(d.day),
          )
        : null,
    );
  });
  const baseline = h('line', {
    x1: margin.left,
    x2: WIDTH - margin.right,
    y1: at(y(0)),
    y2: at(y(0)),
    stroke: INK,
    'stroke-width': 1,
  });

  const total = days.reduce((sum, d) => sum + d.total, 0);
  const busiest = days.reduce<(typeof days)[number] | null>(
    (best, d) => (best === null || d.total > best.total ? d : best),
    null,
  );
  const perDesk = styles.map(
    (s) => `${s.desk.name} ${days.reduce((sum, d) => sum + (d.byDesk[s.desk.id] ?? 0), 0)}`,
  );
  const description =
    total === 0
      ? 'Aucun ticket reçu sur la période.'
      : `${total} tickets reçus en ${days.length} jours (${perDesk.join(', ')}) ; le plus chargé : ${longDay(busiest?.day ?? '')}, ${busiest?.total ?? 0} tickets.`;
  return chartFigure({
    id,
    title,
    description,
    height,
    defs: styles.map((s) => pattern(s.patternId, s.kind, s.color)),
    body: [key, ...grid, ...bars, baseline, emptyNote(total === 0, top, height - margin.bottom)],
    table: {
      head: ['Jour', ...styles.map((s) => s.desk.name), 'Total'],
      rows: days.map((d) => [longDay(d.day), ...styles.map((s) => d.byDesk[s.desk.id] ?? 0), d.total]),
    },
  });
}
