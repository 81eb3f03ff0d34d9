// Share links: a URL fragment that carries the view of the bundled graph (queries, filters, selection, camera, pins), copied and opened.
import { toSessionFile } from "../session/format.ts";
import { createHistory, type SessionSnapshot } from "../session/history.ts";
import { decodeShareState, encodeShareState, stateFromShare, ShareError } from "../session/share.ts";
import type { SessionState } from "../session/types.ts";
import { replaceSession } from "./session-files.ts";
import type { SessionPage } from "./session-host.ts";

/** The URL fragment key of share links: `#view=<code>` (a fragment never reaches a server). */
export const SHARE_KEY = "view";

export interface ShareLinks {
  /** Why no link can be made now (the analyst's own files are loaded), or null. */
  problem(): string | null;
  /** Copies the link (or shows it when the clipboard refuses), handing it to `made` first. */
  copy(made: (link: string) => void): Promise<void>;
  /** Opens the view a link carries as a new session of one step; throws when its nodes are not in the data. */
  open(code: string): Promise<void>;
}

export function shareLinks(page: SessionPage): ShareLinks {
  const { host, controller } = page;
  const { store, view } = host;

  function problem(): string | null {
    const own = host.sources().filter((s) => s.kind !== "bundled");
    return own.length ? `Share links carry views of the bundled graph only; this session also uses ${own.map((s) => s.name).join(", ")}. Save the session as a file instead.` : null;
  }

  async function copy(made: (link: string) => void): Promise<void> {
    try {
      const snapshot = controller.snapshot();
      const code = encodeShareState(snapshot.state, snapshot.layout, host.sources());
      const url = new URL(location.href);
      url.hash = `${SHARE_KEY}=${code}`;
      const link = url.toString();
      made(link);
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

  async function open(code: string): Promise<void> {
    const share = decodeShareState(code);
    // Given the data now loaded, a link made on other bundled data keeps its nodes but not its edge keys.
    const state = stateFromShare(share, host.sources());
    const unknown = (await page.unknownNodes(toSessionFile({ state }))) ?? (await unknownEdges(state));
    if (unknown) throw new ShareError(unknown);
    // The link carries questions, not answers: the queries run again, and the link opens as one step.
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
    await replaceSession(page, { history: createHistory(current, new Date().toISOString(), "Opened a share link"), snapshot: current, show: "widgets" });
    if (share.camera) await page.placeCamera(share.camera);
  }

  /**
   * Edge keys of the link the data now loaded lacks (a hand-made link, or one whose data hash was left out), as a
   * message; null if none. Unchecked, they named nothing and the view silently lacked them.
   */
  async function unknownEdges(state: SessionState): Promise<string | null> {
    const keys = [...new Set([...state.added.edges, ...(state.selection.kind === "edge" ? [state.selection.edge] : [])])];
    if (keys.length === 0) return null;
    const found = new Set((await host.client.request("subgraph", { nodes: [], edges: keys })).edges.map((e) => e.key));
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length === 0) return null;
    return `${missing.length} relation${missing.length === 1 ? " of the link is" : "s of the link are"} not in the data: ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ` and ${missing.length - 3} more` : ""} (edge keys name relations of the data the link was made on)`;
  }

  return { problem, copy, open };
}
