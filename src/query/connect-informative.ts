// Connecting several entities by the informative costs: a Steiner tree grown path by path (Takahashi–Matsuyama), so a hub already in the tree costs nothing again.
import type { GraphIndex } from "../graph/types.ts";
import { edgeAllowed, nodeAllowed, type Rules } from "./path-rules.ts";
import { costsOf } from "./path-score.ts";
import { Heap } from "./path-weighted.ts";

/**
 * The tree's edges and the terminals it could not reach. Starting from the first terminal, each round runs one
 * Dijkstra from every node of the tree at once and adds the cheapest path to a terminal not yet joined; entering
 * node v along edge e costs edgeCost[e] + nodeCost[v] (path-score.ts: a hop, the predicate's genericity, v's
 * degree), nothing for v when it is a terminal. A path's cost is then what kg path --rank informative charges for
 * it, and a node the tree already holds is free, which Mehlhorn's regions cannot see (their bridges charge a hub on
 * every path through it: on the bundled graph, Huawei, Kenya, the Digital Silk Road and the CPC cost 39.4 that way,
 * more than the hop-count tree's 34.3). A 2-approximation for edge costs, as Mehlhorn's is; being greedy, where it
 * starts matters, so connectInformative grows one from each terminal and keeps the cheapest.
 */
export function growTree(rules: Rules, terminals: readonly number[]): { edges: number[]; unreached: number[] } {
  const g: GraphIndex = rules.g;
  const { nodeCost, edgeCost } = costsOf(g);
  const isTerminal = new Set(terminals);
  const inTree = new Uint8Array(g.nodeCount);
  inTree[terminals[0]] = 1;
  const waiting = new Set(terminals.slice(1));
  const edges: number[] = [];
  const dist = new Float64Array(g.nodeCount);
  const parent = new Int32Array(g.nodeCount);
  const done = new Uint8Array(g.nodeCount);
  const treeNodes = [terminals[0]];
  while (waiting.size > 0) {
    dist.fill(Infinity);
    parent.fill(-1);
    done.fill(0);
    const heap = new Heap();
    for (const n of treeNodes) {
      dist[n] = 0;
      heap.push(0, n);
    }
    let reached = -1;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (waiting.has(u)) {
        reached = u;
        break;
      }
      const relax = (e: number, v: number) => {
        if (done[v] || inTree[v] || !edgeAllowed(rules, e) || !(isTerminal.has(v) || nodeAllowed(rules, v))) return;
        const d = dist[u] + edgeCost[e] + (isTerminal.has(v) ? 0 : nodeCost[v]);
        // Ties go to the lower edge id, so the tree does not depend on the heap's order.
        if (d < dist[v] || (d === dist[v] && e < parent[v])) {
          dist[v] = d;
          parent[v] = e;
          heap.push(d, v);
        }
      };
      for (let i = g.outOffsets[u]; i < g.outOffsets[u + 1]; i++) relax(g.outEdgeIds[i], g.edgeTargets[g.outEdgeIds[i]]);
      for (let i = g.inOffsets[u]; i < g.inOffsets[u + 1]; i++) relax(g.inEdgeIds[i], g.edgeSources[g.inEdgeIds[i]]);
    }
    if (reached < 0) break;
    for (let v = reached; !inTree[v]; ) {
      const e = parent[v];
      edges.push(e);
      inTree[v] = 1;
      treeNodes.push(v);
      v = g.edgeSources[e] === v ? g.edgeTargets[e] : g.edgeSources[e];
    }
    waiting.delete(reached);
  }
  return { edges: edges.sort((a, b) => a - b), unreached: terminals.filter((t) => waiting.has(t)) };
}

/** A tree's informative cost: its edges' costs and, once each, the costs of its nodes that are not terminals. */
export function treeCost(g: GraphIndex, terminals: readonly number[], edges: readonly number[]): number {
  const { nodeCost, edgeCost } = costsOf(g);
  const asked = new Set(terminals);
  const nodes = new Set<number>();
  let cost = 0;
  for (const e of edges) {
    cost += edgeCost[e];
    nodes.add(g.edgeSources[e]).add(g.edgeTargets[e]);
  }
  for (const n of nodes) if (!asked.has(n)) cost += nodeCost[n];
  return cost;
}

/**
 * The cheapest of the trees grown from each terminal that the first one reaches (the others join none of them),
 * and of `alsoConsider` (the caller's hop-count tree, so the informative tree never costs more than it); ties keep
 * the earlier candidate, so the answer is deterministic.
 */
export function connectInformative(rules: Rules, terminals: readonly number[], alsoConsider: readonly number[][] = []): { edges: number[]; unreached: number[] } {
  const first = growTree(rules, terminals);
  const joined = terminals.filter((t) => !first.unreached.includes(t));
  let best = first, bestCost = treeCost(rules.g, terminals, first.edges);
  const consider = (edges: number[]) => {
    const cost = treeCost(rules.g, terminals, edges);
    if (cost < bestCost - 1e-9) [best, bestCost] = [{ edges, unreached: first.unreached }, cost];
  };
  for (const root of joined.slice(1)) consider(growTree(rules, [root, ...joined.filter((t) => t !== root)]).edges);
  for (const edges of alsoConsider) consider([...edges]);
  return best;
}
