// The ForceAtlas2 settings in the Filters tab (spread, gravity, LinLog, prevent overlap): session state the analyst's next ▶ Layout run uses.
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { actions } from "../session/named-actions.ts";
import type { SessionStore } from "../session/index.ts";
import type { ForceAtlas2Choice, SessionState } from "../session/types.ts";
import { h } from "./dom.ts";
import type { LayoutController } from "./layout.ts";

/** What the controls show while the settings are inferred (fa2-settings.ts: spread at least 6, gravity 1). */
const SHOWN_DEFAULTS: ForceAtlas2Choice = { scalingRatio: 6, gravity: 1, linLogMode: false, adjustSizes: false };

/** The layout's overrides for the session's settings: none while they are inferred. */
export function forceAtlas2Overrides(state: SessionState): Partial<ForceAtlas2Settings> {
  return state.view.forceAtlas2 ? { ...state.view.forceAtlas2 } : {};
}

/** The layout runs with the session's settings: a change, an undo, a session or a link opened. */
export function followForceAtlas2(store: SessionStore, layout: LayoutController): () => void {
  layout.setSettings(forceAtlas2Overrides(store.get()));
  return store.subscribe((state, previous) => {
    if (state.view.forceAtlas2 !== previous.view.forceAtlas2) layout.setSettings(forceAtlas2Overrides(state));
  });
}

/**
 * Sliders and switches over the inferred settings (fa2-settings.ts). Each change is a named step ("ForceAtlas2:
 * spread 12, gravity 1"), so it is undone, saved, autosaved and shared with the session; the run it shapes is a
 * step of its own. The controls are drawn afresh from the session whenever the Filters tab is.
 */
export function forceAtlas2Controls(store: SessionStore): HTMLElement {
  const now = store.get().view.forceAtlas2 ?? SHOWN_DEFAULTS;
  const spread = h("input", { type: "range", id: "fa2-spread", attrs: { min: "1", max: "60", step: "1", "aria-label": "Spread (scaling ratio)" }, value: String(now.scalingRatio) });
  const gravity = h("input", { type: "range", id: "fa2-gravity", attrs: { min: "0", max: "10", step: "0.5", "aria-label": "Gravity" }, value: String(now.gravity) });
  const linLog = h("input", { type: "checkbox", id: "fa2-linlog", checked: now.linLogMode });
  const overlap = h("input", { type: "checkbox", id: "fa2-overlap", checked: now.adjustSizes });
  const read = (): ForceAtlas2Choice => ({ scalingRatio: Number(spread.value), gravity: Number(gravity.value), linLogMode: linLog.checked, adjustSizes: overlap.checked });
  for (const input of [spread, gravity, linLog, overlap]) input.addEventListener("change", () => store.dispatch(actions.setForceAtlas2(read())));
  const reset = h("button", { id: "fa2-reset", title: "Back to the settings inferred from the graph" }, "Default settings");
  reset.addEventListener("click", () => {
    store.dispatch(actions.setForceAtlas2(null));
    spread.value = String(SHOWN_DEFAULTS.scalingRatio);
    gravity.value = String(SHOWN_DEFAULTS.gravity);
    linLog.checked = SHOWN_DEFAULTS.linLogMode;
    overlap.checked = SHOWN_DEFAULTS.adjustSizes;
  });
  return h(
    "div",
    { class: "fa2-settings" },
    h("h3", {}, "Layout (ForceAtlas2)"),
    h("label", { class: "stacked", title: "How far apart nodes push each other" }, "Spread ", spread),
    h("label", { class: "stacked", title: "How strongly nodes are pulled to the centre (keeps loose parts near)" }, "Gravity ", gravity),
    h("label", { class: "check", title: "Tighter clusters, more space between them" }, linLog, " LinLog mode (clusters)"),
    h("label", { class: "check", title: "Nodes keep apart by their size while the layout runs" }, overlap, " Prevent overlap"),
    h("p", { class: "muted" }, "Used by the next ▶ Layout run; each change and the run are steps in History, kept with the session."),
    reset,
  );
}
