import type { Markup } from '../../../../domain/report/charts/markup';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * DOM nodes from the charts' markup tree (shared/domain/report/charts/): elements made one by one
 * (createElementNS inside an `<svg>`), attributes set one by one, text as text nodes. Nothing is parsed
 * as markup, as everywhere in the portals (common/dom.ts).
 */
export function markupToDom(node: Markup, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const element = svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    // The namespace comes from createElementNS; an xmlns attribute is for the serialised form only.
    if (name === 'xmlns') continue;
    element.setAttribute(name, String(value));
  }
  for (const child of node.children) element.append(markupToDom(child, svg));
  return element;
}
