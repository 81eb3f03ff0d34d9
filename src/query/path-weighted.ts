// The cheapest path under informativeness costs: bidirectional Dijkstra over the CSR, with per-graph scratch arrays.
import type { GraphIndex } from "../graph/types.ts";
import type { Path, PathStep } from "./path-types.ts";
import { edgeAllowed, nodeAllowed, type Rules } from "./path-rules.ts";
import { costsOf } from "./path-score.ts";

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
export class Heap {
  keys = new Float64Array(1024);
  nodes = new Uint32Array(1024);
  size = 0;
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2), nodes = new Uint32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  /** Removes the smallest entry and returns its node (its key was keys[0] before the call). */
  pop(): number {
    const top = this.nodes[0];
    const key = this.keys[--this.size], node = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}

/** One side of the search. */
class Side {
  readonly seen: Uint32Array;
  readonly done: Uint32Array;
  readonly dist: Float64Array;
  readonly parent: Uint32Array;
  readonly parentForward: Uint8Array;
  readonly heap = new Heap();
  constructor(n: number) {
    this.seen = new Uint32Array(n);
    this.done = new Uint32Array(n);
    this.dist = new Float64Array(n);
    this.parent = new Uint32Array(n);
    this.parentForward = new Uint8Array(n);
  }
}

interface WeightedScratch {
  generation: number;
  fwd: Side;
  bwd: Side;
  /** Symmetric edge weight: the edge's cost plus half the cost of each end node (see cheapestPath). */
  weight: Float64Array;
}

const scratches = new WeakMap<GraphIndex, WeightedScratch>();

function scratchOf(g: GraphIndex): WeightedScratch {
  let s = scratches.get(g);
  if (s === undefined) {
    const { nodeCost, edgeCost } = costsOf(g);
    const weight = new Float64Array(g.edgeCount);
    for (let e = 0; e < g.edgeCount; e++) weight[e] = edgeCost[e] + (nodeCost[g.edgeSources[e]] + nodeCost[g.edgeTargets[e]]) / 2;
    s = { generation: 0, fwd: new Side(g.nodeCount), bwd: new Side(g.nodeCount), weight };
    scratches.set(g, s);
  }
  if (s.generation === 0xffffffff) {
    for (const side of [s.fwd, s.bwd]) {
      side.seen.fill(0);
      side.done.fill(0);
    }
    s.generation = 0;
  }
  s.generation++;
  return s;
}

/**
 * The cheapest path from `from` to `to`, or undefined. Node costs are folded into edge weights symmetrically (half
 * of each end's cost per edge), so a path's weight is its cost plus the constant half cost of its two ends and both
 * searches see the same weights; stops when the two heaps' tops together reach the best meeting. There is no hop
 * limit here: one inside the search would let a cheap long route shadow a costlier short one (and, measured at 1M
 * triples, sent some searches over the whole graph to report no path); path-informative.ts applies it.
 * `limit` bounds the weight: nothing as heavy or heavier is searched for.
 */
export function cheapestPath(r: Rules, from: number, to: number, limit = Infinity): Path | undefined {
  const g = r.g;
  const s = scratchOf(g);
  const gen = s.generation;
  const { outOffsets, outEdgeIds, inOffsets, inEdgeIds, edgeSources, edgeTargets } = g;
  const start = (side: Side, n: number) => {
    side.heap.size = 0;
    side.seen[n] = gen;
    side.dist[n] = 0;
    side.heap.push(0, n);
  };
  start(s.fwd, from);
  start(s.bwd, to);
  // A path weighing `limit` or more is of no use to the caller (Yen already holds enough cheaper candidates).
  let best = limit, meet = -1;
  while (s.fwd.heap.size > 0 && s.bwd.heap.size > 0) {
    if (s.fwd.heap.keys[0] + s.bwd.heap.keys[0] >= best) break;
    const forwardSide = s.fwd.heap.size <= s.bwd.heap.size;
    const side = forwardSide ? s.fwd : s.bwd, other = forwardSide ? s.bwd : s.fwd;
    const key = side.heap.keys[0];
    const u = side.heap.pop();
    if (side.done[u] === gen || key > side.dist[u]) continue;
    side.done[u] = gen;
    const ends = forwardSide ? to : from;
    for (let pass = 0; pass < 2; pass++) {
      // Forward side travels out-edges subject→object; the backward side walks toward `from`, so in-edges are.
      const useOut = forwardSide ? pass === 0 : pass === 1;
      if (pass === 1 && r.directed) break;
      const offsets = useOut ? outOffsets : inOffsets;
      const ids = useOut ? outEdgeIds : inEdgeIds;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) {
        const e = ids[i];
        const v = useOut ? edgeTargets[e] : edgeSources[e];
        if (side.done[v] === gen || !edgeAllowed(r, e)) continue;
        if (v !== ends && !nodeAllowed(r, v)) continue;
        const d = key + s.weight[e];
        if (side.seen[v] !== gen || d < side.dist[v]) {
          side.seen[v] = gen;
          side.dist[v] = d;
          side.parent[v] = e;
          side.parentForward[v] = forwardSide === useOut ? 1 : 0;
          side.heap.push(d, v);
        }
        if (other.seen[v] === gen && side.dist[v] + other.dist[v] < best) {
          best = side.dist[v] + other.dist[v];
          meet = v;
        }
      }
    }
  }
  return meet < 0 ? undefined : walk(g, s, from, to, meet);
}

/** The path through the meeting node (undefined if the two halves crossed, which exact weights rule out). */
function walk(g: GraphIndex, s: WeightedScratch, from: number, to: number, meet: number): Path | undefined {
  const nodes: number[] = [];
  const steps: PathStep[] = [];
  for (let v = meet; v !== from; ) {
    const e = s.fwd.parent[v];
    const forward = s.fwd.parentForward[v] === 1;
    nodes.push(v);
    steps.push({ edge: e, forward });
    v = forward ? g.edgeSources[e] : g.edgeTargets[e];
  }
  nodes.push(from);
  nodes.reverse();
  steps.reverse();
  for (let v = meet; v !== to; ) {
    const e = s.bwd.parent[v];
    const forward = s.bwd.parentForward[v] === 1;
    steps.push({ edge: e, forward });
    v = forward ? g.edgeTargets[e] : g.edgeSources[e];
    nodes.push(v);
  }
  return new Set(nodes).size === nodes.length ? { nodes, steps } : undefined;
}
