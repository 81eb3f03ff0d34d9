// The class legend (hide/show a class, choose its colour) and the Filters tab (dates, hidden and selected nodes, schema, relations, appearance).
import {
  actions,
  hiddenPredicatesNow,
  selectedNodes,
  type SessionState,
  type SessionStore,
} from "../session/index.ts";
import { classColours, OTHER_COLOUR } from "./display.ts";
import { h, replaceChildren } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import type { DatasetSummary } from "./protocol.ts";
import type { SelectionPanel } from "./selection-panel.ts";

/** Legend entries shown before "show all": the biggest classes, which are also the ones with distinct colours. */
const LEGEND_SHORT = 12;

export interface FiltersPanelOptions {
  store: SessionStore;
  view: GraphView;
  /** The legend box on the canvas and the Filters tab's panel. */
  legend: HTMLElement;
  element: HTMLElement;
  /** The loaded data's classes, predicates and years (null before the first load). */
  summary: () => DatasetSummary | null;
  selection: SelectionPanel;
  /** The session's colour choice and appearance controls, once the session is attached. */
  setClassColour: (cls: string, label: string, colour: string) => void;
  appearanceControls: () => HTMLElement | null;
  /** The Sources section (source-filter.ts): filter and colour relations by source. */
  sourceControls?: () => HTMLElement | null;
  /** The timeline: histogram, brush, years, undated relations, Play (time-panel.ts). */
  timeControls?: () => HTMLElement;
  /** ForceAtlas2's settings for the analyst's layout runs (fa2-controls.ts). */
  layoutControls?: () => HTMLElement;
  /** Draws the legend of class groups instead, when nodes are coloured by group; says whether it did. */
  groupLegend?: (legend: HTMLElement, summary: DatasetSummary) => boolean;
  /** Draws the overview again (showing or hiding the schema changes which nodes it holds). */
  rebuildView: () => Promise<void>;
}

export class FiltersPanel {
  private legendExpanded = false;

  constructor(private readonly options: FiltersPanelOptions) {}

  renderLegend(): void {
    const { store, view, legend } = this.options;
    const summary = this.options.summary();
    if (!summary) return;
    if (this.options.groupLegend?.(legend, summary)) return;
    const hidden = new Set(store.get().filters.hiddenClasses);
    const colours = classColours(summary.classes.map((c) => c.iri));
    const open = legend.firstElementChild instanceof HTMLDetailsElement ? legend.firstElementChild.open : true;
    const box = h(
      "details",
      {},
      h("summary", {}, `Classes (${summary.classes.length}) · click to hide/show`),
      summary.classes.length === 0 ? h("p", { class: "muted" }, "No typed nodes.") : null,
      h(
        "ul",
        {},
        ...(this.legendExpanded ? summary.classes : summary.classes.slice(0, LEGEND_SHORT)).map((cls) => {
          const colour = view.colourOf(cls.iri) ?? colours.get(cls.iri) ?? OTHER_COLOUR;
          // The chosen colour is a session appearance step (undoable); `change` fires once the picker closes.
          const picker = h("input", {
            type: "color",
            class: "legend-colour",
            value: colour,
            title: `Colour of ${cls.label}`,
            attrs: { "aria-label": `Colour of ${cls.label}`, style: "width:18px;height:16px;padding:0;border:none;background:none;flex:none" },
            dataset: { class: cls.iri },
          });
          picker.addEventListener("change", () => {
            this.options.setClassColour(cls.iri, cls.label, picker.value);
            this.renderLegend();
          });
          return h(
            "li",
            { attrs: { style: "display:flex;align-items:center;gap:2px" } },
            picker,
            h(
              "button",
              {
                class: hidden.has(cls.iri) ? "legend-item off" : "legend-item",
                title: `${cls.iri} — click to ${hidden.has(cls.iri) ? "show" : "hide"}`,
                attrs: { "aria-pressed": String(!hidden.has(cls.iri)) },
                dataset: { class: cls.iri },
                on: { click: () => store.dispatch(actions.toggleClass(cls.iri)) },
              },
              h("span", { class: "swatch", attrs: { style: `background:${colour}` } }),
              h("span", { class: "legend-label" }, cls.label),
              h("span", { class: "count" }, String(cls.count)),
            ),
          );
        }),
      ),
    );
    if (summary.classes.length > LEGEND_SHORT) {
      box.append(
        h(
          "button",
          {
            class: "link small legend-more",
            on: {
              click: () => {
                this.legendExpanded = !this.legendExpanded;
                this.renderLegend();
              },
            },
          },
          this.legendExpanded ? "Show fewer" : `Show all ${summary.classes.length} classes`,
        ),
      );
    }
    box.open = open;
    replaceChildren(legend, box);
  }

  render(): void {
    const { store, element, selection } = this.options;
    const summary = this.options.summary();
    if (!summary) return;
    const state = store.get();
    const hiddenPredicates = hiddenPredicatesNow(state.filters.hiddenPredicates, summary.replacedPredicates);
    const schemaBox = h("input", { type: "checkbox", id: "show-schema", checked: state.filters.showSchema });
    schemaBox.addEventListener("change", () => {
      store.dispatch(actions.setShowSchema(schemaBox.checked));
      void this.options.rebuildView();
    });
    replaceChildren(
      element,
      this.options.timeControls?.() ?? null,
      h("h3", {}, "Nodes"),
      h(
        "div",
        { class: "row" },
        h("button", { id: "hide-selected", title: "Hide every selected node (one undoable step)", on: { click: () => selection.hideSelected() } }, hideSelectedLabel(state)),
        h("button", { id: "show-hidden", on: { click: () => store.dispatch(actions.showNodes()) } }, `Show hidden (${state.filters.hiddenNodes.length})`),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { id: "select-all", title: "Select every node the filters leave visible", on: { click: () => selection.selectAllShown() } }, "Select all shown"),
        h("button", { id: "select-neighbours", title: "Add the shown neighbours of the selected nodes to the selection", on: { click: () => selection.selectNeighbours() } }, "Select neighbours"),
      ),
      h("label", { class: "check" }, schemaBox, " Show classes and properties (schema)"),
      h("h3", {}, "Relations"),
      h(
        "ul",
        { class: "predicate-filter" },
        ...summary.predicates.map((p) => {
          const box = h("input", { type: "checkbox", checked: !hiddenPredicates.has(p.iri), dataset: { predicate: p.iri } });
          box.addEventListener("change", () => store.dispatch(actions.togglePredicate(p.iri, summary.replacedPredicates)));
          return h("li", {}, h("label", { title: p.iri }, box, ` ${p.label} `, h("span", { class: "count" }, String(p.count))));
        }),
      ),
      this.options.sourceControls?.() ?? null,
      h("button", { on: { click: () => this.resetAll() } }, "Reset filters"),
      this.options.appearanceControls(),
      this.options.layoutControls?.() ?? null,
    );
  }

  /** Keeps the legend and the Nodes buttons in step with the session (cheap: no full re-render per change). */
  update(state: SessionState, previous: SessionState): void {
    if (state.filters.hiddenClasses !== previous.filters.hiddenClasses) this.renderLegend();
    if (state.selection !== previous.selection) {
      const button = this.options.element.querySelector("#hide-selected");
      if (button) button.textContent = hideSelectedLabel(state);
    }
    if (sourcesChanged(state, previous)) this.render();
    if (state.filters.hiddenNodes !== previous.filters.hiddenNodes) {
      const button = this.options.element.querySelector("#show-hidden");
      if (button) button.textContent = `Show hidden (${state.filters.hiddenNodes.length})`;
    }
  }

  private resetAll(): void {
    this.options.store.dispatch(actions.resetFilters());
    this.render();
    this.renderLegend();
  }
}

/** The Sources section mirrors the session: a step that changed its settings (undo, a share link) redraws it. */
function sourcesChanged(state: SessionState, previous: SessionState): boolean {
  const a = state.filters, b = previous.filters;
  return a.hiddenSources !== b.hiddenSources || a.minSources !== b.minSources || a.colourBySource !== b.colourBySource;
}

function hideSelectedLabel(state: SessionState): string {
  const count = selectedNodes(state.selection).length;
  return count > 1 ? `Hide ${count} selected nodes` : "Hide selected node";
}
