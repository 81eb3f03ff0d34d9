// Showing loaded nodes that a "show only" neighbourhood leaves out: the neighbourhood on show grows to take them in.
import type { Producer } from "./producers.ts";

/**
 * Grows the neighbourhood on show by `nodes` (one hop beyond `from`) and `edges`, so a "show only" view shows them:
 * expanding a node at its edge reveals its neighbours there, rather than leaving them hidden by the query's scope.
 */
export const widenNeighbourhood = (from: string, nodes: readonly string[], edges: readonly string[]): Producer => (state) => {
  const result = state.neighbourhood.result;
  if (!result) return state;
  const inside = new Set(result.nodes.map((n) => n.node));
  const depth = (result.nodes.find((n) => n.node === from)?.depth ?? 0) + 1;
  const newNodes = [...new Set(nodes)].filter((n) => !inside.has(n)).map((node) => ({ node, depth }));
  const known = new Set(result.edges);
  const newEdges = [...new Set(edges)].filter((e) => !known.has(e));
  if (!newNodes.length && !newEdges.length) return state;
  return { ...state, neighbourhood: { ...state.neighbourhood, result: { ...result, nodes: [...result.nodes, ...newNodes], edges: [...result.edges, ...newEdges] } } };
};
