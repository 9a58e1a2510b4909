/**
 * A small tree of HTML and SVG elements, the charts' output. The server serialises it to a string
 * (`renderMarkup`: every text and attribute value escaped); the browser builds DOM nodes from it with
 * createElement/createElementNS and text nodes (portal-src/common/markup-dom.ts), so the portals never
 * parse markup. No `style` attribute and no event handler can be written (a strict CSP, and nothing
 * that runs): the constructor refuses them.
 */
export type MarkupTag =
  | 'figure'
  | 'figcaption'
  | 'details'
  | 'summary'
  | 'table'
  | 'caption'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'p'
  | 'span'
  | 'svg'
  | 'title'
  | 'desc'
  | 'defs'
  | 'pattern'
  | 'g'
  | 'rect'
  | 'line'
  | 'path'
  | 'circle'
  | 'text';

export type Markup = MarkupNode | string;

export type MarkupNode = {
  tag: MarkupTag;
  attrs: Readonly<Record<string, string | number>>;
  children: readonly Markup[];
};

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$/i;

/** An element; attributes whose value is null or undefined are left out. */
export function h(
  tag: MarkupTag,
  attrs: Record<string, string | number | null | undefined> = {},
  ...children: Array<Markup | null | undefined | false>
): MarkupNode {
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!ATTRIBUTE_NAME.test(name) || name.toLowerCase() === 'style' || /^on/i.test(name))
      throw new Error(`attribute "${name}" is not allowed in chart markup (no style, no handler)`);
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error(`attribute "${name}" of <${tag}> is not a finite number`);
    kept[name] = value;
  }
  return {
    tag,
    attrs: kept,
    children: children.filter((c): c is Markup => c !== null && c !== undefined && c !== false),
  };
}

/** The markup as HTML text (SVG inline in HTML5): text and attribute values escaped. */
export function renderMarkup(node: Markup): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
  return `<${node.tag}${attrs}>${node.children.map(renderMarkup).join('')}</${node.tag}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** All the text of a tree (tests, and a chart's text alternative). */
export function textOf(node: Markup): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
