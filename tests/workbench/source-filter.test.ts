// The source display rules in Node: which relations the Sources filter hides, and the colours it gives by source.
import { describe, expect, it } from "vitest";
import { CORROBORATED_COLOUR, hiddenBySource, sourceColour, sourceColours, SourceFilter } from "../../src/workbench/source-filter.ts";
import type { DisplayContext, EdgeAttributes } from "../../src/workbench/display.ts";
import { isEdgeFilteredOut, edgeDisplay, EDGE_COLOUR } from "../../src/workbench/display.ts";
import { actions, createSessionStore } from "../../src/session/index.ts";

const a = "https://example.org/a", b = "https://example.org/b";
const edge = (sources: string[]): EdgeAttributes => ({ predicate: "p", label: "p", sources });
const legend = [{ iri: a, label: "A", count: 3 }, { iri: b, label: "B", count: 1 }];

describe("relations by source", () => {
  it("hides relations stated by fewer than N sources, or only by hidden sources", () => {
    const display = { minSources: 2, hiddenSources: new Set<string>(), colours: null };
    expect(hiddenBySource(edge([a]), display)).toBe(true);
    expect(hiddenBySource(edge([a, b]), display)).toBe(false);
    const onlyB = { minSources: 1, hiddenSources: new Set([a]), colours: null };
    expect(hiddenBySource(edge([a]), onlyB)).toBe(true);
    expect(hiddenBySource(edge([a, b]), onlyB)).toBe(false);
    // A relation without evidence has no source to hide.
    expect(hiddenBySource(edge([]), onlyB)).toBe(false);
    expect(hiddenBySource(edge([a]), undefined)).toBe(false);
  });

  it("colours by the one source, or the corroborated colour for several", () => {
    const colours = sourceColours(legend);
    const display = { minSources: 1, hiddenSources: new Set<string>(), colours };
    expect(sourceColour(edge([a]), display)).toBe(colours.get(a));
    expect(sourceColour(edge([b, a]), display)).toBe(CORROBORATED_COLOUR);
    expect(sourceColour(edge([a]), { ...display, colours: null })).toBeUndefined();
    expect(colours.get(a)).not.toBe(colours.get(b));
  });

  it("reaches the reducers from the session state, each change dispatched as a named action", () => {
    const store = createSessionStore();
    const dispatched: string[] = [];
    const filter = new SourceFilter({ state: () => store.get(), dispatch: (action) => { if (action.step !== false) dispatched.push(action.action.kind); store.dispatch(action); } });
    filter.setSources(legend);
    const base = { hiddenPredicates: new Set(), dateRange: null, focusEdges: null, focusMode: "highlight", selectedNodes: new Set(), hovered: null, selectedEdge: null, edgeLabels: false } as unknown as DisplayContext;
    expect(filter.apply(base, store.get())).toBe(base);
    filter.setMinSources(2);
    expect(store.get().filters.minSources).toBe(2);
    expect(isEdgeFilteredOut(edge([a]), filter.apply(base, store.get()))).toBe(true);
    expect(isEdgeFilteredOut(edge([a, b]), filter.apply(base, store.get()))).toBe(false);
    filter.setColourBySource(true);
    expect(edgeDisplay("e1", edge([a, b]), ["x", "y"], filter.apply(base, store.get())).color).toBe(CORROBORATED_COLOUR);
    filter.toggleSource(a, false);
    expect(isEdgeFilteredOut(edge([a, b]), filter.apply(base, { ...store.get(), filters: { ...store.get().filters, minSources: undefined } }))).toBe(false);
    expect(isEdgeFilteredOut(edge([a]), filter.apply(base, store.get()))).toBe(true);
    store.dispatch(actions.resetFilters());
    expect(edgeDisplay("e1", edge([a]), ["x", "y"], filter.apply(base, store.get())).color).toBe(EDGE_COLOUR);
    expect(dispatched).toEqual(["source-filter", "source-filter", "source-filter"]);
  });
});
