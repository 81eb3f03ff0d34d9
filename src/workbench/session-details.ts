// The session in the details panel and the Filters tab: notes and pins on the selected node or relation, appearance sliders and class colours.
import { actions } from "../session/named-actions.ts";
import { edgeNote, nodeNote } from "../session/notes.ts";
import type { SessionState } from "../session/types.ts";
import { h } from "./dom.ts";
import { recordOnSettle } from "./slider-steps.ts";
import { edgeTripleOf, type SessionPage } from "./session-host.ts";
import { noteEditor } from "./session-panels.ts";
import { appearanceModes } from "./appearance-controls.ts";

export interface SessionDetails {
  /** Adds the note and pin controls under the details of the selected node or relation. */
  decorateDetails(panel: HTMLElement, state: SessionState): void;
  /** Node size and label density sliders (their changes are undoable steps). */
  appearanceControls(): HTMLElement;
  /** The analyst chose the colour a class is drawn with (`#rrggbb`): one undoable appearance step. */
  setClassColour(cls: string, label: string, colour: string): void;
  /** Runs a note or pin edit, reporting a refused one (too long) instead of throwing into an event handler. */
  edit(change: () => void): void;
}

export function attachSessionDetails(page: SessionPage): SessionDetails {
  const { host, controller } = page;
  const { view, store } = host;

  function edit(change: () => void): void {
    try {
      change();
    } catch (error) {
      host.showError(error);
    }
  }

  function appearanceControls(): HTMLElement {
    const { nodeScale, labelDensity } = controller.appearance;
    const size = h("input", { type: "range", id: "node-scale", attrs: { min: "0.25", max: "4", step: "0.25", "aria-label": "Node size" }, value: String(nodeScale) });
    const labels = h("input", { type: "range", id: "label-density", attrs: { min: "0", max: "3", step: "0.25", "aria-label": "Labels" }, value: String(labelDensity) });
    recordOnSettle(size, () => controller.act(actions.setNodeScale(Number(size.value))));
    recordOnSettle(labels, () => controller.act(actions.setLabelDensity(Number(labels.value))));
    // While dragged or stepped by keys the view follows each step; History records one step per drag or key burst.
    size.addEventListener("input", () => view.setAppearance({ ...controller.appearance, nodeScale: Number(size.value) }));
    labels.addEventListener("input", () => view.setAppearance({ ...controller.appearance, labelDensity: Number(labels.value) }));
    return h(
      "div",
      { class: "appearance" },
      h("h3", {}, "Appearance"),
      h("label", { class: "stacked" }, "Node size ", size),
      h("label", { class: "stacked" }, "Labels (none … dense) ", labels),
      appearanceModes(controller.appearance, (action) => edit(() => controller.act(action))),
    );
  }

  function decorateDetails(panel: HTMLElement, state: SessionState): void {
    panel.querySelector(".session-extras")?.remove();
    const selection = state.selection;
    // Notes and pins are on one node or one relation; several selected nodes have their own panel.
    if (selection.kind === "none" || selection.kind === "nodes") return;
    const box = h("section", { class: "session-extras" });
    if (selection.kind === "node") {
      const iri = selection.node;
      const pinned = controller.pinned.includes(iri);
      box.append(
        h(
          "div",
          { class: "row" },
          h(
            "button",
            {
              id: "pin-node",
              title: pinned ? "Let layouts move this node again" : "Keep this node where it is when the layout runs",
              attrs: { "aria-pressed": String(pinned) },
              on: { click: () => edit(() => controller.act(actions.pinNodes([iri], !pinned))) },
            },
            pinned ? "Unpin" : "Pin",
          ),
        ),
        h("h3", {}, "Note"),
        noteEditor("node-note", "Note on this node", nodeNote(controller.notes, iri), (text) => edit(() => controller.act(actions.writeNote({ kind: "node", iri }, text)))),
      );
    } else {
      const triple = edgeTripleOf(view, selection.edge);
      if (!triple) return;
      box.append(
        h("h3", {}, "Note"),
        noteEditor("edge-note", "Note on this relation", edgeNote(controller.notes, triple), (text) =>
          edit(() => controller.act(actions.writeNote({ kind: "edge", triple }, text))),
        ),
      );
    }
    const title = panel.querySelector(".details-title");
    if (title?.parentElement) title.parentElement.insertBefore(box, title.nextSibling);
    else panel.append(box);
  }
  // Pins change the layout's fixed nodes, and the details' button.
  page.cleanups.push(
    controller.onChange(() => {
      const button = document.getElementById("pin-node");
      const selection = store.get().selection;
      if (button && selection.kind === "node" && button.getAttribute("aria-pressed") !== String(controller.pinned.includes(selection.node))) {
        decorateDetails(button.closest(".details-panel") as HTMLElement, store.get());
      }
    }),
  );

  function setClassColour(cls: string, label: string, colour: string): void {
    if (!/^#[0-9a-f]{6}$/i.test(colour)) {
      host.showError(new Error(`workbench/appearance: "${colour}" is not a colour (#rrggbb).`));
      return;
    }
    edit(() => controller.act(actions.setClassColour(cls, label, colour)));
  }

  return { decorateDetails, appearanceControls, setClassColour, edit };
}
