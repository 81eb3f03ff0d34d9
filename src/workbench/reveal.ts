// Bringing nodes and relations onto the graph: a search pick or a link in the details, and the double-click expansion.
import { recordNeighbourhood } from "../session/actions.ts";
import { actions } from "../session/named-actions.ts";
import { addToView, selectEdge, selectNode, type SessionStore } from "../session/index.ts";
import { widenNeighbourhood } from "../session/reveal.ts";
import type { DataClient } from "./data-client.ts";
import type { GraphView } from "./graph-view.ts";
import type { ViewGraph } from "./protocol.ts";

export interface RevealHost {
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  /** Cap on the neighbours one expansion adds. */
  expandLimit: number;
  labelOf(iri: string): string;
  viewChanged(): void;
  showError(error: unknown): void;
  showInfo(message: string): void;
}

export class Revealer {
  constructor(private readonly host: RevealHost) {}

  /** Puts a node on the graph if needed (shown again if the analyst hid it), selects it and brings the camera to it. */
  async revealAndSelect(node: string, via?: string): Promise<void> {
    const { store, view } = this.host;
    try {
      await this.ensureInView(node, via);
      if (store.get().filters.hiddenNodes.includes(node)) store.dispatch(actions.showNodes());
      store.apply(selectNode(node));
      // Let sigma index a node just added before the camera asks where it is.
      requestAnimationFrame(() => view.focusNode(node));
    } catch (error) {
      this.host.showError(error);
    }
  }

  /** Selects a relation, putting it (and its ends) on the graph first when it is not drawn. */
  async selectEdge(edge: string): Promise<void> {
    const { store, client, view } = this.host;
    try {
      if (!view.graph.hasEdge(edge)) {
        const sub = await client.request("subgraph", { nodes: [], edges: [edge] });
        this.added(view.add(sub), [edge]);
        this.host.viewChanged();
      }
      store.apply(selectEdge(edge));
    } catch (error) {
      this.host.showError(error);
    }
  }

  /**
   * The double-click: the node's neighbours that were not on the graph are added, and those already loaded but
   * hidden (by the analyst, or outside a "show only" neighbourhood) are shown: one History step, "Expand <node>".
   * Neighbours a class filter hides stay hidden (the analyst chose that filter); the info banner says so. With
   * `predicates` (the context menu's "Expand by relation"), only neighbours joined by those relations.
   */
  async expand(node: string, predicates: readonly string[] = []): Promise<void> {
    const { store, client, view, expandLimit } = this.host;
    try {
      const neighbours = await client.request("expand", predicates.length ? { node, limit: expandLimit, predicates: [...predicates] } : { node, limit: expandLimit });
      const added = view.add(neighbours, node);
      const state = store.get();
      const keys = neighbours.nodes.map((n) => n.key).filter((k) => k !== node);
      const edges = neighbours.edges.map((e) => e.key);
      const hidden = keys.filter((k) => state.filters.hiddenNodes.includes(k));
      const nb = state.focus === "neighbourhood" && state.neighbourhood.mode === "only" ? state.neighbourhood.result : null;
      const inside = new Set(nb?.nodes.map((n) => n.node));
      const outside = nb && inside.has(node) ? keys.filter((k) => !inside.has(k)) : [];
      const relations = neighbours.edges.map(({ source, predicate, target }) => ({ source, predicate, target }));
      const step = actions.expand(node, expandLimit, { nodes: added, edges }, hidden, predicates, relations);
      if (added.length || hidden.length || outside.length) {
        const widen = outside.length ? widenNeighbourhood(node, outside, edges) : null;
        store.dispatch(
          widen
            ? { ...step, recorded: recordNeighbourhood([...added, ...hidden, ...outside], relations, false), state: (s) => widen(step.state ? step.state(s) : s) }
            : step,
        );
      } else store.apply(selectNode(node));
      this.host.viewChanged();
      this.sayWhatStaysHidden(node, keys);
    } catch (error) {
      this.host.showError(error);
    }
  }

  /** Neighbours a class filter (or the schema switch) hides are not revealed by an expansion: say how many. */
  private sayWhatStaysHidden(node: string, neighbours: readonly string[]): void {
    const { view, store } = this.host;
    const { hiddenClasses, showSchema } = store.get().filters;
    const filtered = neighbours.filter((k) => {
      if (!view.graph.hasNode(k)) return false;
      const a = view.graph.getNodeAttributes(k);
      return (a.colourClass && hiddenClasses.includes(a.colourClass)) || (a.schema && !showSchema);
    });
    if (filtered.length) {
      const n = filtered.length;
      this.host.showInfo(`${n} neighbour${n === 1 ? "" : "s"} of ${this.host.labelOf(node)} ${n === 1 ? "is" : "are"} hidden by the class filters or the schema switch (Filters tab).`);
    }
  }

  /** Makes sure a node (and the edge it was reached by) is in the view, adding it next to its shown neighbours. */
  private async ensureInView(node: string, via?: string): Promise<void> {
    const { client, view, expandLimit } = this.host;
    if (view.graph.hasNode(node) && (!via || view.graph.hasEdge(via))) return;
    const neighbours = await client.request("expand", { node, limit: expandLimit });
    const keep: ViewGraph = {
      nodes: neighbours.nodes.filter((n) => n.key === node || view.graph.hasNode(n.key)),
      edges: neighbours.edges.filter((e) => e.key === via || ((e.source === node || view.graph.hasNode(e.source)) && (e.target === node || view.graph.hasNode(e.target)))),
    };
    if (!keep.nodes.some((n) => n.key === node)) {
      const alone = await client.request("subgraph", { nodes: [node], edges: via ? [via] : [] });
      keep.nodes.push(...alone.nodes);
      keep.edges.push(...alone.edges);
    }
    if (via) {
      const edge = await client.request("subgraph", { nodes: [], edges: [via] });
      keep.nodes.push(...edge.nodes);
      keep.edges.push(...edge.edges);
    }
    const added = view.add(keep);
    this.added(added, keep.edges.map((e) => e.key));
    this.host.viewChanged();
  }

  /** Nodes put on the graph are a step ("Add …"); relations alone between nodes already drawn ride along in the next. */
  private added(nodes: string[], edges: string[]): void {
    if (nodes.length) this.host.store.dispatch(actions.addNodes({ nodes, edges }));
    else if (edges.length) this.host.store.apply(addToView([], edges));
  }
}
