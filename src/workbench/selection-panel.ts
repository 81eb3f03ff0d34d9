// The selection in the page: the details of one node, one relation or several nodes, and what an analyst does with a selection (hide, export, explore, grow).
import {
  actions,
  clearSelection,
  deselectNodes,
  MAX_SELECTION,
  selectedNodes,
  selectNode,
  selectNodes,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import type { DataClient } from "./data-client.ts";
import { renderEdgeDetails, renderEmptyDetails, renderNodeDetails, showDetails, type DetailsActions } from "./details.ts";
import { h } from "./dom.ts";
import { localName } from "../graph/labels.ts";
import type { GraphView } from "./graph-view.ts";
import type { ViewGraph } from "./protocol.ts";
import { withNeighbours } from "./selection.ts";

/** Relations listed among several selected nodes before "and N more" (the export holds them all). */
const RELATIONS_LISTED = 200;

export interface SelectionPanelOptions {
  store: SessionStore;
  view: GraphView;
  client: DataClient;
  /** The details panel the selection is shown in. */
  panel: HTMLElement;
  /** What the details of one node or one relation offer (select, evidence, hide, path ends, neighbourhood). */
  actions: DetailsActions;
  /** A class's label for the list of selected nodes. */
  classLabel: (iri: string) => string;
  /** Adds the session's extras (notes, pin) to the details of one node or relation. */
  decorate: (panel: HTMLElement, state: SessionState) => void;
  /** Makes these nodes the neighbourhood query's centres and shows the Neighbourhood tab. */
  exploreAround: (nodes: string[]) => void;
  /** Shows a node on the canvas (the camera moves to it). */
  focusNode: (iri: string) => void;
  download: (name: string, blob: Blob) => void;
  showError: (error: unknown) => void;
  showInfo: (message: string) => void;
}

/** The nodes and relations an export of the selection holds. */
export interface SelectionExport {
  nodes: string[];
  edges: string[];
}

export class SelectionPanel {
  private generation = 0;

  constructor(private readonly options: SelectionPanelOptions) {}

  /** The nodes now selected (one or several; none for a relation). */
  get nodes(): string[] {
    return selectedNodes(this.options.store.get().selection);
  }

  /** Shows the selection in the details panel: nothing, a node, a relation, or the list of several nodes. */
  async render(state: SessionState): Promise<void> {
    const { panel, client, actions } = this.options;
    const generation = ++this.generation;
    const selection = state.selection;
    try {
      if (selection.kind === "none") {
        showDetails(panel, renderEmptyDetails());
      } else if (selection.kind === "nodes") {
        const among = await client.request("subgraph", { nodes: selection.nodes, edges: [], induce: true });
        if (generation !== this.generation) return;
        showDetails(panel, this.renderSeveral(selection.nodes, among));
      } else {
        const details = await client.request("details", selection.kind === "node" ? { node: selection.node } : { edge: selection.edge });
        if (generation !== this.generation) return;
        if (!details) showDetails(panel, renderEmptyDetails());
        else if (details.kind === "node") showDetails(panel, renderNodeDetails(details, actions));
        else showDetails(panel, renderEdgeDetails(details, actions));
        if (details) this.options.decorate(panel, state);
      }
    } catch (error) {
      this.options.showError(error);
    }
  }

  /** Hides every selected node: one filter change, so one undoable history step. */
  hideSelected(): void {
    const nodes = this.nodes;
    if (nodes.length) this.options.store.dispatch(actions.hideNodes(nodes));
  }

  /** Selects every node the filters leave visible (at most MAX_SELECTION, and says so). */
  selectAllShown(): void {
    const { nodes } = this.options.view.visible();
    this.options.store.apply(selectNodes(nodes));
    if (nodes.length > MAX_SELECTION) this.options.showInfo(`Selected the first ${MAX_SELECTION.toLocaleString("en")} of ${nodes.length.toLocaleString("en")} shown nodes (a selection holds at most ${MAX_SELECTION.toLocaleString("en")}).`);
  }

  /** Adds the shown neighbours of the selected nodes to the selection. */
  selectNeighbours(): void {
    const { view, store } = this.options;
    const shown = new Set(view.visible().nodes);
    const selected = this.nodes.filter((n) => view.graph.hasNode(n));
    if (selected.length === 0) return;
    const grown = withNeighbours(selected, (n) => view.graph.neighbors(n), (n) => shown.has(n));
    store.apply(selectNodes(grown));
    if (grown.length > MAX_SELECTION) this.options.showInfo(`Selected the first ${MAX_SELECTION.toLocaleString("en")} of ${grown.length.toLocaleString("en")} nodes (a selection holds at most ${MAX_SELECTION.toLocaleString("en")}).`);
  }

  /**
   * What "Export: Turtle of the selection" writes: one node with its relations in view; one relation with its two
   * ends; several nodes with every relation among them in the data (the list the details panel shows).
   */
  async selectionExport(): Promise<SelectionExport> {
    const { store, view, client } = this.options;
    const selection = store.get().selection;
    if (selection.kind === "node") return { nodes: [selection.node], edges: view.graph.hasNode(selection.node) ? view.graph.edges(selection.node) : [] };
    if (selection.kind === "edge") return { nodes: view.graph.hasEdge(selection.edge) ? [...view.graph.extremities(selection.edge)] : [], edges: [selection.edge] };
    if (selection.kind === "nodes") {
      const among = await client.request("subgraph", { nodes: selection.nodes, edges: [], induce: true });
      return { nodes: selection.nodes, edges: among.edges.map((e) => e.key) };
    }
    return { nodes: [], edges: [] };
  }

  /** Downloads the Turtle of the selection (through the worker's exporter, with evidence). */
  async exportSelection(): Promise<void> {
    const { nodes, edges } = await this.selectionExport();
    if (nodes.length === 0 && edges.length === 0) {
      this.options.showError("Nothing to export: select a node or relation first (shift-click adds more nodes).");
      return;
    }
    try {
      const { parts } = await this.options.client.request("export", { nodes, edges });
      this.options.download("smartcity-kg-selection.ttl", new Blob(parts, { type: "text/turtle" }));
    } catch (error) {
      this.options.showError(error);
    }
  }

  private renderSeveral(nodes: readonly string[], among: ViewGraph): HTMLElement {
    const { store, actions, classLabel } = this.options;
    const info = new Map(among.nodes.map((n) => [n.key, n]));
    const labelOf = (iri: string) => info.get(iri)?.label ?? localName(iri);
    const relations = [...among.edges].sort((a, b) => labelOf(a.source).localeCompare(labelOf(b.source)) || a.label.localeCompare(b.label));
    const only = (iri: string) => {
      store.apply(selectNode(iri));
      this.options.focusNode(iri);
    };
    return h(
      "article",
      { class: "details selection-details", id: "selection-details" },
      h("h2", { class: "details-title" }, `${nodes.length} nodes selected`),
      h("p", { class: "muted" }, "Shift-click (or Ctrl/Cmd-click) a node to add or remove it, Shift+drag to add a rectangle of nodes; click the empty canvas or press Esc to clear. A name moves the camera to it."),
      h(
        "div",
        { class: "details-actions" },
        h("button", { id: "selection-explore", title: "Explore the neighbourhood of all selected nodes", on: { click: () => this.options.exploreAround([...nodes]) } }, "Neighbourhood"),
        h("button", { id: "selection-neighbours", title: "Add the shown neighbours of the selected nodes", on: { click: () => this.selectNeighbours() } }, "+ Neighbours"),
        h("button", { id: "selection-hide", title: "Hide all selected nodes (one step: Ctrl+Z brings them back)", on: { click: () => this.hideSelected() } }, "Hide all"),
        h("button", { id: "selection-export", title: "Turtle of the selected nodes and the relations among them, with evidence", on: { click: () => void this.exportSelection() } }, "Export Turtle"),
        h("button", { id: "selection-clear", on: { click: () => store.apply(clearSelection()) } }, "Clear"),
      ),
      h(
        "ul",
        { class: "selection-list" },
        ...nodes.map((iri) =>
          h(
            "li",
            { dataset: { node: iri } },
            h("button", { class: "link focus-node", title: `${iri} — show it on the canvas (the selection stays)`, on: { click: () => this.options.focusNode(iri) } }, labelOf(iri)),
            ...(info.get(iri)?.classes ?? []).map((c) => h("span", { class: "class-chip", title: c }, classLabel(c))),
            h("button", { class: "link small only-node", title: "Select only this node and show its details", on: { click: () => only(iri) } }, "details"),
            h("button", { class: "chip-x", title: "Take out of the selection", attrs: { "aria-label": `Deselect ${labelOf(iri)}` }, on: { click: () => store.apply(deselectNodes([iri])) } }, "×"),
          ),
        ),
      ),
      h("h3", {}, `Relations among them (${relations.length})`),
      relations.length === 0 ? h("p", { class: "muted" }, "None: no relation joins two of the selected nodes.") : null,
      h(
        "ul",
        { class: "relations", id: "selection-relations" },
        ...relations.slice(0, RELATIONS_LISTED).map((edge) =>
          h(
            "li",
            { class: "relation" },
            h(
              "div",
              { class: "relation-head" },
              h("span", {}, `${labelOf(edge.source)} — ${edge.label} → ${labelOf(edge.target)}`),
              edge.year !== undefined ? h("span", { class: "date" }, String(edge.year)) : null,
              h("button", { class: "link small", title: "Show this relation and its evidence", on: { click: () => actions.selectEdge(edge.key) } }, "evidence"),
            ),
          ),
        ),
      ),
      relations.length > RELATIONS_LISTED ? h("p", { class: "muted" }, `and ${relations.length - RELATIONS_LISTED} more (all are in the export).`) : null,
    );
  }
}
