// Undo/redo history over whole snapshots, notes and layout producers: pure values, every step restorable.
import { describe, expect, it } from "vitest";
import {
  canGoTo,
  canRedo,
  canUndo,
  createHistory,
  currentSnapshot,
  defaultAppearance,
  describeAction,
  emptyLayout,
  emptyNotes,
  getEmptySession,
  goTo,
  hideNodes,
  MAX_SNAPSHOTS,
  moveNodes,
  noteCount,
  nodeNote,
  edgeNote,
  parseSessionFile,
  record,
  redo,
  setEdgeNote,
  setNodeNote,
  setPathEnds,
  setPinned,
  setSessionNote,
  tripleKey,
  parseTripleKey,
  undo,
  historyOf,
  allEntries,
  canSwitchBranch,
  firstRestorable,
  forkIndex,
  MAX_BRANCHES,
  redoTarget,
  switchBranch,
  undoTarget,
  type History,
  type SessionSnapshot,
} from "../../src/session/index.ts";
import { kgr, readSessionFixture } from "./fixtures.ts";

const start = (): SessionSnapshot => ({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() });

function threeSteps(): { history: History; snapshots: SessionSnapshot[] } {
  const s0 = start();
  const s1 = { ...s0, state: setPathEnds(kgr("huawei"), kgr("kenya"))(s0.state) };
  const s2 = { ...s1, layout: moveNodes({ [kgr("huawei")]: [1, 2] })(s1.layout) };
  const s3 = { ...s2, notes: setNodeNote(kgr("huawei"), "a note")(s2.notes) };
  let h = createHistory(s0, "2026-01-01T00:00:00Z");
  h = record(h, { kind: "path", params: { from: kgr("huawei"), to: kgr("kenya"), options: s1.state.path.options } }, s1, { labelOf: (iri) => (iri === kgr("huawei") ? "Huawei" : "Kenya") });
  h = record(h, { kind: "move-nodes", params: { nodes: [kgr("huawei")] } }, s2);
  h = record(h, { kind: "note", params: { target: "node", key: kgr("huawei") } }, s3);
  return { history: h, snapshots: [s0, s1, s2, s3] };
}

describe("history", () => {
  it("records steps with ids, times and labels people read", () => {
    const { history } = threeSteps();
    expect(history.cursor).toBe(3);
    expect(history.entries.map((e) => e.id)).toEqual(["h1", "h2", "h3", "h4"]);
    expect(history.entries.map((e) => e.label)).toEqual(["Start", "Path Huawei → Kenya", "Move huawei", "Note on huawei"]);
    expect(history.entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it("undoes and redoes every step but the notes: undo passes over a note step, and its snapshot is not put back", () => {
    const { history, snapshots } = threeSteps();
    let h = history;
    expect(currentSnapshot(h)).toBe(snapshots[3]);
    // The last step is the note: undo takes back the move before it (the note stays with the analyst, not here).
    expect(undoTarget(h)).toBe(1);
    h = undo(h);
    expect(currentSnapshot(h)).toBe(snapshots[1]);
    h = undo(h);
    expect(currentSnapshot(h)).toBe(snapshots[0]);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(currentSnapshot(h)).toBe(snapshots[1]);
    // Redo takes the move and the note step after it together.
    expect(redoTarget(h)).toBe(3);
    h = redo(h);
    expect(h.cursor).toBe(3);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it("a history of note steps only has nothing to undo", () => {
    const s0 = start();
    let h = createHistory(s0);
    h = record(h, { kind: "note", params: { target: "session", key: "session" } }, { ...s0, notes: setSessionNote("x")(s0.notes) });
    expect(canUndo(h)).toBe(false);
    // Going to the start by hand still works (the panel lists every step).
    expect(goTo(h, 0).cursor).toBe(0);
    expect(redoTarget(goTo(h, 0))).toBe(1);
  });

  it("leaves the earlier history value untouched (pure)", () => {
    const { history } = threeSteps();
    const frozen = JSON.stringify(history);
    undo(history);
    goTo(history, 0);
    record(undo(history), { kind: "clear-focus", params: {} }, start());
    expect(JSON.stringify(history)).toBe(frozen);
  });

  it("goes to any step, and a new step after going back keeps the steps left as a branch", () => {
    const { history, snapshots } = threeSteps();
    const atOne = goTo(history, 1);
    expect(currentSnapshot(atOne)).toBe(snapshots[1]);
    expect(goTo(history, 99)).toBe(history);
    expect(goTo(history, -1)).toBe(history);
    const hidden = { ...snapshots[1], state: hideNodes([kgr("kenya")])(snapshots[1].state) };
    const branched = record(atOne, { kind: "hide-nodes", params: { nodes: [kgr("kenya")] } }, hidden);
    expect(branched.entries.map((e) => e.action.kind)).toEqual(["start", "path", "hide-nodes"]);
    expect(branched.entries[2].id).toBe("h5");
    expect(canRedo(branched)).toBe(false);
    // The move and the note wait in a branch that grew from the path step.
    expect(branched.branches).toHaveLength(1);
    const [left] = branched.branches!;
    expect(left).toMatchObject({ id: "b1", from: "h2" });
    expect(left.entries.map((e) => e.id)).toEqual(["h3", "h4"]);
    expect(allEntries(branched).map((e) => e.id)).toEqual(["h1", "h2", "h5", "h3", "h4"]);

    // Returning to it puts its last step on screen; the hide it replaces becomes a branch in turn.
    expect(canSwitchBranch(branched, "b1")).toBe(true);
    const back = switchBranch(branched, "b1", "2026-01-02T00:00:00Z");
    expect(back.entries.map((e) => e.id)).toEqual(["h1", "h2", "h3", "h4"]);
    expect(currentSnapshot(back)).toBe(snapshots[3]);
    expect(back.branches).toEqual([{ id: "b2", from: "h2", at: "2026-01-02T00:00:00Z", entries: [branched.entries[2]] }]);
    // And back again: nothing is ever dropped.
    const again = switchBranch(back, "b2");
    expect(again.entries.map((e) => e.id)).toEqual(["h1", "h2", "h5"]);
    expect(again.branches?.map((b) => b.entries.map((e) => e.id))).toEqual([["h3", "h4"]]);
    expect(switchBranch(again, "b99")).toBe(again);
  });

  it("returns to a branch that grew from a step of another branch", () => {
    const { history, snapshots } = threeSteps();
    const act = (h: History, node: string) => record(h, { kind: "hide-nodes", params: { nodes: [kgr(node)] } }, { ...snapshots[1], state: hideNodes([kgr(node)])(snapshots[1].state) });
    // h1 h2 h3 h4 → back to h3, hide a (h5): b1 = [h4] from h3 → back to h2, hide b (h6): b2 = [h3, h5] from h2.
    const one = act(goTo(history, 2), "a");
    const two = act(goTo(one, 1), "b");
    expect(two.branches?.map((b) => [b.id, b.from, b.entries.map((e) => e.id).join(" ")])).toEqual([
      ["b1", "h3", "h4"],
      ["b2", "h2", "h3 h5"],
    ]);
    expect(forkIndex(two, two.branches![0])).toBe(1);
    const back = switchBranch(two, "b1");
    expect(back.entries.map((e) => e.id)).toEqual(["h1", "h2", "h3", "h4"]);
    expect(allEntries(back).map((e) => e.id).sort()).toEqual(["h1", "h2", "h3", "h4", "h5", "h6"]);
  });

  it("never goes back past a load: the data stays loaded, and History cannot restore steps made on other data", () => {
    const { history, snapshots } = threeSteps();
    const beforeLoad = record(goTo(history, 1), { kind: "show-schema", params: { on: true } }, snapshots[1]);
    const loaded = record(beforeLoad, { kind: "load", params: { sources: ["extra.ttl"], replace: false } }, snapshots[2]);
    const after = record(loaded, { kind: "clear-focus", params: {} }, snapshots[3]);
    const at = after.entries.findIndex((e) => e.action.kind === "load");
    expect(firstRestorable(after)).toBe(at);
    expect(undoTarget(after)).toBe(at);
    const atLoad = undo(after);
    expect(atLoad.cursor).toBe(at);
    expect(canUndo(atLoad)).toBe(false);
    expect(canGoTo(atLoad, at - 1)).toBe(false);
    expect(goTo(atLoad, 0)).toBe(atLoad);
    // The branch left before the load (move, note) is listed, but not restorable on the data now loaded.
    expect(atLoad.branches).toHaveLength(1);
    expect(canSwitchBranch(atLoad, "b1")).toBe(false);
    expect(switchBranch(atLoad, "b1")).toBe(atLoad);
  });

  it("keeps at most MAX_BRANCHES branches, dropping the oldest left", () => {
    let h = record(createHistory(start()), { kind: "layout", params: {} }, start());
    for (let i = 0; i < MAX_BRANCHES + 3; i++) h = record(goTo(h, 0), { kind: "layout", params: {} }, start());
    expect(h.branches).toHaveLength(MAX_BRANCHES);
    expect(h.branches![0].id).toBe("b4");
  });

  it("keeps snapshots on the most recent steps only, and cannot go back past them", () => {
    let h = createHistory(start());
    for (let i = 0; i < MAX_SNAPSHOTS + 5; i++) h = record(h, { kind: "show-schema", params: { on: i % 2 === 0 } }, start());
    const withSnapshot = h.entries.filter((e) => e.snapshot !== undefined).length;
    expect(withSnapshot).toBe(MAX_SNAPSHOTS);
    expect(canGoTo(h, 0)).toBe(false);
    expect(canGoTo(h, h.entries.length - MAX_SNAPSHOTS)).toBe(true);
    expect(goTo(h, 0)).toBe(h);
  });

  it("undoes the real saved session back to its start", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    let h = historyOf(file);
    const seen = [currentSnapshot(h)];
    while (canUndo(h)) {
      h = undo(h);
      seen.push(currentSnapshot(h));
    }
    expect(h.cursor).toBe(0);
    // The fixture was made when a new session ordered paths shortest first (a path option left out then).
    const { rank, ...startOptions } = getEmptySession().path.options;
    expect(rank).toBe("informative");
    const start = getEmptySession();
    expect(currentSnapshot(h)?.state).toEqual({ ...start, path: { ...start.path, options: startOptions } });
    // One undo per step that changed more than notes; note steps are passed over.
    expect(seen).toHaveLength(file.history.filter((e) => e.action.kind !== "note").length);
    expect(file.history.some((e) => e.action.kind === "note")).toBe(true);
    expect(seen.at(-2)?.state.path.results.length).toBeGreaterThan(0);
  });

  it("describes actions", () => {
    expect(describeAction({ kind: "neighbourhood", params: { centers: [kgr("dji")], depth: 2, direction: "out", classes: [], predicates: [], limit: 500, mode: "only" } })).toBe("Neighbourhood of dji (2 hops, out)");
    expect(describeAction({ kind: "hide-nodes", params: { nodes: [kgr("a"), kgr("b"), kgr("c"), kgr("d")] } })).toBe("Hide a, b and 2 more");
    expect(describeAction({ kind: "toggle-class", params: { class: "https://w3id.org/smartcity-kg/ontology#Company" } })).toBe("Show/hide class Company");
    expect(describeAction({ kind: "date-range", params: { range: { from: 2015, to: 2020 } } })).toBe("Dates 2015–2020");
  });
});

describe("notes", () => {
  const edge = { source: kgr("huawei"), predicate: "https://w3id.org/smartcity-kg/ontology#donatesTo", target: kgr("kenyan-government") };

  it("sets and clears notes on the session, nodes and edges", () => {
    let notes = emptyNotes();
    notes = setSessionNote("about this")(notes);
    notes = setNodeNote(kgr("huawei"), "n1")(notes);
    notes = setEdgeNote(edge, "e1")(notes);
    expect(noteCount(notes)).toBe(3);
    expect(nodeNote(notes, kgr("huawei"))).toBe("n1");
    expect(edgeNote(notes, edge)).toBe("e1");
    expect(parseTripleKey(tripleKey(edge))).toEqual(edge);
    notes = setNodeNote(kgr("huawei"), "  ")(notes);
    expect(notes.nodes).toEqual({});
  });

  it("takes hostile keys as plain data, never as prototypes", () => {
    const notes = setNodeNote("__proto__", "x")(emptyNotes());
    expect(Object.getPrototypeOf(notes.nodes)).toBe(Object.prototype);
    expect(Object.hasOwn(notes.nodes, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(nodeNote(emptyNotes(), "constructor")).toBe("");
  });

  it("refuses a note over the cap", () => {
    expect(() => setSessionNote("x".repeat(20_001))(emptyNotes())).toThrow("session/notes: a note of 20001 characters is longer than the 20000 allowed");
  });
});

describe("layout", () => {
  it("moves and pins nodes without mutating", () => {
    const layout = emptyLayout();
    const moved = moveNodes({ [kgr("a")]: [1, 2] })(layout);
    const again = moveNodes({ [kgr("a")]: [3, 4], [kgr("b")]: [0, 0] })(moved);
    expect(layout.positions).toEqual({});
    expect(again.positions).toEqual({ [kgr("a")]: [3, 4], [kgr("b")]: [0, 0] });
    const pinned = setPinned([kgr("a"), kgr("a")], true)(again);
    expect(pinned.pinned).toEqual([kgr("a")]);
    expect(setPinned([kgr("a")], false)(pinned).pinned).toEqual([]);
  });
});
