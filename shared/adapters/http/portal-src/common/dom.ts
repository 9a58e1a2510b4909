/**
 * Building the DOM without markup: every value goes in as a text node or a property, never through
 * innerHTML, so nothing an email or an API answer holds is ever parsed as HTML by the page.
 */
export type Child = Node | string | null | undefined | false;

type Attributes = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes (false/null/undefined: absent; true: present) and children as text or nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

/** An element of the page that must exist, of the expected type: a missing id is a bug, said at once. */
export function byId<T extends HTMLElement = HTMLElement>(
  id: string,
  type: abstract new () => T = HTMLElement as unknown as abstract new () => T,
): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id} of the expected kind`);
  return node;
}

/** A button that runs `action` on click (or Enter/Space: a real button, so the keyboard works). */
export function button(
  label: string,
  action: (event: MouseEvent) => void,
  attributes: Attributes = {},
): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attributes }, label);
  node.addEventListener('click', action);
  return node;
}

/** Text only a screen reader reads (the visible layout says it another way). */
export function screenReaderOnly(text: string): HTMLSpanElement {
  return el('span', { class: 'sr-only' }, text);
}
