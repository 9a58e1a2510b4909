import { describe, expect, it } from 'vitest';
import { h, renderMarkup, textOf } from '../../../shared/domain/report/charts/markup';

/**
 * The charts' markup tree (shared/domain/report/charts/markup.ts): whatever a chart is given (a desk
 * name, a client's words), it cannot write a style, a handler or a tag of its own.
 */
describe('markup: what an element may carry', () => {
  it.each(['style', 'STYLE', 'Style', 'onclick', 'ONLOAD', 'onmouseover'])(
    'refuses the attribute %j',
    (name) => {
      expect(() => h('rect', { [name]: 'x' })).toThrow(
        `attribute "${name}" is not allowed in chart markup (no style, no handler)`,
      );
    },
  );

  it.each(['x y', '1a', '-a', 'a"b', 'a=b', 'a:b:c', 'a:', '', 'é'])(
    'refuses a malformed attribute name %j',
    (name) => {
      expect(() => h('rect', { [name]: 'x' })).toThrow(/is not allowed/);
    },
  );

  it('takes names with digits, dashes, a namespace prefix, and names that merely contain « on » or « style »', () => {
    const node = h('text', {
      'font-size': 12,
      x1: 0,
      'xml:lang': 'fr',
      'text-anchor': 'end',
      'data-style': 'a',
    });
    expect(Object.keys(node.attrs)).toEqual(['font-size', 'x1', 'xml:lang', 'text-anchor', 'data-style']);
  });

  it('refuses a number that is not finite, naming the attribute and the element', () => {
    expect(() => h('rect', { width: Number.POSITIVE_INFINITY })).toThrow(
      'attribute "width" of <rect> is not a finite number',
    );
    expect(() => h('circle', { r: Number.NaN })).toThrow('attribute "r" of <circle> is not a finite number');
  });

  it('leaves out attributes without a value and children that are absent, keeps 0 and the empty string', () => {
    const node = h('g', { a: null, b: undefined, c: 0, d: '' }, null, undefined, false, '', 'x', h('rect'));
    expect(node.attrs).toEqual({ c: 0, d: '' });
    expect(node.children).toEqual(['', 'x', { tag: 'rect', attrs: {}, children: [] }]);
  });
});

describe('markup: rendering', () => {
  it('escapes text and attribute values, quotes and apostrophes included in attributes', () => {
    expect(renderMarkup(h('text', { 'aria-label': `a&b"c'd<e>f` }, `x & y < z > w "q" 'r'`))).toBe(
      `<text aria-label="a&amp;b&quot;c&#39;d&lt;e&gt;f">x &amp; y &lt; z &gt; w "q" 'r'</text>`,
    );
    expect(renderMarkup('a<b')).toBe('a&lt;b');
    expect(renderMarkup(h('g', {}, h('rect', { x: 1.5 }), 'ok'))).toBe('<g><rect x="1.5"></rect>ok</g>');
  });

  it('gives all the text of a tree, in order', () => {
    expect(textOf(h('p', {}, 'a', h('span', {}, 'b', h('span', {}, 'c')), 'd'))).toBe('abcd');
    expect(textOf('plain')).toBe('plain');
  });
});
