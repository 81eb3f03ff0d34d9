// The keyboard cursor (graph-cursor.ts): where an arrow key goes, and how the reducers draw the cursor on the workbench fixture graph.
import { beforeAll, describe, expect, it } from "vitest";
import { displayContext, FADED_NODE, nodeDisplay } from "../../src/workbench/display.ts";
import { GraphCursor, nearestInDirection, type ScreenPoint } from "../../src/workbench/graph-cursor.ts";
import { getEmptySession, selectNode } from "../../src/session/index.ts";
import { loadDisplayFixture, type DisplayFixture } from "./display-fixture.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;

describe("nearestInDirection", () => {
  const from = { x: 100, y: 100 };
  const around: ScreenPoint[] = [
    { node: "right-far", x: 300, y: 100 },
    { node: "right-near-steep", x: 140, y: 170 },
    { node: "up", x: 105, y: 20 },
    { node: "down-left", x: 60, y: 180 },
  ];

  it("takes the node within 45° of the arrow over a nearer one further off it", () => {
    // right-near-steep is nearer (81 px) but 60° below the horizontal: "right" is right-far.
    expect(nearestInDirection(from, around, "right")).toBe("right-far");
    expect(nearestInDirection(from, around, "up")).toBe("up");
    expect(nearestInDirection(from, around, "down")).toBe("right-near-steep");
  });

  it("falls back to the half of the screen that way, and says null when nothing lies there", () => {
    // Nothing within 45° to the left; down-left is the one node left of `from`.
    expect(nearestInDirection(from, around, "left")).toBe("down-left");
    expect(nearestInDirection(from, [{ node: "a", x: 300, y: 100 }], "left")).toBeNull();
    // A node on the very spot is in no direction.
    expect(nearestInDirection(from, [{ node: "same", x: 100, y: 100 }], "right")).toBeNull();
    expect(nearestInDirection(from, [], "down")).toBeNull();
  });

  it("prefers the nearer of two straight ahead, and the one less off the line at equal distance", () => {
    const pts: ScreenPoint[] = [
      { node: "far", x: 100, y: 400 },
      { node: "near", x: 100, y: 200 },
      { node: "near-off", x: 160, y: 180 },
    ];
    expect(nearestInDirection(from, pts, "down")).toBe("near");
  });
});

describe("GraphCursor in the reducers", () => {
  let fixture: DisplayFixture;
  beforeAll(async () => {
    fixture = await loadDisplayFixture();
  });
  const lookup = () => ({
    hasNode: (n: string) => fixture.graph.hasNode(n),
    neighbors: (n: string) => fixture.graph.neighbors(n),
    extremities: (e: string) => fixture.graph.extremities(e) as [string, string],
  });
  const draw = (cursor: GraphCursor, key: string, hovered: string | null = null, state = getEmptySession()) => {
    const ctx = cursor.apply(displayContext({ ...state, view: { ...state.view, hovered } }, lookup(), fixture.colours), lookup(), hovered);
    return nodeDisplay(key, fixture.graph.getNodeAttributes(key), ctx);
  };

  it("marks the cursor's node and emphasises its neighbours as hover does, only while shown", () => {
    let redraws = 0;
    const cursor = new GraphCursor(() => redraws++);
    cursor.set(kgr("dahua"));
    expect(redraws).toBe(1);
    // Not shown (the graph has no keyboard focus): drawn as without a cursor.
    expect(draw(cursor, kgr("dahua")).highlighted).toBeUndefined();
    cursor.show(true);
    expect(redraws).toBe(2);
    const on = draw(cursor, kgr("dahua"));
    expect(on).toMatchObject({ highlighted: true, forceLabel: true, label: "Dahua", zIndex: 4 });
    expect(on.size).toBeCloseTo(1.5 * fixture.graph.getNodeAttribute(kgr("dahua"), "size"));
    // Huawei neighbours Dahua: in its colour, labelled; Kenya does not: faded.
    expect(draw(cursor, kgr("huawei"))).toMatchObject({ forceLabel: true, label: "Huawei" });
    expect(draw(cursor, kgr("huawei")).color).not.toBe(FADED_NODE);
    expect(draw(cursor, kgr("kenya")).color).toBe(FADED_NODE);
  });

  it("leaves the emphasis to the pointer's node, and the selection unchanged", () => {
    const cursor = new GraphCursor(() => undefined);
    cursor.set(kgr("dahua"));
    cursor.show(true);
    // The pointer on Kenya: Kenya's neighbours stand out, Dahua (no neighbour of Kenya) keeps its cursor mark.
    expect(draw(cursor, kgr("dahua"), kgr("kenya"))).toMatchObject({ highlighted: true, zIndex: 4 });
    expect(draw(cursor, kgr("huawei"), kgr("kenya")).color).not.toBe(FADED_NODE);
    const selected = selectNode(kgr("kenya"))(getEmptySession());
    expect(draw(cursor, kgr("kenya"), null, selected)).toMatchObject({ highlighted: true, zIndex: 3 });
    expect(selected.selection).toEqual({ kind: "node", node: kgr("kenya") });
  });

  it("draws nothing for a node that left the view", () => {
    const cursor = new GraphCursor(() => undefined);
    cursor.set(kgr("no-such-node"));
    cursor.show(true);
    expect(draw(cursor, kgr("kenya")).color).not.toBe(FADED_NODE);
  });
});
