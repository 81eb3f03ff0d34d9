// The SPARQL panel, imported when first opened: a coloured query editor, results (table, true/false, graph + Turtle), endpoint mode.
import { actions, selectNode, sparqlTarget, type SessionStore, type SparqlQueryRecord } from "../../session/index.ts";
import type { DataClient } from "../data-client.ts";
import { h, replaceChildren } from "../dom.ts";
import type { GraphView } from "../graph-view.ts";
import type { DatasetSummary, ViewGraph } from "../protocol.ts";
import { QueryEditor } from "./editor.ts";
import { EndpointMode } from "./endpoint-mode.ts";
import type { JoinedTriples } from "./endpoint-host.ts";
import type { QueryAnswerView, QueryFailure } from "./protocol.ts";
import { answerSize, preview, resultsTable } from "./results-view.ts";
import { downloadBlob } from "../export-menu.ts";
import "./sparql.css";

export interface SparqlPanelHost {
  client: DataClient;
  store: SessionStore;
  view: GraphView;
  /** Where the panel goes (the graph's column). */
  container: HTMLElement;
  /** Called after the panel added nodes to the view (the page's node counts). */
  viewChanged?: () => void;
  /** Called when endpoint answers joined the data: what it now holds, and the triples added (see EndpointModeHost). */
  dataChanged?: (summary: DatasetSummary, joined: JoinedTriples | null) => void;
}

/** Rows a SELECT shows at most; the query can page with LIMIT/OFFSET. */
const MAX_ROWS = 1000;
const EXPAND_LIMIT = 150;

const EXAMPLE = `SELECT ?company ?label ?recipient WHERE {
  ?company a kg:Company ;
    skos:prefLabel ?label ;
    kg:suppliesTo ?recipient .
}
ORDER BY ?label`;

let opened: SparqlPanel | null = null;

/** Opens (or shows again) the panel; one per page. */
export function openSparqlPanel(host: SparqlPanelHost): SparqlPanel {
  if (!opened || !opened.element.isConnected) opened = new SparqlPanel(host);
  opened.show();
  return opened;
}

export class SparqlPanel {
  readonly element: HTMLElement;
  private readonly editor: QueryEditor;
  private readonly status = h("span", { id: "sparql-status", class: "muted", attrs: { "aria-live": "polite" } });
  private readonly error = h("div", { id: "sparql-error", class: "sparql-error", role: "alert", hidden: true });
  private readonly results = h("div", { id: "sparql-results", class: "sparql-results" });
  private readonly historySelect = h("select", { id: "sparql-history", attrs: { "aria-label": "Earlier queries" } });
  private readonly targetSelect = h("select", { id: "sparql-target", attrs: { "aria-label": "Run the query on" } }, h("option", { value: "local" }, "the loaded data"));
  private readonly cancelButton = h("button", { id: "sparql-cancel", hidden: true, title: "Stop the query running on the loaded data" }, "Cancel");
  private readonly exportButton = h("button", { id: "sparql-export", disabled: true, title: "Download the CONSTRUCT/DESCRIBE answer as Turtle" }, "Export Turtle");
  private readonly endpoint: EndpointMode;
  private prefixes: Record<string, string> = {};
  private lastTurtle: string[] = [];
  /** The connected endpoint's URL (the password is never here: it lives in the endpoint client). */
  private endpointUrl: string | null = null;
  private generation = 0;

  constructor(private readonly host: SparqlPanelHost) {
    this.editor = new QueryEditor({ id: "sparql-query", onRun: () => void this.run() });
    this.endpoint = new EndpointMode({
      client: host.client,
      store: host.store,
      view: host.view,
      viewChanged: () => host.viewChanged?.(),
      dataChanged: (summary, joined) => host.dataChanged?.(summary, joined),
      prefixes: () => this.prefixes,
      onConnection: (url) => this.connectionChanged(url),
      reveal: (iri) => this.reveal(iri),
    });
    this.exportButton.addEventListener("click", () => this.exportTurtle());
    // The engine runs in a worker of its own: ending it stops the query, and the data worker answers meanwhile.
    this.cancelButton.addEventListener("click", () => void this.host.client.request("sparql", { op: "cancel" }));
    this.historySelect.addEventListener("change", () => {
      const chosen = this.earlierQueries()[Number(this.historySelect.value)];
      if (chosen) this.editor.value = chosen.query;
      this.historySelect.value = "-1";
    });
    this.element = h(
      "section",
      { id: "sparql-panel", class: "sparql-panel", attrs: { "aria-label": "SPARQL" } },
      h(
        "header",
        { class: "sparql-head" },
        h("h2", {}, "SPARQL"),
        h("label", { class: "sparql-on" }, "Run on ", this.targetSelect),
        h("button", { id: "sparql-connect", on: { click: () => this.endpoint.toggleForm() } }, "Connect to endpoint…"),
        h("button", { id: "sparql-minimise", class: "close", title: "Fold the panel to see the graph (click again to unfold)", attrs: { "aria-label": "Fold the SPARQL panel" }, on: { click: () => this.element.classList.toggle("folded") } }, "▁"),
        h("button", { id: "sparql-close", class: "close", title: "Close the panel", attrs: { "aria-label": "Close the SPARQL panel" }, on: { click: () => this.hide() } }, "×"),
      ),
      this.endpoint.element,
      this.editor.element,
      h(
        "div",
        { class: "row sparql-actions" },
        h("button", { id: "sparql-run", class: "primary", title: "Run (Ctrl+Enter)", on: { click: () => void this.run() } }, "Run"),
        this.cancelButton,
        h("span", { class: "muted small" }, "Ctrl+Enter"),
        this.historySelect,
        this.exportButton,
        this.status,
      ),
      this.error,
      this.results,
    );
    this.renderHistory();
    // Undo, an opened file or a restored autosave change the session's queries too.
    host.store.subscribe((state, previous) => {
      if (state.sparql !== previous.sparql) this.renderHistory();
    });
    host.container.append(this.element);
    void this.fillPrefixes();
  }

  show(): void {
    this.element.hidden = false;
    this.element.classList.remove("folded");
    this.editor.textarea.focus();
  }

  hide(): void {
    this.element.hidden = true;
    this.host.view.answer.clear();
  }

  /** A PREFIX header for the loaded data's prefixes, then an example query. */
  private async fillPrefixes(): Promise<void> {
    try {
      const reply = await this.host.client.request("sparql", { op: "prefixes" });
      if (reply.op === "prefixes") this.prefixes = reply.prefixes;
    } catch (error) {
      this.showFailure({ message: error instanceof Error ? error.message : String(error) });
    }
    if (this.editor.value !== "") return;
    const header = Object.entries(this.prefixes)
      .filter(([name]) => /^[A-Za-z][\w.-]*$|^$/.test(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, iri]) => `PREFIX ${name}: <${iri}>`);
    this.editor.value = `${header.join("\n")}${header.length ? "\n\n" : ""}${EXAMPLE}`;
  }

  private connectionChanged(url: string | null): void {
    this.endpointUrl = url;
    replaceChildren(this.targetSelect, h("option", { value: "local" }, "the loaded data"), url ? h("option", { value: "endpoint" }, url) : null);
    this.targetSelect.value = url ? "endpoint" : "local";
  }

  async run(): Promise<void> {
    const query = this.editor.value;
    if (query.trim() === "") return;
    const target = this.targetSelect.value === "endpoint" ? sparqlTarget(this.endpointUrl) : "local";
    const generation = ++this.generation;
    this.error.hidden = true;
    // The answer shown so far goes, and its highlight with it.
    this.host.view.answer.clear();
    this.status.textContent = "Running…";
    const started = performance.now();
    let answer: QueryAnswerView | undefined;
    let failure: QueryFailure | undefined;
    try {
      if (this.targetSelect.value === "endpoint") ({ answer, failure } = await this.endpoint.query(query, MAX_ROWS));
      else {
        this.cancelButton.hidden = false;
        const reply = await this.host.client.request("sparql", { op: "query", query, maxRows: MAX_ROWS });
        if (reply.op === "query") ({ answer, error: failure } = reply);
      }
    } catch (error) {
      failure = { message: error instanceof Error ? error.message : String(error) };
    } finally {
      if (generation === this.generation) this.cancelButton.hidden = true;
    }
    if (generation !== this.generation) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (failure || !answer) {
      this.status.textContent = "";
      this.showFailure(failure ?? { message: "workbench/sparql: no answer" });
      this.remember({ query, target });
      return;
    }
    this.status.textContent = `${seconds} s`;
    this.remember({ query, target, rows: answerSize(answer) });
    this.showAnswer(answer);
    if (answer.notes?.length) this.results.prepend(h("p", { id: "sparql-notes", class: "muted" }, answer.notes.join(" ")));
  }

  /** Keeps the query in the session (a history step: autosaved, saved with the file, undoable). */
  private remember(run: SparqlQueryRecord): void {
    try {
      this.host.store.dispatch(actions.runSparql(run));
    } catch (error) {
      this.status.textContent = `${this.status.textContent ?? ""} (not kept in the session: ${error instanceof Error ? error.message : String(error)})`.trim();
    }
  }

  /** The session's queries, newest first. */
  private earlierQueries(): readonly SparqlQueryRecord[] {
    return this.host.store.get().sparql?.queries ?? [];
  }

  private renderHistory(): void {
    const queries = this.earlierQueries();
    replaceChildren(
      this.historySelect,
      h("option", { value: "-1" }, queries.length ? `Earlier queries (${queries.length})` : "No earlier queries"),
      ...queries.map((q, i) =>
        h("option", { value: String(i), title: q.query }, `${firstLine(q.query)}${q.target === "local" ? "" : ` — ${q.target}`}`),
      ),
    );
    this.historySelect.value = "-1";
  }

  private showFailure(failure: QueryFailure): void {
    const where = failure.line !== undefined ? `Line ${failure.line}, column ${failure.column}: ` : "";
    replaceChildren(this.error, h("strong", {}, failure.line !== undefined ? "Syntax error. " : "The query failed. "), where, failure.message);
    this.error.hidden = false;
    if (failure.line !== undefined) this.editor.placeCaret(failure.line, failure.column ?? 1);
  }

  private showAnswer(answer: QueryAnswerView): void {
    this.exportButton.disabled = answer.form === "select" || answer.form === "ask";
    if (answer.form === "ask") {
      replaceChildren(this.results, h("p", { id: "sparql-boolean", class: `sparql-boolean ${answer.value}` }, String(answer.value)));
      return;
    }
    if (answer.form === "select") {
      replaceChildren(this.results, resultsTable(answer, MAX_ROWS, this.prefixes, (iri) => void this.reveal(iri)));
      return;
    }
    this.lastTurtle = answer.turtle;
    const added = this.addToView(answer.graph);
    // Highlighted as a query result: what the answer states stands out of the rest of the view.
    this.host.view.answer.set(answer.graph.nodes.map((n) => n.key), answer.graph.edges.map((e) => e.key));
    replaceChildren(
      this.results,
      h(
        "p",
        { id: "sparql-graph-summary" },
        `${answer.triples} triple${answer.triples === 1 ? "" : "s"}; ${answer.graph.nodes.length} nodes and ${answer.graph.edges.length} relations drawn, ${added} of them new in the view.`,
      ),
      h("pre", { class: "sparql-turtle" }, preview(answer.turtle, 20_000)),
    );
    if (answer.graph.nodes.length) requestAnimationFrame(() => this.host.view.fitNodes(answer.graph.nodes.map((n) => n.key)));
  }

  /** Selects and centres an IRI's node, first adding it (beside its shown neighbours) when the view lacks it. */
  async reveal(iri: string): Promise<void> {
    const { client, store, view } = this.host;
    try {
      if (!view.graph.hasNode(iri)) {
        const neighbours = await client.request("expand", { node: iri, limit: EXPAND_LIMIT });
        const keep: ViewGraph = {
          nodes: neighbours.nodes.filter((n) => n.key === iri || view.graph.hasNode(n.key)),
          edges: neighbours.edges.filter((e) => (e.source === iri || view.graph.hasNode(e.source)) && (e.target === iri || view.graph.hasNode(e.target))),
        };
        if (!keep.nodes.some((n) => n.key === iri)) {
          const alone = await client.request("subgraph", { nodes: [iri], edges: [] });
          keep.nodes.push(...alone.nodes);
        }
        if (!keep.nodes.some((n) => n.key === iri)) {
          if (this.targetSelect.value === "endpoint") return await this.endpoint.showNode(iri);
          this.showFailure({ message: `${iri} is not a node of the graph (it is a class, a property or only a value).` });
          return;
        }
        this.addToView(keep);
      }
      if (store.get().filters.hiddenNodes.includes(iri)) store.dispatch(actions.showNodes());
      store.apply(selectNode(iri));
      requestAnimationFrame(() => view.focusNode(iri));
    } catch (error) {
      this.showFailure({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private addToView(graph: ViewGraph): number {
    const added = this.host.view.add(graph);
    this.host.store.dispatch(actions.addNodes({ nodes: added, edges: graph.edges.map((e) => e.key) }));
    this.host.viewChanged?.();
    return added.length;
  }

  private exportTurtle(): void {
    if (this.lastTurtle.length === 0) return;
    downloadBlob("smartcity-kg-sparql.ttl", new Blob(this.lastTurtle, { type: "text/turtle" }));
  }
}

function firstLine(query: string): string {
  const line = query.split("\n").find((l) => l.trim() !== "" && !/^\s*(PREFIX|BASE)\b/i.test(l)) ?? query;
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
