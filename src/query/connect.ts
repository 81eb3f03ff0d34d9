// Connecting several entities: the smallest connecting subgraph, approximated as a Steiner tree (Mehlhorn's 2-approximation).
import type { GraphIndex } from "../graph/types.ts";
import { compileRules, edgeAllowed, nodeAllowed, type Rules } from "./path-rules.ts";
import type { PathOptions } from "./path-types.ts";
import { connectInformative } from "./connect-informative.ts";
import { costsOf, scoreOfCosts, type PathScore } from "./path-score.ts";

export interface Connection {
  /** The entities asked about, in the order given (duplicates removed). */
  terminals: number[];
  /** Every node of the tree: the terminals and the entities joining them. */
  nodes: number[];
  /** The tree's edges (edge ids), each a relation with its evidence. */
  edges: number[];
  /** Terminals that no allowed path reaches from the first one (they are left out of the tree). */
  unreached: number[];
}

/**
 * A tree of relations joining all terminals, at most twice the size of the smallest (Mehlhorn 1988): a multi-source
 * BFS from the terminals gives each node its nearest terminal; each edge between two such regions proposes a
 * bridge between their terminals; a minimum spanning tree of those bridges (Kruskal), expanded back into paths,
 * is then trimmed of cycles and of leaves that are not terminals. Edges are followed either way; the path filters
 * and evidence constraints of `options` (predicates, excluded nodes and classes, edgeFilter) apply. With
 * `rank: "informative"` the tree is the cheapest under the informative costs instead (connect-informative.ts).
 */
export function connect(g: GraphIndex, terminalsGiven: readonly number[], options: PathOptions = {}): Connection {
  for (const t of terminalsGiven) {
    if (!Number.isInteger(t) || t < 0 || t >= g.nodeCount) throw new RangeError(`query/connect: node ${t} is not in the graph`);
  }
  const terminals = [...new Set(terminalsGiven)];
  if (terminals.length < 2) throw new RangeError(`query/connect: give at least two different entities, not ${terminals.length}`);
  const rules = compileRules(g, { ...options, directed: false });
  const byHops = connectByHops(g, terminals, rules);
  if (options.rank !== "informative") return byHops;
  const { edges, unreached } = connectInformative(rules, terminals, [byHops.edges]);
  const nodes = new Set(terminals.filter((t) => !unreached.includes(t)));
  for (const e of edges) nodes.add(g.edgeSources[e]).add(g.edgeTargets[e]);
  return { terminals, nodes: [...nodes], edges, unreached };
}

/** Mehlhorn's tree by hops, described above. */
function connectByHops(g: GraphIndex, terminals: number[], rules: Rules): Connection {
  const isTerminal = new Set(terminals);
  // Voronoi regions by BFS: region[n] is the index of n's nearest terminal, parent[n] the edge toward it.
  const region = new Int32Array(g.nodeCount).fill(-1);
  const dist = new Uint32Array(g.nodeCount);
  const parent = new Int32Array(g.nodeCount).fill(-1);
  const queue = new Uint32Array(g.nodeCount);
  let head = 0, tail = 0;
  terminals.forEach((t, i) => {
    region[t] = i;
    queue[tail++] = t;
  });
  const neighbours = (u: number, visit: (e: number, v: number) => void) => {
    for (let i = g.outOffsets[u]; i < g.outOffsets[u + 1]; i++) visit(g.outEdgeIds[i], g.edgeTargets[g.outEdgeIds[i]]);
    for (let i = g.inOffsets[u]; i < g.inOffsets[u + 1]; i++) visit(g.inEdgeIds[i], g.edgeSources[g.inEdgeIds[i]]);
  };
  const usable = (e: number, v: number) => edgeAllowed(rules, e) && (isTerminal.has(v) || nodeAllowed(rules, v));
  // Bridges between regions, the cheapest per pair of terminals: [length, edge].
  const bridges = new Map<number, [number, number]>();
  while (head < tail) {
    const u = queue[head++];
    neighbours(u, (e, v) => {
      if (!usable(e, v)) return;
      if (region[v] < 0) {
        region[v] = region[u];
        dist[v] = dist[u] + 1;
        parent[v] = e;
        queue[tail++] = v;
      } else if (region[v] !== region[u]) {
        const [a, b] = region[u] < region[v] ? [region[u], region[v]] : [region[v], region[u]];
        const key = a * terminals.length + b;
        const length = dist[u] + dist[v] + 1;
        const known = bridges.get(key);
        if (known === undefined || length < known[0] || (length === known[0] && e < known[1])) bridges.set(key, [length, e]);
      }
    });
  }
  // Kruskal over the bridges, shortest first (ties by edge id, so the answer is deterministic).
  const sorted = [...bridges.entries()].sort((x, y) => x[1][0] - y[1][0] || x[1][1] - y[1][1]);
  const set = terminals.map((_, i) => i);
  const find = (i: number): number => (set[i] === i ? i : (set[i] = find(set[i])));
  const treeEdges = new Set<number>();
  const walkHome = (n: number) => {
    for (let v = n; parent[v] >= 0; ) {
      const e = parent[v];
      treeEdges.add(e);
      v = g.edgeSources[e] === v ? g.edgeTargets[e] : g.edgeSources[e];
    }
  };
  for (const [key, [, e]] of sorted) {
    const a = find(Math.floor(key / terminals.length)), b = find(key % terminals.length);
    if (a === b) continue;
    set[a] = b;
    treeEdges.add(e);
    walkHome(g.edgeSources[e]);
    walkHome(g.edgeTargets[e]);
  }
  const joined = terminals.filter((_, i) => find(i) === find(0));
  const unreached = terminals.filter((_, i) => find(i) !== find(0));
  const edges = trim(g, treeEdges, new Set(joined));
  const nodes = new Set<number>(joined);
  for (const e of edges) {
    nodes.add(g.edgeSources[e]);
    nodes.add(g.edgeTargets[e]);
  }
  return { terminals, nodes: [...nodes], edges, unreached };
}

/** A spanning tree of the edges (BFS from a terminal, lowest edge ids first), less the non-terminal leaves, repeatedly. */
function trim(g: GraphIndex, edgeSet: Set<number>, terminals: Set<number>): number[] {
  if (edgeSet.size === 0) return [];
  const adjacency = new Map<number, number[]>();
  const add = (n: number, e: number) => (adjacency.get(n) ?? adjacency.set(n, []).get(n)!).push(e);
  for (const e of [...edgeSet].sort((a, b) => a - b)) {
    add(g.edgeSources[e], e);
    add(g.edgeTargets[e], e);
  }
  const start = [...terminals][0];
  const seen = new Set([start]);
  const tree = new Set<number>();
  for (const queue = [start]; queue.length > 0; ) {
    const u = queue.shift()!;
    for (const e of adjacency.get(u) ?? []) {
      const v = g.edgeSources[e] === u ? g.edgeTargets[e] : g.edgeSources[e];
      if (seen.has(v)) continue;
      seen.add(v);
      tree.add(e);
      queue.push(v);
    }
  }
  const degree = new Map<number, number>();
  for (const e of tree) for (const n of [g.edgeSources[e], g.edgeTargets[e]]) degree.set(n, (degree.get(n) ?? 0) + 1);
  for (let pruned = true; pruned; ) {
    pruned = false;
    for (const e of tree) {
      for (const n of [g.edgeSources[e], g.edgeTargets[e]]) {
        if (degree.get(n) === 1 && !terminals.has(n)) {
          tree.delete(e);
          degree.set(g.edgeSources[e], degree.get(g.edgeSources[e])! - 1);
          degree.set(g.edgeTargets[e], degree.get(g.edgeTargets[e])! - 1);
          pruned = true;
          break;
        }
      }
    }
  }
  return [...tree].sort((a, b) => a - b);
}

/**
 * How informative a connection is, in the parts of a path's score: its relations (hops), the hub cost of each
 * entity in it that was not asked about (once, however many of its relations the tree uses), and the
 * generic-predicate cost of its relations. Lower is more informative; trees of either ranking compare by it.
 */
export function scoreConnection(g: GraphIndex, c: Connection): PathScore {
  const { nodeCost, edgeGeneric } = costsOf(g);
  const asked = new Set(c.terminals);
  return scoreOfCosts(c.nodes.filter((n) => !asked.has(n)).map((n) => nodeCost[n]), c.edges.map((e) => edgeGeneric[e]));
}
