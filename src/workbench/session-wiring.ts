// Puts the session into the page: builds the controller and the session modules (autosave, files, share link, report, menus, view) and restores the last session at start-up.
import { createHistory } from "../session/history.ts";
import { actions } from "../session/named-actions.ts";
import type { SessionState } from "../session/types.ts";
import { LocalSessions, newSessionId, type StoredSession } from "./local-sessions.ts";
import { attachAutosave } from "./session-autosave.ts";
import { SessionController } from "./session-controller.ts";
import { attachSessionDetails } from "./session-details.ts";
import { attachSessionFiles, replaceSession } from "./session-files.ts";
import { defaultName, newSessionPage, type SessionHost } from "./session-host.ts";
import { attachSessionMenus } from "./session-menus.ts";
import { SHARE_KEY, shareLinks } from "./session-share.ts";
import { attachSessionView } from "./session-view.ts";

export type { SessionHost } from "./session-host.ts";

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
  const { store, view } = host;
  const controller = new SessionController(store, {
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
  });
  const page = newSessionPage(host, controller, new LocalSessions(), { id: newSessionId(), name: defaultName(), createdAt: new Date().toISOString() });
  const autosave = attachAutosave(page);
  attachSessionView(page);
  const files = attachSessionFiles(page);
  const share = shareLinks(page);
  const details = attachSessionDetails(page);
  attachSessionMenus(page, files, share, details.edit);

  // Start-up: a share link, else the last autosave, else a fresh session.
  async function restore(): Promise<void> {
    const hash = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
    if (hash) {
      try {
        await share.open(hash);
        history.replaceState(null, "", location.pathname + location.search);
        return;
      } catch (error) {
        host.showError(new Error(`Cannot open the share link: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    let stored: StoredSession | null = null;
    try {
      const id = await page.local.currentId();
      stored = id ? await page.local.get(id) : null;
    } catch (error) {
      host.showError(error);
    }
    if (stored) {
      page.restoring = false;
      // The page's start state is nobody's work: saving it first would list an empty session after every reload.
      const ok = await files.openText(stored.text, `the last session ("${stored.name}")`, stored.id, false);
      if (ok) return;
    }
    controller.positionsChanged();
    const fresh = controller.snapshot();
    await replaceSession(page, { history: createHistory(fresh), snapshot: fresh, show: "none" });
  }
  const restored = restore()
    .catch(host.showError)
    .finally(() => {
      page.restoring = false;
      page.renderPanels("reset");
      view.setAppearance(controller.appearance);
      host.syncWidgets(store.get());
    });

  return {
    controller,
    restored,
    get saves() {
      return autosave.saves;
    },
    flush: () => page.flush(),
    openText: (text, origin) => files.openText(text, origin),
    decorateDetails: (panel: HTMLElement, state: SessionState) => details.decorateDetails(panel, state),
    appearanceControls: () => details.appearanceControls(),
    setClassColour: (cls, label, colour) => details.setClassColour(cls, label, colour),
    dataLoaded(names) {
      controller.act(actions.loadFile(names));
    },
    kill() {
      if (page.killed) return;
      void page.flush();
      page.killed = true;
      autosave.kill();
      for (const cleanup of page.cleanups) cleanup();
      controller.kill();
    },
  };
}
