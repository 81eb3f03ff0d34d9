// Relations by source: filter the view to relations stated by at least N sources or by chosen sources, and colour them by source.
import { actions, sourceSettings, type NamedAction, type SessionState } from "../session/index.ts";
import { h } from "./dom.ts";
import type { DisplayContext, EdgeAttributes } from "./display.ts";
import type { LegendEntry } from "./protocol.ts";

/** Colours for sources (distinct from the class palette's first entries), and for a relation several sources state. */
const SOURCE_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
export const CORROBORATED_COLOUR = "#111111";

/** What the reducers read: the edge filter and, when relations are coloured by source, the colours. */
export interface SourceDisplay {
  minSources: number;
  hiddenSources: ReadonlySet<string>;
  colours: ReadonlyMap<string, string> | null;
}

/** Whether the source settings hide an edge: too few sources, or only sources the analyst hid (an edge without evidence has none to hide). */
export function hiddenBySource(attrs: EdgeAttributes, display: SourceDisplay | undefined): boolean {
  if (!display) return false;
  const sources = (attrs.sources as string[] | undefined) ?? [];
  if (display.minSources > 1 && sources.length < display.minSources) return true;
  return display.hiddenSources.size > 0 && sources.length > 0 && sources.every((s) => display.hiddenSources.has(s));
}

/** The colour of an edge when relations are coloured by source: its source's, or one colour for several; undefined otherwise. */
export function sourceColour(attrs: EdgeAttributes, display: SourceDisplay | undefined): string | undefined {
  if (!display?.colours) return undefined;
  const sources = (attrs.sources as string[] | undefined) ?? [];
  if (sources.length === 0) return undefined;
  return sources.length > 1 ? CORROBORATED_COLOUR : display.colours.get(sources[0]);
}

export function sourceColours(sources: readonly LegendEntry[]): Map<string, string> {
  return new Map(sources.map((s, i) => [s.iri, SOURCE_PALETTE[i % SOURCE_PALETTE.length]]));
}

/** What the Sources section needs of the session: its state and the named actions it dispatches. */
export interface SourceSession {
  state: () => SessionState;
  dispatch: (action: NamedAction) => void;
}

/**
 * The Sources section and the display of the session's source settings (`state.filters`: hiddenSources,
 * minSources, colourBySource). Each change is a named action, so it is a History step, undone, saved and shared.
 */
export class SourceFilter {
  private sources: LegendEntry[] = [];

  constructor(private readonly session: SourceSession) {}

  /** The loaded data's sources (the summary's), most relations first: the legend and the colour order. */
  setSources(sources: readonly LegendEntry[]): void {
    this.sources = [...sources];
  }

  private labelOf(iri: string): string {
    return this.sources.find((s) => s.iri === iri)?.label ?? iri;
  }

  setMinSources(n: number): void {
    this.session.dispatch(actions.setMinSources(n));
  }

  toggleSource(iri: string, shown: boolean): void {
    this.session.dispatch(actions.setSourceShown(iri, shown, this.labelOf(iri)));
  }

  setColourBySource(on: boolean): void {
    this.session.dispatch(actions.setColourBySource(on));
  }

  /** The display context with the session's source settings, for the reducers. */
  apply(ctx: DisplayContext, state: SessionState): DisplayContext {
    const { minSources, hiddenSources, colourBySource } = sourceSettings(state.filters);
    if (minSources <= 1 && hiddenSources.length === 0 && !colourBySource) return ctx;
    return { ...ctx, sources: { minSources, hiddenSources: new Set(hiddenSources), colours: colourBySource ? sourceColours(this.sources) : null } };
  }

  /** The Filters tab's "Sources" section: a legend of sources (swatch, show/hide, relations), at least N, colour by source. */
  controls(): HTMLElement {
    const settings = sourceSettings(this.session.state().filters);
    const hidden = new Set(settings.hiddenSources);
    const colours = sourceColours(this.sources);
    const most = Math.max(1, this.sources.length);
    const min = h("input", { type: "number", id: "min-sources", value: String(settings.minSources), attrs: { min: "1", max: String(most), step: "1", "aria-label": "Stated by at least this many sources" } });
    min.addEventListener("change", () => this.setMinSources(Number(min.value) || 1));
    const colourBox = h("input", { type: "checkbox", id: "colour-by-source", checked: settings.colourBySource });
    colourBox.addEventListener("change", () => this.setColourBySource(colourBox.checked));
    return h(
      "section",
      { class: "source-filter" },
      h("h3", {}, "Sources"),
      this.sources.length === 0
        ? h("p", { class: "muted" }, "No relation names its source.")
        : h(
            "ul",
            { class: "source-legend" },
            ...this.sources.map((source) => {
              const box = h("input", { type: "checkbox", checked: !hidden.has(source.iri), dataset: { source: source.iri } });
              box.addEventListener("change", () => this.toggleSource(source.iri, box.checked));
              return h(
                "li",
                {},
                h("label", { title: source.iri }, box, " ", h("span", { class: "swatch", attrs: { style: `background:${colours.get(source.iri)}` } }), ` ${source.label} `, h("span", { class: "count" }, String(source.count))),
              );
            }),
          ),
      h("label", { class: "check" }, "Only relations stated by at least ", min, " sources"),
      h("label", { class: "check" }, colourBox, " Colour relations by source ", h("span", { class: "swatch", attrs: { style: `background:${CORROBORATED_COLOUR}` } }), h("span", { class: "muted" }, " several sources")),
    );
  }
}
