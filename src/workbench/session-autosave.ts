// Autosave: the session as a file, written to IndexedDB a moment after each change and when the page is hidden.
import { forWriting, nodeReferences, toSessionFile, withoutContent, type SessionFile, type SessionSource } from "../session/format.ts";
import type { EdgeTriple } from "../session/history.ts";
import type { SessionState } from "../session/types.ts";
import type { StoredSession } from "./local-sessions.ts";
import { edgeTripleOf, type SessionPage } from "./session-host.ts";

/** Autosave waits this long after the last change (a crash loses at most this much). */
const AUTOSAVE_MS = 400;

export interface Autosave {
  /** Completed autosaves (tests wait on it). */
  readonly saves: number;
  /** Stops the timer and closes the store once the last save is written. */
  kill(): void;
}

/** Binds `page.currentFile`, `page.scheduleSave` and `page.flush`. */
export function attachAutosave(page: SessionPage): Autosave {
  const { host, controller } = page;
  let saves = 0;
  page.currentFile = (): SessionFile => {
    const snapshot = controller.snapshot();
    const file = toSessionFile({
      name: page.open.name,
      createdAt: page.open.createdAt,
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
      const triple = edgeTripleOf(host.view, key);
      if (triple) edges[key] = triple;
    }
    const labels: Record<string, string> = {};
    for (const iri of nodeReferences(file).keys()) {
      const label = host.labelOf(iri);
      if (label && label !== iri) labels[iri] = label.slice(0, 4000);
    }
    return { ...file, edges, labels };
  };

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  page.scheduleSave = (): void => {
    if (page.restoring || page.killed) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void page.flush(), AUTOSAVE_MS);
  };
  page.flush = (): Promise<void> => {
    clearTimeout(saveTimer);
    if (page.restoring || page.killed) return saving;
    let text: string;
    let sources: SessionSource[];
    try {
      const file = page.currentFile();
      sources = file.sources;
      // Compact JSON: an autosave runs after every change, and nobody reads it by eye (Save session is pretty). The
      // texts of loaded files (megabytes) are kept once, by SHA-256, beside it: a step saves only the session.
      text = JSON.stringify({ ...forWriting(file), sources: withoutContent(sources) });
    } catch (error) {
      host.showError(error);
      return saving;
    }
    const files = sources.filter((s) => s.kind === "file");
    const record: StoredSession = { id: page.open.id, name: page.open.name, savedAt: new Date().toISOString(), text, sources: files.map((s) => s.sha256) };
    saving = saving
      .then(() => page.local.put(record, host.sourceFile))
      .then(() => {
        saves++;
      })
      .catch((error: unknown) => host.showError(error instanceof Error ? new Error(`Autosave failed: ${error.message}`) : error));
    return saving;
  };
  const onHide = () => {
    if (document.visibilityState === "hidden") void page.flush();
  };
  const onPageHide = () => void page.flush();
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", onPageHide);
  page.cleanups.push(() => {
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", onPageHide);
  });
  return {
    get saves() {
      return saves;
    },
    kill() {
      clearTimeout(saveTimer);
      void saving.finally(() => page.local.close());
    },
  };
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
