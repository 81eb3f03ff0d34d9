// The size of a laid-out graph: the longer side of the box around its node positions.
import type Graph from "graphology";

/** The longer side of the bounding box of the nodes' x/y (-Infinity for an empty graph). */
export function layoutExtent(graph: Pick<Graph, "forEachNode">): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_, a) => {
    minX = Math.min(minX, a.x as number);
    maxX = Math.max(maxX, a.x as number);
    minY = Math.min(minY, a.y as number);
    maxY = Math.max(maxY, a.y as number);
  });
  return Math.max(maxX - minX, maxY - minY);
}
