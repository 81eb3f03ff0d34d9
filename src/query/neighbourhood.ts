// The neighbourhood of some nodes: a pruned BFS to a depth, by direction, predicate and class, capped for hubs.
import type { GraphIndex } from "../graph/types.ts";

export type Direction = "out" | "in" | "both";

export interface NeighbourhoodOptions {
  /** Hops from the centers; default 1. */
  depth?: number;
  /** "out" follows edges subject→object, "in" object→subject; default "both". */
  direction?: Direction;
  /** Allowed predicate term ids (all when absent or empty). */
  predicates?: number[];
  /** Reached nodes must have one of these class term ids (centers always count); all when absent or empty. */
  classes?: number[];
  /** Cap on nodes (centers included); default 500. */
  limit?: number;
  /** Also return the allowed edges between returned nodes that the traversal did not cross (e.g. between two
   * nodes at the last depth), whatever their direction; default false. */
  induced?: boolean;
  /** Edges for which this returns false are not followed (source constraints: corroboration.ts). */
  edgeFilter?: (edge: number) => boolean;
}

export interface Neighbourhood {
  centers: number[];
  /** Nodes in BFS order with their distance from the nearest center (centers first, at depth 0). */
  nodes: { node: number; depth: number }[];
  /** Edges between returned nodes that the traversal crossed (with `induced`, all allowed ones), sorted by id. */
  edges: number[];
  /** Whether `limit` stopped the traversal before it was complete. */
  truncated: boolean;
}

class Scratch {
  generation = 0;
  readonly seen: Uint32Array;
  readonly depth: Uint32Array;
  readonly edgeSeen: Uint32Array;
  readonly queue: Uint32Array;
  /** The edges found, before sorting (a typed sort is several times faster than sorting a JS array). */
  readonly edgeList: Uint32Array;

  constructor(nodeCount: number, edgeCount: number) {
    this.edgeList = new Uint32Array(edgeCount);
    this.seen = new Uint32Array(nodeCount);
    this.depth = new Uint32Array(nodeCount);
    this.edgeSeen = new Uint32Array(edgeCount);
    this.queue = new Uint32Array(nodeCount);
  }

  next(): number {
    if (this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.edgeSeen.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const scratches = new WeakMap<GraphIndex, Scratch>();

/** Nodes within `depth` hops of the centers and the edges among them that the traversal crossed. */
export function neighbourhood(g: GraphIndex, centers: number[], options: NeighbourhoodOptions = {}): Neighbourhood {
  const maxDepth = options.depth ?? 1;
  const direction = options.direction ?? "both";
  const limit = options.limit ?? 500;
  for (const c of centers) {
    if (!Number.isInteger(c) || c < 0 || c >= g.nodeCount) {
      throw new RangeError(`query/neighbourhood: center ${c} is not in the graph (node ids are 0..${g.nodeCount - 1})`);
    }
  }
  if (!(maxDepth >= 0)) throw new RangeError(`query/neighbourhood: depth must be 0 or more, not ${maxDepth}`);
  if (!["out", "in", "both"].includes(direction)) {
    throw new RangeError(`query/neighbourhood: direction must be "out", "in" or "both", not "${direction}"`);
  }
  let scratch = scratches.get(g);
  if (scratch === undefined) {
    scratch = new Scratch(g.nodeCount, g.edgeCount);
    scratches.set(g, scratch);
  }
  const gen = scratch.next();
  const { seen, depth, edgeSeen, queue, edgeList } = scratch;
  const allowed = options.predicates?.length ? new Set(options.predicates) : undefined;
  const classes = options.classes?.length ? new Set(options.classes) : undefined;
  const edgeFilter = options.edgeFilter;
  const classOk = (n: number) => {
    if (classes === undefined) return true;
    for (let i = g.nodeClassOffsets[n]; i < g.nodeClassOffsets[n + 1]; i++) if (classes.has(g.nodeClassTerms[i])) return true;
    return false;
  };

  let tail = 0;
  let truncated = false;
  const uniqueCenters: number[] = [];
  for (const c of centers) {
    if (seen[c] === gen) continue;
    if (tail >= limit) {
      truncated = true;
      break;
    }
    seen[c] = gen;
    depth[c] = 0;
    queue[tail++] = c;
    uniqueCenters.push(c);
  }
  let edgeCount = 0;
  const useOut = direction !== "in";
  const useIn = direction !== "out";
  // Class-rejected nodes get this mark so they are tested once, not once per edge.
  const rejected = (gen ^ 0x80000000) >>> 0;

  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    if (depth[u] >= maxDepth) continue;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 0 ? !useOut : !useIn) continue;
      const offsets = pass === 0 ? g.outOffsets : g.inOffsets;
      const ids = pass === 0 ? g.outEdgeIds : g.inEdgeIds;
      const other = pass === 0 ? g.edgeTargets : g.edgeSources;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) {
        const e = ids[i];
        if (allowed !== undefined && !allowed.has(g.edgePredicates[e])) continue;
        if (edgeFilter !== undefined && !edgeFilter(e)) continue;
        const v = other[e];
        if (seen[v] !== gen) {
          if (seen[v] === rejected) continue;
          if (!classOk(v)) {
            seen[v] = rejected;
            continue;
          }
          if (tail >= limit) {
            truncated = true;
            continue;
          }
          seen[v] = gen;
          depth[v] = depth[u] + 1;
          queue[tail++] = v;
        }
        if (edgeSeen[e] !== gen) {
          edgeSeen[e] = gen;
          edgeList[edgeCount++] = e;
        }
      }
    }
  }
  if (options.induced) {
    for (let i = 0; i < tail; i++) {
      const u = queue[i];
      for (let j = g.outOffsets[u]; j < g.outOffsets[u + 1]; j++) {
        const e = g.outEdgeIds[j];
        if (edgeSeen[e] === gen || seen[g.edgeTargets[e]] !== gen) continue;
        if (allowed !== undefined && !allowed.has(g.edgePredicates[e])) continue;
        if (edgeFilter !== undefined && !edgeFilter(e)) continue;
        edgeSeen[e] = gen;
        edgeList[edgeCount++] = e;
      }
    }
  }
  const nodes: { node: number; depth: number }[] = [];
  for (let i = 0; i < tail; i++) nodes.push({ node: queue[i], depth: depth[queue[i]] });
  const edges = Array.from(edgeList.subarray(0, edgeCount).sort());
  return { centers: uniqueCenters, nodes, edges, truncated };
}
