import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ChartLabels,
  FRENCH_PRIORITIES,
  firstContactChart,
  h,
  type Markup,
  type MarkupNode,
  metPerWeekChart,
  type ReportChart,
  renderMarkup,
  reportCharts,
  textOf,
  volumePerDayChart,
} from '../../../shared/domain/report/charts/index';
import type { ReportSeries } from '../../../shared/domain/report/report-series';

const SERIES: ReportSeries = {
  zone: 'Indian/Reunion',
  desks: [
    { id: 'reunion', name: 'La Réunion' },
    { id: 'martinique', name: '<script>alert("x")</script> & Cie' },
  ],
  weeks: [
    {
      weekStart: '2026-11-30',
      received: 6,
      gtiMet: 5,
      gtiBreached: 1,
      gtrMet: 3,
      gtrBreached: 2,
      gtiMetRatio: 0.8333,
      gtrMetRatio: 0.6,
    },
    {
      weekStart: '2026-12-07',
      received: 0,
      gtiMet: 0,
      gtiBreached: 0,
      gtrMet: 0,
      gtrBreached: 0,
      gtiMetRatio: null,
      gtrMetRatio: null,
    },
  ],
  days: [
    { day: '2026-11-30', byDesk: { reunion: 2, martinique: 1 }, total: 3 },
    { day: '2026-12-01', byDesk: { reunion: 0, martinique: 0 }, total: 0 },
  ],
  firstContact: [
    {
      priority: 'normale',
      targetMinutes: 60,
      median: null,
      p90: null,
      contacts: 0,
      gtiMet: 0,
      gtiBreached: 0,
    },
    { priority: 'moyenne', targetMinutes: 45, median: 20, p90: 50, contacts: 3, gtiMet: 2, gtiBreached: 1 },
    { priority: 'haute', targetMinutes: 30, median: 15, p90: 140, contacts: 4, gtiMet: 3, gtiBreached: 1 },
    { priority: 'critique', targetMinutes: 15, median: 5, p90: 10, contacts: 2, gtiMet: 2, gtiBreached: 0 },
  ],
};

function find(node: Markup, tag: string): MarkupNode[] {
  if (typeof node === 'string') return [];
  return [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => find(child, tag))];
}

function tableRows(figure: MarkupNode): string[][] {
  return find(find(figure, 'tbody')[0] as MarkupNode, 'tr').map((tr) => tr.children.map(textOf));
}

describe('Module: report charts', () => {
  // Built before each test, not when the file is collected: a mutant is switched on only while tests run.
  let charts: ReportChart[];
  beforeEach(() => {
    charts = reportCharts(SERIES, { idPrefix: 'r1' });
  });

  it('draws the three charts of issue 18 as accessible SVG figures with their figures one click away', () => {
    expect(charts.map((c) => c.id)).toEqual(['met-per-week', 'volume-per-day', 'first-contact']);
    for (const { figure, title } of charts) {
      expect(figure.tag).toBe('figure');
      const [svg] = find(figure, 'svg');
      expect(svg?.attrs.role).toBe('img');
      // Scales with its container: a viewBox, no fixed width or height.
      expect(svg?.attrs.viewBox).toMatch(/^0 0 400 \d+$/);
      expect(svg?.attrs.width).toBeUndefined();
      expect(svg?.attrs.height).toBeUndefined();
      const [titleId, descId] = String(svg?.attrs['aria-labelledby']).split(' ');
      expect(find(figure, 'title')[0]?.attrs.id).toBe(titleId);
      expect(textOf(find(figure, 'title')[0] as MarkupNode)).toBe(title);
      expect(textOf(find(figure, 'desc')[0] as MarkupNode).length).toBeGreaterThan(20);
      expect(find(figure, 'desc')[0]?.attrs.id).toBe(descId);
      expect(textOf(find(figure, 'summary')[0] as MarkupNode)).toBe('Voir les chiffres');
      expect(find(figure, 'table')).toHaveLength(1);
      // Ids are prefixed: two reports on one page do not share pattern or title ids.
      expect(String(figure.attrs.id)).toMatch(/^r1-/);
    }
  });

  it('lists the weekly figures, « — » for a week with no decided clock, and breaks the line there', () => {
    const weekly = charts[0]?.figure as MarkupNode;
    expect(tableRows(weekly)).toEqual([
      ['30 nov. 2026', '6', '5', '1', '83\u00a0%', '3', '2', '60\u00a0%'],
      ['7 déc. 2026', '0', '0', '0', '—', '0', '0', '—'],
    ]);
    // One point per decided week and clock, each labelled with its value.
    expect(find(weekly, 'circle')).toHaveLength(1 + 1); // GTI's point + its legend sample
    expect(textOf(weekly)).toContain('83\u00a0%');
    expect(textOf(find(weekly, 'desc')[0] as MarkupNode)).toContain('semaine du 7 déc. : GTI —, GTR —');
  });

  it('stacks the volume per desk with a pattern per desk (not colour alone), totals per day', () => {
    const volume = charts[1]?.figure as MarkupNode;
    expect(tableRows(volume)).toEqual([
      ['30 nov. 2026', '2', '1', '3'],
      ['1 déc. 2026', '0', '0', '0'],
    ]);
    const patterns = find(volume, 'pattern');
    expect(patterns.map((p) => p.attrs.id)).toEqual(['r1-volume-per-day-fill-1']);
    const fills = find(volume, 'rect').map((r) => r.attrs.fill);
    expect(fills).toContain('url(#r1-volume-per-day-fill-1)');
  });

  it('sets each priority against its target, most urgent first, « aucun contact » when none', () => {
    const first = charts[2]?.figure as MarkupNode;
    expect(tableRows(first)).toEqual([
      ['Critique', '15\u00a0min', '5\u00a0min', '10\u00a0min', '2', '2', '0'],
      ['Haute', '30\u00a0min', '15\u00a0min', '2\u00a0h\u00a020', '4', '3', '1'],
      ['Moyenne', '45\u00a0min', '20\u00a0min', '50\u00a0min', '3', '2', '1'],
      ['Normale', '1\u00a0h\u00a000', '—', '—', '0', '0', '0'],
    ]);
    expect(textOf(first)).toContain('aucun contact');
    // The labels a view passes (typed against the priorities) replace the French defaults.
    const labels: ChartLabels = { priority: { critique: 'P1', haute: 'P2', moyenne: 'P3', normale: 'P4' } };
    expect(tableRows(firstContactChart(SERIES, { labels })).map((r) => r[0])).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
    ]);
    expect(tableRows(first).map((r) => r[0])).toEqual(
      ['critique', 'haute', 'moyenne', 'normale'].map(
        (l) => FRENCH_PRIORITIES[l as keyof typeof FRENCH_PRIORITIES],
      ),
    );
  });

  it('escapes every text as HTML: a hostile desk name stays text', () => {
    const html = renderMarkup(volumePerDayChart(SERIES));
    expect(html).not.toContain('<script');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie'.replace(/&quot;/g, '"'),
    );
    expect(renderMarkup(h('text', { 'aria-label': 'a"b<c' }, 'x<y'))).toBe(
      '<text aria-label="a&quot;b&lt;c">x&lt;y</text>',
    );
  });

  it('never writes a style attribute or an event handler (strict CSP), nor a non-finite number', () => {
    for (const { figure } of charts) expect(renderMarkup(figure)).not.toMatch(/\sstyle=|\son\w+=/i);
    expect(() => h('rect', { style: 'fill:red' })).toThrow(/not allowed/);
    expect(() => h('rect', { onclick: 'x()' })).toThrow(/not allowed/);
    expect(() => h('rect', { width: Number.NaN })).toThrow(/finite/);
  });

  it('says so in the plot when there is nothing to draw', () => {
    const empty: ReportSeries = {
      ...SERIES,
      weeks: [{ ...(SERIES.weeks[1] as ReportSeries['weeks'][number]) }],
      days: [{ day: '2026-12-01', byDesk: {}, total: 0 }],
    };
    expect(textOf(metPerWeekChart(empty))).toContain('Aucune donnée sur la période');
    expect(textOf(volumePerDayChart(empty))).toContain('Aucune donnée sur la période');
  });
});
