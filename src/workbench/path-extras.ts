// The Path tab's issue-18 controls: ranking, evidence constraints (dates, event kinds) and "Connect several" entities.
import { actions, type SessionState, type SessionStore } from "../session/index.ts";
import type { PathOptions, PathResultView } from "../session/types.ts";
import { MAX_TERMINALS } from "../session/file-schema.ts";
import { Autocomplete } from "./autocomplete.ts";
import type { DataClient } from "./data-client.ts";
import { h, replaceChildren, selectOptions } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { DatasetSummary, SearchHit } from "./protocol.ts";
import { PathSourceChoice } from "./path-source-choice.ts";
import type { Producer } from "../session/producers.ts";

export interface PathExtrasOptions {
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  search: (text: string) => Promise<SearchHit[]>;
  labelOf: (iri: string) => string;
  viewChanged: () => void;
  /** The panel reads every option (its own and these) into the session. */
  changed: () => void;
}

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class PathExtras {
  readonly rank = h("select", { id: "path-rank", attrs: { "aria-label": "Order of paths" } },
    h("option", { value: "shortest" }, "Shortest first"),
    h("option", { value: "informative" }, "Most informative first"));
  /** The same choice, offered where several entities are connected: the tree with fewest relations, or the most informative. */
  readonly connectRank = h("select", { id: "connect-rank", attrs: { "aria-label": "Which connecting tree" } },
    h("option", { value: "shortest" }, "Fewest relations"),
    h("option", { value: "informative" }, "Most informative (avoids hubs)"));
  readonly fromDate = h("input", { type: "text", id: "path-from-date", attrs: { placeholder: "2020-03", size: "8", "aria-label": "Relations dated from" } });
  readonly toDate = h("input", { type: "text", id: "path-to-date", attrs: { placeholder: "2020-04", size: "8", "aria-label": "Relations dated to" } });
  readonly eventKinds = h("select", { id: "path-event-kinds", attrs: { multiple: "", size: "4", "aria-label": "Only events of these kinds" } });
  /** Only relations from chosen sources, or stated by at least N (kg path --source, --min-sources). */
  readonly sourceChoice: PathSourceChoice;
  private readonly terminals = new Map<string, string>();
  private readonly chips = h("div", { class: "chips", id: "connect-chips" });
  private readonly addBox: Autocomplete;
  /** The options row (ranking) and the constraints and connect sections, for the panel to place. */
  readonly rankRow: HTMLElement;
  readonly constraints: HTMLElement;
  readonly connectSection: HTMLElement;

  constructor(private readonly options: PathExtrasOptions) {
    this.sourceChoice = new PathSourceChoice(() => options.changed());
    // One setting, two places: the tree's choice is the paths' order.
    this.rank.addEventListener("change", () => (this.connectRank.value = this.rank.value));
    this.connectRank.addEventListener("change", () => {
      this.rank.value = this.connectRank.value;
      options.changed();
    });
    for (const input of [this.rank, this.fromDate, this.toDate, this.eventKinds]) input.addEventListener("change", () => options.changed());
    this.addBox = new Autocomplete({
      placeholder: "Add an entity…",
      id: "connect-add",
      label: "Add an entity to connect",
      search: options.search,
      clearOnPick: true,
      onPick: (hit) => {
        if (this.terminals.size < MAX_TERMINALS) this.terminals.set(hit.node, hit.label);
        this.renderChips();
      },
    });
    this.rankRow = h("label", {}, "Order ", this.rank);
    this.constraints = h(
      "details",
      { class: "constraints" },
      h("summary", {}, "Evidence"),
      h("label", {}, "Dated from ", this.fromDate),
      h("label", {}, " to ", this.toDate),
      h("label", { class: "stacked" }, "Only events of these kinds", this.eventKinds),
      this.sourceChoice.element,
    );
    this.connectSection = h(
      "details",
      { class: "connect" },
      h("summary", {}, "Connect several"),
      h("p", { class: "muted" }, "The smallest tree of relations joining them, with the same options and evidence constraints."),
      h("label", {}, "Tree ", this.connectRank),
      this.addBox.element,
      this.chips,
      h("div", { class: "row" }, h("button", { id: "connect-run", on: { click: () => void this.runConnect() } }, "Connect")),
    );
  }

  /** The ranking and constraints as the session keeps them (dates that are not dates are left out, and flagged). */
  read(): Pick<PathOptions, "rank" | "fromDate" | "toDate" | "eventKinds" | "sources" | "minSources"> {
    const date = (input: HTMLInputElement) => {
      const text = input.value.trim();
      input.classList.toggle("invalid", text !== "" && !datePattern.test(text));
      return datePattern.test(text) ? text : undefined;
    };
    const fromDate = date(this.fromDate), toDate = date(this.toDate);
    return {
      rank: this.rank.value === "informative" ? "informative" : "shortest",
      // Absent rather than undefined: a session file leaves out what is not set.
      ...(fromDate !== undefined ? { fromDate } : {}),
      ...(toDate !== undefined ? { toDate } : {}),
      eventKinds: Array.from(this.eventKinds.selectedOptions, (o) => o.value),
      ...this.sourceChoice.read(),
    };
  }

  /** Takes out of the path options the optional constraints `read` left out (cleared), which merging would keep. */
  static unset(read: Partial<PathOptions>): Producer {
    const optional = ["fromDate", "toDate", "sources", "minSources"] as const;
    return (state) => {
      const gone = optional.filter((key) => !(key in read) && key in state.path.options);
      if (gone.length === 0) return state;
      const options = { ...state.path.options };
      for (const key of gone) delete options[key];
      return { ...state, path: { ...state.path, options } };
    };
  }

  sync(state: SessionState): void {
    const o = state.path.options;
    this.rank.value = o.rank ?? "shortest";
    this.connectRank.value = this.rank.value;
    this.fromDate.value = o.fromDate ?? "";
    this.toDate.value = o.toDate ?? "";
    selectOptions(this.eventKinds, o.eventKinds ?? []);
    this.sourceChoice.sync(o);
    if (state.path.terminals) {
      this.terminals.clear();
      for (const iri of state.path.terminals) this.terminals.set(iri, this.options.labelOf(iri));
      this.renderChips();
    }
  }

  /** The event kinds the data has (classes below prov:Activity that some node is an instance of). */
  async setData(summary: DatasetSummary): Promise<void> {
    const kinds = new Set(await this.options.client.request("eventKinds", {}));
    const chosen = Array.from(this.eventKinds.selectedOptions, (o) => o.value);
    replaceChildren(this.eventKinds, ...summary.classes.filter((c) => kinds.has(c.iri)).map((c) => h("option", { value: c.iri, title: c.iri }, c.label)));
    selectOptions(this.eventKinds, chosen);
    this.sourceChoice.setSources(summary.sources ?? []);
    // A session restored before the data's sources were listed chose some: show them chosen.
    this.sourceChoice.sync(this.options.store.get().path.options);
  }

  async runConnect(): Promise<void> {
    const { store, client, view } = this.options;
    this.options.changed();
    const terminals = [...this.terminals.keys()];
    const options = store.get().path.options;
    if (terminals.length < 2) {
      store.dispatch(actions.runConnect({ terminals, options }, { error: "Add at least two entities to connect." }));
      return;
    }
    try {
      const reply = await client.request("connect", { terminals, options });
      const added = { nodes: view.add(reply.graph), edges: reply.graph.edges.map((e) => e.key) };
      const outcome = reply.paths.length === 0 ? { results: [], message: `Not all of them are connected. ${reply.suggestion}` } : { results: reply.paths, message: reply.suggestion };
      store.dispatch(actions.runConnect({ terminals, options }, outcome, added));
      this.options.viewChanged();
      if (reply.paths.length) requestAnimationFrame(() => view.fitNodes(reply.paths[0].nodes));
    } catch (error) {
      store.dispatch(actions.runConnect({ terminals, options }, { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** The heading of a result: a connection names its entities and relations; a ranked path shows its score. */
  static heading(result: PathResultView, state: SessionState): string {
    const s = result.score;
    if (state.path.terminals) {
      const tree = ` (a tree of ${result.steps.length} relation${result.steps.length === 1 ? "" : "s"}`;
      return s ? `${tree}; score ${s.total} = ${s.hops} relations + hubs ${s.hub} + generic relations ${s.generic})` : `${tree})`;
    }
    const steps = ` (${result.steps.length} step${result.steps.length === 1 ? "" : "s"}`;
    return s ? `${steps}; score ${s.total} = ${s.hops} hops + hubs ${s.hub} + generic relations ${s.generic})` : `${steps})`;
  }

  kill(): void {
    this.addBox.kill();
  }

  private renderChips(): void {
    replaceChildren(
      this.chips,
      ...[...this.terminals].map(([iri, label]) =>
        h("span", { class: "chip" }, label, h("button", { class: "chip-x", title: "Remove", attrs: { "aria-label": `Remove ${label}` }, on: { click: () => { this.terminals.delete(iri); this.renderChips(); } } }, "×")),
      ),
    );
  }
}
