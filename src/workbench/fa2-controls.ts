// The ForceAtlas2 settings in the Filters tab (spread, gravity, LinLog, prevent overlap): the analyst's next ▶ Layout run uses them.
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { h } from "./dom.ts";
import type { LayoutController } from "./layout.ts";

/**
 * Sliders and switches over the inferred settings (fa2-settings.ts). They are settings of the tool, not of the
 * analysis: the run they shape is the History step (its positions are what a session keeps).
 */
export function forceAtlas2Controls(layout: LayoutController): HTMLElement {
  const now = layout.settings;
  const spread = h("input", { type: "range", id: "fa2-spread", attrs: { min: "1", max: "60", step: "1", "aria-label": "Spread (scaling ratio)" }, value: String(now.scalingRatio ?? 6) });
  const gravity = h("input", { type: "range", id: "fa2-gravity", attrs: { min: "0", max: "10", step: "0.5", "aria-label": "Gravity" }, value: String(now.gravity ?? 1) });
  const linLog = h("input", { type: "checkbox", id: "fa2-linlog", checked: now.linLogMode ?? false });
  const overlap = h("input", { type: "checkbox", id: "fa2-overlap", checked: now.adjustSizes ?? false });
  const read = (): Partial<ForceAtlas2Settings> => ({
    scalingRatio: Number(spread.value),
    gravity: Number(gravity.value),
    linLogMode: linLog.checked,
    adjustSizes: overlap.checked,
  });
  for (const input of [spread, gravity, linLog, overlap]) input.addEventListener("change", () => layout.setSettings(read()));
  const reset = h("button", { id: "fa2-reset", title: "Back to the settings inferred from the graph" }, "Default settings");
  reset.addEventListener("click", () => {
    layout.setSettings({});
    spread.value = "6";
    gravity.value = "1";
    linLog.checked = false;
    overlap.checked = false;
  });
  return h(
    "div",
    { class: "fa2-settings" },
    h("h3", {}, "Layout (ForceAtlas2)"),
    h("label", { class: "stacked", title: "How far apart nodes push each other" }, "Spread ", spread),
    h("label", { class: "stacked", title: "How strongly nodes are pulled to the centre (keeps loose parts near)" }, "Gravity ", gravity),
    h("label", { class: "check", title: "Tighter clusters, more space between them" }, linLog, " LinLog mode (clusters)"),
    h("label", { class: "check", title: "Nodes keep apart by their size while the layout runs" }, overlap, " Prevent overlap"),
    h("p", { class: "muted" }, "Used by the next ▶ Layout run; the run itself is one step in History."),
    reset,
  );
}
