// The workbench's composition root: makes the data worker, the session store, the graph view and every panel, and wires them together.
import { actions } from "../session/named-actions.ts";
import { clearSelectionOrQuery, createSessionStore, type SessionStore } from "../session/index.ts";
import { Autocomplete } from "./autocomplete.ts";
import { Authoring } from "./authoring-ui.ts";
import { attachAnalystTools } from "./analyst-tools.ts";
import { followForceAtlas2, forceAtlas2Controls } from "./fa2-controls.ts";
import { DataClient } from "./data-client.ts";
import { DataSources } from "./data-sources.ts";
import { renderEmptyDetails, showDetails } from "./details.ts";
import { downloadBlob, ExportMenu } from "./export-menu.ts";
import { FileDrop } from "./file-drop.ts";
import { GraphView } from "./graph-view.ts";
import { attachGraphKeyboard } from "./graph-keyboard.ts";
import { LayoutController } from "./layout.ts";
import { layoutButton, wireLayoutButton } from "./layout-button.ts";
import { nodeLabeller } from "./node-labels.ts";
import { Panels } from "./panels.ts";
import { Revealer } from "./reveal.ts";
import { attachSession, type SessionHandle } from "./session-wiring.ts";
import { Shell } from "./shell.ts";
import { Shortcuts } from "./shortcuts.ts";
import { SourceViewer, bundledSources } from "./source-viewer.ts";
import { StatusLine } from "./status-line.ts";
import { ViewBuilder } from "./view-builder.ts";

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
  const client = new DataClient(new Worker(new URL("./data.worker.ts", import.meta.url), { type: "module" }));
  const sourceTexts = bundledSources();
  const viewer = new SourceViewer(sourceTexts);
  const cleanups: (() => void)[] = [];
  let session: SessionHandle | null = null;
  let killed = false;

  // ---- The page (shell.ts); the panels below fill it. Closures reach the view and panels made further down. ----
  const layoutToggle = layoutButton();
  const exportMenu: ExportMenu = new ExportMenu({ store, view: (): GraphView => view, client, exportSelection: () => exportSelection(), showError: (e) => shell.showError(e) });
  const searchBox = new Autocomplete({
    placeholder: "Search names…  ( / )",
    id: "search",
    label: "Search the graph",
    search: (text) => client.request("search", { text, limit: 12 }),
    onPick: (hit) => void revealer.revealAndSelect(hit.node),
  });
  const shortcuts = new Shortcuts(
    {
      focusSearch: () => {
        searchBox.input.focus();
        searchBox.input.select();
      },
      fit: () => view.fitNodes([]),
      selectAll: () => panels.selection.selectAllShown(),
      closeOpen: () => {
        if (viewer.isOpen) viewer.close();
        else if (authoring.reader.isOpen) authoring.reader.hide();
        else if (exportMenu.isOpen) exportMenu.close();
        else return false;
        return true;
      },
      // Esc drops the selection first (no step); pressed again, a SPARQL answer's highlight, else the query highlight (a step).
      clear: () => {
        if (store.get().selection.kind !== "none") store.apply(clearSelectionOrQuery());
        else if (!view.answer.clear()) store.dispatch(actions.clearFocus());
      },
    },
    `The overview shows at most ${OVERVIEW_CAP.toLocaleString("en")} nodes, those with the most relations; search, queries and double-clicks add more.`,
  );
  cleanups.push(() => exportMenu.kill(), () => shortcuts.kill());
  const shell: Shell = new Shell(
    root,
    {
      layoutButton: layoutToggle,
      exportMenu: exportMenu.element,
      fit: () => view.fitNodes([]),
      openFile: () => shell.fileInput.click(),
      openSparql: () => openSparql(),
      toggleHelp: () => shortcuts.toggleHelp(),
      search: searchBox.element,
      sourceViewer: viewer.element,
      overlays: [shortcuts.help],
    },
    ["Path", "Neighbourhood", "Filters"],
  );
  const showError = (error: unknown) => shell.showError(error);

  // ---- Graph view and layout ------------------------------------------------------------------------------
  await new Promise((resolve) => setTimeout(resolve, 0));
  const view: GraphView = new GraphView(shell.graphContainer, store, { onDoubleClickNode: (node) => void revealer.expand(node) });
  const layout: LayoutController = new LayoutController(
    view.graph,
    () => `${builder.summary?.hash ?? ""}:${OVERVIEW_CAP}:${store.get().filters.showSchema}`,
    () => new Set(session?.controller.pinned ?? []),
  );
  cleanups.push(wireLayoutButton(layoutToggle, layout, view), followForceAtlas2(store, layout));
  view.onNodeMoved = () => layout.save();
  shell.edgeLabelsBox.addEventListener("change", () => store.dispatch(actions.setEdgeLabels(shell.edgeLabelsBox.checked)));

  // ---- Data: loads and the drawn graph (view-builder.ts), files picked or dropped (file-drop.ts) ----------
  const dataSources = new DataSources();
  const builder: ViewBuilder = new ViewBuilder({
    store,
    client,
    view,
    layout,
    dataSources,
    cap: OVERVIEW_CAP,
    mute: () => session?.controller.mute(),
    showProgress: (text, fraction) => shell.showProgress(text, fraction),
    hideProgress: () => shell.hideProgress(),
    showError,
    hideError: () => shell.hideError(),
    summaryChanged: (summary) => {
      panels.setData(summary);
      authoring.dataChanged();
    },
    viewChanged: () => updateStatus(),
  });
  const fileDrop = new FileDrop({
    fileInput: shell.fileInput,
    dropZone: shell.dropZone,
    openSession: async (text, name) => void (await session?.openText(text, name)),
    addData: async (files) => {
      if (await builder.load(files, false)) session?.dataLoaded(files.map((f) => f.name));
    },
  });
  cleanups.push(() => fileDrop.kill());
  // Evidence-first authoring (authoring-ui.ts): sources and relations are data files of the session, so saves keep them.
  const authoring = new Authoring({
    client, container: shell.centre, toolbar: shell.toolbar, dataSources, sourceTexts, download: downloadBlob, showError, showInfo: (m) => shell.showInfo(m),
    store, history: () => session?.controller.history ?? null, loadSources: (sources, kept) => builder.loadSources(sources, kept),
  });
  cleanups.push(() => authoring.kill());

  /** The SPARQL panel and Oxigraph are fetched only when first opened. */
  function openSparql(): void {
    import("./sparql/panel.ts")
      .then(({ openSparqlPanel }) =>
        openSparqlPanel({
          client,
          store,
          view,
          container: shell.centre,
          viewChanged: updateStatus,
          dataChanged: (next, joined) => {
            builder.showSummary(next, true);
            if (joined) dataSources.endpointAnswered(joined.endpoint, joined.ntriples);
            updateStatus();
          },
        }),
      )
      .catch(showError);
  }

  // ---- Status: what is shown of what is loaded (status-line.ts), recounted after every view or state change ----
  const statusLine = new StatusLine(shell.status, shell.notice, { summary: () => builder.summary, overview: () => builder.overview, visible: () => view.visible(), cap: OVERVIEW_CAP });
  const updateStatus = () => statusLine.update();
  const recount = () => statusLine.schedule();
  for (const event of ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared"] as const) view.graph.on(event, recount);
  cleanups.push(store.subscribe(recount), () => statusLine.kill());

  // ---- Panels: selection and details, filters, path and neighbourhood queries (panels.ts) ----------------
  const labelOf = nodeLabeller(view, store, () => builder.summary);
  cleanups.push(attachGraphKeyboard({ view, store, labelOf }));
  const revealer = new Revealer({ store, client, view, expandLimit: EXPAND_LIMIT, labelOf, viewChanged: updateStatus, showError, showInfo: (m) => shell.showInfo(m) });
  const panels = new Panels({
    store,
    client,
    view,
    shell,
    viewer,
    revealer,
    neighbourhoodLimit: NEIGHBOURHOOD_LIMIT,
    summary: () => builder.summary,
    session: () => session,
    labelOf,
    rebuildView: () => builder.rebuild(),
    layoutControls: () => forceAtlas2Controls(store),
    viewChanged: updateStatus,
  });
  cleanups.push(() => panels.kill());
  // Context menu and layouts on demand, the Table tab, the legend docked under the graph (analyst-tools.ts).
  const tools = attachAnalystTools({ store, client, view, shell, layout, revealer, panels, labelOf, summary: () => builder.summary, session: () => session, download: downloadBlob, showError });
  cleanups.push(() => tools.kill());
  const exportSelection = () => panels.selection.exportSelection();

  // ---- Session: autosave, files, history, notes, share, report (session-wiring.ts) ----------------------
  shell.showTab("Path");
  showDetails(shell.detailsPanel, renderEmptyDetails());
  const ready = builder.load([], true).then(async (ok) => {
    if (!ok || killed) return;
    session = attachSession({
      store,
      view,
      layout,
      client,
      toolbar: shell.toolbar,
      addTab: (name, panel) => void shell.addTab(name, panel),
      showTab: (name) => shell.showTab(name),
      showError,
      showInfo: (m) => shell.showInfo(m),
      sources: () => dataSources.list(),
      sourceFile: (sha256) => dataSources.fileOf(sha256),
      loadSources: (sources, kept) => builder.loadSources(sources, kept),
      // A step's additions are in the data before its graph is drawn (undo and redo of authoring).
      syncGraph: async (state) => {
        await authoring.syncData(state);
        await builder.sync(state);
      },
      syncWidgets: (state) => {
        shell.edgeLabelsBox.checked = state.view.edgeLabels;
        panels.sync(state);
      },
      rerunQueries: (state, chosenPath, focus) => panels.rerunQueries(state, chosenPath, focus),
      resultTurtle: () => exportMenu.resultTurtle(),
      labelOf,
      selectNode: (iri) => void revealer.revealAndSelect(iri),
      download: downloadBlob,
    });
    cleanups.push(tools.followAppearance(session));
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
      layout.kill();
      view.kill();
      client.kill();
      store.kill();
    },
  };
}
