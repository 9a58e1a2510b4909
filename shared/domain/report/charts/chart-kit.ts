import type { PriorityLevel } from '../../desk/service-desk-config';
import { h, type Markup, type MarkupNode } from './markup';

/**
 * What every report chart shares: the palette (each colour ≥ 4.5:1 on white, so marks and their text
 * labels pass WCAG's contrast for text and for graphics), the fill patterns that say the same as the
 * colours (a chart must read in black and white and for colour-blind readers), the French number
 * formats, and the figure around a chart: caption, the SVG with its title and description, and the
 * figures behind it one click away (`<details><summary>Voir les chiffres</summary><table>`).
 */
export const INK = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const GRID = '#c8c8c8';
/** Blue, brown-orange, green, purple: distinct in hue and lightness, all dark enough on white. */
export const PALETTE = ['#1f5fa8', '#a8420b', '#2e6b30', '#6a3d9a'] as const;
export type FillKind = 'solid' | 'hatch' | 'dots' | 'cross';
export const FILL_KINDS: readonly FillKind[] = ['solid', 'hatch', 'dots', 'cross'];

/** Text sizes in viewBox units: charts are 400 wide, so 12 is about 10.5 px on a 360 px phone. */
export const FONT = 13;
export const SMALL = 12;
export const WIDTH = 400;

/**
 * The x of a text centred under a mark, moved in just enough that the text stays inside the drawing:
 * the last day of a 31-day month sits 16 units from the right edge and « 31 déc. » is wider than
 * twice that (the SVG clips what overflows). Width estimated at 0.6 em a character, the width of a
 * wide glyph in the system sans-serif; digits and lower case are narrower, so the estimate errs inside.
 */
export function centredInside(center: number, text: string, size: number = SMALL): number {
  // The right edge only: plots start 34 units in, after the count labels, wider than any half-label.
  return Math.min(center, WIDTH - (text.length * size * 0.6) / 2);
}

/** The French words the charts use for priorities (a view may pass its own table). */
export const FRENCH_PRIORITIES = {
  critique: 'Critique',
  haute: 'Haute',
  moyenne: 'Moyenne',
  normale: 'Normale',
} as const satisfies Record<PriorityLevel, string>;

export type ChartLabels = { priority: Readonly<Record<PriorityLevel, string>> };

export type ChartOptions = {
  /** Prefix of the ids inside the charts (patterns, titles): unique per page when a page shows a chart twice. */
  idPrefix?: string;
  labels?: ChartLabels;
};

/** A fill pattern of `color` (defined once per SVG under `id`); `solid` needs none. */
export function pattern(id: string, kind: FillKind, color: string): MarkupNode | null {
  if (kind === 'solid') return null;
  const size = 6;
  const marks: Markup[] =
    kind === 'hatch'
      ? [h('line', { x1: 0, y1: 0, x2: 0, y2: size, stroke: '#ffffff', 'stroke-width': 2.5 })]
      : kind === 'dots'
        ? [h('circle', { cx: 3, cy: 3, r: 1.4, fill: '#ffffff' })]
        : [
            h('line', { x1: 0, y1: 0, x2: 0, y2: size, stroke: '#ffffff', 'stroke-width': 1.5 }),
            h('line', { x1: 0, y1: 0, x2: size, y2: 0, stroke: '#ffffff', 'stroke-width': 1.5 }),
          ];
  return h(
    'pattern',
    {
      id,
      patternUnits: 'userSpaceOnUse',
      width: size,
      height: size,
      patternTransform: kind === 'hatch' ? 'rotate(45)' : null,
    },
    h('rect', { width: size, height: size, fill: color }),
    ...marks,
  );
}

export function fillOf(id: string, kind: FillKind, color: string): string {
  return kind === 'solid' ? color : `url(#${id})`;
}

/** A legend entry: a swatch (or a line sample) and its words, laid out left to right, wrapping. */
export type LegendItem = { label: string; swatch: (x: number, y: number) => MarkupNode };

/** Legend rows from the top of the chart; returns the markup and the height it took. */
export function legend(
  items: readonly LegendItem[],
  top: number,
  width = WIDTH,
): { node: MarkupNode; height: number } {
  const row = 18;
  const nodes: MarkupNode[] = [];
  let x = 0;
  let y = top;
  for (const item of items) {
    const itemWidth = 26 + item.label.length * 7.2 + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += row;
    }
    nodes.push(
      h(
        'g',
        {},
        item.swatch(x, y),
        h('text', { x: x + 26, y: y + 10, 'font-size': SMALL, fill: INK }, item.label),
      ),
    );
    x += itemWidth;
  }
  return { node: h('g', { class: 'chart-legend' }, ...nodes), height: y - top + row };
}

/** The figure: caption, the chart as an image with its text alternative, the figures in a table. */
export function chartFigure(input: {
  id: string;
  title: string;
  /** One or two sentences a screen reader reads instead of the drawing. */
  description: string;
  height: number;
  defs: Array<MarkupNode | null>;
  body: Array<Markup | null>;
  table: { head: string[]; rows: Array<Array<string | number>>; rowHeaders?: boolean };
}): MarkupNode {
  const { id } = input;
  const defs = input.defs.filter((d): d is MarkupNode => d !== null);
  return h(
    'figure',
    { class: 'report-chart', id },
    h('figcaption', {}, input.title),
    h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${WIDTH} ${Math.ceil(input.height)}`,
        role: 'img',
        'aria-labelledby': `${id}-title ${id}-desc`,
        class: 'report-chart-svg',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': FONT,
      },
      h('title', { id: `${id}-title` }, input.title),
      h('desc', { id: `${id}-desc` }, input.description),
      defs.length > 0 ? h('defs', {}, ...defs) : null,
      ...input.body,
    ),
    h(
      'details',
      { class: 'report-chart-figures' },
      h('summary', {}, 'Voir les chiffres'),
      h(
        'table',
        {},
        h('caption', {}, input.title),
        h('thead', {}, h('tr', {}, ...input.table.head.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...input.table.rows.map((cells) =>
            h(
              'tr',
              {},
              ...cells.map((c, i) =>
                i === 0 && input.table.rowHeaders !== false
                  ? h('th', { scope: 'row' }, String(c))
                  : h('td', {}, String(c)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** `2026-12-01` → « 1 déc. » (a calendar day as the series give it: no zone arithmetic here). */
export function shortDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${date ?? '?'} ${MONTHS[(month ?? 1) - 1] ?? ''}`.trim();
}

/** `2026-12-01` → « 1 déc. 2026 ». */
export function longDay(day: string): string {
  return `${shortDay(day)} ${day.slice(0, 4)}`;
}

const NBSP = '\u00a0';

/** 0.8333 → « 83 % »; null → « — ». */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}${NBSP}%`;
}

/** 12 → « 12 min », 75 → « 1 h 15 », null → « — ». */
export function minutes(value: number | null): string {
  if (value === null) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total}${NBSP}min`;
  return `${Math.floor(total / 60)}${NBSP}h${NBSP}${String(total % 60).padStart(2, '0')}`;
}

/** Rounds a coordinate to 0.1: shorter markup, no visible difference. */
export function at(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The horizontal grid of a chart: a line and its label at each tick of the value scale. */
export function gridLines(
  ticks: readonly number[],
  y: (value: number) => number,
  margin: { left: number; right: number },
  label: (tick: number) => string,
): MarkupNode[] {
  return ticks.map((t) =>
    h(
      'g',
      {},
      h('line', {
        x1: margin.left,
        x2: WIDTH - margin.right,
        y1: at(y(t)),
        y2: at(y(t)),
        stroke: GRID,
        'stroke-width': 1,
      }),
      h(
        'text',
        { x: margin.left - 6, y: at(y(t)) + 4, 'text-anchor': 'end', 'font-size': SMALL, fill: MUTED },
        label(t),
      ),
    ),
  );
}

/** Said in the plot itself when there is nothing to draw, so an empty chart is not mistaken for 0 %. */
export function emptyNote(empty: boolean, top: number, bottom: number): MarkupNode | null {
  return empty
    ? h(
        'text',
        { x: WIDTH / 2, y: at((top + bottom) / 2), 'text-anchor': 'middle', 'font-size': FONT, fill: MUTED },
        'Aucune donnée sur la période',
      )
    : null;
}
