import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReportSeries, WeekPoint } from '../report-series';
import {
  at,
  type ChartOptions,
  chartFigure,
  emptyNote,
  gridLines,
  INK,
  legend,
  longDay,
  PALETTE,
  percent,
  SMALL,
  shortDay,
  WIDTH,
} from './chart-kit';
import { h, type MarkupNode } from './markup';

type Clock = {
  key: 'gti' | 'gtr';
  label: string;
  color: string;
  dash: string | null;
  marker: 'circle' | 'square';
};
const CLOCKS: readonly Clock[] = [
  { key: 'gti', label: 'GTI tenue', color: PALETTE[0], dash: null, marker: 'circle' },
  { key: 'gtr', label: 'GTR tenue', color: PALETTE[1], dash: '6 4', marker: 'square' },
];

/**
 * GTI and GTR met per week, in % of the clocks decided that week: two lines told apart by colour, dash
 * and marker shape, each point labelled when the weeks are few. A week with no decided clock has no
 * point (the line breaks there) and « — » in the table.
 */
export function metPerWeekChart(series: Pick<ReportSeries, 'weeks'>, options: ChartOptions = {}): MarkupNode {
  const id = `${options.idPrefix ?? 'chart'}-met-per-week`;
  const title = 'Engagements tenus par semaine (GTI et GTR, en %)';
  const weeks = series.weeks;
  const { node: key, height: keyHeight } = legend(
    CLOCKS.map((c) => ({
      label: `${c.label} (%)`,
      swatch: (x, y) => lineSample(c, x, y + 6),
    })),
    0,
  );
  const top = keyHeight + 14;
  const height = top + 170;
  const margin = { left: 48, right: 16, bottom: 30 };
  const x = scalePoint<string>()
    .domain(weeks.map((w) => w.weekStart))
    .range([margin.left, WIDTH - margin.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - margin.bottom, top]);
  const labelled = weeks.length <= 8;
  const every = Math.max(1, Math.ceil(weeks.length / 6));

  const grid = gridLines(y.ticks(4), y, margin, (t) => `${t} %`);
  const axis = weeks.map((w, i) =>
    i % every === 0
      ? h(
          'text',
          {
            x: at(x(w.weekStart) ?? 0),
            y: height - margin.bottom + 16,
            'text-anchor': 'middle',
            'font-size': SMALL,
            fill: INK,
          },
          shortDay(w.weekStart),
        )
      : null,
  );

  const ratioOf = (w: WeekPoint, clock: Clock) => (clock.key === 'gti' ? w.gtiMetRatio : w.gtrMetRatio);
  const lines = CLOCKS.map((clock) => {
    const path =
      line<WeekPoint>()
        .defined((w) => ratioOf(w, clock) !== null)
        .x((w) => x(w.weekStart) ?? 0)
        .y((w) => y((ratioOf(w, clock) ?? 0) * 100))
        .digits(1)(weeks) ?? '';
    const points = weeks.flatMap((w) => {
      const r = ratioOf(w, clock);
      if (r === null) return [];
      const px = x(w.weekStart) ?? 0;
      const py = y(r * 100);
      // GTI's value above its point, GTR's below, kept inside the plot.
      const labelY =
        clock.key === 'gti' ? Math.max(top + 10, py - 9) : Math.min(height - margin.bottom - 4, py + 18);
      return [
        marker(clock, px, py),
        labelled
          ? h(
              'text',
              {
                x: at(px),
                y: at(labelY),
                'text-anchor': 'middle',
                'font-size': SMALL,
                fill: clock.color,
                'font-weight': 600,
              },
              percent(r),
            )
          : null,
      ].filter((n): n is MarkupNode => n !== null);
    });
    return h(
      'g',
      { class: `chart-series chart-series-${clock.key}` },
      h('path', {
        d: path,
        fill: 'none',
        stroke: clock.color,
        'stroke-width': 2.5,
        'stroke-dasharray': clock.dash,
      }),
      ...points,
    );
  });

  const decided = weeks.filter((w) => w.gtiMetRatio !== null || w.gtrMetRatio !== null);
  const description =
    decided.length === 0
      ? 'Aucun engagement décidé sur la période.'
      : weeks
          .map(
            (w) =>
              `semaine du ${shortDay(w.weekStart)} : GTI ${percent(w.gtiMetRatio)}, GTR ${percent(w.gtrMetRatio)}`,
          )
          .join(' ; ');
  return chartFigure({
    id,
    title,
    description: `Par semaine, part des engagements tenus. ${description}.`,
    height,
    defs: [],
    body: [key, ...grid, ...axis, ...lines, emptyNote(decided.length === 0, top, height - margin.bottom)],
    table: {
      head: [
        'Semaine du',
        'Reçus',
        'GTI tenue',
        'GTI dépassée',
        '% GTI',
        'GTR tenue',
        'GTR dépassée',
        '% GTR',
      ],
      rows: weeks.map((w) => [
        longDay(w.weekStart),
        w.received,
        w.gtiMet,
        w.gtiBreached,
        percent(w.gtiMetRatio),
        w.gtrMet,
        w.gtrBreached,
        percent(w.gtrMetRatio),
      ]),
    },
  });
}

function marker(clock: Clock, x: number, y: number): MarkupNode {
  return clock.marker === 'circle'
    ? h('circle', { cx: at(x), cy: at(y), r: 4, fill: clock.color })
    : h('rect', { x: at(x - 4), y: at(y - 4), width: 8, height: 8, fill: clock.color });
}

function lineSample(clock: Clock, x: number, y: number): MarkupNode {
  return h(
    'g',
    {},
    h('line', {
      x1: x,
      x2: x + 22,
      y1: y,
      y2: y,
      stroke: clock.color,
      'stroke-width': 2.5,
      'stroke-dasharray': clock.dash,
    }),
    marker(clock, x + 11, y),
  );
}
