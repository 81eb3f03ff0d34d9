// The Path tab: from/to (searched or from the details), k, length, direction, exclusions, and the paths found with their explanations and evidence.
import {
  actions,
  pathFailed,
  pathStarted,
  setPathEnds,
  setPathOptions,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import type { EvidenceView, PathResultView } from "../session/types.ts";
import { pathChain } from "../query/path-chain.ts";
import { Autocomplete } from "./autocomplete.ts";
import type { DataClient } from "./data-client.ts";
import { renderEvidence } from "./details.ts";
import { fillOptions, h, replaceChildren, selectOptions } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { DatasetSummary, SearchHit } from "./protocol.ts";
import { PathExtras } from "./path-extras.ts";

export interface PathPanelOptions {
  element: HTMLElement;
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  search: (text: string) => Promise<SearchHit[]>;
  openEvidence: (evidence: EvidenceView) => void;
  /** A node's label as shown (for ends and exclusions restored from a session). */
  labelOf: (iri: string) => string;
  /** The view's node count changed. */
  viewChanged: () => void;
}

/** A search hit standing for a node picked by other means than the search box. */
const hitFor = (node: string, label: string): SearchHit => ({ node, label, matched: label, kind: "exact", score: 0, classLabel: "" });

export class PathPanel {
  private readonly fromBox: Autocomplete;
  private readonly toBox: Autocomplete;
  private readonly excludeNodeBox: Autocomplete;
  private readonly excludedNodes = new Map<string, string>();
  private readonly excludedNodeChips = h("div", { class: "chips" });
  private readonly kInput = h("input", { type: "number", id: "path-k", value: "3", attrs: { min: "1", max: "20" } });
  private readonly maxInput = h("input", { type: "number", id: "path-max", value: "6", attrs: { min: "1", max: "12" } });
  private readonly directedBox = h("input", { type: "checkbox", id: "path-directed" });
  private readonly excludePredicates = h("select", { id: "path-exclude-predicates", attrs: { multiple: "", size: "4", "aria-label": "Relations to avoid" } });
  private readonly excludeClasses = h("select", { id: "path-exclude-classes", attrs: { multiple: "", size: "4", "aria-label": "Classes to avoid" } });
  private readonly results = h("div", { id: "path-results", class: "results" });
  /** Ranking, evidence constraints and Connect several (issue 18). */
  private readonly extras: PathExtras;

  constructor(private readonly options: PathPanelOptions) {
    const { store, search } = options;
    this.extras = new PathExtras({ ...options, changed: () => this.readOptions() });
    this.fromBox = new Autocomplete({ placeholder: "From…", id: "path-from", label: "Path from", search, onPick: (hit) => store.apply(setPathEnds(hit.node, store.get().path.to)) });
    this.toBox = new Autocomplete({ placeholder: "To…", id: "path-to", label: "Path to", search, onPick: (hit) => store.apply(setPathEnds(store.get().path.from, hit.node)) });
    this.excludeNodeBox = new Autocomplete({
      placeholder: "Exclude a node…",
      id: "path-exclude-node",
      label: "Exclude a node from paths",
      search,
      clearOnPick: true,
      onPick: (hit) => {
        this.excludedNodes.set(hit.node, hit.label);
        this.excludedNodesChanged();
      },
    });
    for (const input of [this.kInput, this.maxInput, this.directedBox, this.excludePredicates, this.excludeClasses]) input.addEventListener("change", () => this.readOptions());
    const swap = () => {
      const from = this.fromBox.picked;
      this.fromBox.set(this.toBox.picked);
      this.toBox.set(from);
      store.apply(setPathEnds(this.fromBox.picked?.node ?? null, this.toBox.picked?.node ?? null));
    };
    replaceChildren(
      options.element,
      h("div", { class: "ends" }, this.fromBox.element, h("button", { class: "swap", title: "Swap from and to", attrs: { "aria-label": "Swap from and to" }, on: { click: swap } }, "⇅"), this.toBox.element),
      h(
        "div",
        { class: "options" },
        h("label", {}, "Paths ", this.kInput),
        h("label", {}, "Max length ", this.maxInput),
        h("label", { class: "check" }, this.directedBox, " Follow edge direction"),
        this.extras.rankRow,
      ),
      h(
        "details",
        { class: "exclusions" },
        h("summary", {}, "Exclusions"),
        h("label", { class: "stacked" }, "Avoid relations", this.excludePredicates),
        h("label", { class: "stacked" }, "Avoid classes", this.excludeClasses),
        h("div", { class: "stacked" }, "Avoid nodes", this.excludeNodeBox.element, this.excludedNodeChips),
      ),
      this.extras.constraints,
      h("div", { class: "row" }, h("button", { id: "path-run", class: "primary", on: { click: () => void this.run() } }, "Find paths")),
      this.extras.connectSection,
      this.results,
    );
  }

  /** "Path from" in the details of a node. */
  setFrom(iri: string, label: string): void {
    this.fromBox.set(hitFor(iri, label));
    this.options.store.apply(setPathEnds(iri, this.options.store.get().path.to));
  }

  /** "Path to" in the details of a node. */
  setTo(iri: string, label: string): void {
    this.toBox.set(hitFor(iri, label));
    this.options.store.apply(setPathEnds(this.options.store.get().path.from, iri));
  }

  /** The classes and relations the exclusions offer, from the loaded data. */
  setData(summary: DatasetSummary): void {
    fillOptions(this.excludePredicates, summary.predicates);
    fillOptions(this.excludeClasses, summary.classes);
    void this.extras.setData(summary);
  }

  /** Puts the widgets in line with a restored or undone state. */
  sync(state: SessionState): void {
    this.syncEnds(state);
    this.kInput.value = String(state.path.options.k);
    this.maxInput.value = String(state.path.options.maxLength);
    this.directedBox.checked = state.path.options.directed;
    selectOptions(this.excludePredicates, state.path.options.excludePredicates);
    selectOptions(this.excludeClasses, state.path.options.excludeClasses);
    this.excludedNodes.clear();
    for (const iri of state.path.options.excludeNodes) this.excludedNodes.set(iri, this.options.labelOf(iri));
    this.renderExcludedNodes();
    this.extras.sync(state);
    this.render(state);
  }

  /** The From and To fields show the state's ends (a path run elsewhere, an endpoint's, sets them). */
  syncEnds(state: SessionState): void {
    const { labelOf } = this.options;
    this.fromBox.set(state.path.from ? hitFor(state.path.from, labelOf(state.path.from)) : null);
    this.toBox.set(state.path.to ? hitFor(state.path.to, labelOf(state.path.to)) : null);
  }

  async run(): Promise<void> {
    const { store, client, view } = this.options;
    this.readOptions();
    const [from, to] = await Promise.all([this.resolveEnd(this.fromBox), this.resolveEnd(this.toBox)]);
    if (!from || !to) {
      const missing = [!from ? `“${this.fromBox.input.value || "from"}”` : "", !to ? `“${this.toBox.input.value || "to"}”` : ""].filter(Boolean);
      store.apply(pathFailed(`No node matches ${missing.join(" or ")}: pick both ends from the suggestions.`));
      return;
    }
    store.apply(setPathEnds(from, to), pathStarted());
    try {
      const query = { from, to, options: store.get().path.options };
      const reply = await client.request("path", query);
      const added = { nodes: view.add(reply.graph), edges: reply.graph.edges.map((e) => e.key) };
      const outcome = reply.paths.length === 0 ? { results: [], message: `No path between ${this.fromBox.input.value} and ${this.toBox.input.value}. ${reply.suggestion}` } : { results: reply.paths };
      store.dispatch(actions.runPath(query, outcome, added));
      this.options.viewChanged();
      if (reply.paths.length) requestAnimationFrame(() => view.fitNodes(reply.paths[0].nodes));
    } catch (error) {
      const { path } = store.get();
      store.dispatch(actions.runPath({ from, to, options: path.options }, { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Connects the entities of Connect several (a share link's connection, run again). */
  runConnect(): Promise<void> {
    return this.extras.runConnect();
  }

  render(state: SessionState): void {
    const path = state.path;
    if (path.status === "running") {
      replaceChildren(this.results, h("p", { class: "muted" }, "Searching…"));
      return;
    }
    if (path.status === "error" || (path.status === "done" && path.results.length === 0)) {
      replaceChildren(this.results, h("p", { class: path.status === "error" ? "error-text" : "no-result" }, path.message));
      return;
    }
    if (path.status !== "done") {
      replaceChildren(this.results);
      return;
    }
    replaceChildren(
      this.results,
      h("p", { class: "muted" }, path.terminals ? `Connected${path.message ? `, but ${path.message}` : "."}` : `${path.results.length} path${path.results.length === 1 ? "" : "s"} found. Choose one to highlight it.`),
      ...path.results.map((result, i) => this.renderResult(result, i, i === path.chosen && state.focus === "path", state)),
    );
  }

  kill(): void {
    for (const box of [this.fromBox, this.toBox, this.excludeNodeBox]) box.kill();
    this.extras.kill();
  }

  private renderResult(result: PathResultView, index: number, chosen: boolean, state: SessionState): HTMLElement {
    const choose = () => {
      this.options.store.dispatch(actions.choosePath(index));
      requestAnimationFrame(() => this.options.view.fitNodes(result.nodes));
    };
    return h(
      "article",
      { class: chosen ? "path-result chosen" : "path-result", dataset: { index: String(index) } },
      h(
        "button",
        { class: "path-head", on: { click: choose } },
        h("span", { class: "path-number" }, `${index + 1}`),
        h("span", { class: "path-chain" }, state.path.terminals ? result.nodeLabels.join(", ") : pathChain(result.nodeLabels, result.steps.map((s) => s.forward))),
        h("span", { class: "muted path-score" }, PathExtras.heading(result, state)),
      ),
      h(
        "ol",
        { class: "explanation" },
        ...result.explanation.map((sentence, i) =>
          h("li", {}, h("p", { class: "sentence" }, sentence), result.steps[i] ? renderEvidence(result.steps[i].evidence, this.options.openEvidence, false) : null),
        ),
      ),
    );
  }

  /** The node an end box names: the picked suggestion, else the best match for what was typed. */
  private async resolveEnd(box: Autocomplete): Promise<string | null> {
    if (box.picked) return box.picked.node;
    const text = box.input.value.trim();
    if (!text) return null;
    const [best] = await this.options.client.request("search", { text, limit: 1 });
    if (!best) return null;
    box.set(best);
    return best.node;
  }

  private readOptions(): void {
    const extras = this.extras.read();
    this.options.store.apply(
      setPathOptions({
        k: Number(this.kInput.value),
        maxLength: Number(this.maxInput.value),
        directed: this.directedBox.checked,
        excludePredicates: Array.from(this.excludePredicates.selectedOptions, (o) => o.value),
        excludeClasses: Array.from(this.excludeClasses.selectedOptions, (o) => o.value),
        ...extras,
      }),
      PathExtras.unset(extras),
    );
  }

  private excludedNodesChanged(): void {
    this.options.store.apply(setPathOptions({ excludeNodes: [...this.excludedNodes.keys()] }));
    this.renderExcludedNodes();
  }

  private renderExcludedNodes(): void {
    replaceChildren(
      this.excludedNodeChips,
      ...[...this.excludedNodes].map(([iri, label]) =>
        h(
          "span",
          { class: "chip" },
          label,
          h(
            "button",
            {
              class: "chip-x",
              title: "Remove",
              attrs: { "aria-label": `Stop avoiding ${label}` },
              on: {
                click: () => {
                  this.excludedNodes.delete(iri);
                  this.excludedNodesChanged();
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
