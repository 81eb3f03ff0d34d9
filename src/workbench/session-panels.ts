// The session's widgets: notes panel, note editor, local sessions dialog (text nodes only, no markup from data).
import type { Notes } from "../session/notes.ts";
import { h, replaceChildren } from "./dom.ts";
import type { StoredSessionInfo } from "./local-sessions.ts";

/**
 * A textarea whose edits are committed after a pause in typing and on leaving it, so one burst of typing is one
 * undo step. `commit` receives the text; the textarea only ever holds text.
 */
export function noteEditor(id: string, label: string, initial: string, commit: (text: string) => void, placeholder = "Write a note…"): HTMLTextAreaElement {
  const area = h("textarea", { id, class: "note", placeholder, attrs: { "aria-label": label, rows: "4", maxlength: "20000" } });
  area.value = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = initial;
  const flush = () => {
    clearTimeout(timer);
    if (area.value === last) return;
    last = area.value;
    commit(area.value);
  };
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(flush, 700);
  });
  area.addEventListener("blur", flush);
  return area;
}

/** The notes of a session: the session note (editable) and every node and relation note (click to select). */
export function renderNotesList(
  list: HTMLElement,
  notes: Notes,
  labelOf: (iri: string) => string,
  selectNode: (iri: string) => void,
): void {
  const nodeNotes = Object.entries(notes.nodes);
  const edgeNotes = Object.entries(notes.edges);
  replaceChildren(
    list,
    nodeNotes.length + edgeNotes.length === 0 ? h("li", { class: "muted" }, "No notes on nodes or relations yet: select one and write in the details panel.") : null,
    ...nodeNotes.map(([iri, text]) =>
      h("li", { class: "note-item" }, h("button", { class: "link", title: iri, on: { click: () => selectNode(iri) } }, labelOf(iri)), h("p", { class: "note-text" }, text)),
    ),
    ...edgeNotes.map(([key, text]) => {
      const [s, p, o] = key.split(" ");
      return h("li", { class: "note-item" }, h("span", { class: "muted", title: key }, `${labelOf(s)} — ${labelOf(p)} → ${labelOf(o)}`), h("p", { class: "note-text" }, text));
    }),
  );
}

export interface SessionListActions {
  open(id: string): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
}

/** The sessions kept in this browser, newest first, each with open, rename and delete. */
export function renderSessionList(list: HTMLElement, sessions: readonly StoredSessionInfo[], currentId: string | null, actions: SessionListActions): void {
  replaceChildren(
    list,
    sessions.length === 0 ? h("li", { class: "muted" }, "No saved sessions.") : null,
    ...sessions.map((session) => {
      const name = h("input", { type: "text", class: "session-name", value: session.name, attrs: { "aria-label": "Session name", maxlength: "200" } });
      name.addEventListener("change", () => {
        const text = name.value.trim();
        if (text && text !== session.name) actions.rename(session.id, text);
      });
      return h(
        "li",
        { class: session.id === currentId ? "session-item current" : "session-item", dataset: { id: session.id } },
        name,
        h("span", { class: "muted" }, ` ${new Date(session.savedAt).toLocaleString()}`),
        session.id === currentId
          ? h("span", { class: "badge" }, "open")
          : h("button", { class: "session-open", on: { click: () => actions.open(session.id) } }, "Open"),
        h("button", { class: "session-delete", title: "Delete this session from the browser", on: { click: () => actions.remove(session.id) } }, "Delete"),
      );
    }),
  );
}
