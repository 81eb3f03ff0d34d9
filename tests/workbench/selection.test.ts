// Selecting several nodes, without a browser: modifier clicks, the marquee's hit test and "select neighbours".
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { isAdditiveClick, nodesInRectangle, withNeighbours } from "../../src/workbench/selection.ts";

describe("additive clicks", () => {
  it("are shift, ctrl or cmd clicks; a plain click is not", () => {
    expect(isAdditiveClick({ shiftKey: true })).toBe(true);
    expect(isAdditiveClick({ ctrlKey: true })).toBe(true);
    expect(isAdditiveClick({ metaKey: true })).toBe(true);
    expect(isAdditiveClick({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe(false);
    expect(isAdditiveClick({})).toBe(false);
  });
});

describe("marquee", () => {
  const screen: Record<string, { x: number; y: number }> = { a: { x: 10, y: 10 }, b: { x: 50, y: 40 }, c: { x: 200, y: 10 }, hidden: { x: 20, y: 20 } };
  const shown = (n: string) => n !== "hidden";
  const at = (n: string) => screen[n] ?? null;

  it("selects the shown nodes inside, whichever corner the drag started from", () => {
    expect(nodesInRectangle({ x1: 0, y1: 0, x2: 60, y2: 50 }, Object.keys(screen), at, shown)).toEqual(["a", "b"]);
    expect(nodesInRectangle({ x1: 60, y1: 50, x2: 0, y2: 0 }, Object.keys(screen), at, shown)).toEqual(["a", "b"]);
  });

  it("selects nothing in an empty rectangle, and skips nodes without a position", () => {
    expect(nodesInRectangle({ x1: 100, y1: 100, x2: 150, y2: 150 }, Object.keys(screen), at, shown)).toEqual([]);
    expect(nodesInRectangle({ x1: 0, y1: 0, x2: 500, y2: 500 }, ["a", "nowhere"], at, shown)).toEqual(["a"]);
  });
});

describe("select neighbours", () => {
  it("adds the shown neighbours in both directions, once each", () => {
    const graph = new MultiDirectedGraph();
    for (const n of ["huawei", "kenya", "dahua", "island", "pakistan"]) graph.addNode(n);
    graph.addDirectedEdge("huawei", "kenya");
    graph.addDirectedEdge("huawei", "kenya");
    graph.addDirectedEdge("dahua", "huawei");
    graph.addDirectedEdge("huawei", "pakistan");
    const shown = (n: string) => n !== "pakistan";
    const grown = withNeighbours(["huawei"], (n) => graph.neighbors(n), shown);
    expect(grown[0]).toBe("huawei");
    expect([...grown].sort()).toEqual(["dahua", "huawei", "kenya"]);
    expect(withNeighbours(["island"], (n) => graph.neighbors(n), shown)).toEqual(["island"]);
    expect(withNeighbours([], (n) => graph.neighbors(n), shown)).toEqual([]);
  });
});
