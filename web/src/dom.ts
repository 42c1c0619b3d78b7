/**
 * A tiny view helper: `h('button', {class: 'primary', onclick}, 'text')` makes real DOM nodes.
 * No virtual DOM: a page builds its nodes once and updates the few that change. Never sets a
 * `style` attribute (the Content-Security-Policy allows no inline styles); classes only.
 * @module
 */

/** What may stand as a child: nodes, text, nothing, or lists of those. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (event: Event) => void;

/** Attributes and event handlers (`on<event>`). `true` sets an empty attribute; false/null skip. */
export type Props = Readonly<
  Record<string, string | number | boolean | null | undefined | Handler | EventListener>
>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/**
 * Creates an element with attributes, `on*` listeners and children.
 * @example h('a', { href: '/deposits', class: 'nav' }, t('nav.deposits'))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'style') {
      throw new Error('inline styles are not allowed (CSP): use a class');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** SVG elements (icons), same rules as {@link h}. */
export function svg(tag: string, props: Record<string, string> = {}, ...children: Node[]): Element {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  for (const c of children) el.appendChild(c);
  return el;
}

/** Replaces the children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A stable unique id for label/control pairs. */
let nextId = 0;
export function uid(prefix = 'f'): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
