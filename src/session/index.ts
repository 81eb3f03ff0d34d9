// The session store: one state value, producers applied to it, and listeners told of each change (Gephi Lite style).
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
  /** Drops every listener; safe to call twice. */
  kill(): void;
}

export function createSessionStore(initial: SessionState = getEmptySession()): SessionStore {
  let state = initial;
  let listeners = new Set<SessionListener>();
  return {
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
    kill() {
      listeners = new Set();
    },
  };
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
