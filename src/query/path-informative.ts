// The k most informative simple paths: Yen's algorithm over the informativeness costs, each spur a bidirectional Dijkstra.
import type { GraphIndex } from "../graph/types.ts";
import type { Path } from "./path-types.ts";
import type { Rules } from "./path-rules.ts";
import { costsOf } from "./path-score.ts";
import { cheapestPath } from "./path-weighted.ts";

/** A path's exact cost: every edge's cost and every intermediate node's. */
export function pathCost(g: GraphIndex, path: Path): number {
  const { nodeCost, edgeCost } = costsOf(g);
  let cost = 0;
  for (const step of path.steps) cost += edgeCost[step.edge];
  for (let i = 1; i < path.nodes.length - 1; i++) cost += nodeCost[path.nodes[i]];
  return cost;
}

/** Yen's k cheapest simple paths (as node sequences) under the costs of path-score.ts, cheapest first. */
export function informativePaths(r: Rules, from: number, to: number, k: number, maxLength: number): Path[] {
  const g = r.g;
  const s = r.scratch;
  const first = cheapestPath(r, from, to, maxLength);
  if (first === undefined) return [];
  const accepted: Path[] = [first];
  const candidates: { path: Path; cost: number }[] = [];
  const known = new Set<string>([first.nodes.join(",")]);
  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    for (let spurIndex = 0; spurIndex < previous.nodes.length - 1; spurIndex++) {
      const spur = previous.nodes[spurIndex];
      const root = previous.nodes.slice(0, spurIndex + 1);
      r.block = s.nextBlockGeneration();
      for (const path of accepted) {
        if (path.nodes.length <= spurIndex + 1 || !root.every((n, i) => path.nodes[i] === n)) continue;
        const next = path.nodes[spurIndex + 1];
        // Every edge between the spur node and the next node, so a parallel edge cannot repeat the path.
        for (let i = g.outOffsets[spur]; i < g.outOffsets[spur + 1]; i++) {
          if (g.edgeTargets[g.outEdgeIds[i]] === next) s.blockedEdges[g.outEdgeIds[i]] = r.block;
        }
        for (let i = g.inOffsets[spur]; i < g.inOffsets[spur + 1]; i++) {
          if (g.edgeSources[g.inEdgeIds[i]] === next) s.blockedEdges[g.inEdgeIds[i]] = r.block;
        }
      }
      for (let i = 0; i < spurIndex; i++) s.blockedNodes[root[i]] = r.block;
      const spurPath = cheapestPath(r, spur, to, maxLength - spurIndex);
      if (spurPath === undefined) continue;
      const candidate: Path = {
        nodes: [...root, ...spurPath.nodes.slice(1)],
        steps: [...previous.steps.slice(0, spurIndex), ...spurPath.steps],
      };
      const key = candidate.nodes.join(",");
      if (known.has(key)) continue;
      known.add(key);
      candidates.push({ path: candidate, cost: pathCost(g, candidate) });
    }
    if (candidates.length === 0) break;
    // Stable: equal costs keep discovery order, so results are deterministic.
    let bestIndex = 0;
    for (let i = 1; i < candidates.length; i++) if (candidates[i].cost < candidates[bestIndex].cost) bestIndex = i;
    accepted.push(candidates.splice(bestIndex, 1)[0].path);
  }
  r.block = s.nextBlockGeneration();
  return accepted;
}
