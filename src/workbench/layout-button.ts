// The toolbar's ▶ Layout button: starts or stops the analyst's ForceAtlas2 run and shows whether one is running.
import { h } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";

export function layoutButton(): HTMLButtonElement {
  return h("button", { id: "layout-toggle", title: "Start or stop the ForceAtlas2 layout" }, "▶ Layout");
}

/** Wires the button to the layout; returns the function that unwires it. */
export function wireLayoutButton(button: HTMLButtonElement, layout: LayoutController, view: GraphView): () => void {
  const toggle = () => layout.toggle();
  button.addEventListener("click", toggle);
  const off = layout.onChange((running) => {
    button.textContent = running ? "■ Stop layout" : "▶ Layout";
    button.classList.toggle("running", running);
    button.setAttribute("aria-pressed", String(running));
    view.setLayoutBusy(layout.busy);
  });
  return () => {
    off();
    button.removeEventListener("click", toggle);
  };
}
