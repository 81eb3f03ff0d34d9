// The path query's public shapes: the options a caller gives and the paths it gets back.

export interface PathOptions {
  /** How many shortest simple paths, in length order (Yen's algorithm); default 1. */
  k?: number;
  /** Every shortest path (up to `limit`) instead of k paths. */
  allShortest?: boolean;
  /** Longest path in hops; default 6. */
  maxLength?: number;
  /** Follow edges only in their direction; default false (travel either way). */
  directed?: boolean;
  /** Allowed predicate term ids (all when absent or empty). */
  predicates?: number[];
  excludePredicates?: number[];
  /** Intermediate nodes with any of these class term ids are avoided (the two ends are always allowed). */
  excludeClasses?: number[];
  /** Intermediate nodes to avoid (e.g. a hub). */
  excludeNodes?: number[];
  /** Cap on all-shortest enumeration; default 100. */
  limit?: number;
  /** Order of the k paths: fewest hops first (default), or most informative first (path-score.ts). */
  rank?: "shortest" | "informative";
  /** Edges for which this returns false are not used (evidence constraints: path-constraints.ts). */
  edgeFilter?: (edge: number) => boolean;
}

export interface PathStep {
  edge: number;
  /** Whether the edge was travelled from its subject to its object. */
  forward: boolean;
}

/**
 * A walk from nodes[0] to nodes[nodes.length - 1]; steps[i] joins nodes[i] and nodes[i + 1]. Paths are distinct
 * as node sequences: between two consecutive nodes joined by parallel edges, the edge with the lowest id that the
 * options allow stands for them (the edges of a pair are all in the graph for callers that want them).
 */
export interface Path {
  nodes: number[];
  steps: PathStep[];
}
