import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  at,
  chartFigure,
  emptyNote,
  fillOf,
  GRID,
  gridLines,
  INK,
  legend,
  longDay,
  MUTED,
  minutes,
  pattern,
  percent,
  shortDay,
  WIDTH,
} from '../../../shared/domain/report/charts/chart-kit';
import {
  h,
  type Markup,
  type MarkupNode,
  renderMarkup,
  textOf,
} from '../../../shared/domain/report/charts/markup';

/** What every report chart shares (shared/domain/report/charts/chart-kit.ts): formats, fills, legend, figure. */
function find(node: Markup, tag: string): MarkupNode[] {
  if (typeof node === 'string') return [];
  return [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => find(child, tag))];
}

describe('chart-kit: French formats', () => {
  it('writes a ratio as a whole percentage with a no-break space, « — » when there is none', () => {
    expect(percent(0.8333)).toBe('83\u00a0%');
    expect(percent(0.835)).toBe('84\u00a0%');
    expect(percent(0)).toBe('0\u00a0%');
    expect(percent(1)).toBe('100\u00a0%');
    expect(percent(null)).toBe('—');
  });

  it('writes minutes under an hour as « N min », from an hour as « H h MM », rounded to the minute', () => {
    expect(minutes(0)).toBe('0\u00a0min');
    expect(minutes(12.4)).toBe('12\u00a0min');
    expect(minutes(59.4)).toBe('59\u00a0min');
    expect(minutes(59.5)).toBe('1\u00a0h\u00a000');
    expect(minutes(60)).toBe('1\u00a0h\u00a000');
    expect(minutes(125)).toBe('2\u00a0h\u00a005');
    expect(minutes(3000)).toBe('50\u00a0h\u00a000');
    expect(minutes(null)).toBe('—');
  });

  it('writes a calendar day short and long, without any zone arithmetic', () => {
    expect(shortDay('2026-12-01')).toBe('1 déc.');
    expect(shortDay('2027-01-31')).toBe('31 janv.');
    expect(shortDay('2026-08-15')).toBe('15 août');
    expect(longDay('2026-12-01')).toBe('1 déc. 2026');
    // A month that does not exist writes the day alone rather than a wrong month.
    expect(shortDay('2026-13-05')).toBe('5');
  });

  it('rounds a coordinate to a tenth', () => {
    expect(at(1.26)).toBe(1.3);
    expect(at(1.24)).toBe(1.2);
    expect(at(-0.06)).toBe(-0.1);
    expect(at(200)).toBe(200);
  });
});

describe('chart-kit: fills that say the same as the colours', () => {
  it('fills solid with the colour itself, and every other kind with its pattern', () => {
    expect(fillOf('p', 'solid', '#123456')).toBe('#123456');
    expect(fillOf('p', 'hatch', '#123456')).toBe('url(#p)');
    expect(pattern('p', 'solid', '#123456')).toBeNull();
  });

  it('draws each pattern as a 6-unit tile of the colour with white marks: hatch, dots, cross', () => {
    const tile = '<rect width="6" height="6" fill="#123456"></rect>';
    expect(renderMarkup(pattern('p', 'hatch', '#123456') as MarkupNode)).toBe(
      `<pattern id="p" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">${tile}<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.5"></line></pattern>`,
    );
    expect(renderMarkup(pattern('p', 'dots', '#123456') as MarkupNode)).toBe(
      `<pattern id="p" patternUnits="userSpaceOnUse" width="6" height="6">${tile}<circle cx="3" cy="3" r="1.4" fill="#ffffff"></circle></pattern>`,
    );
    expect(renderMarkup(pattern('p', 'cross', '#123456') as MarkupNode)).toBe(
      `<pattern id="p" patternUnits="userSpaceOnUse" width="6" height="6">${tile}<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.5"></line><line x1="0" y1="0" x2="6" y2="0" stroke="#ffffff" stroke-width="1.5"></line></pattern>`,
    );
  });
});

describe('chart-kit: legend', () => {
  const swatch = (x: number, y: number) => h('rect', { x, y, width: 20, height: 12 });

  it('lays entries left to right: swatch, its words 26 units on, the next entry after the words and a gap', () => {
    // « ab » is 2 characters: 26 + 2 × 7.2 + 14 = 54.4 units.
    const { node, height } = legend(
      [
        { label: 'ab', swatch },
        { label: 'cde', swatch },
      ],
      5,
    );
    expect(height).toBe(18);
    expect(node.attrs.class).toBe('chart-legend');
    expect(find(node, 'rect').map((r) => [r.attrs.x, r.attrs.y])).toEqual([
      [0, 5],
      [54.4, 5],
    ]);
    expect(find(node, 'text').map((t) => [t.attrs.x, t.attrs.y, textOf(t)])).toEqual([
      [26, 15, 'ab'],
      [80.4, 15, 'cde'],
    ]);
    expect(find(node, 'text')[0]?.attrs.fill).toBe(INK);
  });

  it('wraps an entry that would pass the width to a new row 18 units lower, never leaving a row empty', () => {
    // Each entry: 26 + 10 × 7.2 + 14 = 112 units; four fit in 448 but not in 400.
    const items = ['0123456789', 'abcdefghij', 'ABCDEFGHIJ', 'klmnopqrst'].map((label) => ({
      label,
      swatch,
    }));
    const { node, height } = legend(items, 0);
    expect(find(node, 'rect').map((r) => [r.attrs.x, r.attrs.y])).toEqual([
      [0, 0],
      [112, 0],
      [224, 0],
      [0, 18],
    ]);
    expect(height).toBe(36);
    // An entry wider than the chart stays on the first row rather than leaving it empty.
    const wide = legend([{ label: 'x'.repeat(60), swatch }], 0, 100);
    expect(find(wide.node, 'rect')[0]?.attrs.y).toBe(0);
    expect(wide.height).toBe(18);
    // Exactly the width still fits on the row.
    const exact = legend(
      [
        { label: 'ab', swatch },
        { label: 'ab', swatch },
      ],
      0,
      108.8,
    );
    expect(exact.height).toBe(18);
  });
});

describe('chart-kit: grid and empty note', () => {
  it('draws a grid line across the plot at each tick, its label right-aligned just left of the plot', () => {
    const y = scaleLinear().domain([0, 100]).range([200, 0]);
    const lines = gridLines([0, 50.04], y, { left: 40, right: 10 }, (t) => `${t} %`);
    expect(lines.map((g) => renderMarkup(g))).toEqual([
      `<g><line x1="40" x2="${WIDTH - 10}" y1="200" y2="200" stroke="${GRID}" stroke-width="1"></line><text x="34" y="204" text-anchor="end" font-size="12" fill="${MUTED}">0 %</text></g>`,
      `<g><line x1="40" x2="${WIDTH - 10}" y1="99.9" y2="99.9" stroke="${GRID}" stroke-width="1"></line><text x="34" y="103.9" text-anchor="end" font-size="12" fill="${MUTED}">50.04 %</text></g>`,
    ]);
  });

  it('says « Aucune donnée sur la période » in the middle of the plot when it is empty, nothing otherwise', () => {
    expect(emptyNote(false, 20, 100)).toBeNull();
    const note = emptyNote(true, 20, 101) as MarkupNode;
    expect(renderMarkup(note)).toBe(
      `<text x="200" y="60.5" text-anchor="middle" font-size="13" fill="${MUTED}">Aucune donnée sur la période</text>`,
    );
  });
});

describe('chart-kit: the figure around a chart', () => {
  const input = (overrides: Partial<Parameters<typeof chartFigure>[0]> = {}) => ({
    id: 'c1',
    title: 'Titre',
    description: 'Une description assez longue.',
    height: 120.2,
    defs: [null],
    body: [null, h('rect', { x: 1 })],
    table: { head: ['Jour', 'Total'], rows: [['1 déc.', 3]] },
    ...overrides,
  });

  it('is a captioned SVG image named by its title and description, the whole height in its viewBox', () => {
    const figure = chartFigure(input());
    expect(figure.attrs).toEqual({ class: 'report-chart', id: 'c1' });
    expect(textOf(find(figure, 'figcaption')[0] as MarkupNode)).toBe('Titre');
    const svg = find(figure, 'svg')[0] as MarkupNode;
    expect(svg.attrs.viewBox).toBe('0 0 400 121');
    expect(svg.attrs['aria-labelledby']).toBe('c1-title c1-desc');
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attrs['font-size']).toBe(13);
    expect(renderMarkup(svg.children[0] as MarkupNode)).toBe('<title id="c1-title">Titre</title>');
    expect(renderMarkup(svg.children[1] as MarkupNode)).toBe(
      '<desc id="c1-desc">Une description assez longue.</desc>',
    );
    // No empty <defs>, and the absent body parts leave nothing.
    expect(find(figure, 'defs')).toEqual([]);
    expect(svg.children.map((c) => (typeof c === 'string' ? c : c.tag))).toEqual(['title', 'desc', 'rect']);
  });

  it('keeps the patterns it is given in one <defs>', () => {
    const figure = chartFigure(input({ defs: [pattern('p', 'dots', '#000000'), null] }));
    expect(find(figure, 'defs').map((d) => d.children.length)).toEqual([1]);
  });

  it('puts the figures one click away, first cell a row header unless told otherwise', () => {
    const figure = chartFigure(input());
    const details = find(figure, 'details')[0] as MarkupNode;
    expect(renderMarkup(details)).toBe(
      '<details class="report-chart-figures"><summary>Voir les chiffres</summary><table><caption>Titre</caption><thead><tr><th scope="col">Jour</th><th scope="col">Total</th></tr></thead><tbody><tr><th scope="row">1 déc.</th><td>3</td></tr></tbody></table></details>',
    );
    const plain = chartFigure(input({ table: { head: ['a', 'b'], rows: [['x', 1]], rowHeaders: false } }));
    expect(find(find(plain, 'tbody')[0] as MarkupNode, 'th')).toEqual([]);
    const told = chartFigure(input({ table: { head: ['a', 'b'], rows: [['x', 1]], rowHeaders: true } }));
    expect(find(find(told, 'tbody')[0] as MarkupNode, 'th')).toHaveLength(1);
  });
});
