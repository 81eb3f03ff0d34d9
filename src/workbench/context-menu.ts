// The right-click menu on nodes and relations (also the context-menu key or Shift+F10 on the selection): each entry a named action or a panel.
import { actions } from "../session/named-actions.ts";
import { selectEdge, selectNode, type SessionStore } from "../session/index.ts";
import type { DataClient } from "./data-client.ts";
import { h, replaceChildren } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { NodeDetails } from "./protocol.ts";

export interface ContextMenuHost {
  store: SessionStore;
  view: GraphView;
  client: DataClient;
  /** The graph area the menu is placed in. */
  container: HTMLElement;
  expand(node: string, predicates?: readonly string[]): Promise<void>;
  isPinned(node: string): boolean;
  labelOf(iri: string): string;
  pathFrom(iri: string, label: string): void;
  pathTo(iri: string, label: string): void;
  /** Runs the neighbourhood of a node (the Neighbourhood tab). */
  neighbourhood(iri: string): void;
  /** Layouts on demand (arrange.ts), each one step. */
  arrange: { radial(node: string): void; circular(): void; removeOverlaps(): void };
  showInfo(message: string): void;
  showError(error: unknown): void;
}

interface Entry {
  label: string;
  id: string;
  run: () => void | Promise<void>;
  title?: string;
}
type Item = Entry | { heading: string } | "separator";

/** At most this many relation types are offered for "Expand by"; hubs list the most frequent. */
const MAX_BY_RELATION = 12;

export class ContextMenu {
  readonly element = h("div", { id: "context-menu", class: "menu context-menu", role: "menu", hidden: true, attrs: { "aria-label": "Actions" } });
  private readonly cleanups: (() => void)[] = [];
  /** Where focus was before the menu opened, to give it back on close. */
  private returnFocus: HTMLElement | null = null;
  private opening = 0;

  constructor(private readonly host: ContextMenuHost) {
    const { view, container } = host;
    container.append(this.element);
    view.sigma.on("rightClickNode", ({ node, event }) => {
      event.original.preventDefault();
      void this.openForNode(node, { x: event.x, y: event.y });
    });
    view.sigma.on("rightClickEdge", ({ edge, event }) => {
      event.original.preventDefault();
      this.openForEdge(edge, { x: event.x, y: event.y });
    });
    view.sigma.on("clickStage", () => this.close());
    view.sigma.on("rightClickStage", () => this.close());
    const onKey = (event: KeyboardEvent) => this.onDocumentKey(event);
    const onPointer = (event: PointerEvent) => {
      if (!this.element.hidden && !this.element.contains(event.target as Node)) this.close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer, true);
    this.element.addEventListener("keydown", (event) => this.onMenuKey(event));
    this.cleanups.push(() => document.removeEventListener("keydown", onKey), () => document.removeEventListener("pointerdown", onPointer, true));
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The menu of a node, at a point of the graph area (viewport pixels of sigma's container). */
  async openForNode(node: string, at: { x: number; y: number }): Promise<void> {
    const { host } = this;
    const ticket = ++this.opening;
    const label = host.labelOf(node);
    // The relation types of the node, for "Expand by": from its details (the whole data, not only what is drawn).
    let details: NodeDetails | null = null;
    try {
      const reply = await host.client.request("details", { node });
      details = reply?.kind === "node" ? reply : null;
    } catch (error) {
      host.showError(error);
    }
    if (ticket !== this.opening) return;
    const counts = new Map<string, { label: string; count: number }>();
    for (const r of details?.relations ?? []) {
      const entry = counts.get(r.predicate) ?? { label: r.predicateLabel, count: 0 };
      entry.count++;
      counts.set(r.predicate, entry);
    }
    const byRelation = [...counts].sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label)).slice(0, MAX_BY_RELATION);
    const pinned = host.isPinned(node);
    const items: Item[] = [
      { heading: label },
      { id: "cm-expand", label: `Expand all neighbours (${details?.relations.length ?? "?"} relations)`, run: () => host.expand(node) },
      ...(byRelation.length > 1 ? [{ heading: "Expand by relation" } as Item] : []),
      ...(byRelation.length > 1
        ? byRelation.map(([predicate, p]): Item => ({ id: "cm-expand-by", label: `${p.label} (${p.count})`, title: predicate, run: () => host.expand(node, [predicate]) }))
        : []),
      "separator",
      { id: "cm-hide", label: "Hide", run: () => host.store.dispatch(actions.hideNodes([node])) },
      { id: "cm-pin", label: pinned ? "Unpin" : "Pin in place", run: () => host.store.dispatch(actions.pinNodes([node], !pinned)) },
      { id: "cm-neighbourhood", label: "Neighbourhood", run: () => host.neighbourhood(node) },
      { id: "cm-path-from", label: "Path from here…", run: () => host.pathFrom(node, label) },
      { id: "cm-path-to", label: "Path to here…", run: () => host.pathTo(node, label) },
      "separator",
      { id: "cm-note", label: "Note…", run: () => this.openNote(() => host.store.apply(selectNode(node)), "#node-note") },
      { id: "cm-copy-iri", label: "Copy IRI", title: node, run: () => this.copy(node, "IRI") },
      { heading: "Layout" },
      { id: "cm-radial", label: "Radial around this node", title: "Rings by distance from this node, over the relations shown", run: () => host.arrange.radial(node) },
      { id: "cm-circle", label: "Circle", title: "Every shown node on one circle, grouped by class", run: () => host.arrange.circular() },
      { id: "cm-noverlap", label: "Remove overlaps", title: "Push apart nodes that cover each other (noverlap)", run: () => host.arrange.removeOverlaps() },
    ];
    this.show(items, at);
  }

  /** The menu of a relation. */
  openForEdge(edge: string, at: { x: number; y: number }): void {
    const { host } = this;
    ++this.opening;
    const graph = host.view.graph;
    if (!graph.hasEdge(edge)) return;
    const { predicate, label } = graph.getEdgeAttributes(edge);
    const [source, target] = graph.extremities(edge);
    const sourceLabel = host.labelOf(source);
    const targetLabel = host.labelOf(target);
    const triple = `<${source}> <${predicate}> <${target}> .`;
    const items: Item[] = [
      { heading: `${sourceLabel} — ${label} → ${targetLabel}` },
      { id: "cm-edge-details", label: "Details and evidence", run: () => host.store.apply(selectEdge(edge)) },
      { id: "cm-hide-predicate", label: `Hide every “${label}” relation`, run: () => host.store.dispatch(actions.togglePredicate(predicate)) },
      { id: "cm-hide-ends", label: "Hide both ends", run: () => host.store.dispatch(actions.hideNodes([source, target])) },
      { id: "cm-path-from", label: `Path from ${sourceLabel}…`, run: () => host.pathFrom(source, sourceLabel) },
      { id: "cm-path-to", label: `Path to ${targetLabel}…`, run: () => host.pathTo(target, targetLabel) },
      "separator",
      { id: "cm-note", label: "Note…", run: () => this.openNote(() => host.store.apply(selectEdge(edge)), "#edge-note") },
      { id: "cm-copy-iri", label: "Copy relation IRI", title: predicate, run: () => this.copy(predicate, "relation IRI") },
      { id: "cm-copy-triple", label: "Copy triple (N-Triples)", run: () => this.copy(triple, "triple") },
    ];
    this.show(items, at);
  }

  /** Opens the menu of the selected node or relation beside it (keyboard: the context-menu key, Shift+F10). */
  openForSelection(): boolean {
    const { store, view } = this.host;
    const selection = store.get().selection;
    const node = selection.kind === "node" ? selection.node : selection.kind === "nodes" ? selection.nodes[0] : null;
    if (node && view.graph.hasNode(node)) {
      const data = view.sigma.getNodeDisplayData(node);
      void this.openForNode(node, data ? view.sigma.framedGraphToViewport(data) : { x: 40, y: 40 });
      return true;
    }
    if (selection.kind === "edge" && view.graph.hasEdge(selection.edge)) {
      const [s, t] = view.graph.extremities(selection.edge).map((n) => view.sigma.getNodeDisplayData(n));
      const mid = s && t ? view.sigma.framedGraphToViewport({ x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 }) : { x: 40, y: 40 };
      this.openForEdge(selection.edge, mid);
      return true;
    }
    return false;
  }

  close(restoreFocus = true): void {
    ++this.opening;
    if (this.element.hidden) return;
    this.element.hidden = true;
    replaceChildren(this.element);
    if (restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  kill(): void {
    this.close(false);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.element.remove();
  }

  private show(items: readonly Item[], at: { x: number; y: number }): void {
    if (this.element.hidden) this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const children = items.map((item) => {
      if (item === "separator") return h("hr", { role: "separator" });
      if ("heading" in item) return h("div", { class: "context-heading", role: "presentation" }, item.heading);
      return h(
        "button",
        {
          role: "menuitem",
          class: item.id,
          title: item.title,
          attrs: { tabindex: "-1" },
          on: {
            click: () => {
              this.close();
              Promise.resolve()
                .then(item.run)
                .catch((error: unknown) => this.host.showError(error));
            },
          },
        },
        item.label,
      );
    });
    replaceChildren(this.element, ...children);
    this.element.hidden = false;
    // Inside the graph area, flipped to the left or up when it would run off its edge.
    const box = this.host.container.getBoundingClientRect();
    const graphBox = this.host.view.sigma.getContainer().getBoundingClientRect();
    const x = graphBox.left - box.left + at.x;
    const y = graphBox.top - box.top + at.y;
    const { offsetWidth: w, offsetHeight: hgt } = this.element;
    this.element.style.left = `${Math.max(4, x + w + 8 > box.width ? x - w - 4 : x + 4)}px`;
    this.element.style.top = `${Math.max(4, y + hgt + 8 > box.height ? box.height - hgt - 8 : y + 4)}px`;
    this.items()[0]?.focus();
  }

  private items(): HTMLButtonElement[] {
    return [...this.element.querySelectorAll<HTMLButtonElement>("button[role=menuitem]")];
  }

  private onMenuKey(event: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") this.close();
    else return;
    // The menu's keys are its own: Esc closes it and does not also clear the selection.
    event.preventDefault();
    event.stopPropagation();
  }

  private onDocumentKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
    if (this.element.contains(target)) return;
    if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
      if (this.openForSelection()) event.preventDefault();
    }
  }

  /** Selects the node or relation, then puts the cursor in its note once the details show it. */
  private openNote(select: () => void, editor: string): void {
    select();
    let tries = 0;
    const focus = () => {
      const box = document.querySelector<HTMLTextAreaElement>(editor);
      if (box) box.focus();
      else if (tries++ < 50) setTimeout(focus, 50);
    };
    focus();
  }

  private copy(text: string, what: string): Promise<void> {
    return navigator.clipboard.writeText(text).then(
      () => this.host.showInfo(`Copied the ${what}: ${text}`),
      () => this.host.showInfo(`Could not use the clipboard; the ${what} is ${text}`),
    );
  }
}
