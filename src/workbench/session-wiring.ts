// Puts the session into the page: autosave and restore, files, local sessions, history, undo/redo, notes, pins, share, report.
import { toBlob } from "@sigma/export-image";
import {
  historyOf,
  nodeReferences,
  parseSessionFile,
  serializeSession,
  SessionFileError,
  snapshotOf,
  toSessionFile,
  withoutContent,
  forWriting,
  type SessionFile,
  type SessionSource,
} from "../session/format.ts";
import { createHistory, type EdgeTriple, type SessionSnapshot } from "../session/history.ts";
import { defaultAppearance, defaultCamera, type Camera } from "../session/layout.ts";
import { actions } from "../session/named-actions.ts";
import { edgeNote, emptyNotes, nodeNote } from "../session/notes.ts";
import { getEmptySession, type SessionStore } from "../session/index.ts";
import { renderReport } from "../session/report.ts";
import { decodeShareState, encodeShareState, stateFromShare, ShareError } from "../session/share.ts";
import type { SessionState } from "../session/types.ts";
import type { DataClient } from "./data-client.ts";
import { h, replaceChildren } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";
import { LocalSessions, newSessionId, type StoredSession } from "./local-sessions.ts";
import { SessionController } from "./session-controller.ts";
import { attachHistoryUi } from "./history-ui.ts";
import { noteEditor, renderNotesList, renderSessionList } from "./session-panels.ts";

/** Autosave waits this long after the last change (a crash loses at most this much). */
const AUTOSAVE_MS = 400;
/** The URL fragment key of share links: `#view=<code>` (a fragment never reaches a server). */
const SHARE_KEY = "view";

/** What the page lends the session: its data, its view and the few renderers that must follow a restored state. */
export interface SessionHost {
  store: SessionStore;
  view: GraphView;
  layout: LayoutController;
  client: DataClient;
  toolbar: HTMLElement;
  addTab(name: string, panel: HTMLElement): void;
  showTab(name: string): void;
  showError(error: unknown): void;
  showInfo(message: string): void;
  /** The sources of the data now loaded (bundled files and user files, by hash, without their text). */
  sources(): SessionSource[];
  /** A user file loaded in this page, by the SHA-256 of its text (what autosaves keep and session files carry). */
  sourceFile(sha256: string): Blob | undefined;
  /**
   * Replaces the data with these sources (bundled, then files); a file source without content is read from `kept`
   * or the page's own copy. Rejects with the load's error, shown by the caller.
   */
  loadSources(sources: readonly SessionSource[], kept?: ReadonlyMap<string, Blob>): Promise<void>;
  /** Makes the drawn graph hold the overview plus what `state` added (fetching what is missing). */
  syncGraph(state: SessionState): Promise<void>;
  /** Re-renders the widgets that mirror the state (filters, legend, path ends, centres, edge labels). */
  syncWidgets(state: SessionState): void;
  /** Re-runs the path and neighbourhood queries a share link names (it carries questions, not answers). */
  rerunQueries(state: SessionState, chosenPath: number, focus: SessionState["focus"]): Promise<void>;
  /** Turtle of the current query result, or the view when there is none. */
  resultTurtle(): Promise<string>;
  labelOf(iri: string): string;
  selectNode(iri: string): void;
  download(name: string, blob: Blob): void;
  limits: { expand: number; neighbourhood: number };
}

export interface SessionHandle {
  readonly controller: SessionController;
  /** Resolves once the start-up restore (autosave, share link or nothing) is done. */
  readonly restored: Promise<void>;
  /** Completed autosaves (tests wait on it). */
  readonly saves: number;
  /** Writes the autosave now. */
  flush(): Promise<void>;
  openText(text: string, origin: string): Promise<boolean>;
  /** Adds the note and pin controls under the details of the selected node or relation. */
  decorateDetails(panel: HTMLElement, state: SessionState): void;
  /** Node size and label density sliders (their changes are undoable steps). */
  appearanceControls(): HTMLElement;
  /** The analyst chose the colour a class is drawn with (`#rrggbb`): one undoable appearance step. */
  setClassColour(cls: string, label: string, colour: string): void;
  /** The data changed by the analyst's hand (files loaded). */
  dataLoaded(names: string[]): void;
  kill(): void;
}

export function attachSession(host: SessionHost): SessionHandle {
  const { store, view, layout } = host;
  const local = new LocalSessions();
  const cleanups: (() => void)[] = [];
  const controller = new SessionController(
    store,
    {
      positions: () => {
        const out: Record<string, [number, number]> = {};
        view.graph.forEachNode((node, a) => (out[node] = [Math.round(a.x * 1000) / 1000, Math.round(a.y * 1000) / 1000]));
        return out;
      },
      camera: () => {
        const { x, y, ratio, angle } = view.sigma.getCamera().getState();
        return { x, y, ratio, angle };
      },
      labelOf: host.labelOf,
    },
  );
  let sessionId = newSessionId();
  let sessionName = defaultName();
  let createdAt = new Date().toISOString();
  let saves = 0;
  let killed = false;
  /** While a session is being put on screen, autosave and step recording wait. */
  let restoring = true;

  // ---- Toolbar -------------------------------------------------------------------------------------------
  const sessionInput = h("input", { type: "file", id: "session-input", hidden: true, attrs: { accept: ".json,application/json" } });
  const nameLabel = h("span", { id: "session-name", class: "session-title", title: "The open session" });
  const shareButton = h("button", { id: "session-share", on: { click: () => void copyShareLink() } }, "Copy share link");
  const sessionMenu = h(
    "div",
    { class: "menu", id: "session-menu", hidden: true, role: "menu" },
    h("button", { id: "session-new", on: { click: () => void newSession() } }, "New session"),
    h("button", { id: "session-open", on: { click: () => sessionInput.click() } }, "Open session file…"),
    h("button", { id: "session-save", on: { click: () => void saveFile() } }, "Save session file"),
    h("button", { id: "session-list-open", on: { click: () => void showSessions() } }, "Sessions in this browser…"),
    shareButton,
    h("button", { id: "session-report", on: { click: () => void exportReport() } }, "Report (HTML)"),
  );
  const menuWrap = h(
    "div",
    { class: "menu-wrap" },
    h("button", { id: "session", attrs: { "aria-haspopup": "menu" }, on: { click: () => toggleMenu() } }, "Session ▾"),
    sessionMenu,
  );
  // History tab, Undo/Redo and their keys (history-ui.ts).
  const historyUi = attachHistoryUi({ controller, addTab: host.addTab, travel: (snapshot) => void travel(snapshot) });
  cleanups.push(() => historyUi.kill());
  host.toolbar.prepend(nameLabel, ...historyUi.buttons, menuWrap, sessionInput);
  function toggleMenu(open = sessionMenu.hidden): void {
    sessionMenu.hidden = !open;
    if (open) updateShareButton();
  }
  const onDocClick = (event: MouseEvent) => {
    if (!sessionMenu.hidden && !menuWrap.contains(event.target as Node)) sessionMenu.hidden = true;
  };
  document.addEventListener("click", onDocClick);
  cleanups.push(() => document.removeEventListener("click", onDocClick));
  sessionInput.addEventListener("change", () => {
    const file = sessionInput.files?.[0];
    sessionInput.value = "";
    if (file) void file.text().then((text) => openText(text, file.name), host.showError);
  });

  // ---- Notes tab -----------------------------------------------------------------------------------------
  const notesList = h("ul", { id: "notes-list", class: "notes-list" });
  const sessionNoteBox = h("div", { class: "session-note" });
  host.addTab("Notes", h("div", {}, h("h3", {}, "Session note"), sessionNoteBox, h("h3", {}, "Notes on nodes and relations"), notesList));
  function renderSessionNote(): void {
    replaceChildren(
      sessionNoteBox,
      noteEditor("session-note", "Session note", controller.notes.session, (text) => edit(() => controller.act(actions.writeNote({ kind: "session" }, text))), "What is this session about? What did you find?"),
    );
  }
  const sessionsDialog = h("div", { id: "sessions", class: "dialog", hidden: true, role: "dialog", attrs: { "aria-label": "Sessions" } });
  document.body.append(sessionsDialog);
  cleanups.push(() => sessionsDialog.remove());

  function renderPanels(reason: string): void {
    historyUi.render();
    renderNotesList(notesList, controller.notes, host.labelOf, host.selectNode);
    if (reason !== "step" && reason !== "edit") renderSessionNote();
    nameLabel.textContent = sessionName;
  }
  cleanups.push(
    controller.onChange((reason) => {
      view.setAppearance(controller.appearance);
      renderPanels(reason);
      scheduleSave();
    }),
  );

  function appearanceControls(): HTMLElement {
    const { nodeScale, labelDensity } = controller.appearance;
    const size = h("input", { type: "range", id: "node-scale", attrs: { min: "0.25", max: "4", step: "0.25", "aria-label": "Node size" }, value: String(nodeScale) });
    const labels = h("input", { type: "range", id: "label-density", attrs: { min: "0", max: "3", step: "0.25", "aria-label": "Labels" }, value: String(labelDensity) });
    size.addEventListener("change", () => controller.act(actions.setNodeScale(Number(size.value))));
    labels.addEventListener("change", () => controller.act(actions.setLabelDensity(Number(labels.value))));
    // While dragged the view follows each step; the step in History is recorded once, on release (`change`).
    size.addEventListener("input", () => view.setAppearance({ ...controller.appearance, nodeScale: Number(size.value) }));
    labels.addEventListener("input", () => view.setAppearance({ ...controller.appearance, labelDensity: Number(labels.value) }));
    return h(
      "div",
      { class: "appearance" },
      h("h3", {}, "Appearance"),
      h("label", { class: "stacked" }, "Node size ", size),
      h("label", { class: "stacked" }, "Labels (none … dense) ", labels),
    );
  }

  /** Runs a note or pin edit, reporting a refused one (too long) instead of throwing into an event handler. */
  function edit(change: () => void): void {
    try {
      change();
    } catch (error) {
      host.showError(error);
    }
  }

  // ---- Going to a step -----------------------------------------------------------------------------------
  async function travel(snapshot: SessionSnapshot | null): Promise<void> {
    if (!snapshot) return;
    await showSnapshot(snapshot);
  }

  /** Puts a snapshot on screen: the graph's nodes, their positions, the camera, pins and the widgets. */
  let shown = 0;
  async function showSnapshot(snapshot: SessionSnapshot, camera = true): Promise<void> {
    // Quick Ctrl+Z presses overlap: only the latest step is put on screen once the graph is in place.
    const generation = ++shown;
    await host.syncGraph(snapshot.state);
    if (generation !== shown) return;
    const positions = snapshot.layout.positions;
    view.graph.forEachNode((node) => {
      if (Object.hasOwn(positions, node)) view.graph.mergeNodeAttributes(node, { x: positions[node][0], y: positions[node][1] });
    });
    layout.reset();
    controller.positionsChanged();
    host.syncWidgets(store.get());
    view.refresh();
    if (camera) await placeCamera(snapshot.layout.camera);
  }

  /** Sets the camera, cancelling any fit animation still running (a new animation replaces the old one). */
  async function placeCamera(state: Camera): Promise<void> {
    // Fits are started in the next frame after queries finish: let them start, then replace them.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await view.sigma.getCamera().animate(state, { duration: 30 });
  }

  // ---- Node moves, layout runs, camera -------------------------------------------------------------------
  view.onNodeMoved = (node) => {
    layout.save();
    controller.moved([node]);
  };
  cleanups.push(
    layout.onChange((running) => {
      if (running && layout.runByUser && !restoring) controller.layoutStarted();
      if (!running) {
        controller.positionsChanged();
        scheduleSave();
      }
    }),
    // The analyst's run is a step once its positions are final; the app's own runs ride along in the next step.
    layout.onRunEnd((byUser) => {
      if (byUser && !restoring) controller.layoutFinished();
      else controller.positionsChanged();
    }),
  );
  const onCamera = () => scheduleSave();
  view.sigma.getCamera().on("updated", onCamera);
  cleanups.push(() => view.sigma.getCamera().removeListener("updated", onCamera));

  // ---- Details: notes and pins ---------------------------------------------------------------------------
  function edgeTripleOf(edge: string): EdgeTriple | null {
    if (!view.graph.hasEdge(edge)) return null;
    const [source, target] = view.graph.extremities(edge);
    return { source, predicate: view.graph.getEdgeAttribute(edge, "predicate"), target };
  }
  function decorateDetails(panel: HTMLElement, state: SessionState): void {
    panel.querySelector(".session-extras")?.remove();
    const selection = state.selection;
    // Notes and pins are on one node or one relation; several selected nodes have their own panel.
    if (selection.kind === "none" || selection.kind === "nodes") return;
    const box = h("section", { class: "session-extras" });
    if (selection.kind === "node") {
      const iri = selection.node;
      const pinned = controller.pinned.includes(iri);
      box.append(
        h(
          "div",
          { class: "row" },
          h(
            "button",
            {
              id: "pin-node",
              title: pinned ? "Let layouts move this node again" : "Keep this node where it is when the layout runs",
              attrs: { "aria-pressed": String(pinned) },
              on: { click: () => edit(() => controller.act(actions.pinNodes([iri], !pinned))) },
            },
            pinned ? "Unpin" : "Pin",
          ),
        ),
        h("h3", {}, "Note"),
        noteEditor("node-note", "Note on this node", nodeNote(controller.notes, iri), (text) => edit(() => controller.act(actions.writeNote({ kind: "node", iri }, text)))),
      );
    } else {
      const triple = edgeTripleOf(selection.edge);
      if (!triple) return;
      box.append(
        h("h3", {}, "Note"),
        noteEditor("edge-note", "Note on this relation", edgeNote(controller.notes, triple), (text) =>
          edit(() => controller.act(actions.writeNote({ kind: "edge", triple }, text))),
        ),
      );
    }
    const title = panel.querySelector(".details-title");
    if (title?.parentElement) title.parentElement.insertBefore(box, title.nextSibling);
    else panel.append(box);
  }
  // Pins change the layout's fixed nodes, and the details' button.
  cleanups.push(
    controller.onChange(() => {
      const button = document.getElementById("pin-node");
      const selection = store.get().selection;
      if (button && selection.kind === "node" && button.getAttribute("aria-pressed") !== String(controller.pinned.includes(selection.node))) {
        decorateDetails(button.closest(".details-panel") as HTMLElement, store.get());
      }
    }),
  );

  // ---- The session file ----------------------------------------------------------------------------------
  function currentFile(): SessionFile {
    const snapshot = controller.snapshot();
    const file = toSessionFile({
      name: sessionName,
      createdAt,
      sources: host.sources(),
      history: controller.history,
      state: snapshot.state,
      layout: snapshot.layout,
      appearance: snapshot.appearance,
      notes: snapshot.notes,
    });
    // Edge keys change with the data; the triples say which relation each key meant. Labels make reports readable.
    const edges: Record<string, EdgeTriple> = {};
    for (const key of edgeKeysOf(file)) {
      const triple = edgeTripleOf(key);
      if (triple) edges[key] = triple;
    }
    const labels: Record<string, string> = {};
    for (const iri of nodeReferences(file).keys()) {
      const label = host.labelOf(iri);
      if (label && label !== iri) labels[iri] = label.slice(0, 4000);
    }
    return { ...file, edges, labels };
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  function scheduleSave(): void {
    if (restoring || killed) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), AUTOSAVE_MS);
  }
  function flush(): Promise<void> {
    clearTimeout(saveTimer);
    if (restoring || killed) return saving;
    let text: string;
    let sources: SessionSource[];
    try {
      const file = currentFile();
      sources = file.sources;
      // Compact JSON: an autosave runs after every change, and nobody reads it by eye (Save session is pretty). The
      // texts of loaded files (megabytes) are kept once, by SHA-256, beside it: a step saves only the session.
      text = JSON.stringify({ ...forWriting(file), sources: withoutContent(sources) });
    } catch (error) {
      host.showError(error);
      return saving;
    }
    const files = sources.filter((s) => s.kind === "file");
    const record: StoredSession = { id: sessionId, name: sessionName, savedAt: new Date().toISOString(), text, sources: files.map((s) => s.sha256) };
    saving = saving
      .then(() => local.put(record, host.sourceFile))
      .then(() => {
        saves++;
      })
      .catch((error: unknown) => host.showError(error instanceof Error ? new Error(`Autosave failed: ${error.message}`) : error));
    return saving;
  }
  const onHide = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  const onPageHide = () => void flush();
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", onPageHide);
  cleanups.push(() => {
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", onPageHide);
  });

  /** Downloads the session as a file that carries the text of each loaded file (read from its Blob only now). */
  async function saveFile(): Promise<void> {
    sessionMenu.hidden = true;
    try {
      const file = currentFile();
      const sources = await Promise.all(
        file.sources.map(async (source) => {
          if (source.kind !== "file" || source.content !== undefined) return source;
          const blob = host.sourceFile(source.sha256);
          if (!blob) throw new Error(`Cannot save the session: the text of "${source.name}" is not at hand; load the file again.`);
          return { ...source, content: await blob.text() };
        }),
      );
      const text = serializeSession({ ...file, sources });
      host.download(`${fileSafe(sessionName)}.session.json`, new Blob([text], { type: "application/json" }));
    } catch (error) {
      host.showError(error);
    }
  }

  /**
   * Opens a session from text: everything is checked first (format, fields, hashes, that its nodes exist in its
   * data); only then is the current session replaced. On any failure the error is shown and nothing changes.
   */
  async function openText(text: string, origin: string, id = newSessionId(), saveCurrent = true): Promise<boolean> {
    sessionMenu.hidden = true;
    let file: SessionFile;
    let kept: Map<string, Blob>;
    try {
      // The data worker checks carried texts against their hashes as it parses them (hashing here would hold up the page).
      file = parseSessionFile(text, { verifyContent: false });
      kept = await keptFiles(file);
    } catch (error) {
      host.showError(new Error(`Cannot open ${origin}: ${error instanceof Error ? error.message : String(error)}`));
      return false;
    }
    const before = host.sources();
    const sameData = sameSources(before, file.sources);
    if (saveCurrent) await flush();
    restoring = true;
    // What is on screen now, to put back exactly if the file's data turns out not to hold its nodes.
    const keep = controller.snapshot();
    const putBack = async () => {
      await host.loadSources(before).catch(host.showError);
      controller.reset(controller.history, keep);
      await showSnapshot(keep);
    };
    try {
      const failed = sameData ? null : await host.loadSources(file.sources, kept).then(() => null, (error: unknown) => error);
      if (failed !== null) {
        await putBack();
        // After the put-back load, which clears the error banner.
        host.showError(new Error(`Cannot open ${origin}: ${failed instanceof Error ? failed.message : String(failed)}`));
        return false;
      }
      const unknown = await unknownNodes(file);
      if (unknown) {
        if (!sameData) await putBack();
        host.showError(new Error(`Cannot open ${origin}: ${unknown}`));
        return false;
      }
      sessionId = id;
      sessionName = file.name;
      createdAt = file.createdAt;
      controller.reset(historyOf(file), snapshotOf(file));
      await showSnapshot(snapshotOf(file));
      renderPanels("reset");
      return true;
    } finally {
      restoring = false;
      scheduleSave();
    }
  }

  /**
   * The files a session names without content (autosaves), by SHA-256: this page's copy, else the one kept in
   * IndexedDB. Refuses the session when one is in neither.
   */
  async function keptFiles(file: SessionFile): Promise<Map<string, Blob>> {
    const kept = new Map<string, Blob>();
    const wanted = file.sources.filter((s) => s.kind === "file" && s.content === undefined && !host.sourceFile(s.sha256));
    const stored = await local.files(wanted.map((s) => s.sha256));
    wanted.forEach((source, i) => {
      const blob = stored[i];
      if (blob === undefined) {
        throw new SessionFileError(`sources[${file.sources.indexOf(source)}].content`, `the text of "${source.name}" is not kept in this browser; open a saved session file that carries it, or load the file again`, "inconsistent");
      }
      kept.set(source.sha256, blob);
    });
    return kept;
  }

  /** Which of the session's nodes are not in the data now loaded (asked of the worker), as a message; null if none. */
  async function unknownNodes(file: SessionFile): Promise<string | null> {
    const refs = nodeReferences(file);
    if (refs.size === 0) return null;
    const found = await host.client.request("subgraph", { nodes: [...refs.keys()], edges: [] });
    const known = new Set(found.nodes.map((n) => n.key));
    const missing = [...refs].filter(([iri]) => !known.has(iri));
    if (missing.length === 0) return null;
    const error = new SessionFileError(
      missing[0][1],
      `${missing.length} node${missing.length === 1 ? " is" : "s are"} not in the data: ${missing.slice(0, 3).map(([iri]) => `<${iri.slice(0, 200)}>`).join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""}`,
      "unknown-nodes",
    );
    return error.message;
  }

  async function newSession(): Promise<void> {
    sessionMenu.hidden = true;
    await flush();
    restoring = true;
    try {
      const bundledOnly = host.sources().every((s) => s.kind === "bundled");
      if (!bundledOnly) {
        try {
          await host.loadSources(host.sources().filter((s) => s.kind === "bundled"));
        } catch (error) {
          host.showError(error);
          return;
        }
      }
      sessionId = newSessionId();
      sessionName = defaultName();
      createdAt = new Date().toISOString();
      const empty: SessionState = { ...getEmptySession(), filters: { ...getEmptySession().filters, showSchema: store.get().filters.showSchema } };
      store.apply(() => empty);
      await host.syncGraph(empty);
      view.fitNodes([]);
      // A new session starts with no notes, pins or appearance choices, at the positions now drawn.
      const start: SessionSnapshot = { state: empty, layout: { positions: {}, camera: defaultCamera(), pinned: [] }, appearance: defaultAppearance(), notes: emptyNotes() };
      controller.reset(createHistory(start), start);
      controller.positionsChanged();
      const fresh = controller.snapshot();
      controller.reset(createHistory(fresh), fresh);
      layout.reset();
      host.syncWidgets(empty);
      renderPanels("reset");
    } finally {
      restoring = false;
    }
    await flush();
  }

  // ---- Sessions kept in the browser ----------------------------------------------------------------------
  async function showSessions(): Promise<void> {
    sessionMenu.hidden = true;
    await flush();
    const list = h("ul", { id: "session-list", class: "session-list" });
    replaceChildren(
      sessionsDialog,
      h("h2", {}, "Sessions in this browser"),
      h("p", { class: "muted" }, "Each session is saved here as you work. Rename one by editing its name."),
      list,
      h("div", { class: "row" }, h("button", { on: { click: () => void newSession().then(refresh) } }, "New session"), h("button", { id: "sessions-close", on: { click: () => (sessionsDialog.hidden = true) } }, "Close")),
    );
    sessionsDialog.hidden = false;
    async function refresh(): Promise<void> {
      try {
        const sessions = await local.list();
        renderSessionList(list, sessions, sessionId, {
          open: (id) =>
            void (async () => {
              const stored = await local.get(id);
              if (stored && (await openText(stored.text, `"${stored.name}"`, id))) sessionsDialog.hidden = true;
            })().catch(host.showError),
          rename: (id, name) =>
            void (async () => {
              if (id === sessionId) {
                sessionName = name;
                renderPanels("edit");
                await flush();
              } else await local.rename(id, name);
              await refresh();
            })().catch(host.showError),
          remove: (id) =>
            void (async () => {
              await local.remove(id);
              if (id === sessionId) {
                await newSession();
              }
              await refresh();
            })().catch(host.showError),
        });
      } catch (error) {
        host.showError(error);
      }
    }
    await refresh();
  }

  // ---- Share links ---------------------------------------------------------------------------------------
  function shareProblem(): string | null {
    const own = host.sources().filter((s) => s.kind !== "bundled");
    return own.length ? `Share links carry views of the bundled graph only; this session also uses ${own.map((s) => s.name).join(", ")}. Save the session as a file instead.` : null;
  }
  function updateShareButton(): void {
    const problem = shareProblem();
    shareButton.disabled = problem !== null;
    shareButton.title = problem ?? "Copy a link that opens this view (queries, filters, selection, camera, pinned nodes)";
  }
  async function copyShareLink(): Promise<void> {
    sessionMenu.hidden = true;
    try {
      const snapshot = controller.snapshot();
      const code = encodeShareState(snapshot.state, snapshot.layout, host.sources());
      const url = new URL(location.href);
      url.hash = `${SHARE_KEY}=${code}`;
      const link = url.toString();
      shareButton.dataset.link = link;
      try {
        await navigator.clipboard.writeText(link);
        host.showInfo("Share link copied to the clipboard.");
      } catch {
        // Clipboard refused (no permission, insecure context): show the link so it can be copied by hand.
        host.showInfo(`Share link: ${link}`);
      }
    } catch (error) {
      host.showError(error);
    }
  }

  async function openShareLink(code: string): Promise<void> {
    const share = decodeShareState(code);
    // Given the data now loaded, a link made on other bundled data keeps its nodes but not its edge keys.
    const state = stateFromShare(share, host.sources());
    const unknown = await unknownNodes(toSessionFile({ state }));
    if (unknown) throw new ShareError(unknown);
    const release = controller.mute();
    try {
      store.apply(() => state);
      await host.syncGraph(state);
      if (share.pinned) {
        for (const [node, [x, y]] of Object.entries(share.pinned)) if (view.graph.hasNode(node)) view.graph.mergeNodeAttributes(node, { x, y });
      }
      host.syncWidgets(state);
      await host.rerunQueries(state, share.path.chosen, share.focus);
      if (share.focus === "none") store.apply((s) => (s.focus === "none" ? s : { ...s, focus: "none" }));
    } finally {
      release();
    }
    controller.positionsChanged();
    const snapshot = controller.snapshot();
    const current: SessionSnapshot = { ...snapshot, layout: { ...snapshot.layout, pinned: Object.keys(share.pinned ?? {}), camera: share.camera ?? snapshot.layout.camera } };
    controller.reset(createHistory(current, new Date().toISOString(), "Opened a share link"), current);
    host.syncWidgets(store.get());
    layout.reset();
    if (share.camera) await placeCamera(share.camera);
  }

  // ---- Report --------------------------------------------------------------------------------------------
  async function exportReport(): Promise<void> {
    sessionMenu.hidden = true;
    try {
      const [png, turtle] = await Promise.all([viewPng(), host.resultTurtle()]);
      const html = renderReport(currentFile(), { imagePng: png, turtle });
      host.download(`${fileSafe(sessionName)}.report.html`, new Blob([html], { type: "text/html" }));
    } catch (error) {
      host.showError(error);
    }
  }
  async function viewPng(): Promise<string | undefined> {
    try {
      const blob = await toBlob(view.sigma as unknown as Parameters<typeof toBlob>[0], { format: "png", backgroundColor: "#ffffff" });
      return await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error ?? new Error("workbench/report: cannot read the view image."));
        reader.readAsDataURL(blob);
      });
    } catch {
      // A report without the picture still has every query, quote and note.
      return undefined;
    }
  }

  // ---- Start-up: share link, else the last autosave, else a fresh session ---------------------------------
  async function restore(): Promise<void> {
    const hash = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
    if (hash) {
      try {
        await openShareLink(hash);
        history.replaceState(null, "", location.pathname + location.search);
        return;
      } catch (error) {
        host.showError(new Error(`Cannot open the share link: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    let stored: StoredSession | null = null;
    try {
      const id = await local.currentId();
      stored = id ? await local.get(id) : null;
    } catch (error) {
      host.showError(error);
    }
    if (stored) {
      restoring = false;
      // The page's start state is nobody's work: saving it first would list an empty session after every reload.
      const ok = await openText(stored.text, `the last session ("${stored.name}")`, stored.id, false);
      if (ok) return;
    }
    controller.positionsChanged();
    const fresh = controller.snapshot();
    controller.reset(createHistory(fresh), fresh);
  }
  const restored = restore()
    .catch(host.showError)
    .finally(() => {
      restoring = false;
      renderPanels("reset");
      view.setAppearance(controller.appearance);
      host.syncWidgets(store.get());
    });

  return {
    controller,
    restored,
    get saves() {
      return saves;
    },
    flush,
    openText: (text, origin) => openText(text, origin),
    decorateDetails,
    appearanceControls,
    setClassColour(cls, label, colour) {
      if (!/^#[0-9a-f]{6}$/i.test(colour)) {
        host.showError(new Error(`workbench/appearance: "${colour}" is not a colour (#rrggbb).`));
        return;
      }
      edit(() => controller.act(actions.setClassColour(cls, label, colour)));
    },
    dataLoaded(names) {
      controller.act(actions.loadFile(names));
    },
    kill() {
      if (killed) return;
      void flush();
      killed = true;
      clearTimeout(saveTimer);
      for (const cleanup of cleanups) cleanup();
      controller.kill();
      void saving.finally(() => local.close());
    },
  };
}

/** Whether two source lists name the same data (by hash, in order). */
export function sameSources(a: readonly SessionSource[], b: readonly SessionSource[]): boolean {
  return a.length === b.length && a.every((s, i) => s.sha256 === b[i].sha256 && s.kind === b[i].kind);
}

/** Every edge key the state refers to. */
function edgeKeysOf(file: SessionFile): Set<string> {
  const keys = new Set<string>();
  const addState = (s: SessionState) => {
    s.added.edges.forEach((e) => keys.add(e));
    if (s.selection.kind === "edge") keys.add(s.selection.edge);
    s.path.results.forEach((r) => r.steps.forEach((step) => keys.add(step.edge)));
    s.neighbourhood.result?.edges.forEach((e) => keys.add(e));
  };
  addState(file.state);
  [...file.history, ...(file.branches ?? []).flatMap((b) => b.entries)].forEach((entry) => entry.snapshot && addState(entry.snapshot.state));
  return keys;
}

function defaultName(): string {
  return `Session ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
}

function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, "").trim().replace(/\s+/g, "-").slice(0, 80) || "session";
}

