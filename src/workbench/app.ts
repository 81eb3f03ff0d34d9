// The workbench: builds the page, wires the data worker, the session, the graph view and every panel together.
import { downloadAsPNG } from "@sigma/export-image";
import {
  addNeighbourhoodCenter,
  addToView,
  choosePath,
  clearSelectionOrQuery,
  createSessionStore,
  datasetReplaced,
  addToSelection,
  hideNodes,
  neighbourhoodFailed,
  neighbourhoodFinished,
  neighbourhoodStarted,
  pathFailed,
  pathFinished,
  pathStarted,
  removeNeighbourhoodCenter,
  resetFilters,
  selectEdge,
  selectedNodes,
  selectNode,
  setDateRange,
  setEdgeLabels,
  setFocus,
  setNeighbourhoodCenters,
  setNeighbourhoodOptions,
  setPathEnds,
  setPathOptions,
  setShowSchema,
  showAllNodes,
  toggleClass,
  togglePredicate,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import type { Direction, EvidenceView, PathResultView } from "../session/types.ts";
import { Autocomplete } from "./autocomplete.ts";
import { DataClient, WorkerError } from "./data-client.ts";
import { renderEmptyDetails, renderEvidence, showDetails, type DetailsActions } from "./details.ts";
import { Marquee } from "./marquee.ts";
import { SelectionPanel } from "./selection-panel.ts";
import { classColours, OTHER_COLOUR } from "./display.ts";
import { h, replaceChildren } from "./dom.ts";
import { GraphView } from "./graph-view.ts";
import { LayoutController } from "./layout.ts";
import type { DatasetSummary, IncomingFile, Overview, ViewGraph } from "./protocol.ts";
import { SourceViewer, bundledSources } from "./source-viewer.ts";
import { formatFromFileName } from "../rdf/parse.ts";
import { describeSource, type SessionSource } from "../session/format.ts";
import { attachSession, type SessionHandle } from "./session-wiring.ts";
import type { SearchHit } from "./protocol.ts";

/**
 * The overview shows at most this many nodes (the highest-degree ones): sigma stays fluid up to ~10^4 nodes and
 * 10^5 edges, and a layout of a few thousand nodes settles in seconds. Queries and expansions add to it.
 */
export const OVERVIEW_CAP = 2000;
const EXPAND_LIMIT = 150;
/** Legend entries shown before "show all": the biggest classes, which are also the ones with distinct colours. */
const LEGEND_SHORT = 12;
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

export function startWorkbench(root: HTMLElement): WorkbenchHandle {
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
  const exportMenu = h(
    "div",
    { class: "menu", id: "export-menu", hidden: true, role: "menu" },
    h("button", { id: "export-view", on: { click: () => exportTurtle("view") } }, "Turtle: current view"),
    h("button", { id: "export-selection", on: { click: () => exportTurtle("selection") } }, "Turtle: selection (all selected nodes)"),
    h("button", { id: "export-query", on: { click: () => exportTurtle("query") } }, "Turtle: query result"),
    h("button", { id: "export-png", on: { click: () => exportPng() } }, "PNG image of the view"),
  );
  const toolbar = h(
    "div",
    { class: "toolbar" },
    layoutButton,
    h("button", { id: "fit", title: "Fit the view (F)", on: { click: () => view.fitNodes([]) } }, "Fit"),
    h("label", { class: "toggle", title: "Show relation labels on edges" }, edgeLabelsBox, " Edge labels"),
    h("button", { id: "open-file", title: "Add Turtle, N-Triples, N-Quads or TriG files (or drop them on the page); drop a .json session file to open it", on: { click: () => fileInput.click() } }, "Open data…"),
    fileInput,
    h(
      "div",
      { class: "menu-wrap" },
      h("button", { id: "export", attrs: { "aria-haspopup": "menu" }, on: { click: () => (exportMenu.hidden = !exportMenu.hidden) } }, "Export ▾"),
      exportMenu,
    ),
    h("button", { id: "sparql-open", title: "SPARQL queries over the data, or a remote SPARQL endpoint", on: { click: () => openSparql() } }, "SPARQL…"),
    h("button", { id: "help", title: "Keyboard shortcuts (?)", on: { click: () => toggleHelp() } }, "?"),
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
  const help = h(
    "div",
    { id: "shortcuts", class: "dialog", hidden: true, role: "dialog", attrs: { "aria-label": "Keyboard shortcuts" } },
    h("h2", {}, "Keyboard shortcuts"),
    h(
      "dl",
      {},
      ...[
        ["/", "focus the search box"],
        ["click a node", "select it (details on the right); click the empty canvas to clear"],
        ["Shift+click, Ctrl/Cmd+click", "add a node to the selection, or take it out"],
        ["Shift+drag on the canvas", "select the nodes in a rectangle (a plain drag pans)"],
        ["Esc", "clear the selection, then the query highlight; close dialogs"],
        ["F", "fit the whole view"],
        ["?", "show or hide this help"],
        ["double-click a node", "expand its neighbours"],
        ["hover a node", "highlight its neighbours"],
        ["Ctrl+Z", "undo the last change (History tab: every step)"],
        ["Ctrl+Shift+Z, Ctrl+Y", "redo"],
        ["drag a node", "move it (an undoable step); Pin in the details keeps it there when the layout runs"],
      ].flatMap(([key, what]) => [h("dt", {}, h("kbd", {}, key)), h("dd", {}, what)]),
    ),
    h("p", { class: "muted" }, `The overview shows at most ${OVERVIEW_CAP.toLocaleString("en")} nodes, those with the most relations; search, queries and double-clicks add more.`),
    h("button", { on: { click: () => toggleHelp(false) } }, "Close"),
  );
  replaceChildren(root, h("div", { class: "workbench" }, topbar, left, centre, right), help);
  root.classList.add("app-root");

  // ---- Graph view and layout ------------------------------------------------------------------------------
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
  /** The data now loaded, as session sources: the bundled files by hash, the analyst's files with their text. */
  let dataSources: SessionSource[] = [];
  async function load(files: IncomingFile[], replace: boolean): Promise<boolean> {
    const release = session?.controller.mute();
    try {
      return await loadData(files, replace);
    } finally {
      release?.();
    }
  }
  async function loadData(files: IncomingFile[], replace: boolean): Promise<boolean> {
    showProgress(files.length ? `Reading ${files.map((f) => f.name).join(", ")}…` : "Loading the bundled graph…", null);
    try {
      summary = await client.request("load", { files, replace }, (p) =>
        showProgress(p.file ? `Parsing ${p.file}… ${Math.round((100 * p.done) / p.total)}%` : "Indexing…", p.done / p.total),
      );
    } catch (error) {
      progress.hidden = true;
      showError(error);
      return false;
    }
    errorBanner.hidden = true;
    const added = files.map((f) => describeSource(f.name, f.text ?? "", "file", f.format));
    if (files.length === 0) dataSources = (await import("./bundled-sources.ts")).bundledSessionSources();
    else dataSources = replace ? added : [...dataSources, ...added];
    showProgress("Building the view…", null);
    const colourOrder = summary.classes.map((c) => c.iri);
    view.setColours(classColours(colourOrder));
    renderLegend();
    renderFilters();
    renderQueryOptions();
    await rebuildView();
    progress.hidden = true;
    return true;
  }

  /** Rebuilds the displayed graph from a fresh overview plus whatever queries and expansions had added. */
  /** Node keys of the overview now drawn, and whether it included the schema. */
  let overviewKeys = new Set<string>();
  let overviewSchema = false;
  async function rebuildView(keepState = false): Promise<void> {
    const previous = new Map<string, { x: number; y: number }>();
    view.graph.forEachNode((node, a) => previous.set(node, { x: a.x, y: a.y }));
    const state = store.get();
    overview = await client.request("overview", { cap: OVERVIEW_CAP, includeSchema: state.filters.showSchema, layout: true });
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
    view.add(overview.graph);
    if (extra) view.add(extra);
    // Positions, best first: where the analyst last saw a node, the cache of this dataset, the worker's first layout.
    let missing = layout.restore();
    if (previous.size) {
      view.graph.forEachNode((node) => {
        const p = previous.get(node);
        if (p) view.graph.mergeNodeAttributes(node, p);
      });
      missing = 0;
      view.graph.forEachNode((node) => {
        if (!previous.has(node)) missing++;
      });
    }
    if (!keepState) store.apply(datasetReplaced());
    view.refresh();
    updateStatus();
    if (missing === view.graph.order) layout.save();
    else if (missing > 0) layout.autoRun();
    view.fitNodes([]);
  }

  async function readFiles(list: FileList | File[]): Promise<void> {
    const all = Array.from(list);
    // A dropped .json is a session; RDF files are data. Their text is read here, since a session carries it.
    const sessions = all.filter((file) => /\.json$/i.test(file.name));
    for (const file of sessions) await session?.openText(await file.text(), file.name);
    const files: IncomingFile[] = await Promise.all(
      all.filter((file) => !sessions.includes(file)).map(async (file) => ({ name: file.name, text: await file.text(), format: formatFromFileName(file.name) })),
    );
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
      .then(({ openSparqlPanel }) => openSparqlPanel({ client, store, view, container: centre, viewChanged: updateStatus }))
      .catch(showError);
  }

  // ---- Status, legend, filters -------------------------------------------------------------------------
  function updateStatus(): void {
    if (!summary || !overview) return;
    const shown = view.graph.order;
    const parts = [`Showing ${shown.toLocaleString("en")} of ${overview.candidates.toLocaleString("en")} nodes`, `${view.graph.size.toLocaleString("en")} edges`];
    parts.push(`${summary.quads.toLocaleString("en")} triples`);
    status.textContent = parts.join(" · ");
    if (overview.capped) {
      notice.hidden = false;
      replaceChildren(
        notice,
        h("strong", {}, `Overview: the ${OVERVIEW_CAP.toLocaleString("en")} best-connected of ${overview.candidates.toLocaleString("en")} nodes.`),
        " Search, run a path or neighbourhood query, or double-click a node to see more; hide classes in the legend or relations in Filters to narrow.",
      );
    } else notice.hidden = true;
  }

  let legendExpanded = false;
  function toggleLegendLength(): void {
    legendExpanded = !legendExpanded;
    renderLegend();
  }
  function renderLegend(): void {
    if (!summary) return;
    const hidden = new Set(store.get().filters.hiddenClasses);
    const colours = classColours(summary.classes.map((c) => c.iri));
    const open = legend.firstElementChild instanceof HTMLDetailsElement ? legend.firstElementChild.open : true;
    const box = h(
      "details",
      {},
      h("summary", {}, `Classes (${summary.classes.length}) · click to hide/show`),
      summary.classes.length === 0 ? h("p", { class: "muted" }, "No typed nodes.") : null,
      h(
        "ul",
        {},
        ...(legendExpanded ? summary.classes : summary.classes.slice(0, LEGEND_SHORT)).map((cls) => {
          const colour = view.colourOf(cls.iri) ?? colours.get(cls.iri) ?? OTHER_COLOUR;
          // The chosen colour is a session appearance step (undoable); `change` fires once the picker closes.
          const picker = h("input", {
            type: "color",
            class: "legend-colour",
            value: colour,
            title: `Colour of ${cls.label}`,
            attrs: { "aria-label": `Colour of ${cls.label}`, style: "width:18px;height:16px;padding:0;border:none;background:none;flex:none" },
            dataset: { class: cls.iri },
          });
          picker.addEventListener("change", () => {
            session?.setClassColour(cls.iri, cls.label, picker.value);
            renderLegend();
          });
          const item = h(
            "li",
            { attrs: { style: "display:flex;align-items:center;gap:2px" } },
            picker,
            h(
              "button",
              {
                class: hidden.has(cls.iri) ? "legend-item off" : "legend-item",
                title: `${cls.iri} — click to ${hidden.has(cls.iri) ? "show" : "hide"}`,
                attrs: { "aria-pressed": String(!hidden.has(cls.iri)) },
                dataset: { class: cls.iri },
                on: { click: () => store.apply(toggleClass(cls.iri)) },
              },
              h("span", { class: "swatch", attrs: { style: `background:${colour}` } }),
              h("span", { class: "legend-label" }, cls.label),
              h("span", { class: "count" }, String(cls.count)),
            ),
          );
          return item;
        }),
      ),
    );
    if (summary.classes.length > LEGEND_SHORT) {
      box.append(
        h(
          "button",
          { class: "link small legend-more", on: { click: () => toggleLegendLength() } },
          legendExpanded ? "Show fewer" : `Show all ${summary.classes.length} classes`,
        ),
      );
    }
    box.open = open;
    replaceChildren(legend, box);
  }

  const filtersPanel = tabPanels.get("Filters")!;
  function renderFilters(): void {
    if (!summary) return;
    const state = store.get();
    const hiddenPredicates = new Set(state.filters.hiddenPredicates);
    const years = summary.years;
    const fromSlider = years ? h("input", { type: "range", id: "date-from", attrs: { min: String(years.min), max: String(years.max), step: "1", "aria-label": "From year" }, value: String(state.filters.dateRange?.from ?? years.min) }) : null;
    const toSlider = years ? h("input", { type: "range", id: "date-to", attrs: { min: String(years.min), max: String(years.max), step: "1", "aria-label": "To year" }, value: String(state.filters.dateRange?.to ?? years.max) }) : null;
    const rangeLabel = h("span", { class: "range-label" });
    const updateRange = () => {
      if (!years || !fromSlider || !toSlider) return;
      const from = Number(fromSlider.value);
      const to = Number(toSlider.value);
      rangeLabel.textContent = `${Math.min(from, to)} – ${Math.max(from, to)}`;
      store.apply(setDateRange(from === years.min && to === years.max ? null : { from, to }));
    };
    fromSlider?.addEventListener("input", updateRange);
    toSlider?.addEventListener("input", updateRange);
    if (years) rangeLabel.textContent = `${state.filters.dateRange?.from ?? years.min} – ${state.filters.dateRange?.to ?? years.max}`;
    const schemaBox = h("input", { type: "checkbox", id: "show-schema", checked: state.filters.showSchema });
    schemaBox.addEventListener("change", () => {
      store.apply(setShowSchema(schemaBox.checked));
      void rebuildView();
    });
    replaceChildren(
      filtersPanel,
      h("h3", {}, "Dates of relations"),
      years
        ? h("div", { class: "date-range" }, h("label", {}, "From ", fromSlider), h("label", {}, "To ", toSlider), rangeLabel, h("p", { class: "muted" }, "Undated relations stay visible."))
        : h("p", { class: "muted" }, "No relation carries a date."),
      h("h3", {}, "Nodes"),
      h(
        "div",
        { class: "row" },
        h("button", { id: "hide-selected", title: "Hide every selected node (one undoable step)", on: { click: () => selectionPanel.hideSelected() } }, hideSelectedLabel(state)),
        h("button", { id: "show-hidden", on: { click: () => store.apply(showAllNodes()) } }, `Show hidden (${state.filters.hiddenNodes.length})`),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { id: "select-all", title: "Select every node the filters leave visible", on: { click: () => selectionPanel.selectAllShown() } }, "Select all shown"),
        h("button", { id: "select-neighbours", title: "Add the shown neighbours of the selected nodes to the selection", on: { click: () => selectionPanel.selectNeighbours() } }, "Select neighbours"),
      ),
      h("label", { class: "check" }, schemaBox, " Show classes and properties (schema)"),
      h("h3", {}, "Relations"),
      h(
        "ul",
        { class: "predicate-filter" },
        ...summary.predicates.map((p) => {
          const box = h("input", { type: "checkbox", checked: !hiddenPredicates.has(p.iri), dataset: { predicate: p.iri } });
          box.addEventListener("change", () => store.apply(togglePredicate(p.iri)));
          return h("li", {}, h("label", { title: p.iri }, box, ` ${p.label} `, h("span", { class: "count" }, String(p.count))));
        }),
      ),
      h("button", { on: { click: () => resetAllFilters() } }, "Reset filters"),
      session?.appearanceControls() ?? null,
    );
  }
  function hideSelectedLabel(state: SessionState): string {
    const count = selectedNodes(state.selection).length;
    return count > 1 ? `Hide ${count} selected nodes` : "Hide selected node";
  }
  function resetAllFilters(): void {
    store.apply(resetFilters());
    renderFilters();
    renderLegend();
  }

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
    exploreAround: (iri) => {
      store.apply(addNeighbourhoodCenter(iri));
      showTab("Neighbourhood");
      renderCentres();
    },
    pathFrom: (iri, label) => {
      fromBox.set({ node: iri, label, matched: label, kind: "exact", score: 0, classLabel: "" });
      store.apply(setPathEnds(iri, store.get().path.to));
      showTab("Path");
    },
    pathTo: (iri, label) => {
      toBox.set({ node: iri, label, matched: label, kind: "exact", score: 0, classLabel: "" });
      store.apply(setPathEnds(store.get().path.from, iri));
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
      store.apply(setNeighbourhoodCenters(nodes));
      showTab("Neighbourhood");
      renderCentres();
    },
    focusNode: (iri) => requestAnimationFrame(() => view.focusNode(iri)),
    download,
    showError,
    showInfo,
  });
  const renderSelection = (state: SessionState) => selectionPanel.render(state);
  const marquee = new Marquee(view, (nodes) => store.apply(addToSelection(nodes)));
  cleanups.push(() => marquee.kill());

  // ---- Path query --------------------------------------------------------------------------------------
  const pathPanel = tabPanels.get("Path")!;
  const searchFn = (text: string) => client.request("search", { text, limit: 10 });
  const fromBox = new Autocomplete({ placeholder: "From…", id: "path-from", label: "Path from", search: searchFn, onPick: (hit) => store.apply(setPathEnds(hit.node, store.get().path.to)) });
  const toBox = new Autocomplete({ placeholder: "To…", id: "path-to", label: "Path to", search: searchFn, onPick: (hit) => store.apply(setPathEnds(store.get().path.from, hit.node)) });
  const excludedNodes = new Map<string, string>();
  const excludeNodeBox = new Autocomplete({
    placeholder: "Exclude a node…",
    id: "path-exclude-node",
    label: "Exclude a node from paths",
    search: searchFn,
    clearOnPick: true,
    onPick: (hit) => {
      excludedNodes.set(hit.node, hit.label);
      store.apply(setPathOptions({ excludeNodes: [...excludedNodes.keys()] }));
      renderExcludedNodes();
    },
  });
  const excludedNodeChips = h("div", { class: "chips" });
  function renderExcludedNodes(): void {
    replaceChildren(
      excludedNodeChips,
      ...[...excludedNodes].map(([iri, label]) =>
        h("span", { class: "chip" }, label, h("button", { class: "chip-x", title: "Remove", on: { click: () => unexcludeNode(iri) } }, "×")),
      ),
    );
  }
  function unexcludeNode(iri: string): void {
    excludedNodes.delete(iri);
    store.apply(setPathOptions({ excludeNodes: [...excludedNodes.keys()] }));
    renderExcludedNodes();
  }
  const kInput = h("input", { type: "number", id: "path-k", value: "3", attrs: { min: "1", max: "20" } });
  const maxInput = h("input", { type: "number", id: "path-max", value: "6", attrs: { min: "1", max: "12" } });
  const directedBox = h("input", { type: "checkbox", id: "path-directed" });
  const excludePredicates = h("select", { id: "path-exclude-predicates", attrs: { multiple: "", size: "4", "aria-label": "Relations to avoid" } });
  const excludeClasses = h("select", { id: "path-exclude-classes", attrs: { multiple: "", size: "4", "aria-label": "Classes to avoid" } });
  const pathResults = h("div", { id: "path-results", class: "results" });
  const readPathOptions = () =>
    store.apply(
      setPathOptions({
        k: Number(kInput.value),
        maxLength: Number(maxInput.value),
        directed: directedBox.checked,
        excludePredicates: Array.from(excludePredicates.selectedOptions, (o) => o.value),
        excludeClasses: Array.from(excludeClasses.selectedOptions, (o) => o.value),
      }),
    );
  for (const input of [kInput, maxInput, directedBox, excludePredicates, excludeClasses]) input.addEventListener("change", readPathOptions);
  const swap = () => {
    const from = fromBox.picked;
    fromBox.set(toBox.picked);
    toBox.set(from);
    store.apply(setPathEnds(fromBox.picked?.node ?? null, toBox.picked?.node ?? null));
  };
  replaceChildren(
    pathPanel,
    h("div", { class: "ends" }, fromBox.element, h("button", { class: "swap", title: "Swap from and to", on: { click: swap } }, "⇅"), toBox.element),
    h(
      "div",
      { class: "options" },
      h("label", {}, "Paths ", kInput),
      h("label", {}, "Max length ", maxInput),
      h("label", { class: "check" }, directedBox, " Follow edge direction"),
    ),
    h(
      "details",
      { class: "exclusions" },
      h("summary", {}, "Exclusions"),
      h("label", { class: "stacked" }, "Avoid relations", excludePredicates),
      h("label", { class: "stacked" }, "Avoid classes", excludeClasses),
      h("div", { class: "stacked" }, "Avoid nodes", excludeNodeBox.element, excludedNodeChips),
    ),
    h("div", { class: "row" }, h("button", { id: "path-run", class: "primary", on: { click: () => void runPath() } }, "Find paths")),
    pathResults,
  );

  /** The node an end box names: the picked suggestion, else the best match for what was typed. */
  async function resolveEnd(box: Autocomplete): Promise<string | null> {
    if (box.picked) return box.picked.node;
    const text = box.input.value.trim();
    if (!text) return null;
    const [best] = await client.request("search", { text, limit: 1 });
    if (!best) return null;
    box.set(best);
    return best.node;
  }

  async function runPath(): Promise<void> {
    readPathOptions();
    const [from, to] = await Promise.all([resolveEnd(fromBox), resolveEnd(toBox)]);
    if (!from || !to) {
      const missing = [!from ? `“${fromBox.input.value || "from"}”` : "", !to ? `“${toBox.input.value || "to"}”` : ""].filter(Boolean);
      store.apply(pathFailed(`No node matches ${missing.join(" or ")}: pick both ends from the suggestions.`));
      return;
    }
    store.apply(setPathEnds(from, to), pathStarted());
    try {
      const reply = await client.request("path", { from, to, options: store.get().path.options });
      const added = view.add(reply.graph);
      store.apply(addToView(added, reply.graph.edges.map((e) => e.key)));
      if (reply.paths.length === 0) {
        store.apply(pathFinished([], `No path between ${fromBox.input.value} and ${toBox.input.value}. ${reply.suggestion}`));
      } else store.apply(pathFinished(reply.paths));
      updateStatus();
      if (reply.paths.length) requestAnimationFrame(() => view.fitNodes(reply.paths[0].nodes));
    } catch (error) {
      store.apply(pathFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  function renderPathResults(state: SessionState): void {
    const path = state.path;
    if (path.status === "running") {
      replaceChildren(pathResults, h("p", { class: "muted" }, "Searching…"));
      return;
    }
    if (path.status === "error" || (path.status === "done" && path.results.length === 0)) {
      replaceChildren(pathResults, h("p", { class: path.status === "error" ? "error-text" : "no-result" }, path.message));
      return;
    }
    if (path.status !== "done") {
      replaceChildren(pathResults);
      return;
    }
    replaceChildren(
      pathResults,
      h("p", { class: "muted" }, `${path.results.length} path${path.results.length === 1 ? "" : "s"} found. Choose one to highlight it.`),
      ...path.results.map((result, i) => renderPathResult(result, i, i === path.chosen && state.focus === "path")),
    );
  }

  function renderPathResult(result: PathResultView, index: number, chosen: boolean): HTMLElement {
    const choose = () => {
      store.apply(choosePath(index));
      requestAnimationFrame(() => view.fitNodes(result.nodes));
    };
    return h(
      "article",
      { class: chosen ? "path-result chosen" : "path-result", dataset: { index: String(index) } },
      h(
        "button",
        { class: "path-head", on: { click: choose } },
        h("span", { class: "path-number" }, `${index + 1}`),
        h("span", { class: "path-chain" }, result.nodeLabels.join(" → ")),
        h("span", { class: "muted" }, ` (${result.steps.length} step${result.steps.length === 1 ? "" : "s"})`),
      ),
      h(
        "ol",
        { class: "explanation" },
        ...result.explanation.map((sentence, i) =>
          h("li", {}, h("p", { class: "sentence" }, sentence), result.steps[i] ? renderEvidence(result.steps[i].evidence, openEvidence, false) : null),
        ),
      ),
    );
  }
  const openEvidence = (evidence: EvidenceView) => viewer.open(evidence);

  // ---- Neighbourhood query -----------------------------------------------------------------------------
  const nbPanel = tabPanels.get("Neighbourhood")!;
  const centreLabels = new Map<string, string>();
  const centreBox = new Autocomplete({
    placeholder: "Add a centre…",
    id: "nb-centre",
    label: "Neighbourhood centre",
    search: searchFn,
    clearOnPick: true,
    onPick: (hit) => {
      centreLabels.set(hit.node, hit.label);
      store.apply(addNeighbourhoodCenter(hit.node));
      renderCentres();
    },
  });
  const centreChips = h("div", { class: "chips", id: "nb-centres" });
  function removeCentre(iri: string): void {
    store.apply(removeNeighbourhoodCenter(iri));
    renderCentres();
  }
  function renderCentres(): void {
    replaceChildren(
      centreChips,
      ...store.get().neighbourhood.centers.map((iri) =>
        h(
          "span",
          { class: "chip" },
          centreLabels.get(iri) ?? (view.graph.hasNode(iri) ? view.graph.getNodeAttribute(iri, "label") : iri),
          h("button", { class: "chip-x", title: "Remove", on: { click: () => removeCentre(iri) } }, "×"),
        ),
      ),
    );
  }
  const depthSelect = h("select", { id: "nb-depth", attrs: { "aria-label": "Depth" } }, ...[1, 2, 3].map((d) => h("option", { value: String(d) }, String(d))));
  const directionSelect = h(
    "select",
    { id: "nb-direction", attrs: { "aria-label": "Direction" } },
    h("option", { value: "both" }, "both ways"),
    h("option", { value: "out" }, "outgoing"),
    h("option", { value: "in" }, "incoming"),
  );
  const nbClasses = h("select", { id: "nb-classes", attrs: { multiple: "", size: "4", "aria-label": "Only these classes" } });
  const nbPredicates = h("select", { id: "nb-predicates", attrs: { multiple: "", size: "4", "aria-label": "Only these relations" } });
  const modeHighlight = h("input", { type: "radio", attrs: { name: "nb-mode", value: "highlight" }, checked: true });
  const modeOnly = h("input", { type: "radio", attrs: { name: "nb-mode", value: "only" }, id: "nb-only" });
  const nbResult = h("div", { id: "nb-result", class: "results" });
  const readNbOptions = () =>
    store.apply(
      setNeighbourhoodOptions({
        depth: Number(depthSelect.value),
        direction: directionSelect.value as Direction,
        classes: Array.from(nbClasses.selectedOptions, (o) => o.value),
        predicates: Array.from(nbPredicates.selectedOptions, (o) => o.value),
        mode: modeOnly.checked ? "only" : "highlight",
      }),
    );
  for (const input of [depthSelect, directionSelect, nbClasses, nbPredicates, modeHighlight, modeOnly]) input.addEventListener("change", readNbOptions);
  replaceChildren(
    nbPanel,
    centreBox.element,
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          id: "nb-add-selected",
          title: "Add the selected nodes as centres (shift-click selects several)",
          on: {
            click: () => {
              const nodes = selectedNodes(store.get().selection);
              if (nodes.length === 0) return;
              store.apply(setNeighbourhoodCenters([...store.get().neighbourhood.centers, ...nodes]));
              renderCentres();
            },
          },
        },
        "+ selected",
      ),
    ),
    centreChips,
    h("div", { class: "options" }, h("label", {}, "Depth ", depthSelect), h("label", {}, "Direction ", directionSelect)),
    h("details", { class: "exclusions" }, h("summary", {}, "Filters"), h("label", { class: "stacked" }, "Only classes", nbClasses), h("label", { class: "stacked" }, "Only relations", nbPredicates)),
    h("div", { class: "options" }, h("label", { class: "check" }, modeHighlight, " Highlight in the view"), h("label", { class: "check" }, modeOnly, " Show only the neighbourhood")),
    h(
      "div",
      { class: "row" },
      h("button", { id: "nb-run", class: "primary", on: { click: () => void runNeighbourhood() } }, "Explore"),
      h("button", { id: "nb-clear", on: { click: () => store.apply(setFocus("none")) } }, "Clear highlight"),
    ),
    nbResult,
  );

  async function runNeighbourhood(): Promise<void> {
    readNbOptions();
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
        limit: NEIGHBOURHOOD_LIMIT,
      });
      const added = view.add(reply.graph, query.centers.length === 1 ? query.centers[0] : undefined);
      store.apply(addToView(added, reply.result.edges), neighbourhoodFinished(reply.result));
      updateStatus();
      requestAnimationFrame(() => view.fitNodes(reply.result.nodes.map((n) => n.node)));
    } catch (error) {
      store.apply(neighbourhoodFailed(error instanceof Error ? error.message : String(error)));
    }
  }

  function renderNeighbourhoodResult(state: SessionState): void {
    const nb = state.neighbourhood;
    if (nb.status === "running") replaceChildren(nbResult, h("p", { class: "muted" }, "Exploring…"));
    else if (nb.status === "error") replaceChildren(nbResult, h("p", { class: "error-text" }, nb.message));
    else if (nb.status === "done" && nb.result) {
      const byDepth = new Map<number, number>();
      for (const entry of nb.result.nodes) byDepth.set(entry.depth, (byDepth.get(entry.depth) ?? 0) + 1);
      replaceChildren(
        nbResult,
        h("p", { class: "nb-summary" }, `${nb.result.nodes.length} nodes and ${nb.result.edges.length} relations within depth ${nb.depth}.`),
        h("p", { class: "muted" }, [...byDepth].sort(([a], [b]) => a - b).map(([d, n]) => `depth ${d}: ${n}`).join(" · ")),
        nb.result.truncated ? h("p", { class: "warning" }, `Truncated at ${NEIGHBOURHOOD_LIMIT} nodes: lower the depth or filter classes/relations.`) : null,
        h(
          "ul",
          { class: "nb-list" },
          ...nb.result.nodes.slice(0, 60).map((entry) =>
            h(
              "li",
              {},
              h("span", { class: "depth", title: `depth ${entry.depth}` }, String(entry.depth)),
              h("button", { class: "link", on: { click: () => void revealAndSelect(entry.node) } }, view.graph.hasNode(entry.node) ? view.graph.getNodeAttribute(entry.node, "label") : entry.node),
            ),
          ),
        ),
      );
    } else replaceChildren(nbResult);
  }

  function renderQueryOptions(): void {
    if (!summary) return;
    const fill = (select: HTMLSelectElement, entries: { iri: string; label: string; count: number }[]) =>
      replaceChildren(select, ...entries.map((e) => h("option", { value: e.iri, title: e.iri }, `${e.label} (${e.count})`)));
    fill(excludePredicates, summary.predicates);
    fill(excludeClasses, summary.classes);
    fill(nbPredicates, summary.predicates);
    fill(nbClasses, summary.classes);
  }

  // ---- Export ------------------------------------------------------------------------------------------
  function download(name: string, blob: Blob): void {
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, attrs: { download: name } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function exportTurtle(what: "view" | "selection" | "query"): Promise<void> {
    exportMenu.hidden = true;
    const state = store.get();
    let nodes: string[] = [];
    let edges: string[] = [];
    if (what === "view") ({ nodes, edges } = view.visible());
    else if (what === "selection") {
      await selectionPanel.exportSelection();
      return;
    } else if (state.focus === "path" && state.path.chosen >= 0) {
      const path = state.path.results[state.path.chosen];
      nodes = path.nodes;
      edges = path.steps.map((s) => s.edge);
    } else if (state.focus === "neighbourhood" && state.neighbourhood.result) {
      nodes = state.neighbourhood.result.nodes.map((n) => n.node);
      edges = state.neighbourhood.result.edges;
    }
    if (nodes.length === 0 && edges.length === 0) {
      showError(`Nothing to export: ${what === "query" ? "run a path or neighbourhood query first" : "the view is empty"}.`);
      return;
    }
    try {
      const { turtle } = await client.request("export", { nodes, edges });
      download(`smartcity-kg-${what}.ttl`, new Blob([turtle], { type: "text/turtle" }));
    } catch (error) {
      showError(error);
    }
  }

  async function exportPng(): Promise<void> {
    exportMenu.hidden = true;
    try {
      await downloadAsPNG(view.sigma as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: "smartcity-kg-view", backgroundColor: "#ffffff" });
    } catch (error) {
      showError(error);
    }
  }

  // ---- Keyboard ----------------------------------------------------------------------------------------
  function toggleHelp(open?: boolean): void {
    help.hidden = open === undefined ? !help.hidden : !open;
  }
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
    if (event.key === "Escape") {
      if (!help.hidden) toggleHelp(false);
      else if (viewer.isOpen) viewer.close();
      else if (!exportMenu.hidden) exportMenu.hidden = true;
      else {
        if (typing) target.blur();
        store.apply(clearSelectionOrQuery());
      }
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/") {
      event.preventDefault();
      searchBox.input.focus();
      searchBox.input.select();
    } else if (event.key === "f" || event.key === "F") {
      view.fitNodes([]);
    } else if (event.key === "?") {
      toggleHelp();
    }
  };
  document.addEventListener("keydown", onKey);
  cleanups.push(() => document.removeEventListener("keydown", onKey));
  const onDocClick = (event: MouseEvent) => {
    if (!exportMenu.hidden && !(event.target as HTMLElement).closest(".menu-wrap")) exportMenu.hidden = true;
  };
  document.addEventListener("click", onDocClick);
  cleanups.push(() => document.removeEventListener("click", onDocClick));

  // ---- Reacting to the session -------------------------------------------------------------------------
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) void renderSelection(state);
      if (state.path !== previous.path || state.focus !== previous.focus) renderPathResults(state);
      if (state.neighbourhood !== previous.neighbourhood) renderNeighbourhoodResult(state);
      if (state.filters.hiddenClasses !== previous.filters.hiddenClasses) renderLegend();
      if (state.selection !== previous.selection) {
        const button = filtersPanel.querySelector("#hide-selected");
        if (button) button.textContent = hideSelectedLabel(state);
      }
      if (state.filters.hiddenNodes !== previous.filters.hiddenNodes) {
        const button = filtersPanel.querySelector("#show-hidden");
        if (button) button.textContent = `Show hidden (${state.filters.hiddenNodes.length})`;
      }
    }),
  );

  // ---- Session: autosave, files, history, notes, share, report (session-wiring.ts) ----------------------
  const endHit = (iri: string): SearchHit => ({ node: iri, label: labelOf(iri), matched: labelOf(iri), kind: "exact", score: 0, classLabel: "" });
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
    fromBox.set(state.path.from ? endHit(state.path.from) : null);
    toBox.set(state.path.to ? endHit(state.path.to) : null);
    kInput.value = String(state.path.options.k);
    maxInput.value = String(state.path.options.maxLength);
    directedBox.checked = state.path.options.directed;
    for (const [select, chosen] of [
      [excludePredicates, state.path.options.excludePredicates],
      [excludeClasses, state.path.options.excludeClasses],
      [nbClasses, state.neighbourhood.classes],
      [nbPredicates, state.neighbourhood.predicates],
    ] as const) {
      for (const option of Array.from(select.options)) option.selected = chosen.includes(option.value);
    }
    excludedNodes.clear();
    for (const iri of state.path.options.excludeNodes) excludedNodes.set(iri, labelOf(iri));
    renderExcludedNodes();
    depthSelect.value = String(state.neighbourhood.depth);
    directionSelect.value = state.neighbourhood.direction;
    modeOnly.checked = state.neighbourhood.mode === "only";
    modeHighlight.checked = state.neighbourhood.mode !== "only";
    renderCentres();
    renderLegend();
    renderFilters();
    renderPathResults(state);
    renderNeighbourhoodResult(state);
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
      sources: () => dataSources,
      loadSources: async (sources) => {
        const bundled = sources.some((s) => s.kind === "bundled");
        const files: IncomingFile[] = sources.filter((s) => s.kind === "file").map((s) => ({ name: s.name, text: s.content ?? "", format: s.format }));
        if (bundled && !(await load([], true))) return false;
        return files.length === 0 || (await load(files, !bundled));
      },
      syncGraph,
      syncWidgets,
      rerunQueries: async (state, chosenPath, focus) => {
        if (state.path.from && state.path.to && (focus === "path" || chosenPath >= 0)) {
          await runPath();
          if (chosenPath > 0) store.apply(choosePath(chosenPath));
        }
        if (focus === "neighbourhood" && state.neighbourhood.centers.length) await runNeighbourhood();
      },
      resultTurtle: async () => {
        const state = store.get();
        let nodes: string[];
        let edges: string[];
        if (state.focus === "path" && state.path.chosen >= 0) {
          const path = state.path.results[state.path.chosen];
          nodes = path.nodes;
          edges = path.steps.map((step) => step.edge);
        } else if (state.focus === "neighbourhood" && state.neighbourhood.result) {
          nodes = state.neighbourhood.result.nodes.map((n) => n.node);
          edges = state.neighbourhood.result.edges;
        } else ({ nodes, edges } = view.visible());
        return (await client.request("export", { nodes, edges })).turtle;
      },
      labelOf,
      selectNode: (iri) => void revealAndSelect(iri),
      download,
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
      for (const box of [searchBox, fromBox, toBox, excludeNodeBox, centreBox]) box.kill();
      layout.kill();
      view.kill();
      client.kill();
      store.kill();
    },
  };
}
