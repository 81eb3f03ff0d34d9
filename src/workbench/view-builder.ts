// Loads data into the worker and builds the drawn graph from its overview plus what the session added, keeping where nodes were.
import { datasetReplaced, type SessionState, type SessionStore } from "../session/index.ts";
import { baseIriOfUrl } from "../rdf/iri.ts";
import type { SessionSource } from "../session/format.ts";
import { WorkerError, type DataClient } from "./data-client.ts";
import { loadProgressText, showLoadCancel } from "./load-progress.ts";
import { loadLimitsFrom } from "./load-limits.ts";
import type { DataSources } from "./data-sources.ts";
import { classColours } from "./display.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";
import { placeNewNodes } from "./place-new-nodes.ts";
import type { DatasetSummary, IncomingFile, Overview } from "./protocol.ts";

export interface ViewBuilderHost {
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  layout: LayoutController;
  dataSources: DataSources;
  /** The overview's node cap. */
  cap: number;
  /** Store changes until the returned function is called are no History steps (the session's mute), if attached. */
  mute(): (() => void) | undefined;
  showProgress(text: string, fraction: number | null): void;
  hideProgress(): void;
  showError(error: unknown): void;
  hideError(): void;
  /** The data's classes and predicates changed: legend, filters and query panels follow. */
  summaryChanged(summary: DatasetSummary): void;
  viewChanged(): void;
}

export class ViewBuilder {
  summary: DatasetSummary | null = null;
  overview: Overview | null = null;
  /** Classes in the order they took their colours (the most frequent first, when the data was loaded). */
  private colourOrder: string[] = [];
  /** Node keys of the overview now drawn, and whether it included the schema. */
  private overviewKeys = new Set<string>();
  private overviewSchema = false;

  constructor(private readonly host: ViewBuilderHost) {}

  /** Loads and shows the data; false when it failed, with the error shown, or with `rethrow`, thrown to the caller instead. */
  async load(files: IncomingFile[], replace: boolean, rethrow = false): Promise<boolean> {
    const release = this.host.mute();
    try {
      return await this.loadData(files, replace, rethrow);
    } finally {
      release?.();
    }
  }

  private async loadData(files: IncomingFile[], replace: boolean, rethrow: boolean): Promise<boolean> {
    const { client, dataSources } = this.host;
    this.host.showProgress(files.length ? `Reading ${files.map((f) => f.name).join(", ")}…` : "Loading the bundled graph…", null);
    let summary: DatasetSummary;
    // Files may be large: the worker streams them, and the analyst may stop it (the graph before stays).
    const removeCancel = files.length ? showLoadCancel(() => void client.request("cancelLoad", {})) : () => undefined;
    try {
      // Relative IRIs in the files resolve against the page's address (without its query and fragment).
      const reply = await client.request("load", { files, replace, baseIRI: baseIriOfUrl(location.href), limits: loadLimitsFrom(location.search) }, (p) =>
        this.host.showProgress(loadProgressText(p), p.done / p.total),
      );
      summary = reply;
      this.summary = reply;
      dataSources.loaded(reply.loaded, files, replace);
    } catch (error) {
      this.host.hideProgress();
      if (rethrow) throw error;
      // A cancel is the analyst's own choice: nothing went wrong, nothing to show.
      if (!(error instanceof WorkerError && error.failure.cancelled)) this.host.showError(error);
      return false;
    } finally {
      removeCancel();
    }
    this.host.hideError();
    this.host.showProgress("Building the view…", null);
    this.showSummary(summary, false);
    await this.rebuild({ replaced: replace });
    this.host.hideProgress();
    return true;
  }

  /**
   * Replaces the data with a session's sources (bundled, then files); a file without content is read from `kept` or
   * the page's own copy. Rejects with the load's error, for the caller to show.
   */
  async loadSources(sources: readonly SessionSource[], kept?: ReadonlyMap<string, Blob>): Promise<void> {
    const bundled = sources.some((s) => s.kind === "bundled");
    const files = this.host.dataSources.incoming(sources, kept);
    if (bundled) await this.load([], true, true);
    if (files.length) await this.load(files, !bundled, true);
  }

  /**
   * Shows what the data holds: class colours and the legend, the filters, the path and neighbourhood panels'
   * choices. With `keepColours` (data joined from an endpoint) the classes shown so far keep their colours and new
   * ones take the next; otherwise colours follow the classes' frequency.
   */
  showSummary(next: DatasetSummary, keepColours: boolean): void {
    this.summary = next;
    const byFrequency = next.classes.map((c) => c.iri);
    const order = this.colourOrder;
    this.colourOrder = keepColours ? [...order, ...byFrequency.filter((iri) => !order.includes(iri))] : byFrequency;
    this.host.view.setClassGroups(next.groups ?? []);
    this.host.view.setColours(classColours(this.colourOrder));
    this.host.view.setReplacedPredicates(next.replacedPredicates);
    this.host.view.sourceFilter.setSources(next.sources ?? []);
    this.host.summaryChanged(next);
  }

  /**
   * Rebuilds the displayed graph from a fresh overview plus whatever queries and expansions had added. Nodes on
   * screen keep their positions and new ones are placed beside their neighbours, except when a replacing load
   * shows mostly other nodes: then the cached or the worker's layout is the better picture.
   */
  async rebuild(options: { keepState?: boolean; replaced?: boolean } = {}): Promise<void> {
    const { store, client, view, layout, cap } = this.host;
    const previous = new Map<string, { x: number; y: number }>();
    view.graph.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    const state = store.get();
    const shown = await client.request("overview", { cap, includeSchema: state.filters.showSchema, layout: true });
    this.overview = shown;
    const extra = state.added.nodes.length
      ? await client.request("subgraph", { nodes: [...shown.graph.nodes.map((n) => n.key), ...state.added.nodes], edges: [], induce: true })
      : null;
    const fresh = shown.graph.nodes.filter((node) => !previous.has(node.key)).length;
    if (options.replaced && fresh > shown.graph.nodes.length / 2) previous.clear();
    if (previous.size) {
      for (const node of shown.graph.nodes) {
        delete node.x;
        delete node.y;
      }
    }
    layout.reset();
    view.clear();
    this.overviewKeys = new Set(shown.graph.nodes.map((n) => n.key));
    this.overviewSchema = state.filters.showSchema;
    view.setSizing(shown.graph);
    const missing = view.batch(() => {
      view.add(shown.graph);
      if (extra) view.add(extra);
      // Positions, best first: where the analyst last saw a node, the cache of this dataset, the worker's first layout.
      if (!previous.size) return layout.restore();
      const unseen = new Set<string>();
      view.graph.forEachNode((node) => {
        const p = previous.get(node);
        if (p) view.graph.mergeNodeAttributes(node, p);
        else unseen.add(node);
      });
      placeNewNodes(view.graph, unseen);
      return 0;
    });
    if (!options.keepState) store.apply(datasetReplaced());
    view.refresh();
    this.host.viewChanged();
    if (missing === view.graph.order || (previous.size && missing === 0)) layout.save();
    else if (missing > 0) layout.autoRun();
    view.fitNodes([]);
  }

  /** Makes the drawn graph the overview (with or without schema) plus what the state added. */
  async sync(state: SessionState): Promise<void> {
    const { client, view, layout } = this.host;
    if (state.filters.showSchema !== this.overviewSchema) await this.rebuild({ keepState: true });
    const wanted = new Set([...this.overviewKeys, ...state.added.nodes]);
    const extra = view.graph.filterNodes((node) => !wanted.has(node));
    for (const node of extra) view.graph.dropNode(node);
    const missing = state.added.nodes.filter((n) => !view.graph.hasNode(n));
    const missingEdges = state.added.edges.filter((e) => !view.graph.hasEdge(e));
    if (missing.length || missingEdges.length) {
      const sub = await client.request("subgraph", { nodes: [...wanted], edges: state.added.edges, induce: true });
      view.add(sub);
    }
    layout.reset();
    this.host.viewChanged();
  }
}
