// Endpoint mode: connect to a SPARQL endpoint (credentials in memory only) and run search, path and neighbourhood
// queries through sparql/sparql-remote (bounded, paged, cancellable); answers join the view with their evidence.
import { actions, pathStarted, selectNode } from "../../session/index.ts";
import { NameResolutionError } from "../../query/names.ts";
import { writeNTriples } from "../../rdf/serialize.ts";
import type { GraphIndex } from "../../graph/types.ts";
import { SparqlEndpoint } from "../../sparql/sparql-endpoint.ts";
import { baseIriOfUrl } from "../../rdf/iri.ts";
import { remoteNeighbourhood, remotePaths, remoteSearch, resolveRemoteNode } from "../../sparql/sparql-remote.ts";
import { h, replaceChildren } from "../dom.ts";
import type { EndpointModeHost } from "./endpoint-host.ts";
import { EndpointStatus } from "./endpoint-status.ts";
import { constraintsNotOnEndpoint, hitList, nameChoices, pathView, rowViews } from "./endpoint-views.ts";
import type { QueryAnswerView, QueryFailure } from "./protocol.ts";

const NEIGHBOURHOOD_LIMIT = 300;
/** RemoteOptions.maxRows by default, as with kg --endpoint-rows. */
const DEFAULT_ROW_BUDGET = 50_000;

export class EndpointMode {
  readonly element: HTMLElement;
  /** The connection; the only place the password lives (inside SparqlEndpoint's Authorization header). */
  private endpoint: SparqlEndpoint | null = null;
  private readonly status = new EndpointStatus();
  private joins = 0;
  private readonly form: HTMLElement;
  private readonly tools: HTMLElement;
  private readonly url = h("input", { id: "ep-url", type: "url", placeholder: "http://localhost:8890/sparql", attrs: { "aria-label": "Endpoint URL" } });
  private readonly user = h("input", { id: "ep-user", placeholder: "user (optional)", attrs: { autocomplete: "off", "aria-label": "User name" } });
  private readonly password = h("input", { id: "ep-password", type: "password", placeholder: "password", attrs: { autocomplete: "off", "aria-label": "Password" } });
  private readonly timeout = h("input", { id: "ep-timeout", type: "number", value: "30", attrs: { min: "1", max: "600", "aria-label": "Timeout in seconds" } });
  private readonly rows = h("input", { id: "ep-rows", type: "number", value: String(DEFAULT_ROW_BUDGET), attrs: { min: "100", max: "10000000", step: "1000", "aria-label": "Most rows fetched for a path or neighbourhood" } });
  /** The rows a path or neighbourhood may fetch, set when connecting (RemoteOptions.maxRows). */
  private maxRows = DEFAULT_ROW_BUDGET;
  private readonly connectionLabel = h("strong", { id: "ep-connected" });
  private readonly results = h("div", { id: "ep-results", class: "ep-results" });
  private readonly searchInput = h("input", { id: "ep-search", placeholder: "Search names on the endpoint…", attrs: { "aria-label": "Search the endpoint" } });
  private readonly fromInput = h("input", { id: "ep-from", placeholder: "From (name or IRI)", attrs: { "aria-label": "Path from" } });
  private readonly toInput = h("input", { id: "ep-to", placeholder: "To (name or IRI)", attrs: { "aria-label": "Path to" } });
  private readonly centreInput = h("input", { id: "ep-centre", placeholder: "Centre (name or IRI)", attrs: { "aria-label": "Neighbourhood centre" } });
  private readonly depthSelect = h("select", { id: "ep-depth", attrs: { "aria-label": "Depth" } }, ...[1, 2].map((d) => h("option", { value: String(d) }, String(d))));

  constructor(private readonly host: EndpointModeHost) {
    const enter = (input: HTMLInputElement, run: () => void) => input.addEventListener("keydown", (event) => event.key === "Enter" && run());
    enter(this.url, () => void this.connect());
    enter(this.password, () => void this.connect());
    enter(this.searchInput, () => void this.search());
    enter(this.toInput, () => void this.path());
    enter(this.centreInput, () => void this.neighbourhood());
    this.form = h(
      "div",
      { id: "ep-form", class: "ep-form", hidden: true },
      h("label", { class: "stacked" }, "SPARQL endpoint URL", this.url),
      h("div", { class: "row" }, this.user, this.password, h("label", {}, "Timeout (s) ", this.timeout), h("label", {}, "Row budget ", this.rows)),
      h("p", { class: "muted small" }, "The password is kept in this page's memory only: never saved, shared or exported."),
      h("div", { class: "row" }, h("button", { id: "ep-connect", class: "primary", on: { click: () => void this.connect() } }, "Connect"), h("button", { on: { click: () => (this.form.hidden = true) } }, "Close")),
    );
    this.tools = h(
      "div",
      { id: "ep-tools", class: "ep-tools", hidden: true },
      h("div", { class: "row" }, "Endpoint: ", this.connectionLabel, h("button", { id: "ep-disconnect", on: { click: () => this.disconnect() } }, "Disconnect")),
      h("div", { class: "row" }, this.searchInput, h("button", { id: "ep-search-run", on: { click: () => void this.search() } }, "Search")),
      h("div", { class: "row" }, this.fromInput, "→", this.toInput, h("button", { id: "ep-path-run", on: { click: () => void this.path() } }, "Find paths")),
      h("div", { class: "row" }, this.centreInput, h("label", {}, "Depth ", this.depthSelect), h("button", { id: "ep-nb-run", on: { click: () => void this.neighbourhood() } }, "Explore")),
    );
    this.element = h("div", { class: "ep" }, this.form, this.tools, h("div", { class: "row" }, this.status.line, this.status.cancelButton), this.results);
  }

  get connected(): boolean {
    return this.endpoint !== null;
  }

  toggleForm(): void {
    this.form.hidden = !this.form.hidden;
    if (!this.form.hidden) this.url.focus();
  }

  async connect(): Promise<void> {
    let endpoint: SparqlEndpoint;
    try {
      endpoint = new SparqlEndpoint({
        url: this.url.value.trim(),
        user: this.user.value.trim() || undefined,
        password: this.password.value || undefined,
        timeoutMs: Math.max(1, Number(this.timeout.value) || 30) * 1000,
      });
    } catch (error) {
      this.status.fail(error);
      return;
    }
    const ok = await this.status.guard("Connecting…", async (signal) => {
      await endpoint.ask("ASK { ?s ?p ?o }", { signal });
      return true;
    });
    if (!ok) return;
    this.endpoint = endpoint;
    // A typed budget is kept within what the page can hold; nonsense falls back to the default.
    const rows = Math.round(Number(this.rows.value));
    this.maxRows = rows > 0 ? Math.min(10_000_000, Math.max(100, rows)) : DEFAULT_ROW_BUDGET;
    // The password now lives only in the endpoint object; the field is cleared so it is not left in the page.
    this.password.value = "";
    this.form.hidden = true;
    this.tools.hidden = false;
    this.connectionLabel.textContent = endpoint.displayUrl;
    this.status.say(`Connected to ${endpoint.displayUrl}.`);
    this.host.onConnection(endpoint.displayUrl);
  }

  disconnect(): void {
    this.cancel();
    this.endpoint = null;
    this.tools.hidden = true;
    replaceChildren(this.results);
    this.status.say("");
    this.host.onConnection(null);
  }

  cancel(): void {
    this.status.cancel();
  }

  /** A query typed in the panel, sent to the endpoint; graph answers are drawn like local ones. */
  async query(text: string, maxRows: number): Promise<{ answer?: QueryAnswerView; failure?: QueryFailure }> {
    const endpoint = this.need();
    let failure: QueryFailure | undefined;
    const answer = await this.status.guard("Asking the endpoint…", async (signal): Promise<QueryAnswerView> => {
      const reply = await endpoint.query(text, { signal, maxRows });
      if (reply.form === "ask") return { form: "ask", value: reply.value };
      if (reply.form === "select") return { form: "select", vars: reply.result.vars, rows: rowViews(reply.result.bindings, this.host.prefixes()), truncated: reply.result.truncated };
      const format = /turtle/.test(reply.contentType) ? "turtle" : "ntriples";
      // A Turtle answer's relative IRIs resolve against the endpoint's address (the answer's location).
      const graph = await this.host.client.request("sparql", { op: "graph", parts: reply.parts, format, form: reply.form, baseIRI: baseIriOfUrl(endpoint.displayUrl) });
      if (graph.op !== "graph") throw new Error("workbench/sparql: unexpected reply");
      return graph.answer;
    }, (message) => (failure = { message }));
    this.status.say(answer ? "" : this.status.line.textContent ?? "");
    return answer ? { answer } : { failure: failure ?? { message: "workbench/sparql: cancelled" } };
  }

  async search(): Promise<void> {
    const endpoint = this.need();
    const text = this.searchInput.value.trim();
    if (!text) return;
    const hits = await this.status.guard(`Searching “${text}” on the endpoint…`, (signal) => remoteSearch(endpoint, text, { limit: 15, signal }));
    if (!hits) return;
    this.status.say(hits.length ? `${hits.length} match${hits.length === 1 ? "" : "es"} for “${text}” on the endpoint. Choose one to add it with its neighbours.` : `Nothing on the endpoint matches “${text}”.`);
    replaceChildren(this.results, hitList(hits, this.host.prefixes(), (iri) => void this.showNode(iri)));
  }

  /** Fetches a node's direct neighbourhood from the endpoint, adds it to the view, selects and centres the node. */
  async showNode(iri: string): Promise<void> {
    const endpoint = this.need();
    const answer = await this.status.guard("Fetching the node and its neighbours…", (signal) => remoteNeighbourhood(endpoint, [iri], { depth: 1, limit: NEIGHBOURHOOD_LIMIT, maxRows: this.maxRows, signal }));
    if (!answer) return;
    const g = answer.graph;
    const joined = await this.join(g, answer.result.nodes.map((e) => g.iri(e.node)), answer.result.edges, iri);
    if (!joined) return;
    this.status.result(answer.fetchTruncated, `${answer.result.nodes.length} nodes fetched.`);
    this.host.store.dispatch(actions.addNodes(joined.added));
    this.host.store.apply(selectNode(iri));
    requestAnimationFrame(() => this.host.view.focusNode(iri));
  }

  async path(): Promise<void> {
    const endpoint = this.need();
    const fromName = this.fromInput.value.trim(), toName = this.toInput.value.trim();
    if (!fromName || !toName) {
      this.status.fail(new Error("Give both ends of the path (a name or an IRI)."));
      return;
    }
    const options = this.host.store.get().path.options;
    const refusal = constraintsNotOnEndpoint(options);
    if (refusal !== undefined) {
      this.status.fail(new Error(refusal));
      return;
    }
    const finding = `Finding paths from “${fromName}” to “${toName}” on the endpoint…`;
    const answer = await this.status.guard(finding, async (signal) => {
      const prefixes = this.host.prefixes();
      const [from, to] = [await resolveRemoteNode(endpoint, fromName, prefixes, { signal }), await resolveRemoteNode(endpoint, toName, prefixes, { signal })];
      // The Path tab's exclusions are IRIs, which the endpoint search takes as they are.
      return remotePaths(endpoint, from, to, {
        k: options.k,
        maxLength: options.maxLength,
        directed: options.directed,
        excludePredicates: options.excludePredicates,
        excludeClasses: options.excludeClasses,
        excludeNodes: options.excludeNodes,
        maxRows: this.maxRows,
        onRows: this.status.counting(finding),
        signal,
      });
    }, (_message, error) => this.offerNames(error, [this.fromInput, this.toInput], () => void this.path()));
    if (!answer) return;
    const g = answer.graph;
    if (answer.paths.length === 0) {
      const reach = answer.knownHops;
      // Cut by the budget, "no path" holds only as far as every path was fetched.
      const known = !answer.fetchTruncated ? `within ${options.maxLength} steps` : reach > 0 ? `of ${reach} step${reach === 1 ? "" : "s"} or fewer` : "found";
      this.status.result(answer.fetchTruncated, `No path between “${fromName}” and “${toName}” ${known} on the endpoint${answer.fetchTruncated ? ` (${answer.rows.toLocaleString("en-US")} rows fetched; raise the row budget under Connect to endpoint… to look further)` : ""}.`);
      return;
    }
    const edgeIds = [...new Set(answer.paths.flatMap((p) => p.steps.map((s) => s.edge)))];
    const nodes = [...new Set(answer.paths.flatMap((p) => p.nodes.map((n) => g.iri(n))))];
    const joined = await this.join(g, nodes, edgeIds);
    if (!joined) return;
    const keyOf = new Map(edgeIds.map((e, i) => [e, { key: joined.edges[i], evidence: joined.evidence[i] }]));
    const results = answer.paths.map((p) => pathView(g, p, keyOf));
    // The endpoint's paths come by fewest hops, whatever the Path tab's order: recorded as they ran.
    const ends = { from: results[0].nodes[0], to: results[0].nodes[results[0].nodes.length - 1], options: { ...options, rank: "shortest" as const } };
    this.host.store.apply(pathStarted());
    this.host.store.dispatch(actions.runPath(ends, { results }, joined.added));
    const order = options.rank === "informative" ? " (by fewest hops: the most informative order weighs the whole graph)" : "";
    this.status.result(answer.fetchTruncated, `${results.length} path${results.length === 1 ? "" : "s"} found on the endpoint${order} (${answer.rows.toLocaleString("en-US")} rows fetched); see the Path tab for the steps and their evidence.`);
    replaceChildren(this.results, ...results.map((r) => h("p", { class: "ep-path" }, r.nodeLabels.join(" → "))));
    requestAnimationFrame(() => this.host.view.fitNodes(results[0].nodes));
  }

  async neighbourhood(): Promise<void> {
    const endpoint = this.need();
    const name = this.centreInput.value.trim();
    if (!name) return;
    const depth = Number(this.depthSelect.value);
    const store = this.host.store;
    // The Neighbourhood tab's direction and filters (IRIs, which the store applies to the links it sends).
    const { direction, classes, predicates, mode } = store.get().neighbourhood;
    const exploring = `Exploring around “${name}” on the endpoint…`;
    const answer = await this.status.guard(exploring, async (signal) => {
      const centre = await resolveRemoteNode(endpoint, name, this.host.prefixes(), { signal });
      const onRows = this.status.counting(exploring);
      return remoteNeighbourhood(endpoint, [centre], { depth, direction, classes, predicates, limit: NEIGHBOURHOOD_LIMIT, maxRows: this.maxRows, onRows, signal });
    }, (_message, error) => this.offerNames(error, [this.centreInput], () => void this.neighbourhood()));
    if (!answer) return;
    const g = answer.graph;
    const nodes = answer.result.nodes.map((e) => ({ node: g.iri(e.node), depth: e.depth }));
    const centres = answer.result.centers.map((n) => g.iri(n));
    const joined = await this.join(g, nodes.map((n) => n.node), answer.result.edges, centres[0]);
    if (!joined) return;
    const edges = joined.edges.filter((key): key is string => key !== null);
    const params = { centers: centres, depth, direction, classes, predicates, limit: NEIGHBOURHOOD_LIMIT, mode };
    const relations = answer.result.edges.flatMap((e, i) => (joined.edges[i] === null ? [] : [{ source: g.iri(g.edgeSources[e]), predicate: g.dataset.terms.value(g.edgePredicates[e]), target: g.iri(g.edgeTargets[e]) }]));
    store.dispatch(actions.runNeighbourhood(params, { result: { centers: centres, nodes, edges, truncated: answer.result.truncated }, relations }, joined.added));
    const narrowed = classes.length > 0 || predicates.length > 0 || direction !== "both" ? ", as the Neighbourhood tab's direction and filters say" : "";
    this.status.result(answer.fetchTruncated, `${nodes.length} nodes and ${edges.length} relations within depth ${depth} on the endpoint${narrowed} (${answer.rows.toLocaleString("en-US")} rows fetched; see the Neighbourhood tab).`);
    requestAnimationFrame(() => this.host.view.fitNodes(nodes.map((n) => n.node)));
  }

  /**
   * Adds the fetched triples to the loaded data (so details and evidence work as for local data) and draws the
   * given nodes and relations; undefined when that failed (the view is then unchanged).
   */
  private async join(g: GraphIndex, nodes: string[], edgeIds: readonly number[], near?: string) {
    const triples = edgeIds.map((e): [string, string, string] => [g.iri(g.edgeSources[e]), g.dataset.terms.value(g.edgePredicates[e]), g.iri(g.edgeTargets[e])]);
    try {
      const ntriples = writeNTriples(g.dataset);
      const endpoint = this.endpoint?.displayUrl ?? "endpoint";
      const reply = await this.host.client.request("sparql", { op: "join", name: `${endpoint} answer ${++this.joins}`, ntriples, nodes, triples });
      if (reply.op !== "join") throw new Error("workbench/sparql: unexpected reply");
      this.host.dataChanged(reply.summary, ntriples.trim() ? { endpoint, ntriples } : null);
      // The caller's step (path, neighbourhood, node shown) adds them to the session.
      const added = { nodes: this.host.view.add(reply.graph, near), edges: reply.graph.edges.map((e) => e.key) };
      this.host.viewChanged();
      return { ...reply, added };
    } catch (error) {
      this.status.fail(error);
      return undefined;
    }
  }

  /** A typed name the endpoint found ambiguous or unknown: its candidates, each of which fills the input and runs again. */
  private offerNames(error: unknown, inputs: readonly HTMLInputElement[], rerun: () => void): void {
    if (!(error instanceof NameResolutionError) || error.candidates.length === 0) return;
    const input = inputs.find((i) => i.value.trim() === error.name) ?? inputs[0];
    replaceChildren(this.results, nameChoices(error.candidates, this.host.prefixes(), (value) => ((input.value = value), rerun())));
  }

  private need(): SparqlEndpoint {
    if (!this.endpoint) throw new Error("workbench/sparql: not connected to an endpoint (Connect to endpoint… first).");
    return this.endpoint;
  }
}
