// indexParallelEdges numbers edges between the same two nodes and writes only the edges whose numbers change.
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { indexParallelEdges, type EdgeAttributes } from "../../src/workbench/display.ts";

const edge = (predicate: string): EdgeAttributes => ({ predicate, label: predicate, parallelIndex: 0, parallelCount: 1 });

function graph() {
  const g = new MultiDirectedGraph<Record<string, unknown>, EdgeAttributes>();
  for (const node of ["a", "b", "c"]) g.addNode(node);
  g.addDirectedEdgeWithKey("e1", "a", "b", edge("p"));
  g.addDirectedEdgeWithKey("e2", "b", "c", edge("p"));
  return g;
}

describe("indexParallelEdges", () => {
  it("numbers edges joining the same two nodes either way, and leaves lone edges at 0 of 1", () => {
    const g = graph();
    g.addDirectedEdgeWithKey("e3", "b", "a", edge("q"));
    g.addDirectedEdgeWithKey("e4", "a", "b", edge("r"));
    indexParallelEdges(g);
    const numbers = (key: string) => [g.getEdgeAttribute(key, "parallelIndex"), g.getEdgeAttribute(key, "parallelCount")];
    expect([numbers("e1"), numbers("e3"), numbers("e4")]).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(numbers("e2")).toEqual([0, 1]);
  });

  it("writes nothing when the numbers are already right, and only the changed group when one grows", () => {
    const g = graph();
    const written: string[] = [];
    g.on("edgeAttributesUpdated", ({ key }) => written.push(key));
    indexParallelEdges(g);
    expect(written).toEqual([]);
    g.addDirectedEdgeWithKey("e3", "a", "b", edge("q"));
    indexParallelEdges(g);
    expect(written.sort()).toEqual(["e1", "e3"]);
  });
});
