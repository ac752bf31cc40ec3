/** A tiny element helper: el('a', { href: '/', class: 'x', onclick: fn }, 'text', child). */
export type TChild = Node | string | number | null | undefined | false;
type TAttr = string | number | boolean | null | undefined | ((ev: Event) => void);

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, TAttr> | null,
  ...children: (TChild | TChild[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: (TChild | TChild[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replace all children of `parent`. */
export function mount(parent: Element, ...children: (TChild | TChild[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}
