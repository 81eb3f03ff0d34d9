// The session's pure producers and store: selection, filters, queries and what Esc clears, all as plain JSON.
import { describe, expect, it } from "vitest";
import {
  addNeighbourhoodCenter,
  addToView,
  choosePath,
  clearSelectionOrQuery,
  createSessionStore,
  datasetReplaced,
  getEmptySession,
  hideNodes,
  neighbourhoodFinished,
  pathFailed,
  pathFinished,
  selectEdge,
  selectNode,
  setDateRange,
  setNeighbourhoodOptions,
  setPathOptions,
  toggleClass,
  type PathResultView,
} from "../../src/session/index.ts";

const huawei = "https://w3id.org/smartcity-kg/resource/huawei";
const kenya = "https://w3id.org/smartcity-kg/resource/kenya";
const company = "https://w3id.org/smartcity-kg/ontology#Company";

const onePath: PathResultView = {
  nodes: [huawei, kenya],
  nodeLabels: ["Huawei", "Kenya"],
  steps: [{ edge: "e7", forward: true, from: huawei, to: kenya, predicate: "p", predicateLabel: "donates to", evidence: [] }],
  explanation: ["Huawei donates to Kenya."],
};

describe("session producers", () => {
  it("start from an empty, JSON-serialisable session", () => {
    const state = getEmptySession();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.selection).toEqual({ kind: "none" });
  });

  it("never change the state they are given", () => {
    const state = getEmptySession();
    const frozen = JSON.stringify(state);
    selectNode(huawei)(state);
    toggleClass(company)(state);
    pathFinished([onePath])(state);
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it("toggle a class on and off", () => {
    const hidden = toggleClass(company)(getEmptySession());
    expect(hidden.filters.hiddenClasses).toEqual([company]);
    expect(toggleClass(company)(hidden).filters.hiddenClasses).toEqual([]);
  });

  it("deselect a node when it is hidden", () => {
    const state = hideNodes([huawei])(selectNode(huawei)(getEmptySession()));
    expect(state.filters.hiddenNodes).toEqual([huawei]);
    expect(state.selection.kind).toBe("none");
  });

  it("order a reversed date range", () => {
    expect(setDateRange({ from: 2020, to: 2015 })(getEmptySession()).filters.dateRange).toEqual({ from: 2015, to: 2020 });
  });

  it("keep path options within bounds", () => {
    const state = setPathOptions({ k: 0, maxLength: 99 })(getEmptySession());
    expect(state.path.options.k).toBe(1);
    expect(state.path.options.maxLength).toBe(12);
    expect(setNeighbourhoodOptions({ depth: 7 })(getEmptySession()).neighbourhood.depth).toBe(3);
  });

  it("focus the first path found, and drop the focus when none is found", () => {
    const found = pathFinished([onePath])(getEmptySession());
    expect(found.focus).toBe("path");
    expect(found.path.chosen).toBe(0);
    const none = pathFinished([], "No path. Try to raise the maximum length.")(found);
    expect(none.focus).toBe("none");
    expect(none.path.message).toMatch(/No path/);
    expect(pathFailed("query/path: unknown node")(found).focus).toBe("none");
  });

  it("ignore a choice of a path that does not exist", () => {
    const found = pathFinished([onePath])(getEmptySession());
    expect(choosePath(3)(found)).toBe(found);
  });

  it("Esc clears the selection first, then the query highlight", () => {
    let state = selectNode(huawei)(pathFinished([onePath])(getEmptySession()));
    state = clearSelectionOrQuery()(state);
    expect(state.selection.kind).toBe("none");
    expect(state.focus).toBe("path");
    state = clearSelectionOrQuery()(state);
    expect(state.focus).toBe("none");
    expect(clearSelectionOrQuery()(state)).toBe(state);
  });

  it("keep neighbourhood centres unique", () => {
    const state = addNeighbourhoodCenter(huawei)(addNeighbourhoodCenter(huawei)(getEmptySession()));
    expect(state.neighbourhood.centers).toEqual([huawei]);
  });

  it("forget edge ids when the dataset is replaced, since they are renumbered", () => {
    let state = addToView([huawei], ["e1"])(selectEdge("e1")(getEmptySession()));
    state = neighbourhoodFinished({ centers: [huawei], nodes: [{ node: huawei, depth: 0 }], edges: ["e1"], truncated: false })(state);
    state = datasetReplaced()(state);
    expect(state.selection.kind).toBe("none");
    expect(state.added).toEqual({ nodes: [huawei], edges: [] });
    expect(state.neighbourhood.result).toBeNull();
    expect(state.focus).toBe("none");
  });
});

describe("session store", () => {
  it("applies producers in order and tells listeners once per change", () => {
    const store = createSessionStore();
    const seen: string[] = [];
    store.subscribe((state, previous) => seen.push(`${previous.selection.kind}->${state.selection.kind}`));
    store.apply(selectNode(huawei), toggleClass(company));
    store.apply(clearSelectionOrQuery(), clearSelectionOrQuery());
    expect(seen).toEqual(["none->node", "node->none"]);
    store.apply(clearSelectionOrQuery());
    expect(seen).toHaveLength(2);
  });

  it("kill() drops listeners and is safe twice", () => {
    const store = createSessionStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.kill();
    store.kill();
    store.apply(selectNode(huawei));
    expect(calls).toBe(0);
  });
});
