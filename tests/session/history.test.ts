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

  it("undoes and redoes through every step, restoring state, positions and notes", () => {
    const { history, snapshots } = threeSteps();
    let h = history;
    for (let i = 3; i > 0; i--) {
      expect(currentSnapshot(h)).toBe(snapshots[i]);
      expect(canUndo(h)).toBe(true);
      h = undo(h);
    }
    expect(currentSnapshot(h)).toBe(snapshots[0]);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    for (let i = 1; i <= 3; i++) {
      expect(canRedo(h)).toBe(true);
      h = redo(h);
      expect(currentSnapshot(h)).toBe(snapshots[i]);
    }
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
    expect(currentSnapshot(h)?.notes.nodes[kgr("huawei")]).toBe("a note");
  });

  it("leaves the earlier history value untouched (pure)", () => {
    const { history } = threeSteps();
    const frozen = JSON.stringify(history);
    undo(history);
    goTo(history, 0);
    record(undo(history), { kind: "clear-focus", params: {} }, start());
    expect(JSON.stringify(history)).toBe(frozen);
  });

  it("goes to any step, and a new step after undo drops the redo branch", () => {
    const { history, snapshots } = threeSteps();
    const atOne = goTo(history, 1);
    expect(currentSnapshot(atOne)).toBe(snapshots[1]);
    expect(goTo(history, 99)).toBe(history);
    expect(goTo(history, -1)).toBe(history);
    const branched = record(atOne, { kind: "hide-nodes", params: { nodes: [kgr("kenya")] } }, { ...snapshots[1], state: hideNodes([kgr("kenya")])(snapshots[1].state) });
    expect(branched.entries.map((e) => e.action.kind)).toEqual(["start", "path", "hide-nodes"]);
    expect(branched.entries[2].id).toBe("h5");
    expect(canRedo(branched)).toBe(false);
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
    expect(currentSnapshot(h)?.state).toEqual(getEmptySession());
    expect(seen).toHaveLength(file.history.length);
    // Each step back removes what that step added: the notes first, then pins and moves, then the queries.
    expect(seen[1]?.notes.edges).toEqual({});
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
