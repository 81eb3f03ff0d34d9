// The History tab, the Undo and Redo buttons and their keys: the steps, the branches left, and going between them.
import { allEntries, canSwitchBranch, firstRestorable, keptKinds, type Branch, type History, type SessionSnapshot } from "../session/history.ts";
import { h, replaceChildren } from "./dom.ts";
import type { SessionController } from "./session-controller.ts";

export interface HistoryUiHost {
  controller: SessionController;
  addTab(name: string, panel: HTMLElement): void;
  /** Puts a snapshot the controller went to on screen. */
  travel(snapshot: SessionSnapshot | null): void;
}

export interface HistoryUi {
  /** The Undo and Redo buttons, for the toolbar. */
  readonly buttons: HTMLButtonElement[];
  render(): void;
  kill(): void;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function attachHistoryUi(host: HistoryUiHost): HistoryUi {
  const { controller } = host;
  const undoButton = h("button", { id: "undo", title: "Undo (Ctrl+Z)", disabled: true, on: { click: () => host.travel(controller.undo()) } }, "↶ Undo");
  const redoButton = h("button", { id: "redo", title: "Redo (Ctrl+Shift+Z or Ctrl+Y)", disabled: true, on: { click: () => host.travel(controller.redo()) } }, "↷ Redo");
  const list = h("ol", { id: "history-list", class: "history" });
  const branches = h("div", { id: "history-branches", class: "history-branches" });
  host.addTab(
    "History",
    h(
      "div",
      {},
      h(
        "p",
        { class: "muted" },
        "Every change, oldest first. Click a step to go back to it; Ctrl+Z / Ctrl+Shift+Z step back and forth. Notes are never undone, and loaded data stays loaded.",
      ),
      list,
      branches,
    ),
  );

  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    // In a text field the browser's own undo edits the text.
    if (isEditable(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) {
      event.preventDefault();
      host.travel(controller.undo());
    } else if ((key === "z" && event.shiftKey) || key === "y") {
      event.preventDefault();
      host.travel(controller.redo());
    }
  };
  document.addEventListener("keydown", onKey);

  function render(): void {
    const history = controller.history;
    undoButton.disabled = !controller.canUndo;
    redoButton.disabled = !controller.canRedo;
    const barrier = firstRestorable(history);
    undoButton.title =
      controller.canUndo || barrier === 0 ? "Undo (Ctrl+Z)" : `Undo (Ctrl+Z): nothing to undo since “${history.entries[barrier].label}” (loaded data stays loaded; start a New session for other data)`;
    renderSteps(list, history, (index) => host.travel(controller.goTo(index)));
    renderBranches(branches, history, (id) => host.travel(controller.goToBranch(id)));
  }

  return {
    buttons: [undoButton, redoButton],
    render,
    kill: () => document.removeEventListener("keydown", onKey),
  };
}

/**
 * Each step of the current line, oldest first: the current one marked, later ones (redo) dimmed, except note steps,
 * which undo does not take back; a load says the data stays, and steps before it (other data) cannot be clicked.
 */
export function renderSteps(list: HTMLElement, history: History, goTo: (index: number) => void): void {
  const barrier = firstRestorable(history);
  replaceChildren(
    list,
    ...history.entries.map((entry, i) => {
      const kept = keptKinds.includes(entry.action.kind);
      const load = entry.action.kind === "load";
      const classes = ["step", i === history.cursor ? "current" : i > history.cursor ? (kept ? "kept" : "undone") : "", i < barrier ? "before-load" : "", load ? "load" : ""];
      const title = !entry.snapshot
        ? "Too old to restore (only its action is kept)"
        : i < barrier
          ? "Made on the data before a load: cannot be restored (a load is not undone)"
          : kept
            ? `Notes are never undone: going here changes the view only (${new Date(entry.at).toLocaleString()})`
            : `Go back to this step (${new Date(entry.at).toLocaleString()})`;
      return h(
        "li",
        { class: classes.filter(Boolean).join(" "), dataset: { index: String(i), kind: entry.action.kind } },
        h(
          "button",
          { class: "link step-button", title, disabled: !entry.snapshot || i === history.cursor || i < barrier, on: { click: () => goTo(i) } },
          h("span", { class: "step-number" }, String(i)),
          " ",
          h("span", { class: "step-label" }, entry.label),
          load ? h("span", { class: "step-note muted" }, " · stays loaded (not undone)") : null,
        ),
      );
    }),
  );
  list.querySelector(".current")?.scrollIntoView?.({ block: "nearest" });
}

/** The branches left (steps gone back from, then replaced by another step): a click returns to a branch's last step. */
export function renderBranches(box: HTMLElement, history: History, open: (id: string) => void): void {
  const branches = history.branches ?? [];
  if (branches.length === 0) {
    replaceChildren(box);
    return;
  }
  const labelOf = new Map(allEntries(history).map((e) => [e.id, e.label]));
  const item = (branch: Branch) => {
    const last = branch.entries[branch.entries.length - 1];
    const n = branch.entries.length;
    const ok = canSwitchBranch(history, branch.id);
    return h(
      "li",
      { class: "branch", dataset: { id: branch.id } },
      h(
        "button",
        {
          class: "link branch-button",
          disabled: !ok,
          title: ok
            ? `Return to “${last.label}” (left ${new Date(branch.at).toLocaleString()}); the steps it replaces are kept as a branch`
            : "Made on the data before a load, or too old: listed, but cannot be restored",
          on: { click: () => open(branch.id) },
        },
        h("span", { class: "step-label" }, last.label),
      ),
      h("span", { class: "muted" }, ` · ${n} step${n === 1 ? "" : "s"} after “${labelOf.get(branch.from) ?? branch.from}”`),
    );
  };
  replaceChildren(
    box,
    h("h3", {}, "Branches"),
    h("p", { class: "muted" }, "Steps you went back from and then left by taking another step. Nothing is dropped: click one to return to where it ended."),
    h("ul", { id: "branch-list", class: "history" }, ...[...branches].reverse().map(item)),
  );
}
