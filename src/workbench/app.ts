// The workbench: builds the page, wires the data worker, the session, the graph view and every panel together.
import {
  addToSelection,
  addToView,
  choosePath,
  clearSelectionOrQuery,
  createSessionStore,
  datasetReplaced,
  hideNodes,
  selectEdge,
  selectNode,
  setEdgeLabels,
  showAllNodes,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import type { EvidenceView } from "../session/types.ts";
import { Autocomplete } from "./autocomplete.ts";
import { DataClient, WorkerError } from "./data-client.ts";
import { renderEmptyDetails, showDetails, type DetailsActions } from "./details.ts";
import { downloadBlob, ExportMenu } from "./export-menu.ts";
import { FiltersPanel } from "./filters-panel.ts";
import { Marquee } from "./marquee.ts";
import { NeighbourhoodPanel } from "./neighbourhood-panel.ts";
import { PathPanel } from "./path-panel.ts";
import { SelectionPanel } from "./selection-panel.ts";
import { Shortcuts } from "./shortcuts.ts";
import { classColours } from "./display.ts";
import { h, replaceChildren } from "./dom.ts";
import { GraphView } from "./graph-view.ts";
import { LayoutController } from "./layout.ts";
import type { DatasetSummary, IncomingFile, Overview, ViewGraph } from "./protocol.ts";
import { SourceViewer, bundledSources } from "./source-viewer.ts";
import { formatFromFileName } from "../rdf/parse.ts";
import { baseIriOfUrl } from "../rdf/iri.ts";
import { DataSources } from "./data-sources.ts";
import { StatusLine } from "./status-line.ts";
import { attachSession, type SessionHandle } from "./session-wiring.ts";

/**
 * The overview shows at most this many nodes (the highest-degree ones): sigma stays fluid up to ~10^4 nodes and
 * 10^5 edges, and a layout of a few thousand nodes settles in seconds. Queries and expansions add to it.
 */
export const OVERVIEW_CAP = 2000;
const EXPAND_LIMIT = 150;
const NEIGHBOURHOOD_LIMIT = 1500;

export interface WorkbenchHandle {
  kill(): void;
  readonly store: SessionStore;
  readonly view: GraphView;
  /** Resolves when the data is shown and the last session (or a share link) is restored. */
  readonly ready: Promise<void>;
  /** The analyst's session: history, notes, autosave; null until the data first loaded. */
  readonly session: SessionHandle | null;
}

/**
 * Builds the page in #app, then (in a later task) the graph view, and starts loading the bundled data. Two tasks
 * because on a software WebGL renderer, sigma's WebGL contexts and shaders (~115 ms) after the page's DOM came to
 * ~200 ms in one task, the most a main-thread task may take.
 */
export async function startWorkbench(root: HTMLElement): Promise<WorkbenchHandle> {
  const store = createSessionStore();
  const worker = new Worker(new URL("./data.worker.ts", import.meta.url), { type: "module" });
  const client = new DataClient(worker);
  const sources = bundledSources();
  const viewer = new SourceViewer(sources);
  const cleanups: (() => void)[] = [];
  let summary: DatasetSummary | null = null;
  let overview: Overview | null = null;
  let killed = false;

  // ---- Shell ---------------------------------------------------------------------------------------------
  const status = h("span", { id: "status", class: "status", attrs: { "aria-live": "polite" } }, "Loading…");
  const layoutButton = h("button", { id: "layout-toggle", title: "Start or stop the ForceAtlas2 layout" }, "▶ Layout");
  const fileInput = h("input", { type: "file", id: "file-input", hidden: true, attrs: { multiple: "", accept: ".ttl,.nt,.nq,.trig,.turtle,.ntriples,.nquads" } });
  const edgeLabelsBox = h("input", { type: "checkbox", id: "edge-labels" });
  // The graph view and the selection panel are made further down; the menu uses them only on a click.
  const exportMenu = new ExportMenu({ store, view: () => view, client, exportSelection: () => selectionPanel.exportSelection(), showError });
  cleanups.push(() => exportMenu.kill());
  const toolbar = h(
    "div",
    { class: "toolbar" },
    layoutButton,
    h("button", { id: "fit", title: "Fit the view (F)", on: { click: () => view.fitNodes([]) } }, "Fit"),
    h("label", { class: "toggle", title: "Show relation labels on edges" }, edgeLabelsBox, " Edge labels"),
    h("button", { id: "open-file", title: "Add Turtle, N-Triples, N-Quads or TriG files (or drop them on the page); drop a .json session file to open it", on: { click: () => fileInput.click() } }, "Open data…"),
    fileInput,
    exportMenu.element,
    h("button", { id: "sparql-open", title: "SPARQL queries over the data, or a remote SPARQL endpoint", on: { click: () => openSparql() } }, "SPARQL…"),
    h("button", { id: "help", title: "Keyboard shortcuts (?)", on: { click: () => shortcuts.toggleHelp() } }, "?"),
  );
  const topbar = h(
    "header",
    { class: "topbar" },
    h("h1", {}, "smartcity-kg"),
    status,
    toolbar,
  );
  const infoText = h("span", {});
  const infoBanner = h(
    "div",
    { id: "info", class: "info-banner", hidden: true, role: "status" },
    infoText,
    h("button", { class: "close", title: "Dismiss", on: { click: () => (infoBanner.hidden = true) } }, "×"),
  );
  function showInfo(message: string): void {
    infoText.textContent = message;
    infoBanner.hidden = false;
  }

  const searchBox = new Autocomplete({
    placeholder: "Search names…  ( / )",
    id: "search",
    label: "Search the graph",
    search: (text) => client.request("search", { text, limit: 12 }),
    onPick: (hit) => void revealAndSelect(hit.node),
  });

  // The session adds History and Notes.
  const tabs: string[] = ["Path", "Neighbourhood", "Filters"];
  type Tab = string;
  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const tabPanels = new Map<Tab, HTMLElement>();
  const tabBar = h("div", { class: "tabs", role: "tablist" });
  for (const tab of tabs) {
    const button = h("button", { role: "tab", id: `tab-${tab.toLowerCase()}`, on: { click: () => showTab(tab) } }, tab);
    tabButtons.set(tab, button);
    tabBar.append(button);
    tabPanels.set(tab, h("section", { class: "tab-panel", id: `panel-${tab.toLowerCase()}`, role: "tabpanel", hidden: true }));
  }
  function showTab(tab: Tab): void {
    for (const t of tabs) {
      tabButtons.get(t)!.classList.toggle("active", t === tab);
      tabButtons.get(t)!.setAttribute("aria-selected", String(t === tab));
      tabPanels.get(t)!.hidden = t !== tab;
    }
  }

  const left = h("aside", { class: "left" }, h("div", { class: "search-wrap" }, searchBox.element), tabBar, ...tabPanels.values());
  const graphContainer = h("div", { id: "graph", class: "graph" });
  const legend = h("div", { id: "legend", class: "legend" });
  const notice = h("div", { id: "notice", class: "notice", hidden: true });
  const progressBar = h("progress", { attrs: { max: "1", value: "0" } });
  const progressText = h("span", {});
  const progress = h("div", { id: "progress", class: "progress", hidden: true }, progressText, progressBar);
  const errorText = h("span", { class: "error-text" });
  const errorBanner = h(
    "div",
    { id: "error", class: "error-banner", hidden: true, role: "alert" },
    errorText,
    h("button", { class: "close", title: "Dismiss", on: { click: () => (errorBanner.hidden = true) } }, "×"),
  );
  const dropZone = h("div", { class: "drop-zone", hidden: true }, "Drop Turtle, N-Triples, N-Quads or TriG files to add them");
  const centre = h("main", { class: "centre" }, graphContainer, legend, notice, progress, errorBanner, infoBanner, dropZone);
  const detailsPanel = h("div", { id: "details", class: "details-panel" });
  const right = h("aside", { class: "right" }, detailsPanel, viewer.element);
  const shortcuts = new Shortcuts(
    {
      focusSearch: () => {
        searchBox.input.focus();
        searchBox.input.select();
      },
      fit: () => view.fitNodes([]),
      selectAll: () => selectionPanel.selectAllShown(),
      closeOpen: () => {
        if (viewer.isOpen) viewer.close();
        else if (exportMenu.isOpen) exportMenu.close();
        else return false;
        return true;
      },
      clear: () => store.apply(clearSelectionOrQuery()),
    },
    `The overview shows at most ${OVERVIEW_CAP.toLocaleString("en")} nodes, those with the most relations; search, queries and double-clicks add more.`,
  );
  cleanups.push(() => shortcuts.kill());
  replaceChildren(root, h("div", { class: "workbench" }, topbar, left, centre, right), shortcuts.help);
  root.classList.add("app-root");

  // ---- Graph view and layout ------------------------------------------------------------------------------
  await new Promise((resolve) => setTimeout(resolve, 0));
  const view = new GraphView(graphContainer, store, { onDoubleClickNode: (node) => void expandNode(node) });
  const layout = new LayoutController(
    view.graph,
    () => `${summary?.hash ?? ""}:${OVERVIEW_CAP}:${store.get().filters.showSchema}`,
    () => new Set(session?.controller.pinned ?? []),
  );
  cleanups.push(
    layout.onChange((running) => {
      layoutButton.textContent = running ? "■ Stop layout" : "▶ Layout";
      layoutButton.classList.toggle("running", running);
      layoutButton.setAttribute("aria-pressed", String(running));
      view.setLayoutBusy(layout.busy);
    }),
  );
  layoutButton.addEventListener("click", () => layout.toggle());
  view.onNodeMoved = () => layout.save();
  edgeLabelsBox.addEventListener("change", () => store.apply(setEdgeLabels(edgeLabelsBox.checked)));

  // ---- Errors and progress -----------------------------------------------------------------------------
  function showError(error: unknown): void {
    const message = error instanceof WorkerError ? error.failure.message : error instanceof Error ? error.message : String(error);
    errorText.textContent = message;
    errorBanner.hidden = false;
  }
  function showProgress(text: string, fraction: number | null): void {
    progress.hidden = false;
    progressText.textContent = text;
    if (fraction === null) progressBar.removeAttribute("value");
    else progressBar.value = Math.max(0, Math.min(1, fraction));
  }

  // ---- Loading data ------------------------------------------------------------------------------------
  const dataSources = new DataSources();
  /** Loads and shows the data; false when it failed, with the error shown, or with `rethrow`, thrown to the caller instead. */
  async function load(files: IncomingFile[], replace: boolean, rethrow = false): Promise<boolean> {
    const release = session?.controller.mute();
    try {
      return await loadData(files, replace, rethrow);
    } finally {
      release?.();
    }
  }
  async function loadData(files: IncomingFile[], replace: boolean, rethrow: boolean): Promise<boolean> {
    showProgress(files.length ? `Reading ${files.map((f) => f.name).join(", ")}…` : "Loading the bundled graph…", null);
    try {
      // Relative IRIs in the files resolve against the page's address (without its query and fragment).
      const reply = await client.request("load", { files, replace, baseIRI: baseIriOfUrl(location.href) }, (p) =>
        showProgress(p.file ? `Parsing ${p.file}… ${Math.round((100 * p.done) / p.total)}%` : "Indexing…", p.done / p.total),
      );
      summary = reply;
      dataSources.loaded(reply.loaded, files, replace);
    } catch (error) {
      progress.hidden = true;
      if (rethrow) throw error;
      showError(error);
      return false;
    }
    errorBanner.hidden = true;
    showProgress("Building the view…", null);
    showSummary(summary, false);
    await rebuildView();
    progress.hidden = true;
    return true;
  }

  /** Classes in the order they took their colours (the most frequent first, when the data was loaded). */
  let colourOrder: string[] = [];
  /**
   * Shows what the data holds: class colours and the legend, the filters, the path and neighbourhood panels'
   * choices. With `keepColours` (data joined from an endpoint) the classes shown so far keep their colours and new
   * ones take the next; otherwise colours follow the classes' frequency.
   */
  function showSummary(next: DatasetSummary, keepColours: boolean): void {
    summary = next;
    const byFrequency = next.classes.map((c) => c.iri);
    colourOrder = keepColours ? [...colourOrder, ...byFrequency.filter((iri) => !colourOrder.includes(iri))] : byFrequency;
    view.setColours(classColours(colourOrder));
    filters.renderLegend();
    filters.render();
    paths.setData(next);
    neighbourhoods.setData(next);
  }

  /** Node keys of the overview now drawn, and whether it included the schema. */
  let overviewKeys = new Set<string>();
  let overviewSchema = false;
  /** Rebuilds the displayed graph from a fresh overview plus whatever queries and expansions had added. */
  async function rebuildView(keepState = false): Promise<void> {
    const previous = new Map<string, { x: number; y: number }>();
    view.graph.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    const state = store.get();
    const shown = await client.request("overview", { cap: OVERVIEW_CAP, includeSchema: state.filters.showSchema, layout: true });
    overview = shown;
    const extra = state.added.nodes.length
      ? await client.request("subgraph", { nodes: [...overview.graph.nodes.map((n) => n.key), ...state.added.nodes], edges: [], induce: true })
      : null;
    // When most of the new overview was not on screen, the worker's fresh layout is the better picture; otherwise
    // what the analyst already sees stays put, and new nodes go beside their neighbours (then ForceAtlas2 settles them).
    const fresh = overview.graph.nodes.filter((node) => !previous.has(node.key)).length;
    if (fresh > overview.graph.nodes.length / 2) previous.clear();
    if (previous.size) {
      for (const node of overview.graph.nodes) {
        delete node.x;
        delete node.y;
      }
    }
    layout.reset();
    view.clear();
    overviewKeys = new Set(overview.graph.nodes.map((n) => n.key));
    overviewSchema = state.filters.showSchema;
    view.setSizing(overview.graph);
    const missing = view.batch(() => {
      view.add(shown.graph);
      if (extra) view.add(extra);
      // Positions, best first: where the analyst last saw a node, the cache of this dataset, the worker's first layout.
      const notCached = layout.restore();
      if (!previous.size) return notCached;
      let notSeen = 0;
      view.graph.forEachNode((node) => {
        const p = previous.get(node);
        if (p) view.graph.mergeNodeAttributes(node, p);
        else notSeen++;
      });
      return notSeen;
    });
    if (!keepState) store.apply(datasetReplaced());
    view.refresh();
    updateStatus();
    if (missing === view.graph.order) layout.save();
    else if (missing > 0) layout.autoRun();
    view.fitNodes([]);
  }

  async function readFiles(list: FileList | File[]): Promise<void> {
    const all = Array.from(list);
    // A dropped .json is a session; RDF files are data, handed to the worker unread (a 40 MB text would block the page).
    const sessions = all.filter((file) => /\.json$/i.test(file.name));
    for (const file of sessions) await session?.openText(await file.text(), file.name);
    const files: IncomingFile[] = all.filter((file) => !sessions.includes(file)).map((file) => ({ name: file.name, file, format: formatFromFileName(file.name) }));
    if (files.length && (await load(files, false))) session?.dataLoaded(files.map((f) => f.name));
  }
  fileInput.addEventListener("change", () => {
    if (fileInput.files) void readFiles(fileInput.files).finally(() => (fileInput.value = ""));
  });
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    dropZone.hidden = false;
  };
  const onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null) dropZone.hidden = true;
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dropZone.hidden = true;
    if (event.dataTransfer?.files.length) void readFiles(event.dataTransfer.files);
  };
  window.addEventListener("dragover", onDragOver);
  window.addEventListener("dragleave", onDragLeave);
  window.addEventListener("drop", onDrop);
  cleanups.push(() => {
    window.removeEventListener("dragover", onDragOver);
    window.removeEventListener("dragleave", onDragLeave);
    window.removeEventListener("drop", onDrop);
  });

  /** The SPARQL panel and Oxigraph are fetched only when first opened. */
  function openSparql(): void {
    import("./sparql/panel.ts")
      .then(({ openSparqlPanel }) =>
        openSparqlPanel({
          client,
          store,
          view,
          container: centre,
          viewChanged: updateStatus,
          dataChanged: (next, joined) => {
            showSummary(next, true);
            if (joined) dataSources.endpointAnswered(joined.endpoint, joined.ntriples);
            updateStatus();
          },
        }),
      )
      .catch(showError);
  }

  // ---- Status: what is shown of what is loaded (status-line.ts), recounted after every view or state change ----
  const statusLine = new StatusLine(status, notice, { summary: () => summary, overview: () => overview, visible: () => view.visible(), cap: OVERVIEW_CAP });
  const updateStatus = () => statusLine.update();
  const recount = () => statusLine.schedule();
  for (const event of ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared"] as const) view.graph.on(event, recount);
  cleanups.push(store.subscribe(recount), () => statusLine.kill());

  // ---- Selection and details ---------------------------------------------------------------------------
  /** Makes sure a node (and the edge it was reached by) is in the view, adding it next to its shown neighbours. */
  async function ensureInView(node: string, via?: string): Promise<void> {
    if (view.graph.hasNode(node) && (!via || view.graph.hasEdge(via))) return;
    const neighbours = await client.request("expand", { node, limit: EXPAND_LIMIT });
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
    store.apply(addToView(added, keep.edges.map((e) => e.key)));
    updateStatus();
  }

  async function revealAndSelect(node: string, via?: string): Promise<void> {
    try {
      await ensureInView(node, via);
      if (store.get().filters.hiddenNodes.includes(node)) store.apply(showAllNodes());
      store.apply(selectNode(node));
      // Let sigma index a node just added before the camera asks where it is.
      requestAnimationFrame(() => view.focusNode(node));
    } catch (error) {
      showError(error);
    }
  }

  async function expandNode(node: string): Promise<void> {
    try {
      const neighbours = await client.request("expand", { node, limit: EXPAND_LIMIT });
      const added = view.add(neighbours, node);
      store.apply(addToView(added, neighbours.edges.map((e) => e.key)), selectNode(node));
      updateStatus();
    } catch (error) {
      showError(error);
    }
  }

  const detailsActions: DetailsActions = {
    selectNode: (iri, via) => void revealAndSelect(iri, via),
    selectEdge: (edge) => {
      void (async () => {
        if (!view.graph.hasEdge(edge)) {
          const sub = await client.request("subgraph", { nodes: [], edges: [edge] });
          store.apply(addToView(view.add(sub), [edge]));
          updateStatus();
        }
        store.apply(selectEdge(edge));
      })().catch(showError);
    },
    openEvidence: (evidence) => viewer.open(evidence),
    hideNode: (iri) => store.apply(hideNodes([iri])),
    selectWithNeighbours: (iri) => {
      store.apply(selectNode(iri));
      selectionPanel.selectNeighbours();
    },
    exploreAround: (iri) => {
      neighbourhoods.addCentres([iri]);
      showTab("Neighbourhood");
    },
    pathFrom: (iri, label) => {
      paths.setFrom(iri, label);
      showTab("Path");
    },
    pathTo: (iri, label) => {
      paths.setTo(iri, label);
      showTab("Path");
    },
  };

  const selectionPanel = new SelectionPanel({
    store,
    view,
    client,
    panel: detailsPanel,
    actions: detailsActions,
    classLabel: (iri) => summary?.classes.find((c) => c.iri === iri)?.label ?? labelOf(iri),
    decorate: (panel, state) => session?.decorateDetails(panel, state),
    exploreAround: (nodes) => {
      neighbourhoods.setCentres(nodes);
      showTab("Neighbourhood");
    },
    focusNode: (iri) => requestAnimationFrame(() => view.focusNode(iri)),
    download: downloadBlob,
    showError,
    showInfo,
  });
  const renderSelection = (state: SessionState) => selectionPanel.render(state);
  const filters = new FiltersPanel({
    store,
    view,
    legend,
    element: tabPanels.get("Filters")!,
    summary: () => summary,
    selection: selectionPanel,
    setClassColour: (cls, label, colour) => session?.setClassColour(cls, label, colour),
    appearanceControls: () => session?.appearanceControls() ?? null,
    rebuildView: () => rebuildView(),
  });
  const marquee = new Marquee(view, (nodes) => store.apply(addToSelection(nodes)));
  cleanups.push(() => marquee.kill());

  // ---- Path and neighbourhood queries (path-panel.ts, neighbourhood-panel.ts) -----------------------------
  const searchFn = (text: string) => client.request("search", { text, limit: 10 });
  const openEvidence = (evidence: EvidenceView) => viewer.open(evidence);
  const paths = new PathPanel({ element: tabPanels.get("Path")!, store, client, view, search: searchFn, openEvidence, labelOf, viewChanged: updateStatus });
  const neighbourhoods = new NeighbourhoodPanel({
    element: tabPanels.get("Neighbourhood")!,
    store,
    client,
    view,
    search: searchFn,
    limit: NEIGHBOURHOOD_LIMIT,
    reveal: (iri) => void revealAndSelect(iri),
    viewChanged: updateStatus,
  });

  // ---- Reacting to the session -------------------------------------------------------------------------
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) void renderSelection(state);
      if (state.path !== previous.path || state.focus !== previous.focus) paths.render(state);
      if (state.neighbourhood !== previous.neighbourhood) neighbourhoods.render(state);
      filters.update(state, previous);
    }),
  );

  // ---- Session: autosave, files, history, notes, share, report (session-wiring.ts) ----------------------
  function labelOf(iri: string): string {
    if (view.graph.hasNode(iri)) return view.graph.getNodeAttribute(iri, "label");
    for (const result of store.get().path.results) {
      const i = result.nodes.indexOf(iri);
      if (i >= 0) return result.nodeLabels[i];
    }
    return summary?.classes.find((c) => c.iri === iri)?.label ?? summary?.predicates.find((p) => p.iri === iri)?.label ?? iri.slice(Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#")) + 1);
  }
  /** Makes the drawn graph the overview (with or without schema) plus what the state added. */
  async function syncGraph(state: SessionState): Promise<void> {
    if (state.filters.showSchema !== overviewSchema) await rebuildView(true);
    const wanted = new Set([...overviewKeys, ...state.added.nodes]);
    const extra = view.graph.filterNodes((node) => !wanted.has(node));
    for (const node of extra) view.graph.dropNode(node);
    const missing = state.added.nodes.filter((n) => !view.graph.hasNode(n));
    const missingEdges = state.added.edges.filter((e) => !view.graph.hasEdge(e));
    if (missing.length || missingEdges.length) {
      const sub = await client.request("subgraph", { nodes: [...wanted], edges: state.added.edges, induce: true });
      view.add(sub);
    }
    layout.reset();
    updateStatus();
  }
  function syncWidgets(state: SessionState): void {
    edgeLabelsBox.checked = state.view.edgeLabels;
    paths.sync(state);
    neighbourhoods.sync(state);
    filters.renderLegend();
    filters.render();
    void renderSelection(state);
  }
  let session: SessionHandle | null = null;
  showTab("Path");
  showDetails(detailsPanel, renderEmptyDetails());
  const ready = load([], true).then(async (ok) => {
    if (!ok || killed) return;
    session = attachSession({
      store,
      view,
      layout,
      client,
      toolbar,
      addTab: (name, panel) => {
        tabs.push(name);
        const button = h("button", { role: "tab", id: `tab-${name.toLowerCase()}`, on: { click: () => showTab(name) } }, name);
        tabButtons.set(name, button);
        tabBar.append(button);
        const section = h("section", { class: "tab-panel", id: `panel-${name.toLowerCase()}`, role: "tabpanel", hidden: true }, panel);
        tabPanels.set(name, section);
        left.append(section);
      },
      showTab,
      showError,
      showInfo,
      sources: () => dataSources.list(),
      sourceFile: (sha256) => dataSources.fileOf(sha256),
      loadSources: async (sources, kept) => {
        const bundled = sources.some((s) => s.kind === "bundled");
        const files = dataSources.incoming(sources, kept);
        if (bundled) await load([], true, true);
        if (files.length) await load(files, !bundled, true);
      },
      syncGraph,
      syncWidgets,
      rerunQueries: async (state, chosenPath, focus) => {
        if (state.path.from && state.path.to && (focus === "path" || chosenPath >= 0)) {
          await paths.run();
          if (chosenPath > 0) store.apply(choosePath(chosenPath));
        }
        if (focus === "neighbourhood" && state.neighbourhood.centers.length) await neighbourhoods.run();
      },
      resultTurtle: () => exportMenu.resultTurtle(),
      labelOf,
      selectNode: (iri) => void revealAndSelect(iri),
      download: downloadBlob,
      limits: { expand: EXPAND_LIMIT, neighbourhood: NEIGHBOURHOOD_LIMIT },
    });
    await session.restored;
  });

  return {
    store,
    view,
    ready,
    get session() {
      return session;
    },
    kill() {
      if (killed) return;
      killed = true;
      session?.kill();
      for (const cleanup of cleanups) cleanup();
      searchBox.kill();
      paths.kill();
      neighbourhoods.kill();
      layout.kill();
      view.kill();
      client.kill();
      store.kill();
    },
  };
}
