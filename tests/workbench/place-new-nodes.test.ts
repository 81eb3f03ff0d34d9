// New nodes go beside their neighbours; nodes already placed never move.
import { describe, expect, it } from "vitest";
import Graph from "graphology";
import { placeNewNodes } from "../../src/workbench/place-new-nodes.ts";

function grid(): Graph<{ x: number; y: number }> {
  const g = new Graph<{ x: number; y: number }>();
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) g.addNode(`n${i}-${j}`, { x: i * 10, y: j * 10 });
  for (let i = 0; i < 4; i++) g.addEdge(`n${i}-0`, `n${i + 1}-0`);
  return g;
}
const at = (g: Graph<{ x: number; y: number }>, n: string) => [g.getNodeAttribute(n, "x"), g.getNodeAttribute(n, "y")];
const dist = (g: Graph<{ x: number; y: number }>, a: string, b: string) => Math.hypot(at(g, a)[0] - at(g, b)[0], at(g, a)[1] - at(g, b)[1]);

describe("placeNewNodes", () => {
  it("leaves placed nodes where they are and puts a chain of new nodes out from its placed neighbour", () => {
    const g = grid();
    const before = Object.fromEntries(g.nodes().map((n) => [n, at(g, n)]));
    g.addNode("a", { x: 999, y: 999 });
    g.addNode("b", { x: 999, y: 999 });
    g.addEdge("n2-2", "a");
    g.addEdge("a", "b");
    placeNewNodes(g, new Set(["a", "b"]));
    for (const [n, p] of Object.entries(before)) expect(at(g, n)).toEqual(p);
    // About one typical spacing (extent 40 / sqrt(25) = 8) from the neighbour.
    expect(dist(g, "a", "n2-2")).toBeCloseTo(8, 5);
    expect(dist(g, "b", "a")).toBeCloseTo(8, 5);
  });

  it("spreads several new neighbours of one node apart, and rings nodes with no placed neighbour round the rest", () => {
    const g = grid();
    for (const k of ["a", "b", "c"]) {
      g.addNode(k, { x: 0, y: 0 });
      g.addEdge("n2-2", k);
    }
    g.addNode("alone", { x: 0, y: 0 });
    placeNewNodes(g, new Set(["a", "b", "c", "alone"]));
    expect(dist(g, "a", "b")).toBeGreaterThan(1);
    expect(dist(g, "b", "c")).toBeGreaterThan(1);
    expect(dist(g, "a", "c")).toBeGreaterThan(1);
    // Outside the placed nodes' box (0..40), at half the extent plus one spacing from its centre.
    expect(Math.hypot(at(g, "alone")[0] - 20, at(g, "alone")[1] - 20)).toBeCloseTo(28, 5);
  });

  it("does nothing when no node is placed yet (the caller lays those out)", () => {
    const g = new Graph<{ x: number; y: number }>();
    g.addNode("a", { x: 1, y: 2 });
    placeNewNodes(g, new Set(["a"]));
    expect(at(g, "a")).toEqual([1, 2]);
  });
});
