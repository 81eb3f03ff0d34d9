// The workbench's session controller without a DOM: dispatched actions are steps, undo/redo of every kind, notes, pins, moves, hover.
import { describe, expect, it } from "vitest";
import { actions, createSessionStore, defaultPathOptions, pathStarted, selectNode, setPathEnds, type PathResultView } from "../../src/session/index.ts";
import { parseSessionFile, serializeSession, toSessionFile } from "../../src/session/format.ts";
import { SessionController, type LiveLayout } from "../../src/workbench/session-controller.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const huawei = `${KGR}huawei`;
const kenya = `${KGR}kenya`;
const country = "https://w3id.org/smartcity-kg/ontology#Country";
const query = { from: huawei, to: kenya, options: defaultPathOptions };

const onePath: PathResultView = {
  nodes: [huawei, kenya],
  nodeLabels: ["Huawei", "Kenya"],
  steps: [{ edge: "e7", forward: true, from: huawei, to: kenya, predicate: "https://w3id.org/smartcity-kg/ontology#promotedIn", predicateLabel: "promoted in", evidence: [] }],
  explanation: ["Huawei promoted in Kenya."],
};

/** A stand-in for the drawn graph: positions the test moves by hand, a fixed camera, labels from IRIs. */
function fakeView(): LiveLayout & { at: Record<string, [number, number]> } {
  const at: Record<string, [number, number]> = { [huawei]: [0, 0], [kenya]: [10, 0] };
  return {
    at,
    positions: () => Object.fromEntries(Object.entries(at).map(([k, v]) => [k, [...v] as [number, number]])),
    camera: () => ({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }),
    labelOf: (iri) => (iri === huawei ? "Huawei" : iri === kenya ? "Kenya" : iri.slice(iri.lastIndexOf("#") + 1)),
  };
}

function setup() {
  const store = createSessionStore();
  const view = fakeView();
  const controller = new SessionController(store, view);
  return { store, view, controller };
}

describe("workbench session controller", () => {
  it("a path query is one step (its running state is no step of its own)", () => {
    const { store, controller } = setup();
    store.apply(setPathEnds(huawei, kenya), pathStarted());
    expect(controller.history.entries).toHaveLength(1);
    store.dispatch(actions.runPath(query, { results: [onePath] }, { nodes: [kenya], edges: ["e7"] }));
    const labels = controller.history.entries.map((e) => e.label);
    expect(labels).toEqual(["Start", "Path Huawei → Kenya"]);
    const step = controller.history.entries[1];
    expect(step.action).toMatchObject({ kind: "path", params: { from: huawei, to: kenya } });
    expect(step.recorded?.paths?.[0].edges).toEqual([{ source: huawei, predicate: onePath.steps[0].predicate, target: kenya }]);
  });

  it("hover is not session state: no step, no change reported (so no History redraw, no autosave), never in a snapshot", () => {
    const { store, controller } = setup();
    const reasons: string[] = [];
    controller.onChange((reason) => reasons.push(reason));
    let stateChanges = 0;
    store.subscribe(() => stateChanges++);
    store.hover(huawei);
    store.hover(null);
    store.hover(kenya);
    expect(store.hovered()).toBe(kenya);
    expect(reasons).toEqual([]);
    expect(stateChanges).toBe(0);
    expect(store.get().view.hovered).toBeNull();
    store.apply(selectNode(huawei));
    expect(reasons).toEqual(["edit"]);
    expect(controller.history.entries).toHaveLength(1);
    store.dispatch(actions.toggleClass(country));
    expect(controller.history.entries).toHaveLength(2);
    expect(controller.history.entries[1].snapshot?.state.view.hovered).toBeNull();
    expect(controller.history.entries[1].snapshot?.state.selection).toEqual({ kind: "node", node: huawei });
  });

  it("steps that move no node share the positions of the step before; a move makes new ones, saved once each", () => {
    const { store, view, controller } = setup();
    store.dispatch(actions.toggleClass(country));
    store.dispatch(actions.setEdgeLabels(true));
    view.at[kenya] = [42, 7];
    controller.moved([kenya]);
    store.dispatch(actions.setEdgeLabels(false));
    const positions = controller.history.entries.map((e) => e.snapshot!.layout.positions);
    expect(positions.map((p, i) => i > 0 && p === positions[i - 1])).toEqual([false, true, true, false, true]);
    expect(positions[4][kenya]).toEqual([42, 7]);
    const file = toSessionFile({ history: controller.history, state: store.get() });
    const written = JSON.parse(serializeSession(file)) as { history: { snapshot: { layout: object } }[] };
    expect(written.history.map((e) => "positions" in e.snapshot.layout)).toEqual([true, false, false, true, false]);
    expect(parseSessionFile(serializeSession(file)).history.map((e) => e.snapshot!.layout.positions)).toEqual(positions);
  });

  it("undo and redo restore the state, notes, pins and positions of each step", () => {
    const { store, view, controller } = setup();
    store.dispatch(actions.toggleClass(country));
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, "a note"));
    controller.act(actions.pinNodes([huawei], true));
    view.at[kenya] = [42, 7];
    controller.moved([kenya]);
    store.dispatch(actions.hideNodes([kenya]));
    controller.act(actions.writeNote({ kind: "session" }, "why"));
    store.dispatch(actions.setEdgeLabels(true));
    const labels = controller.history.entries.map((e) => e.label);
    expect(labels).toEqual(["Start", "Show/hide class Country", "Note on Huawei", "Pin Huawei", "Move Kenya", "Hide Kenya", "Edit session note", "Show relation labels"]);
    const snapshots = controller.history.entries.map((e) => e.snapshot!);

    const notes = controller.notes;
    // Undo passes over the note steps (2 and 6): it lands after the last change that was more than a note.
    const landings: number[] = [];
    while (controller.canUndo) {
      const shown = controller.undo()!;
      const i = controller.history.cursor;
      landings.push(i);
      expect(shown.state).toEqual(snapshots[i].state);
      expect(shown.layout).toEqual(snapshots[i].layout);
      expect(store.get()).toEqual(snapshots[i].state);
      expect(controller.pinned).toEqual(snapshots[i].layout.pinned);
      // The notes are the analyst's: no undo takes them back.
      expect(controller.notes).toBe(notes);
      expect(shown.notes).toBe(notes);
    }
    expect(landings).toEqual([6, 4, 3, 2, 0]);
    expect(controller.undo()).toBeNull();
    // Going back recorded nothing.
    expect(controller.history.entries.map((e) => e.label)).toEqual(labels);
    expect(snapshots[3].layout.positions[kenya]).toEqual([10, 0]);
    expect(snapshots[4].layout.positions[kenya]).toEqual([42, 7]);

    const redone: number[] = [];
    while (controller.canRedo) {
      expect(controller.redo()?.state).toEqual(snapshots[controller.history.cursor].state);
      redone.push(controller.history.cursor);
      expect(store.get()).toEqual(snapshots[controller.history.cursor].state);
    }
    expect(redone).toEqual([2, 3, 4, 6, 7]);
    expect(controller.notes).toBe(notes);
  });

  it("going back in History and acting keeps the steps left as a branch, and the notes as they are", () => {
    const { store, view, controller } = setup();
    store.apply(setPathEnds(huawei, kenya), pathStarted());
    store.dispatch(actions.runPath(query, { results: [onePath] }));
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, "Supplier"));
    controller.act(actions.pinNodes([huawei], true));
    view.at[kenya] = [42, 7];
    controller.moved([kenya]);
    controller.act(actions.writeNote({ kind: "session" }, "How does Huawei reach Kenya?"));
    const notes = controller.notes;
    const left = controller.history.entries.slice(2).map((e) => e.label);
    expect(left).toEqual(["Note on Huawei", "Pin Huawei", "Move Kenya", "Edit session note"]);

    // The analyst clicks the first step, then runs another query.
    controller.goTo(0);
    expect(controller.notes).toBe(notes);
    expect(controller.pinned).toEqual([]);
    store.dispatch(actions.toggleClass(country));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Show/hide class Country"]);
    expect(controller.notes).toBe(notes);
    expect(controller.history.entries.at(-1)?.snapshot?.notes).toBe(notes);
    // Later steps keep it: one that writes the selection into the step before it, a layout run, a slider drag.
    store.apply(selectNode(kenya));
    store.dispatch(actions.setEdgeLabels(true));
    controller.layoutStarted();
    view.at[huawei] = [3, 3];
    controller.layoutFinished();
    store.dispatch(actions.setDateRange({ from: 2010, to: 2020 }));
    store.dispatch(actions.setDateRange({ from: 2011, to: 2020 }));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Show/hide class Country", "Show relation labels", "Layout run", "Dates 2011–2020"]);
    expect(controller.history.branches).toHaveLength(1);
    controller.goTo(1);
    const [branch] = controller.history.branches ?? [];
    expect(branch.from).toBe("h1");
    expect(branch.entries.map((e) => e.label)).toEqual(["Path Huawei → Kenya", ...left]);

    // A click on the branch returns to its last step: the path, the pin and the move are back.
    const shown = controller.goToBranch(branch.id)!;
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Path Huawei → Kenya", ...left]);
    expect(store.get().path.results).toEqual([onePath]);
    expect(controller.pinned).toEqual([huawei]);
    expect(shown.layout.positions[kenya]).toEqual([42, 7]);
    expect(controller.notes).toBe(notes);
    const others = [["Show/hide class Country", "Show relation labels", "Layout run", "Dates 2011–2020"]];
    expect(controller.history.branches?.map((b) => b.entries.map((e) => e.label))).toEqual(others);
    // History, branches included, saves and reads back.
    const file = parseSessionFile(serializeSession(toSessionFile({ state: store.get(), history: controller.history, notes: controller.notes })));
    expect(file.branches?.map((b) => b.entries.map((e) => e.label))).toEqual(others);
  });

  it("deleting a note is a step of its own, labelled as such", () => {
    const { controller } = setup();
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, "Supplier"));
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, ""));
    controller.act(actions.writeNote({ kind: "session" }, "why"));
    controller.act(actions.writeNote({ kind: "session" }, ""));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Note on Huawei", "Delete note on Huawei", "Edit session note", "Delete session note"]);
    expect(controller.notes).toEqual({ session: "", nodes: {}, edges: {} });
  });

  it("actions dispatched while muted (queries a share link re-runs) apply but are no steps, then or later", () => {
    const { store, controller } = setup();
    store.dispatch(actions.runPath(query, { results: [onePath] }));
    const release = controller.mute();
    store.dispatch(actions.clearFocus());
    store.dispatch(actions.hideNodes([kenya]));
    release();
    expect(store.get().filters.hiddenNodes).toEqual([kenya]);
    store.apply(selectNode(kenya));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Path Huawei → Kenya"]);
  });

  it("dragging the date slider is one step, not one per position", () => {
    const { store, controller } = setup();
    for (let year = 2019; year >= 2012; year--) store.dispatch(actions.setDateRange({ from: year, to: 2020 }));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Dates 2012–2020"]);
    controller.undo();
    expect(store.get().filters.dateRange).toBeNull();
  });

  it("a too-long note is refused and the notes stay as they were", () => {
    const { controller } = setup();
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, "short"));
    expect(() => controller.act(actions.writeNote({ kind: "node", iri: huawei }, "x".repeat(20_001)))).toThrow(/longer than/);
    expect(controller.notes.nodes[huawei]).toBe("short");
  });

  it("what it records saves as a session file that parses back to the same history", () => {
    const { store, controller } = setup();
    store.dispatch(actions.runPath(query, { results: [onePath] }));
    controller.act(actions.writeNote({ kind: "node", iri: huawei }, "<img src=x onerror=alert(1)>"));
    const params = { centers: [huawei], depth: 1, direction: "both" as const, classes: [], predicates: [], limit: 1500, mode: "highlight" as const };
    store.dispatch(actions.runNeighbourhood(params, { result: { centers: [huawei], nodes: [{ node: huawei, depth: 0 }, { node: kenya, depth: 1 }], edges: ["e7"], truncated: false }, relations: [{ source: huawei, predicate: "https://w3id.org/smartcity-kg/ontology#suppliesTo", target: kenya }] }));
    const snapshot = controller.snapshot();
    const file = toSessionFile({ history: controller.history, ...snapshot });
    const back = parseSessionFile(serializeSession(file));
    expect(back.history.map((e) => e.label)).toEqual(controller.history.entries.map((e) => e.label));
    expect(back.history.map((e) => e.action.kind)).toEqual(["start", "path", "note", "neighbourhood"]);
    expect(back.notes.nodes[huawei]).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("a neighbourhood run from the endpoint panel", () => {
  it("leaves the Neighbourhood tab showing the query that ran (centre, depth, direction, filters, node cap), saved with it; undo puts the tab back", () => {
    const { store, controller } = setup();
    const company = "https://w3id.org/smartcity-kg/ontology#Company";
    expect(store.get().neighbourhood).toMatchObject({ centers: [], depth: 1, direction: "both", classes: [] });
    // The endpoint's Explore has its own centre and depth, and a node cap of 300 where the loaded data's is 1,500.
    const params = { centers: [kenya], depth: 2, direction: "in" as const, classes: [company], predicates: [], limit: 300, mode: "highlight" as const };
    const result = { centers: [kenya], nodes: [{ node: kenya, depth: 0 }, { node: huawei, depth: 1 }], edges: ["e7"], truncated: true };
    store.dispatch(actions.runNeighbourhood(params, { result, relations: [{ source: huawei, predicate: "https://w3id.org/smartcity-kg/ontology#suppliesTo", target: kenya }] }));
    expect(store.get().neighbourhood).toMatchObject({ centers: [kenya], depth: 2, direction: "in", classes: [company], status: "done", result: { truncated: true, limit: 300 } });
    const back = parseSessionFile(serializeSession(toSessionFile({ history: controller.history, ...controller.snapshot() })));
    expect(back.state.neighbourhood.result?.limit).toBe(300);
    controller.undo();
    expect(store.get().neighbourhood).toMatchObject({ centers: [], depth: 1, direction: "both", classes: [], result: null });
  });
});

describe("layout runs", () => {
  it("the analyst's layout run is one step: undo puts back the positions from before it, redo the run's, and it survives a save", () => {
    const { store, view, controller } = setup();
    store.dispatch(actions.toggleClass(country));
    // The app's own layout (after the step) settles the nodes: no step of its own.
    view.at[huawei] = [1, 1];
    view.at[kenya] = [9, 1];
    controller.positionsChanged();
    expect(controller.history.entries).toHaveLength(2);
    controller.layoutStarted();
    expect(controller.history.entries).toHaveLength(2);
    // The run moves the nodes while it goes; only its end is a step.
    view.at[huawei] = [-5, 3];
    view.at[kenya] = [20, -4];
    controller.layoutFinished();
    const kinds = controller.history.entries.map((e) => e.action.kind);
    expect(kinds).toEqual(["start", "toggle-class", "layout"]);
    expect(controller.history.entries[2].label).toBe("Layout run");

    const before = controller.undo();
    expect(before?.layout.positions).toEqual({ [huawei]: [1, 1], [kenya]: [9, 1] });
    const after = controller.redo();
    expect(after?.layout.positions).toEqual({ [huawei]: [-5, 3], [kenya]: [20, -4] });

    const file = toSessionFile({ history: controller.history, ...controller.snapshot() });
    const back = parseSessionFile(serializeSession(file));
    expect(back.history.map((e) => e.action)).toContainEqual({ kind: "layout", params: {} });
  });
});
