// The appearance choices in the Filters tab (colour by class or group, size by degree, betweenness or PageRank) and the legend of groups.
import type { NamedAction } from "../session/act.ts";
import { COLOUR_BY, SIZE_BY, type Appearance } from "../session/layout.ts";
import { actions } from "../session/named-actions.ts";
import { groupKeys } from "./appearance.ts";
import { h, replaceChildren } from "./dom.ts";
import type { ClassGroup } from "./view-graph.ts";

const COLOUR_NAMES: Record<(typeof COLOUR_BY)[number], string> = { class: "class", group: "class group (top class)" };
const SIZE_NAMES: Record<(typeof SIZE_BY)[number], string> = { degree: "relations in the data", betweenness: "betweenness (brokers)", pagerank: "PageRank" };

/** Two selects whose changes are appearance steps (named actions, undoable). */
export function appearanceModes(appearance: Appearance, act: (action: NamedAction) => void): HTMLElement {
  const colourBy = h("select", { id: "colour-by", attrs: { "aria-label": "Colour nodes by" } }, ...COLOUR_BY.map((m) => h("option", { value: m }, COLOUR_NAMES[m])));
  const sizeBy = h("select", { id: "size-by", attrs: { "aria-label": "Size nodes by" } }, ...SIZE_BY.map((m) => h("option", { value: m }, SIZE_NAMES[m])));
  colourBy.value = appearance.colourBy ?? "class";
  sizeBy.value = appearance.sizeBy ?? "degree";
  colourBy.addEventListener("change", () => act(actions.setColourBy(colourBy.value as (typeof COLOUR_BY)[number])));
  sizeBy.addEventListener("change", () => act(actions.setSizeBy(sizeBy.value as (typeof SIZE_BY)[number])));
  return h(
    "div",
    { class: "appearance-modes" },
    h("label", { class: "stacked" }, "Colour by ", colourBy),
    h("label", { class: "stacked", title: "Betweenness and PageRank are computed on the nodes and relations shown" }, "Size by ", sizeBy),
  );
}

/**
 * The legend when nodes are coloured by group: one entry per group (its colour, a picker, its node count, its
 * classes in the tooltip; a click hides or shows all its classes); groups past the palette share one grey and say so.
 */
export function renderGroupLegend(
  legend: HTMLElement,
  groups: readonly ClassGroup[],
  appearance: Appearance,
  hiddenClasses: ReadonlySet<string>,
  setColour: (iri: string, label: string, colour: string) => void,
  toggle: (group: ClassGroup) => void,
): void {
  const keys = groupKeys(groups, appearance.colours);
  const open = legend.firstElementChild instanceof HTMLDetailsElement ? legend.firstElementChild.open : true;
  const shared = keys.filter((k) => k.shared);
  const box = h(
    "details",
    { class: "group-legend" },
    h("summary", {}, `Class groups (${keys.length}) · click to hide/show`),
    h(
      "ul",
      {},
      ...keys
        .filter((k) => !k.shared)
        .map((k) => {
          const picker = h("input", {
            type: "color",
            class: "legend-colour",
            value: k.colour,
            title: `Colour of ${k.label}`,
            attrs: { "aria-label": `Colour of ${k.label}` },
            dataset: { group: k.iri },
          });
          picker.addEventListener("change", () => setColour(k.iri, k.label, picker.value));
          const off = k.classes.every((c) => hiddenClasses.has(c));
          return h(
            "li",
            { class: "legend-entry" },
            picker,
            h(
              "button",
              {
                class: off ? "legend-item off" : "legend-item",
                title: `${k.iri}: ${k.classes.length} class${k.classes.length === 1 ? "" : "es"} — click to ${off ? "show" : "hide"} them`,
                attrs: { "aria-pressed": String(!off) },
                dataset: { group: k.iri },
                on: { click: () => toggle(k) },
              },
              h("span", { class: "swatch", attrs: { style: `background:${k.colour}` } }),
              h("span", { class: "legend-label" }, k.label),
              h("span", { class: "count" }, String(k.count)),
            ),
          );
        }),
      shared.length
        ? h(
            "li",
            { class: "legend-entry", title: shared.map((k) => `${k.label} (${k.count})`).join(", ") },
            h("span", { class: "swatch", attrs: { style: `background:${shared[0].colour}` } }),
            h("span", { class: "legend-label" }, `${shared.length} smaller groups`),
            h("span", { class: "count" }, String(shared.reduce((n, k) => n + k.count, 0))),
          )
        : null,
    ),
  );
  box.open = open;
  replaceChildren(legend, box);
}
