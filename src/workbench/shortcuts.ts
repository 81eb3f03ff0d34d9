// The keyboard: the shortcuts (one list, shown by the help dialog), and the document's keydown handler that runs them.
import { h } from "./dom.ts";

/** Every shortcut and gesture, as the help dialog (`?`) lists them; keep it in step with `Shortcuts.onKey`. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ["/", "focus the search box"],
  ["click a node", "select it (details on the right); click the empty canvas to clear"],
  ["Shift+click, Ctrl/Cmd+click", "add a node to the selection, or take it out"],
  ["Shift+drag on the canvas", "select the nodes in a rectangle (a plain drag pans)"],
  ["Ctrl+A, Cmd+A", "select every shown node (Filters: Select neighbours grows the selection)"],
  ["Esc", "clear the selection, then the query highlight; close dialogs"],
  ["F", "fit the nodes shown into the view"],
  ["?", "show or hide this help"],
  ["double-click a node", "expand its neighbours"],
  ["right-click a node or relation; ≣ key or Shift+F10", "its menu: expand (by relation), hide, pin, paths, neighbourhood, note, copy IRI (arrows move, Esc closes)"],
  ["hover a node", "highlight its neighbours"],
  ["Tab to the graph, then arrow keys", "move a cursor to the neighbour in that direction; Enter selects it (Shift+Enter adds it), Esc leaves it"],
  ["Ctrl+Z", "undo the last change (History tab: every step)"],
  ["Ctrl+Shift+Z, Ctrl+Y", "redo"],
  ["drag a node", "move it (an undoable step); Pin in the details keeps it there when the layout runs"],
];

export interface ShortcutActions {
  focusSearch(): void;
  fit(): void;
  selectAll(): void;
  /** Esc: closes the topmost open thing (source viewer, menu) and says whether there was one. */
  closeOpen(): boolean;
  /** Esc with nothing open: clears the selection, then the query highlight. */
  clear(): void;
}

/** The help dialog and the document's keyboard handler; Ctrl+Z/Y live with the session (session-wiring.ts). */
export class Shortcuts {
  readonly help: HTMLElement;
  private readonly onKey: (event: KeyboardEvent) => void;
  private killed = false;

  constructor(actions: ShortcutActions, note: string) {
    this.help = h(
      "div",
      { id: "shortcuts", class: "dialog", hidden: true, role: "dialog", attrs: { "aria-label": "Keyboard shortcuts" } },
      h("h2", {}, "Keyboard shortcuts"),
      h("dl", {}, ...SHORTCUTS.flatMap(([key, what]) => [h("dt", {}, h("kbd", {}, key)), h("dd", {}, what)])),
      h("p", { class: "muted" }, note),
      h("button", { on: { click: () => this.toggleHelp(false) } }, "Close"),
    );
    this.onKey = (event) => {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
      if (event.key === "Escape") {
        if (!this.help.hidden) this.toggleHelp(false);
        else if (!actions.closeOpen()) {
          if (typing) target.blur();
          actions.clear();
        }
        return;
      }
      // Ctrl/Cmd+A outside text fields selects every shown node, as in Gephi, yEd and Cytoscape.
      if (!typing && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "a") {
        event.preventDefault();
        actions.selectAll();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/") {
        event.preventDefault();
        actions.focusSearch();
      } else if (event.key === "f" || event.key === "F") {
        actions.fit();
      } else if (event.key === "?") {
        this.toggleHelp();
      }
    };
    document.addEventListener("keydown", this.onKey);
  }

  toggleHelp(open?: boolean): void {
    this.help.hidden = open === undefined ? !this.help.hidden : !open;
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    document.removeEventListener("keydown", this.onKey);
  }
}
