// The Neighbourhood tab: centres (searched, or the selected nodes), depth, direction, class/relation filters, and the result list.
import {
  actions,
  neighbourhoodFailed,
  neighbourhoodStarted,
  removeNeighbourhoodCenter,
  selectedNodes,
  setNeighbourhoodCenters,
  type NeighbourhoodParams,
  setNeighbourhoodOptions,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import type { Direction } from "../session/types.ts";
import { Autocomplete } from "./autocomplete.ts";
import type { DataClient } from "./data-client.ts";
import { fillOptions, h, replaceChildren, selectOptions } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { DatasetSummary, SearchHit } from "./protocol.ts";

export interface NeighbourhoodPanelOptions {
  element: HTMLElement;
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  search: (text: string) => Promise<SearchHit[]>;
  /** Cap on the nodes of one neighbourhood (the worker stops there and says it truncated). */
  limit: number;
  /** Shows a node of the result (adds it to the view if needed) and selects it. */
  reveal: (iri: string) => void;
  /** The view's node count changed. */
  viewChanged: () => void;
}

export class NeighbourhoodPanel {
  private readonly centreLabels = new Map<string, string>();
  private readonly centreBox: Autocomplete;
  private readonly centreChips = h("div", { class: "chips", id: "nb-centres" });
  private readonly depthSelect = h("select", { id: "nb-depth", attrs: { "aria-label": "Depth" } }, ...[1, 2, 3].map((d) => h("option", { value: String(d) }, String(d))));
  private readonly directionSelect = h(
    "select",
    { id: "nb-direction", attrs: { "aria-label": "Direction" } },
    h("option", { value: "both" }, "both ways"),
    h("option", { value: "out" }, "outgoing"),
    h("option", { value: "in" }, "incoming"),
  );
  private readonly classes = h("select", { id: "nb-classes", attrs: { multiple: "", size: "4", "aria-label": "Only these classes" } });
  private readonly predicates = h("select", { id: "nb-predicates", attrs: { multiple: "", size: "4", "aria-label": "Only these relations" } });
  private readonly modeHighlight = h("input", { type: "radio", attrs: { name: "nb-mode", value: "highlight" }, checked: true });
  private readonly modeOnly = h("input", { type: "radio", attrs: { name: "nb-mode", value: "only" }, id: "nb-only" });
  private readonly result = h("div", { id: "nb-result", class: "results" });

  constructor(private readonly options: NeighbourhoodPanelOptions) {
    const { store } = options;
    this.centreBox = new Autocomplete({
      placeholder: "Add a centre…",
      id: "nb-centre",
      label: "Neighbourhood centre",
      search: options.search,
      clearOnPick: true,
      onPick: (hit) => {
        this.centreLabels.set(hit.node, hit.label);
        this.addCentres([hit.node]);
      },
    });
    for (const input of [this.depthSelect, this.directionSelect, this.classes, this.predicates, this.modeHighlight, this.modeOnly]) input.addEventListener("change", () => this.readOptions());
    replaceChildren(
      options.element,
      this.centreBox.element,
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            id: "nb-add-selected",
            title: "Add the selected nodes as centres (shift-click selects several)",
            on: { click: () => this.addCentres(selectedNodes(store.get().selection)) },
          },
          "+ selected",
        ),
      ),
      this.centreChips,
      h("div", { class: "options" }, h("label", {}, "Depth ", this.depthSelect), h("label", {}, "Direction ", this.directionSelect)),
      h("details", { class: "exclusions" }, h("summary", {}, "Filters"), h("label", { class: "stacked" }, "Only classes", this.classes), h("label", { class: "stacked" }, "Only relations", this.predicates)),
      h("div", { class: "options" }, h("label", { class: "check" }, this.modeHighlight, " Highlight in the view"), h("label", { class: "check" }, this.modeOnly, " Show only the neighbourhood")),
      h(
        "div",
        { class: "row" },
        h("button", { id: "nb-run", class: "primary", on: { click: () => void this.run() } }, "Explore"),
        h("button", { id: "nb-clear", on: { click: () => (options.view.answer.clear(), store.dispatch(actions.clearFocus())) } }, "Clear highlight"),
      ),
      this.result,
    );
  }

  /** Adds centres (a picked search hit, the selected nodes, "Neighbourhood" in the details). */
  addCentres(nodes: readonly string[]): void {
    if (nodes.length === 0) return;
    const { store } = this.options;
    store.apply(setNeighbourhoodCenters([...store.get().neighbourhood.centers, ...nodes]));
    this.renderCentres();
  }

  /** Makes exactly these nodes the centres (several selected nodes: "Neighbourhood"). */
  setCentres(nodes: readonly string[]): void {
    this.options.store.apply(setNeighbourhoodCenters([...nodes]));
    this.renderCentres();
  }

  /** The classes and relations the filters offer, from the loaded data. */
  setData(summary: DatasetSummary): void {
    fillOptions(this.predicates, summary.predicates);
    fillOptions(this.classes, summary.classes);
  }

  /** Puts the widgets in line with a restored or undone state. */
  sync(state: SessionState): void {
    selectOptions(this.classes, state.neighbourhood.classes);
    selectOptions(this.predicates, state.neighbourhood.predicates);
    this.depthSelect.value = String(state.neighbourhood.depth);
    this.directionSelect.value = state.neighbourhood.direction;
    this.modeOnly.checked = state.neighbourhood.mode === "only";
    this.modeHighlight.checked = state.neighbourhood.mode !== "only";
    this.renderCentres();
    this.render(state);
  }

  async run(): Promise<void> {
    const { store, client, view, limit } = this.options;
    this.readOptions();
    const query = store.get().neighbourhood;
    if (query.centers.length === 0) {
      store.apply(neighbourhoodFailed("Add at least one centre (search above, or select nodes and press “+ selected”)."));
      return;
    }
    store.apply(neighbourhoodStarted());
    try {
      const reply = await client.request("neighbourhood", {
        centers: query.centers,
        depth: query.depth,
        direction: query.direction,
        classes: query.classes,
        predicates: query.predicates,
        limit,
      });
      const added = view.add(reply.graph, query.centers.length === 1 ? query.centers[0] : undefined);
      const relations = reply.graph.edges.map(({ source, predicate, target }) => ({ source, predicate, target }));
      store.dispatch(actions.runNeighbourhood(this.params(query), { result: reply.result, relations }, { nodes: added, edges: reply.result.edges }));
      this.options.viewChanged();
      requestAnimationFrame(() => view.fitNodes(reply.result.nodes.map((n) => n.node)));
    } catch (error) {
      store.dispatch(actions.runNeighbourhood(this.params(query), { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** The query as History records it (what replay asks again). */
  private params(query: SessionState["neighbourhood"]): NeighbourhoodParams {
    const { centers, depth, direction, classes, predicates, mode } = query;
    return { centers, depth, direction, classes, predicates, limit: this.options.limit, mode };
  }

  render(state: SessionState): void {
    const { view, limit } = this.options;
    const nb = state.neighbourhood;
    if (nb.status === "running") replaceChildren(this.result, h("p", { class: "muted" }, "Exploring…"));
    else if (nb.status === "error") replaceChildren(this.result, h("p", { class: "error-text" }, nb.message));
    else if (nb.status === "done" && nb.result) {
      const byDepth = new Map<number, number>();
      for (const entry of nb.result.nodes) byDepth.set(entry.depth, (byDepth.get(entry.depth) ?? 0) + 1);
      replaceChildren(
        this.result,
        h("p", { class: "nb-summary" }, `${nb.result.nodes.length} nodes and ${nb.result.edges.length} relations within depth ${nb.depth}.`),
        h("p", { class: "muted" }, [...byDepth].sort(([a], [b]) => a - b).map(([d, n]) => `depth ${d}: ${n}`).join(" · ")),
        nb.result.truncated ? h("p", { class: "warning" }, `Truncated at ${nb.result.limit ?? limit} nodes: lower the depth or filter classes/relations.`) : null,
        h(
          "ul",
          { class: "nb-list" },
          ...nb.result.nodes.slice(0, 60).map((entry) =>
            h(
              "li",
              {},
              h("span", { class: "depth", title: `depth ${entry.depth}` }, String(entry.depth)),
              h("button", { class: "link", on: { click: () => this.options.reveal(entry.node) } }, view.graph.hasNode(entry.node) ? view.graph.getNodeAttribute(entry.node, "label") : entry.node),
            ),
          ),
        ),
      );
    } else replaceChildren(this.result);
  }

  kill(): void {
    this.centreBox.kill();
  }

  private readOptions(): void {
    this.options.store.apply(
      setNeighbourhoodOptions({
        depth: Number(this.depthSelect.value),
        direction: this.directionSelect.value as Direction,
        classes: Array.from(this.classes.selectedOptions, (o) => o.value),
        predicates: Array.from(this.predicates.selectedOptions, (o) => o.value),
        mode: this.modeOnly.checked ? "only" : "highlight",
      }),
    );
  }

  private renderCentres(): void {
    const { store, view } = this.options;
    replaceChildren(
      this.centreChips,
      ...store.get().neighbourhood.centers.map((iri) => [iri, this.centreLabels.get(iri) ?? (view.graph.hasNode(iri) ? view.graph.getNodeAttribute(iri, "label") : iri)] as const).map(([iri, label]) =>
        h(
          "span",
          { class: "chip" },
          label,
          h(
            "button",
            {
              class: "chip-x",
              title: "Remove",
              attrs: { "aria-label": `Remove the centre ${label}` },
              on: {
                click: () => {
                  store.apply(removeNeighbourhoodCenter(iri));
                  this.renderCentres();
                },
              },
            },
            "×",
          ),
        ),
      ),
    );
  }
}
