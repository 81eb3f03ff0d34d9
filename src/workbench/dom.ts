// A tiny element builder: every string becomes a text node, so data can never turn into markup.

type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  class?: string;
  id?: string;
  title?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  role?: string;
  hidden?: boolean;
  disabled?: boolean;
  checked?: boolean;
  dataset?: Record<string, string>;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.role) el.setAttribute("role", props.role);
  if (props.hidden) el.hidden = true;
  if (props.type !== undefined) el.setAttribute("type", props.type);
  if (props.placeholder !== undefined) el.setAttribute("placeholder", props.placeholder);
  if (props.href !== undefined) el.setAttribute("href", props.href);
  // Attributes first: a range input clamps its value to min/max, so they must be set before the value.
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
  if (props.disabled) (el as HTMLButtonElement).disabled = true;
  if (props.checked) (el as HTMLInputElement).checked = true;
  for (const [k, v] of Object.entries(props.dataset ?? {})) el.dataset[k] = v;
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener as EventListener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Fills a `<select>` with one option per entry: "label (count)", the IRI as value and tooltip. */
export function fillOptions(select: HTMLSelectElement, entries: readonly { iri: string; label: string; count: number }[]): void {
  // What was chosen stays chosen where it is still listed: the session keeps those choices across new data.
  const chosen = new Set(Array.from(select.selectedOptions, (option) => option.value));
  replaceChildren(select, ...entries.map((e) => h("option", { value: e.iri, title: e.iri }, `${e.label} (${e.count})`)));
  selectOptions(select, [...chosen]);
}

/** Selects exactly the options whose value is listed. */
export function selectOptions(select: HTMLSelectElement, chosen: readonly string[]): void {
  for (const option of Array.from(select.options)) option.selected = chosen.includes(option.value);
}
