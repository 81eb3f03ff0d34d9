// What the session's page modules share: the host's services, the controller, the open session's identity, late-bound steps.
import type { SessionFile, SessionSource } from "../session/format.ts";
import type { EdgeTriple, SessionSnapshot } from "../session/history.ts";
import type { Camera } from "../session/layout.ts";
import type { SessionStore } from "../session/index.ts";
import type { SessionState } from "../session/types.ts";
import type { DataClient } from "./data-client.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";
import type { LocalSessions } from "./local-sessions.ts";
import type { SessionController } from "./session-controller.ts";

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
  /** Turtle of the current query result, or the view when there is none, in pieces (never one string). */
  resultTurtle(): Promise<string[]>;
  labelOf(iri: string): string;
  selectNode(iri: string): void;
  download(name: string, blob: Blob): void;
}

/** Which session is open: its id in this browser, its name, when it was begun. */
export interface OpenSession {
  id: string;
  name: string;
  createdAt: string;
}

/**
 * The session's page: what every session module (autosave, files, share link, report, menus, view) reads, and the
 * steps they call on each other, bound once all are attached (so none imports another).
 */
export interface SessionPage {
  readonly host: SessionHost;
  readonly controller: SessionController;
  readonly local: LocalSessions;
  open: OpenSession;
  /** While a session is being put on screen, autosave and step recording wait. */
  restoring: boolean;
  killed: boolean;
  readonly cleanups: (() => void)[];
  /** Writes the autosave now (session-autosave.ts). */
  flush(): Promise<void>;
  scheduleSave(): void;
  /** The session as a file: state, history, sources, and the edge triples and labels it refers to. */
  currentFile(): SessionFile;
  /** Puts a snapshot on screen (session-view.ts). */
  showSnapshot(snapshot: SessionSnapshot, camera?: boolean): Promise<void>;
  placeCamera(camera: Camera): Promise<void>;
  /** Redraws History, the notes and the session's name (session-menus.ts). */
  renderPanels(reason: string): void;
  closeMenu(): void;
  /** Which of a session file's nodes are not in the data now loaded, as a message; null if none (session-files.ts). */
  unknownNodes(file: SessionFile): Promise<string | null>;
}

/** A page whose late-bound steps are not attached yet (attachSession binds them before any runs). */
export function newSessionPage(host: SessionHost, controller: SessionController, local: LocalSessions, open: OpenSession): SessionPage {
  const unbound = (name: string) => () => {
    throw new Error(`workbench/session: ${name} is not attached yet`);
  };
  return {
    host,
    controller,
    local,
    open,
    restoring: true,
    killed: false,
    cleanups: [],
    flush: unbound("flush"),
    scheduleSave: unbound("scheduleSave"),
    currentFile: unbound("currentFile"),
    showSnapshot: unbound("showSnapshot"),
    placeCamera: unbound("placeCamera"),
    renderPanels: unbound("renderPanels"),
    closeMenu: unbound("closeMenu"),
    unknownNodes: unbound("unknownNodes"),
  };
}

/** The triple of a drawn edge (what notes and saved files name it by), or null when it is not drawn. */
export function edgeTripleOf(view: GraphView, edge: string): EdgeTriple | null {
  if (!view.graph.hasEdge(edge)) return null;
  const [source, target] = view.graph.extremities(edge);
  return { source, predicate: view.graph.getEdgeAttribute(edge, "predicate"), target };
}

/** Whether two source lists name the same data (by hash, in order). */
export function sameSources(a: readonly SessionSource[], b: readonly SessionSource[]): boolean {
  return a.length === b.length && a.every((s, i) => s.sha256 === b[i].sha256 && s.kind === b[i].kind);
}

export function defaultName(): string {
  return `Session ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
}

export function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, "").trim().replace(/\s+/g, "-").slice(0, 80) || "session";
}
