// Session files: save one, open one (everything checked before anything is replaced), start a new one; the one place that replaces the open session.
import { historyOf, nodeReferences, parseSessionFile, serializeSession, SessionFileError, snapshotOf, type SessionFile } from "../session/format.ts";
import { createHistory, type History, type SessionSnapshot } from "../session/history.ts";
import { getEmptySession } from "../session/index.ts";
import { defaultAppearance } from "../session/layout.ts";
import { emptyNotes } from "../session/notes.ts";
import type { SessionState } from "../session/types.ts";
import { newSessionId } from "./local-sessions.ts";
import { defaultName, fileSafe, sameSources, type OpenSession, type SessionPage } from "./session-host.ts";

/**
 * Most bytes of data files a saved session file carries. It holds them in one JSON text, and a browser's strings
 * stop at 536,870,888 characters (V8), where reading a Blob as text fails with a NotReadableError that names no
 * cause; JSON's escapes and the session itself need room beside the text.
 */
export const SESSION_FILE_TEXT_LIMIT = 400_000_000;

/** Throws a clear error when the files' sizes (bytes, or characters of inline text) pass SESSION_FILE_TEXT_LIMIT. */
export function carriedTextCheck(sizes: readonly number[]): void {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= SESSION_FILE_TEXT_LIMIT) return;
  const n = (x: number) => x.toLocaleString("en");
  throw new Error(
    `Cannot save the session as a file: it would carry ${n(total)} bytes of data files, and a session file carries at most ` +
      `${n(SESSION_FILE_TEXT_LIMIT)} (it holds them in one text, which a browser caps near 512 MiB). The session stays autosaved in this browser.`,
  );
}

/** What replaces the open session, and how much of the screen must follow it. */
export interface Replacement {
  /** The session's identity when it is another session (a file, a new one); else the open one's stays. */
  open?: OpenSession;
  history: History;
  snapshot: SessionSnapshot;
  /**
   * "screen": the graph, positions and camera are set from the snapshot; "widgets": the graph already shows it
   * (only the widgets and the layout follow); "none": nothing on screen changes (the snapshot was read from it).
   */
  show: "screen" | "widgets" | "none";
}

/**
 * The one place that replaces the open session (a file opened, a new session, a share link, the start-up
 * session, a failed open put back): identity, History and the current snapshot, then the screen and the panels.
 */
export async function replaceSession(page: SessionPage, next: Replacement): Promise<void> {
  if (next.open) page.open = next.open;
  page.controller.reset(next.history, next.snapshot);
  if (next.show === "screen") await page.showSnapshot(next.snapshot);
  else if (next.show === "widgets") {
    page.host.layout.reset();
    page.host.syncWidgets(page.host.store.get());
  }
  page.renderPanels("reset");
}

export interface SessionFiles {
  saveFile(): Promise<void>;
  /** Opens a session from text; false (with the error shown, nothing changed) when it cannot. */
  openText(text: string, origin: string, id?: string, saveCurrent?: boolean): Promise<boolean>;
  newSession(): Promise<void>;
}

/** Binds `page.unknownNodes`; returns saving, opening and starting sessions. */
export function attachSessionFiles(page: SessionPage): SessionFiles {
  const { host, controller } = page;

  /** Downloads the session as a file that carries the text of each loaded file (read from its Blob only now). */
  async function saveFile(): Promise<void> {
    page.closeMenu();
    try {
      const file = page.currentFile();
      carriedTextCheck(file.sources.map((s) => (s.kind !== "file" ? 0 : (s.content?.length ?? host.sourceFile(s.sha256)?.size ?? 0))));
      const sources = await Promise.all(
        file.sources.map(async (source) => {
          if (source.kind !== "file" || source.content !== undefined) return source;
          const blob = host.sourceFile(source.sha256);
          if (!blob) throw new Error(`Cannot save the session: the text of "${source.name}" is not at hand; load the file again.`);
          return { ...source, content: await blob.text() };
        }),
      );
      const text = serializeSession({ ...file, sources });
      host.download(`${fileSafe(page.open.name)}.session.json`, new Blob([text], { type: "application/json" }));
    } catch (error) {
      host.showError(error);
    }
  }

  /**
   * Opens a session from text: everything is checked first (format, fields, hashes, that its nodes exist in its
   * data); only then is the current session replaced. On any failure the error is shown and nothing changes.
   */
  async function openText(text: string, origin: string, id = newSessionId(), saveCurrent = true): Promise<boolean> {
    page.closeMenu();
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
    if (saveCurrent) await page.flush();
    page.restoring = true;
    // What is on screen now, to put back exactly if the file's data turns out not to hold its nodes.
    const keep = controller.snapshot();
    const putBack = async () => {
      await host.loadSources(before).catch(host.showError);
      await replaceSession(page, { history: controller.history, snapshot: keep, show: "screen" });
    };
    try {
      const failed = sameData ? null : await host.loadSources(file.sources, kept).then(() => null, (error: unknown) => error);
      if (failed !== null) {
        await putBack();
        // After the put-back load, which clears the error banner.
        host.showError(new Error(`Cannot open ${origin}: ${failed instanceof Error ? failed.message : String(failed)}`));
        return false;
      }
      const unknown = await page.unknownNodes(file);
      if (unknown) {
        if (!sameData) await putBack();
        host.showError(new Error(`Cannot open ${origin}: ${unknown}`));
        return false;
      }
      await replaceSession(page, { open: { id, name: file.name, createdAt: file.createdAt }, history: historyOf(file), snapshot: snapshotOf(file), show: "screen" });
      return true;
    } finally {
      page.restoring = false;
      page.scheduleSave();
    }
  }

  /**
   * The files a session names without content (autosaves), by SHA-256: this page's copy, else the one kept in
   * IndexedDB. Refuses the session when one is in neither.
   */
  async function keptFiles(file: SessionFile): Promise<Map<string, Blob>> {
    const kept = new Map<string, Blob>();
    const wanted = file.sources.filter((s) => s.kind === "file" && s.content === undefined && !host.sourceFile(s.sha256));
    const stored = await page.local.files(wanted.map((s) => s.sha256));
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
  page.unknownNodes = async (file: SessionFile): Promise<string | null> => {
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
  };

  async function newSession(): Promise<void> {
    page.closeMenu();
    await page.flush();
    page.restoring = true;
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
      const { store, view } = host;
      const empty: SessionState = { ...getEmptySession(), filters: { ...getEmptySession().filters, showSchema: store.get().filters.showSchema } };
      store.apply(() => empty);
      await host.syncGraph(empty);
      view.fitNodes([]);
      // A new session starts with no notes, pins or appearance choices, at the positions now drawn.
      controller.positionsChanged();
      const drawn = controller.snapshot();
      const fresh: SessionSnapshot = { state: empty, layout: { ...drawn.layout, pinned: [] }, appearance: defaultAppearance(), notes: emptyNotes() };
      const open = { id: newSessionId(), name: defaultName(), createdAt: new Date().toISOString() };
      await replaceSession(page, { open, history: createHistory(fresh), snapshot: fresh, show: "widgets" });
    } finally {
      page.restoring = false;
    }
    await page.flush();
  }

  return { saveFile, openText, newSession };
}
