// The k most informative simple paths: Yen's algorithm over the informativeness costs, each spur a bidirectional Dijkstra.
import type { GraphIndex } from "../graph/types.ts";
import type { Path } from "./path-types.ts";
import type { Rules } from "./path-rules.ts";
import { costsOf } from "./path-score.ts";
import { shortestPath } from "./path-bfs.ts";
import { cheapestPath } from "./path-weighted.ts";
import { blockRoot, joinAtSpur } from "./path-yen.ts";

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
  /**
   * The cheapest path within `hops`; when the cheapest one is longer, the fewest-hops path stands in for it (so the
   * order is approximate under a tight --max-length, but no path within the limit is ever missed).
   */
  const search = (start: number, hops: number, limit: number): Path | undefined => {
    const found = cheapestPath(r, start, to, limit);
    if (found === undefined || found.steps.length <= hops) return found;
    return shortestPath(r, start, to, hops);
  };
  const first = search(from, maxLength, Infinity);
  if (first === undefined) return [];
  const accepted: Path[] = [first];
  /** Where each accepted path left its parent: spurs before it repeat searches already made (Lawler's refinement). */
  const deviations = [0];
  const candidates: { path: Path; cost: number; deviation: number }[] = [];
  const { nodeCost, edgeCost } = costsOf(g);
  const known = new Set<string>([first.nodes.join(",")]);
  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    let rootCost = 0;
    for (let i = 0; i < deviations[deviations.length - 1]; i++) rootCost += edgeCost[previous.steps[i].edge] + (i > 0 ? nodeCost[previous.nodes[i]] : 0);
    for (let spurIndex = deviations[deviations.length - 1]; spurIndex < previous.nodes.length - 1; spurIndex++) {
      const spur = previous.nodes[spurIndex];
      const root = previous.nodes.slice(0, spurIndex + 1);
      blockRoot(r, accepted, root);
      // Only a spur cheaper than the candidate that would otherwise come k-th can matter.
      const needed = k - accepted.length;
      let limit = Infinity;
      if (candidates.length >= needed) limit = candidates.map((c) => c.cost).sort((a, b) => a - b)[needed - 1] - rootCost + (nodeCost[spur] + nodeCost[to]) / 2;
      if (spurIndex > 0) limit -= nodeCost[spur];
      const spurPath = search(spur, maxLength - spurIndex, limit);
      rootCost += edgeCost[previous.steps[spurIndex].edge] + (spurIndex > 0 ? nodeCost[spur] : 0);
      if (spurPath === undefined) continue;
      const candidate = joinAtSpur(previous, spurIndex, spurPath, known);
      if (candidate) candidates.push({ path: candidate, cost: pathCost(g, candidate), deviation: spurIndex });
    }
    if (candidates.length === 0) break;
    // Stable: equal costs keep discovery order, so results are deterministic.
    let bestIndex = 0;
    for (let i = 1; i < candidates.length; i++) if (candidates[i].cost < candidates[bestIndex].cost) bestIndex = i;
    const chosen = candidates.splice(bestIndex, 1)[0];
    accepted.push(chosen.path);
    deviations.push(chosen.deviation);
  }
  r.block = s.nextBlockGeneration();
  return accepted;
}
