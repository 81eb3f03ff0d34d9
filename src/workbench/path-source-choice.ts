// The Path tab's source constraints (kg path --source and --min-sources): only relations from chosen sources, or stated by at least N.
import type { PathOptions } from "../session/types.ts";
import { fillOptions, h, selectOptions } from "./dom.ts";
import type { LegendEntry } from "./protocol.ts";

/** Largest "stated by at least N sources" the input offers (the session keeps up to SOURCE_LIMITS.maxMinSources). */
const MAX_MIN_SOURCES = 20;

export class PathSourceChoice {
  readonly sources = h("select", { id: "path-sources", attrs: { multiple: "", size: "3", "aria-label": "Only relations from these sources" } });
  readonly minSources = h("input", { type: "number", id: "path-min-sources", value: "1", attrs: { min: "1", max: String(MAX_MIN_SOURCES), size: "3", "aria-label": "Relations stated by at least this many sources" } });
  /** The widgets, for the Evidence section. */
  readonly element: HTMLElement;

  constructor(changed: () => void) {
    for (const input of [this.sources, this.minSources]) input.addEventListener("change", changed);
    this.element = h(
      "div",
      { class: "source-choice" },
      h("label", { class: "stacked" }, "Only from these sources", this.sources),
      h("label", {}, "Stated by at least ", this.minSources, " sources"),
    );
  }

  /** The sources the loaded data cites (the summary's, most relations first), each with its relation count. */
  setSources(sources: readonly LegendEntry[]): void {
    fillOptions(this.sources, sources);
  }

  /** The constraints as the session keeps them: left out at their defaults (any source, at least 1). */
  read(): Pick<PathOptions, "sources" | "minSources"> {
    const sources = Array.from(this.sources.selectedOptions, (o) => o.value);
    const n = Math.floor(Number(this.minSources.value));
    const minSources = Number.isFinite(n) ? Math.min(MAX_MIN_SOURCES, Math.max(1, n)) : 1;
    return { ...(sources.length ? { sources } : {}), ...(minSources > 1 ? { minSources } : {}) };
  }

  sync(o: PathOptions): void {
    selectOptions(this.sources, o.sources ?? []);
    this.minSources.value = String(o.minSources ?? 1);
  }
}
