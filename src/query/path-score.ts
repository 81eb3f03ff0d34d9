// How informative a path is: hops, plus penalties for passing through hubs (by degree) and for generic predicates (by frequency).
import type { GraphIndex } from "../graph/types.ts";
import type { Path } from "./path-types.ts";

/**
 * The weights of the penalties. A hop costs 1; an intermediate node of degree d adds hub·log2(d) (a hub says little
 * about how its neighbours are related, the exclusivity argument of Hulpus et al. 2015); an edge whose predicate
 * the graph uses f times adds generic·log2(f) (a predicate used everywhere, like "is part of", says little).
 * Fixed before the evaluation was run, not tuned to it (see bench/path-questions.json and README).
 */
export const informativeWeights = { hub: 1, generic: 0.5 } as const;

/** A path's cost (lower is more informative) and its parts: total = hops + hub + generic. */
export interface PathScore {
  total: number;
  hops: number;
  /** Σ over intermediate nodes of weight·log2(degree). */
  hub: number;
  /** Σ over edges of weight·log2(predicate frequency). */
  generic: number;
}

/** Per-graph costs: entering node n as an intermediate costs nodeCost[n]; travelling edge e costs edgeCost[e]. */
export interface Costs {
  nodeCost: Float64Array;
  edgeCost: Float64Array;
  /** The generic-predicate part of edgeCost (edgeCost = 1 + edgeGeneric). */
  edgeGeneric: Float64Array;
}

const cache = new WeakMap<GraphIndex, Costs>();

/** What passing through an entity of the given degree costs. */
export const hubCost = (degree: number): number => informativeWeights.hub * Math.log2(Math.max(degree, 1));
/** What an edge whose predicate the graph uses `frequency` times costs beyond its hop. */
export const genericCost = (frequency: number): number => informativeWeights.generic * Math.log2(frequency);

/** Costs computed once per graph: one pass over the edges for predicate frequencies, one over the nodes for degrees. */
export function costsOf(g: GraphIndex): Costs {
  const cached = cache.get(g);
  if (cached !== undefined) return cached;
  const frequency = new Map<number, number>();
  for (let e = 0; e < g.edgeCount; e++) frequency.set(g.edgePredicates[e], (frequency.get(g.edgePredicates[e]) ?? 0) + 1);
  const genericOf = new Map<number, number>();
  for (const [p, f] of frequency) genericOf.set(p, genericCost(f));
  const edgeCost = new Float64Array(g.edgeCount);
  const edgeGeneric = new Float64Array(g.edgeCount);
  for (let e = 0; e < g.edgeCount; e++) {
    edgeGeneric[e] = genericOf.get(g.edgePredicates[e])!;
    edgeCost[e] = 1 + edgeGeneric[e];
  }
  const nodeCost = new Float64Array(g.nodeCount);
  const { outOffsets, inOffsets } = g;
  for (let n = 0; n < g.nodeCount; n++) {
    const degree = outOffsets[n + 1] - outOffsets[n] + inOffsets[n + 1] - inOffsets[n];
    nodeCost[n] = hubCost(degree);
  }
  const costs = { nodeCost, edgeCost, edgeGeneric };
  cache.set(g, costs);
  return costs;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The score of a path and its parts, rounded to hundredths for display. */
export function scorePath(g: GraphIndex, path: Path): PathScore {
  const { nodeCost, edgeGeneric } = costsOf(g);
  return scoreOfCosts(path.nodes.slice(1, -1).map((n) => nodeCost[n]), path.steps.map((step) => edgeGeneric[step.edge]));
}

/**
 * The score from the costs of a path's intermediate nodes and of its edges (hubCost, genericCost), in path order:
 * for a graph that is only part of the data (an endpoint's fetched subgraph), whose degrees and frequencies come
 * from elsewhere.
 */
export function scoreOfCosts(nodeCosts: readonly number[], edgeGenerics: readonly number[]): PathScore {
  let hub = 0, generic = 0;
  for (const cost of nodeCosts) hub += cost;
  for (const cost of edgeGenerics) generic += cost;
  const hops = edgeGenerics.length;
  return { total: round(hops + hub + generic), hops, hub: round(hub), generic: round(generic) };
}
