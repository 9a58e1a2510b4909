import { describe, expect, it } from 'vitest';
import {
  firstContactChart,
  type Markup,
  type MarkupNode,
  metPerWeekChart,
  renderMarkup,
  textOf,
  volumePerDayChart,
} from '../../../shared/domain/report/charts/index';
import type { DayVolume, FirstContactPoint, WeekPoint } from '../../../shared/domain/report/report-series';

/**
 * Where the report charts put their marks (docs/reports.md, "Charts"): a coordinate is what the reader
 * sees, so each test states a rule of the drawing (a value on its grid line, a bar as long as its
 * count, a label beside its mark, inside the plot) against the chart's own grid, not a copied number.
 */
function find(node: Markup, tag: string): MarkupNode[] {
  if (typeof node === 'string') return [];
  return [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => find(child, tag))];
}
function byClass(node: Markup, cls: string): MarkupNode[] {
  if (typeof node === 'string') return [];
  return [
    ...(String(node.attrs.class ?? '')
      .split(' ')
      .includes(cls)
      ? [node]
      : []),
    ...node.children.flatMap((child) => byClass(child, cls)),
  ];
}
const num = (node: MarkupNode | undefined, attr: string) => Number(node?.attrs[attr]);
/** The y of the grid line labelled `label` (« 100 % », « 4 »). */
function gridY(figure: MarkupNode, label: string): number {
  const svg = find(figure, 'svg')[0] as MarkupNode;
  const g = svg.children.find(
    (c): c is MarkupNode =>
      typeof c !== 'string' && c.tag === 'g' && find(c, 'line').length === 1 && textOf(c) === label,
  );
  if (!g) throw new Error(`no grid line labelled ${label}`);
  return num(find(g, 'line')[0], 'y1');
}
const gridLabels = (figure: MarkupNode) => {
  const svg = find(figure, 'svg')[0] as MarkupNode;
  return svg.children
    .filter((c): c is MarkupNode => typeof c !== 'string' && c.tag === 'g' && c.attrs.class === undefined)
    .filter((g) => find(g, 'line').length === 1 && find(g, 'text').length === 1)
    .map((g) => textOf(g));
};
const viewHeight = (figure: MarkupNode) =>
  Number(String(find(figure, 'svg')[0]?.attrs.viewBox).split(' ')[3]);
const desc = (figure: MarkupNode) => textOf(find(figure, 'desc')[0] as MarkupNode);

function week(weekStart: string, gtiMetRatio: number | null, gtrMetRatio: number | null): WeekPoint {
  return {
    weekStart,
    received: 1,
    gtiMet: 0,
    gtiBreached: 0,
    gtrMet: 0,
    gtrBreached: 0,
    gtiMetRatio,
    gtrMetRatio,
  };
}
const mondays = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 2 + 7 * i)).toISOString().slice(0, 10));

describe('metPerWeekChart: geometry', () => {
  const WEEKS = () => [
    week('2026-11-30', 1, 0),
    week('2026-12-07', 0.5, null),
    week('2026-12-14', null, 0.25),
  ];

  it('puts each value on the percentage grid: 100 % on its line, 0 % on the baseline, 50 % halfway', () => {
    const chart = metPerWeekChart({ weeks: WEEKS() });
    expect(gridLabels(chart)).toEqual(['0 %', '20 %', '40 %', '60 %', '80 %', '100 %']);
    const top = gridY(chart, '100 %');
    const bottom = gridY(chart, '0 %');
    expect(gridY(chart, '20 %')).toBeCloseTo(bottom - (bottom - top) / 5, 1);
    const gti = find(byClass(chart, 'chart-series-gti')[0] as MarkupNode, 'circle');
    expect(gti.map((c) => num(c, 'cy'))).toEqual([top, (top + bottom) / 2]);
    expect(gti.every((c) => num(c, 'r') === 4)).toBe(true);
    // GTR's squares are 8 wide, centred on the value.
    const gtr = find(byClass(chart, 'chart-series-gtr')[0] as MarkupNode, 'rect');
    expect(gtr.map((r) => num(r, 'y') + 4)).toEqual([bottom, bottom - (bottom - top) / 4]);
    expect(gtr.every((r) => num(r, 'width') === 8 && num(r, 'height') === 8)).toBe(true);
    // The plot is 170 units high from the top of the grid band to the chart's bottom, axis labels below.
    expect(viewHeight(chart)).toBe(bottom + 30);
    expect(bottom - top).toBe(140);
  });

  it('spaces the weeks evenly across the plot, each in the middle of its slot, labels under their points', () => {
    const chart = metPerWeekChart({ weeks: WEEKS() });
    const grid = find(find(chart, 'svg')[0] as MarkupNode, 'line').find((l) => l.attrs.stroke === '#c8c8c8');
    const [left, right] = [num(grid, 'x1'), num(grid, 'x2')];
    expect([left, right]).toEqual([48, 384]);
    const slot = (right - left) / 3;
    const xs = [left + slot / 2, left + 1.5 * slot, left + 2.5 * slot];
    const gti = find(byClass(chart, 'chart-series-gti')[0] as MarkupNode, 'circle');
    expect(gti.map((c) => num(c, 'cx'))).toEqual(xs.slice(0, 2));
    const gtr = find(byClass(chart, 'chart-series-gtr')[0] as MarkupNode, 'rect');
    expect(gtr.map((r) => num(r, 'x') + 4)).toEqual([xs[0], xs[2]]);
    const axis = find(find(chart, 'svg')[0] as MarkupNode, 'text').filter(
      (t) => t.attrs['text-anchor'] === 'middle',
    );
    const bottom = gridY(chart, '0 %');
    const weekLabels = axis.filter((t) => num(t, 'y') === bottom + 16);
    expect(weekLabels.map((t) => [num(t, 'x'), textOf(t)])).toEqual([
      [xs[0], '30 nov.'],
      [xs[1], '7 déc.'],
      [xs[2], '14 déc.'],
    ]);
  });

  it('writes GTI values above their point and GTR values below, always inside the plot', () => {
    const chart = metPerWeekChart({ weeks: WEEKS() });
    const top = gridY(chart, '100 %');
    const bottom = gridY(chart, '0 %');
    const labels = (cls: string) =>
      find(byClass(chart, cls)[0] as MarkupNode, 'text').map((t) => [num(t, 'y'), textOf(t)]);
    const half = (top + bottom) / 2;
    const quarter = bottom - (bottom - top) / 4;
    // 100 %: 9 above would leave the plot, so it stays 10 below its top.
    expect(labels('chart-series-gti')).toEqual([
      [top + 10, '100\u00a0%'],
      [half - 9, '50\u00a0%'],
    ]);
    // 0 %: 18 below would cross the axis labels, so it stays 4 above the baseline.
    expect(labels('chart-series-gtr')).toEqual([
      [bottom - 4, '0\u00a0%'],
      [quarter + 18, '25\u00a0%'],
    ]);
    const gtiLabel = find(byClass(chart, 'chart-series-gti')[0] as MarkupNode, 'text')[0];
    expect(gtiLabel?.attrs).toMatchObject({ 'text-anchor': 'middle', fill: '#1f5fa8', 'font-weight': 600 });
  });

  it('draws each clock as one line that breaks where a week has no decided clock, GTR dashed', () => {
    const chart = metPerWeekChart({ weeks: WEEKS() });
    const path = (cls: string) => find(byClass(chart, cls)[0] as MarkupNode, 'path')[0] as MarkupNode;
    const top = gridY(chart, '100 %');
    const bottom = gridY(chart, '0 %');
    // GTI: weeks 1 and 2, one segment; GTR: weeks 1 and 3, two separate points.
    expect(path('chart-series-gti').attrs.d).toBe(`M104,${top}L216,${(top + bottom) / 2}`);
    expect(String(path('chart-series-gtr').attrs.d).match(/M/g)).toHaveLength(2);
    expect(path('chart-series-gtr').attrs.d).toMatch(
      new RegExp(`^M104,${bottom}Z?M328,${bottom - (bottom - top) / 4}Z?$`),
    );
    expect(path('chart-series-gti').attrs).toMatchObject({
      fill: 'none',
      stroke: '#1f5fa8',
      'stroke-width': 2.5,
    });
    expect(path('chart-series-gti').attrs['stroke-dasharray']).toBeUndefined();
    expect(path('chart-series-gtr').attrs).toMatchObject({ stroke: '#a8420b', 'stroke-dasharray': '6 4' });
  });

  it('shows in the legend a sample of each line with its marker, side by side on one row', () => {
    const chart = metPerWeekChart({ weeks: WEEKS() });
    const key = byClass(chart, 'chart-legend')[0] as MarkupNode;
    expect(find(key, 'text').map(textOf)).toEqual(['GTI tenue (%)', 'GTR tenue (%)']);
    const [gti, gtr] = find(key, 'line');
    // Each sample: a 22-unit line at mid-height of its row, its marker in the middle.
    expect([num(gti, 'x1'), num(gti, 'x2'), num(gti, 'y1'), num(gti, 'y2')]).toEqual([0, 22, 6, 6]);
    expect(gti?.attrs['stroke-dasharray']).toBeUndefined();
    expect(gtr?.attrs).toMatchObject({ stroke: '#a8420b', 'stroke-dasharray': '6 4', 'stroke-width': 2.5 });
    expect(num(gtr, 'x2') - num(gtr, 'x1')).toBe(22);
    const circle = find(key, 'circle')[0];
    expect([num(circle, 'cx'), num(circle, 'cy')]).toEqual([11, 6]);
    const square = find(key, 'rect')[0];
    expect(num(square, 'x') + 4 - num(gtr, 'x1')).toBeCloseTo(11, 5);
    expect(num(square, 'y') + 4).toBe(6);
    // The plot starts 14 units under the legend's row.
    expect(gridY(chart, '100 %')).toBe(18 + 14);
  });

  it('labels every point up to 8 weeks, none beyond; names at most about 6 weeks on the axis', () => {
    const bottomLabels = (chart: MarkupNode) => {
      const bottom = gridY(chart, '0 %');
      return find(find(chart, 'svg')[0] as MarkupNode, 'text')
        .filter((t) => num(t, 'y') === bottom + 16)
        .map(textOf);
    };
    const values = (chart: MarkupNode) =>
      find(byClass(chart, 'chart-series-gti')[0] as MarkupNode, 'text').length;
    const eight = metPerWeekChart({ weeks: mondays(8).map((d) => week(d, 0.5, 0.5)) });
    expect(values(eight)).toBe(8);
    expect(bottomLabels(eight)).toHaveLength(4);
    const nine = metPerWeekChart({ weeks: mondays(9).map((d) => week(d, 0.5, 0.5)) });
    expect(values(nine)).toBe(0);
    expect(find(byClass(nine, 'chart-series-gti')[0] as MarkupNode, 'circle')).toHaveLength(9);
    const six = metPerWeekChart({ weeks: mondays(6).map((d) => week(d, 0.5, 0.5)) });
    expect(bottomLabels(six)).toHaveLength(6);
    const seven = metPerWeekChart({ weeks: mondays(7).map((d) => week(d, 0.5, 0.5)) });
    expect(bottomLabels(seven)).toEqual(['2 nov.', '16 nov.', '30 nov.', '14 déc.']);
    expect(bottomLabels(metPerWeekChart({ weeks: mondays(13).map((d) => week(d, 1, 1)) }))).toHaveLength(5);
  });

  it('describes each week in words, or says that no clock was decided', () => {
    expect(desc(metPerWeekChart({ weeks: WEEKS() }))).toBe(
      'Par semaine, part des engagements tenus. semaine du 30 nov. : GTI 100\u00a0%, GTR 0\u00a0% ; semaine du 7 déc. : GTI 50\u00a0%, GTR — ; semaine du 14 déc. : GTI —, GTR 25\u00a0%.',
    );
    const none = metPerWeekChart({ weeks: [week('2026-11-30', null, null)] });
    expect(desc(none)).toBe(
      'Par semaine, part des engagements tenus. Aucun engagement décidé sur la période..',
    );
    expect(textOf(none)).toContain('Aucune donnée sur la période');
    // One clock decided is enough to draw.
    const gtrOnly = metPerWeekChart({ weeks: [week('2026-11-30', null, 0.5)] });
    expect(textOf(gtrOnly)).not.toContain('Aucune donnée');
    expect(desc(gtrOnly)).toContain('GTI —, GTR 50\u00a0%');
    const gtiOnly = metPerWeekChart({ weeks: [week('2026-11-30', 0.5, null)] });
    expect(textOf(gtiOnly)).not.toContain('Aucune donnée');
  });

  it('names its ids after the prefix it is given, « chart » by default', () => {
    expect(metPerWeekChart({ weeks: WEEKS() }).attrs.id).toBe('chart-met-per-week');
    expect(metPerWeekChart({ weeks: WEEKS() }, { idPrefix: 'x' }).attrs.id).toBe('x-met-per-week');
    expect(renderMarkup(metPerWeekChart({ weeks: WEEKS() }))).toContain(
      'aria-labelledby="chart-met-per-week-title',
    );
  });
});

function day(date: string, byDesk: Record<string, number>): DayVolume {
  return { day: date, byDesk, total: Object.values(byDesk).reduce((a, b) => a + b, 0) };
}
const DESKS = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Bravo' },
  { id: 'c', name: 'Charlie' },
  { id: 'd', name: 'Delta' },
  { id: 'e', name: 'Echo' },
];
const calendarDays = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10));

describe('volumePerDayChart: geometry', () => {
  const DAYS = () => [day('2026-12-01', { a: 2, b: 1 }), day('2026-12-02', {}), day('2026-12-03', { b: 4 })];

  it('stacks each desk on the one before, each segment as tall as its count on the count grid', () => {
    const chart = volumePerDayChart({ days: DAYS(), desks: DESKS.slice(0, 2) });
    expect(gridLabels(chart)).toEqual(['0', '1', '2', '3', '4']);
    const zero = gridY(chart, '0');
    const unit = zero - gridY(chart, '1');
    expect(unit).toBe(35);
    const [first, , third] = byClass(chart, 'chart-day').map((g) => find(g, 'rect'));
    // Day 1: Alpha 2 from the baseline, Bravo 1 on top of it.
    expect(first?.map((r) => [num(r, 'y'), num(r, 'height'), r.attrs.fill])).toEqual([
      [zero - 2 * unit, 2 * unit, '#1f5fa8'],
      [zero - 3 * unit, unit, 'url(#chart-volume-per-day-fill-1)'],
    ]);
    // Day 3: Bravo alone, from the baseline.
    expect(third?.map((r) => [num(r, 'y'), num(r, 'height')])).toEqual([[zero - 4 * unit, 4 * unit]]);
    expect(first?.map((r) => [r.attrs.stroke, r.attrs['stroke-width']])).toEqual([
      ['#1f5fa8', 0.75],
      ['#a8420b', 0.75],
    ]);
    // The baseline is drawn at 0 across the plot.
    const baseline = find(find(chart, 'svg')[0] as MarkupNode, 'line').filter(
      (l) => l.attrs.stroke === '#1a1a1a',
    );
    expect(baseline.map((l) => [num(l, 'x1'), num(l, 'x2'), num(l, 'y1'), num(l, 'y2')])).toEqual([
      [34, 390, zero, zero],
    ]);
    expect(viewHeight(chart)).toBe(zero + 30);
  });

  it('gives each day a band of the same width, in order across the plot, its total above and its day below', () => {
    const chart = volumePerDayChart({ days: DAYS(), desks: DESKS.slice(0, 2) });
    const zero = gridY(chart, '0');
    const unit = zero - gridY(chart, '1');
    const days = byClass(chart, 'chart-day');
    const bars = days.map((g) => find(g, 'rect')[0]);
    const [a, c] = [bars[0], bars[2]];
    expect(num(a, 'width')).toBe(num(c, 'width'));
    // Three bands, inner padding a quarter of a step, outer a tenth: step = 356 / (3 − 0.25 + 0.2).
    const step = 356 / 2.95;
    expect(num(a, 'x')).toBeCloseTo(34 + 0.1 * step, 0);
    expect(num(c, 'x') - num(a, 'x')).toBeCloseTo(2 * step, 0);
    expect(num(a, 'width')).toBeCloseTo(0.75 * step, 0);
    const texts = days.map((g) => find(g, 'text').map((t) => [num(t, 'x'), num(t, 'y'), textOf(t)]));
    const middle = num(a, 'x') + num(a, 'width') / 2;
    expect(texts[0]).toEqual([
      [expect.closeTo(middle, 0), zero - 3 * unit - 4, '3'],
      [expect.closeTo(middle, 0), zero + 16, '1 déc.'],
    ]);
    // A day with nothing received has no total written, only its day.
    expect(texts[1]?.map((t) => t[2])).toEqual(['2 déc.']);
  });

  it('scales to the busiest day with round ticks, and to 1 when nothing was received', () => {
    const busy = volumePerDayChart({ days: [day('2026-12-01', { a: 7 })], desks: DESKS.slice(0, 1) });
    expect(gridLabels(busy)).toEqual(['0', '2', '4', '6', '8']);
    const empty = volumePerDayChart({ days: [day('2026-12-01', {})], desks: DESKS.slice(0, 1) });
    expect(gridLabels(empty)).toEqual(['0', '1']);
    expect(textOf(empty)).toContain('Aucune donnée sur la période');
    expect(desc(empty)).toBe('Aucun ticket reçu sur la période.');
  });

  it('gives each desk its colour and fill, in configuration order, patterns going round after four', () => {
    const days = [day('2026-12-01', { a: 1, b: 1, c: 1, d: 1, e: 1 })];
    const chart = volumePerDayChart({ days, desks: DESKS });
    const fills = find(byClass(chart, 'chart-day')[0] as MarkupNode, 'rect').map((r) => [
      r.attrs.fill,
      r.attrs.stroke,
    ]);
    expect(fills).toEqual([
      ['#1f5fa8', '#1f5fa8'],
      ['url(#chart-volume-per-day-fill-1)', '#a8420b'],
      ['url(#chart-volume-per-day-fill-2)', '#2e6b30'],
      ['url(#chart-volume-per-day-fill-3)', '#6a3d9a'],
      ['#1f5fa8', '#1f5fa8'],
    ]);
    const patterns = find(chart, 'pattern');
    expect(
      patterns.map((p) => [p.attrs.id, p.attrs.patternTransform ?? null, find(p, 'circle').length]),
    ).toEqual([
      ['chart-volume-per-day-fill-1', 'rotate(45)', 0],
      ['chart-volume-per-day-fill-2', null, 1],
      ['chart-volume-per-day-fill-3', null, 0],
    ]);
    // The legend shows the same fill and colour for each desk, as a 20 × 12 swatch.
    const swatches = find(byClass(chart, 'chart-legend')[0] as MarkupNode, 'rect');
    expect(swatches.map((r) => [r.attrs.fill, r.attrs.stroke, r.attrs.width, r.attrs.height])).toEqual(
      fills.map(([fill, stroke]) => [fill, stroke, 20, 12]),
    );
    expect(find(byClass(chart, 'chart-legend')[0] as MarkupNode, 'text').map(textOf)).toEqual(
      DESKS.map((d) => d.name),
    );
  });

  it('leaves 18 units between the legend and the plot, however many rows the legend takes', () => {
    const one = volumePerDayChart({ days: DAYS(), desks: DESKS.slice(0, 2) });
    const two = volumePerDayChart({
      days: DAYS(),
      desks: DESKS.map((d) => ({ ...d, name: `${d.name} — centre de services` })),
    });
    const top = (chart: MarkupNode) => gridY(chart, '4');
    expect(top(one)).toBe(18 + 18);
    expect(top(two) - top(one)).toBe(viewHeight(two) - viewHeight(one));
    expect(top(two) - top(one)).toBeGreaterThanOrEqual(18);
  });

  it('writes totals up to 16 days, not beyond; names about 7 days on the axis', () => {
    const chartOf = (n: number) =>
      volumePerDayChart({ days: calendarDays(n).map((d) => day(d, { a: 1 })), desks: DESKS.slice(0, 1) });
    const labels = (chart: MarkupNode) => {
      const zero = gridY(chart, '0');
      return find(chart, 'text')
        .filter((t) => num(t, 'y') === zero + 16)
        .map(textOf);
    };
    const totals = (chart: MarkupNode) =>
      byClass(chart, 'chart-day')
        .flatMap((g) => find(g, 'text'))
        .filter((t) => textOf(t) === '1').length;
    expect(totals(chartOf(16))).toBe(16);
    expect(totals(chartOf(17))).toBe(0);
    expect(labels(chartOf(7))).toHaveLength(7);
    expect(labels(chartOf(8))).toEqual(['1 déc.', '3 déc.', '5 déc.', '7 déc.']);
    expect(labels(chartOf(31))).toHaveLength(7);
  });

  it('keeps the last day of a 31-day month inside the drawing, moved in no further than needed', () => {
    const chart = volumePerDayChart({
      days: calendarDays(31).map((d) => day(d, { a: 1 })),
      desks: DESKS.slice(0, 1),
    });
    const zero = gridY(chart, '0');
    const dayLabels = find(chart, 'text').filter((t) => num(t, 'y') === zero + 16);
    const last = dayLabels.at(-1) as MarkupNode;
    expect(textOf(last)).toBe('31 déc.');
    // 7 characters at 0.6 em of 12 units: 25.2 either side of its x, which ends on the 400-wide drawing's edge.
    expect(num(last, 'x') + 25.2).toBeCloseTo(400, 1);
    const lastBar = find(byClass(chart, 'chart-day').at(-1) as MarkupNode, 'rect')[0];
    expect(num(last, 'x')).toBeLessThan(num(lastBar, 'x') + num(lastBar, 'width') / 2);
    // The first label, far from either edge, stays centred under its bar.
    const firstBar = find(byClass(chart, 'chart-day')[0] as MarkupNode, 'rect')[0];
    expect(num(dayLabels[0], 'x')).toBeCloseTo(num(firstBar, 'x') + num(firstBar, 'width') / 2, 1);
  });

  it('narrows the gap between bars beyond 20 days', () => {
    const ratio = (n: number) => {
      const chart = volumePerDayChart({
        days: calendarDays(n).map((d) => day(d, { a: 1 })),
        desks: DESKS.slice(0, 1),
      });
      const [a, b] = byClass(chart, 'chart-day').map((g) => find(g, 'rect')[0]);
      return num(a, 'width') / (num(b, 'x') - num(a, 'x'));
    };
    expect(ratio(20)).toBeCloseTo(0.75, 1);
    expect(ratio(21)).toBeCloseTo(0.85, 1);
  });

  it('describes the total, each desk and the busiest day (the first of equals)', () => {
    const days = [
      day('2026-12-01', { a: 2, b: 1 }),
      day('2026-12-02', { b: 3 }),
      day('2026-12-03', { a: 1 }),
    ];
    expect(desc(volumePerDayChart({ days, desks: DESKS.slice(0, 2) }))).toBe(
      '7 tickets reçus en 3 jours (Alpha 3, Bravo 4) ; le plus chargé : 1 déc. 2026, 3 tickets.',
    );
    // A desk missing from a day counts 0 there, in the words and in the table.
    const chart = volumePerDayChart({ days: [day('2026-12-01', { a: 1 })], desks: DESKS.slice(0, 2) });
    expect(desc(chart)).toContain('(Alpha 1, Bravo 0)');
    const rows = find(find(chart, 'tbody')[0] as MarkupNode, 'tr').map((tr) => tr.children.map(textOf));
    expect(rows).toEqual([['1 déc. 2026', '1', '0', '1']]);
    expect(find(find(chart, 'thead')[0] as MarkupNode, 'th').map(textOf)).toEqual([
      'Jour',
      'Alpha',
      'Bravo',
      'Total',
    ]);
  });
});

function point(
  priority: FirstContactPoint['priority'],
  targetMinutes: number,
  median: number | null,
  p90: number | null,
): FirstContactPoint {
  return { priority, targetMinutes, median, p90, contacts: 0, gtiMet: 0, gtiBreached: 0 };
}

describe('firstContactChart: geometry', () => {
  const POINTS = () => [
    point('haute', 30, 15, 60),
    point('critique', 15, 20, 20),
    point('normale', 60, null, null),
  ];
  const rowOf = (chart: MarkupNode, level: string) =>
    byClass(chart, `chart-priority-${level}`)[0] as MarkupNode;
  const target = (row: MarkupNode) =>
    find(row, 'line').find((l) => l.attrs['stroke-dasharray'] === '4 3') as MarkupNode;
  const bars = (row: MarkupNode) => find(row, 'rect');

  it('draws a row per priority given, most urgent first, 50 units apart', () => {
    const chart = firstContactChart({ firstContact: POINTS() });
    const rows = byClass(chart, 'chart-priority');
    expect(rows.map((r) => find(r, 'text').map(textOf)[0])).toEqual(['Critique', 'Haute', 'Normale']);
    const ys = rows.map((r) => num(find(r, 'text')[0], 'y'));
    expect([ys[1]! - ys[0]!, ys[2]! - ys[1]!]).toEqual([50, 50]);
    // Each row is closed by a rule across the chart, 4 units above the next row.
    const rules = rows.map((r) => find(r, 'line')[0] as MarkupNode);
    expect(rules.map((l) => [num(l, 'x1'), num(l, 'x2'), num(l, 'y1') - num(l, 'y2')])).toEqual([
      [0, 400, 0],
      [0, 400, 0],
      [0, 400, 0],
    ]);
    expect(num(rules[0], 'y1')).toBe(ys[0]! - 16 + 46);
    // Name, then target, in the label column.
    expect(
      find(rows[0] as MarkupNode, 'text')
        .map((t) => [num(t, 'x'), num(t, 'y') - ys[0]!, textOf(t)])
        .slice(0, 2),
    ).toEqual([
      [0, 0, 'Critique'],
      [0, 16, 'cible 15\u00a0min'],
    ]);
    // The chart ends 2 units below the last row.
    expect(viewHeight(chart)).toBe(Math.ceil(ys[2]! - 16 + 52));
  });

  it('scales each row to its own target or its longest bar, with a tenth to spare, from the label column', () => {
    const chart = firstContactChart({ firstContact: POINTS() });
    // Haute: p90 60 > target 30: the scale runs to 66 over the plot [96, 308].
    const haute = rowOf(chart, 'haute');
    const unit = (308 - 96) / 66;
    expect(bars(haute).map((r) => [num(r, 'x'), num(r, 'width')])).toEqual([
      [96, expect.closeTo(15 * unit, 1)],
      [96, expect.closeTo(60 * unit, 1)],
    ]);
    expect(num(target(haute), 'x1')).toBeCloseTo(96 + 30 * unit, 1);
    expect(num(target(haute), 'x2')).toBe(num(target(haute), 'x1'));
    // Critique: median 20 > target 15: the scale runs to 22.
    const critique = rowOf(chart, 'critique');
    expect(num(bars(critique)[0], 'width')).toBeCloseTo((20 * (308 - 96)) / 22, 1);
    expect(num(target(critique), 'x1')).toBeCloseTo(96 + (15 * (308 - 96)) / 22, 1);
    // Normale: nothing measured: the target alone sets the scale.
    expect(num(target(rowOf(chart, 'normale')), 'x1')).toBeCloseTo(96 + (308 - 96) / 1.1, 1);
  });

  it('puts the median bar above the hatched p90 bar, each 13 high, the target line across both', () => {
    const chart = firstContactChart({ firstContact: POINTS() });
    const haute = rowOf(chart, 'haute');
    const rowTop = num(find(haute, 'text')[0], 'y') - 16;
    expect(bars(haute).map((r) => [num(r, 'y') - rowTop, num(r, 'height'), r.attrs.fill])).toEqual([
      [6, 13, '#1f5fa8'],
      [23, 13, 'url(#chart-first-contact-p90)'],
    ]);
    expect([num(target(haute), 'y1') - rowTop, num(target(haute), 'y2') - rowTop]).toEqual([1, 41]);
    expect(target(haute).attrs).toMatchObject({ stroke: '#1a1a1a', 'stroke-width': 2 });
    // The values beside the plot, level with their bars.
    const values = find(haute, 'text').filter((t) => num(t, 'x') === 308 + 6);
    expect(values.map((t) => [num(t, 'y') - rowTop, textOf(t)])).toEqual([
      [17, 'méd. : 15\u00a0min'],
      [34, '90e : 1\u00a0h\u00a000'],
    ]);
  });

  it('draws a bar at least 1 unit long, so a 0-minute contact is still seen', () => {
    const chart = firstContactChart({ firstContact: [point('haute', 30, 0, 0)] });
    expect(bars(rowOf(chart, 'haute')).map((r) => num(r, 'width'))).toEqual([1, 1]);
  });

  it('says « aucun contact » in the plot and draws no bar nor value when there is none', () => {
    const chart = firstContactChart({ firstContact: POINTS() });
    const normale = rowOf(chart, 'normale');
    expect(bars(normale)).toEqual([]);
    const rowTop = num(find(normale, 'text')[0], 'y') - 16;
    const note = find(normale, 'text').find((t) => textOf(t) === 'aucun contact');
    expect([num(note, 'x'), num(note, 'y') - rowTop]).toEqual([96, 24]);
    expect(find(normale, 'text').map(textOf)).toEqual(['Normale', 'cible 1\u00a0h\u00a000', 'aucun contact']);
    // A median without a p90 draws its one bar and value.
    const lone = rowOf(firstContactChart({ firstContact: [point('haute', 30, 10, null)] }), 'haute');
    expect(bars(lone)).toHaveLength(1);
    expect(find(lone, 'text').map(textOf)).toEqual(['Haute', 'cible 30\u00a0min', 'méd. : 10\u00a0min']);
  });

  it('describes each priority against its target, and defines its hatch once', () => {
    const chart = firstContactChart({ firstContact: POINTS() });
    expect(desc(chart)).toBe(
      'En heures ouvrées du contrat. Critique (cible 15\u00a0min) : médiane 20\u00a0min, 90e centile 20\u00a0min ; Haute (cible 30\u00a0min) : médiane 15\u00a0min, 90e centile 1\u00a0h\u00a000 ; Normale (cible 1\u00a0h\u00a000) : aucun contact.',
    );
    expect(find(chart, 'pattern').map((p) => p.attrs.id)).toEqual(['chart-first-contact-p90']);
    const key = byClass(chart, 'chart-legend')[0] as MarkupNode;
    expect(find(key, 'text').map(textOf)).toEqual(['médiane', '90e centile', 'cible GTI']);
    expect(find(key, 'rect').map((r) => r.attrs.fill)).toEqual(['#1f5fa8', 'url(#chart-first-contact-p90)']);
    const sample = find(key, 'line')[0];
    expect([num(sample, 'x1'), num(sample, 'x2'), num(sample, 'y2') - num(sample, 'y1')]).toEqual([
      num(sample, 'x1'),
      num(sample, 'x1'),
      16,
    ]);
  });
});

describe('the figures behind the charts: column heads', () => {
  it('names every column of the weekly and first-contact tables', () => {
    const head = (figure: MarkupNode) => find(find(figure, 'thead')[0] as MarkupNode, 'th').map(textOf);
    expect(head(metPerWeekChart({ weeks: [week('2026-11-30', 1, 1)] }))).toEqual([
      'Semaine du',
      'Reçus',
      'GTI tenue',
      'GTI dépassée',
      '% GTI',
      'GTR tenue',
      'GTR dépassée',
      '% GTR',
    ]);
    expect(head(firstContactChart({ firstContact: [point('haute', 30, 10, 20)] }))).toEqual([
      'Priorité',
      'Cible GTI',
      'Médiane',
      '90e centile',
      'Contacts',
      'GTI tenue',
      'GTI dépassée',
    ]);
  });
});
