import { scaleLinear } from 'd3-scale';
import type { FirstContactPoint, ReportSeries } from '../report-series';
import {
  at,
  type ChartOptions,
  chartFigure,
  FONT,
  FRENCH_PRIORITIES,
  fillOf,
  GRID,
  INK,
  legend,
  MUTED,
  minutes,
  PALETTE,
  pattern,
  SMALL,
  WIDTH,
} from './chart-kit';
import { h, type MarkupNode } from './markup';

/** Most urgent first: the priorities people look at first. */
const ORDER = ['critique', 'haute', 'moyenne', 'normale'] as const;

/**
 * Time to first contact (open minutes, as the GTI counts it) against the GTI target, per priority: a
 * plain bar for the median, a hatched one for the 90th percentile, a dashed line at the target, the
 * values written beside the bars. Each priority has its own scale (targets go from 15 to 60 minutes:
 * one scale would flatten the short ones); the question each row answers is "is the bar past the line?".
 */
export function firstContactChart(
  series: Pick<ReportSeries, 'firstContact'>,
  options: ChartOptions = {},
): MarkupNode {
  const id = `${options.idPrefix ?? 'chart'}-first-contact`;
  const names = options.labels?.priority ?? FRENCH_PRIORITIES;
  const title = 'Délai de premier contact face à la GTI, par priorité';
  const color = PALETTE[0];
  const hatchId = `${id}-p90`;
  const { node: key, height: keyHeight } = legend(
    [
      { label: 'médiane', swatch: (x, y) => h('rect', { x, y, width: 20, height: 12, fill: color }) },
      {
        label: '90e centile',
        swatch: (x, y) =>
          h('rect', { x, y, width: 20, height: 12, fill: fillOf(hatchId, 'hatch', color), stroke: color }),
      },
      {
        label: 'cible GTI',
        swatch: (x, y) =>
          h('line', {
            x1: x + 10,
            x2: x + 10,
            y1: y - 2,
            y2: y + 14,
            stroke: INK,
            'stroke-width': 2,
            'stroke-dasharray': '4 3',
          }),
      },
    ],
    0,
  );
  const top = keyHeight + 10;
  const rowHeight = 50;
  const labelWidth = 96;
  const valueWidth = 92;
  const plot = { left: labelWidth, right: WIDTH - valueWidth };
  const points = ORDER.map((level) => series.firstContact.find((p) => p.priority === level)).filter(
    (p): p is FirstContactPoint => p !== undefined,
  );

  const rows = points.map((p, i) => {
    const y0 = top + i * rowHeight;
    const x = scaleLinear()
      .domain([0, Math.max(p.targetMinutes, p.median ?? 0, p.p90 ?? 0) * 1.1])
      .range([plot.left, plot.right]);
    const bar = (value: number | null, y: number, fill: string) =>
      value === null
        ? null
        : h('rect', {
            x: plot.left,
            y: at(y),
            width: at(Math.max(1, x(value) - plot.left)),
            height: 13,
            fill,
            stroke: color,
            'stroke-width': 0.75,
          });
    return h(
      'g',
      { class: `chart-priority chart-priority-${p.priority}` },
      h('line', {
        x1: 0,
        x2: WIDTH,
        y1: at(y0 + rowHeight - 4),
        y2: at(y0 + rowHeight - 4),
        stroke: GRID,
        'stroke-width': 1,
      }),
      h('text', { x: 0, y: y0 + 16, 'font-size': FONT, 'font-weight': 600, fill: INK }, names[p.priority]),
      h('text', { x: 0, y: y0 + 32, 'font-size': SMALL, fill: MUTED }, `cible ${minutes(p.targetMinutes)}`),
      p.median === null
        ? h('text', { x: plot.left, y: y0 + 24, 'font-size': SMALL, fill: MUTED }, 'aucun contact')
        : null,
      bar(p.median, y0 + 6, color),
      bar(p.p90, y0 + 23, fillOf(hatchId, 'hatch', color)),
      h('line', {
        x1: at(x(p.targetMinutes)),
        x2: at(x(p.targetMinutes)),
        y1: y0 + 1,
        y2: y0 + 41,
        stroke: INK,
        'stroke-width': 2,
        'stroke-dasharray': '4 3',
      }),
      p.median === null
        ? null
        : h(
            'text',
            { x: plot.right + 6, y: y0 + 17, 'font-size': SMALL, fill: INK },
            `méd. : ${minutes(p.median)}`,
          ),
      p.p90 === null
        ? null
        : h(
            'text',
            { x: plot.right + 6, y: y0 + 34, 'font-size': SMALL, fill: INK },
            `90e : ${minutes(p.p90)}`,
          ),
    );
  });

  const description = points
    .map((p) =>
      p.median === null
        ? `${names[p.priority]} (cible ${minutes(p.targetMinutes)}) : aucun contact`
        : `${names[p.priority]} (cible ${minutes(p.targetMinutes)}) : médiane ${minutes(p.median)}, 90e centile ${minutes(p.p90)}`,
    )
    .join(' ; ');
  return chartFigure({
    id,
    title,
    description: `En heures ouvrées du contrat. ${description}.`,
    height: top + points.length * rowHeight + 2,
    defs: [pattern(hatchId, 'hatch', color)],
    body: [key, ...rows],
    table: {
      head: ['Priorité', 'Cible GTI', 'Médiane', '90e centile', 'Contacts', 'GTI tenue', 'GTI dépassée'],
      rows: points.map((p) => [
        names[p.priority],
        minutes(p.targetMinutes),
        minutes(p.median),
        minutes(p.p90),
        p.contacts,
        p.gtiMet,
        p.gtiBreached,
      ]),
    },
  });
}
