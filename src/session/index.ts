// The session store: one state value, producers applied to it, and listeners told of each change (Gephi Lite style).
import type { NamedAction } from "./act.ts";
import { getEmptySession, type Producer } from "./producers.ts";
import type { SessionState } from "./types.ts";

export * from "./types.ts";
export * from "./producers.ts";

export type SessionListener = (state: SessionState, previous: SessionState) => void;

export interface SessionStore {
  get(): SessionState;
  /** Applies producers in order; listeners run once, and only if the state changed. */
  apply(...producers: Producer[]): SessionState;
  subscribe(listener: SessionListener): () => void;
  /**
   * Runs a named action: the handler (the session controller, which applies and records it in History) when one is
   * set; otherwise only its state change is applied.
   */
  dispatch(action: NamedAction): void;
  /** Who runs dispatched actions; null gives them back to the store. */
  handleActions(handler: ((action: NamedAction) => void) | null): void;
  /** The node under the pointer: transient, so not in the state (no step, no autosave, no History redraw). */
  hovered(): string | null;
  hover(node: string | null): void;
  onHover(listener: (node: string | null) => void): () => void;
  /** Drops every listener; safe to call twice. */
  kill(): void;
}

export function createSessionStore(initial: SessionState = getEmptySession()): SessionStore {
  let state = initial;
  let listeners = new Set<SessionListener>();
  let hoverListeners = new Set<(node: string | null) => void>();
  let hovered: string | null = null;
  let handler: ((action: NamedAction) => void) | null = null;
  const store: SessionStore = {
    get: () => state,
    apply(...producers) {
      const previous = state;
      let next = state;
      for (const produce of producers) next = produce(next);
      if (next === previous) return state;
      state = next;
      for (const listener of [...listeners]) listener(state, previous);
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      if (handler) handler(action);
      else store.apply(action.state ?? ((s) => s));
    },
    handleActions(next) {
      handler = next;
    },
    hovered: () => hovered,
    hover(node) {
      if (node === hovered) return;
      hovered = node;
      for (const listener of [...hoverListeners]) listener(node);
    },
    onHover(listener) {
      hoverListeners.add(listener);
      return () => hoverListeners.delete(listener);
    },
    kill() {
      listeners = new Set();
      hoverListeners = new Set();
      handler = null;
    },
  };
  return store;
}
// Issue 5 (sessions): the file format, history, notes, layout, replay, diff, report and share links.
export * from "./format.ts";
export * from "./history.ts";
export * from "./notes.ts";
export * from "./layout.ts";
export * from "./share.ts";
export * from "./diff.ts";
export { escapeHtml, renderReport, type ReportOptions } from "./report.ts";
export { isIri, stripUserinfo } from "./schema.ts";
export * from "./act.ts";
export * from "./named-actions.ts";
export { sourceSettings, type SourceSettings } from "./source-settings.ts";
