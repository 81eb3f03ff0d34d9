// Paths between two nodes: shortest (bidirectional BFS), all shortest (the BFS DAG), k shortest simple (Yen), over the CSR.
import type { GraphIndex } from "../graph/types.ts";

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

/** Per-graph scratch arrays, reused across queries: a generation stamp marks what the current query touched. */
class Scratch {
  generation = 0;
  blockGeneration = 0;
  readonly fwdSeen: Uint32Array;
  readonly bwdSeen: Uint32Array;
  readonly fwdDist: Uint32Array;
  readonly bwdDist: Uint32Array;
  readonly fwdParent: Uint32Array;
  readonly bwdParent: Uint32Array;
  /** 1 when the parent edge was travelled from subject to object on the way from `from` to `to`. */
  readonly fwdParentForward: Uint8Array;
  readonly bwdParentForward: Uint8Array;
  readonly fwdQueue: Uint32Array;
  readonly bwdQueue: Uint32Array;
  readonly blockedNodes: Uint32Array;
  readonly blockedEdges: Uint32Array;

  constructor(nodeCount: number, edgeCount: number) {
    this.fwdSeen = new Uint32Array(nodeCount);
    this.bwdSeen = new Uint32Array(nodeCount);
    this.fwdDist = new Uint32Array(nodeCount);
    this.bwdDist = new Uint32Array(nodeCount);
    this.fwdParent = new Uint32Array(nodeCount);
    this.bwdParent = new Uint32Array(nodeCount);
    this.fwdParentForward = new Uint8Array(nodeCount);
    this.bwdParentForward = new Uint8Array(nodeCount);
    this.fwdQueue = new Uint32Array(nodeCount);
    this.bwdQueue = new Uint32Array(nodeCount);
    this.blockedNodes = new Uint32Array(nodeCount);
    this.blockedEdges = new Uint32Array(edgeCount);
  }

  nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.fwdSeen.fill(0);
      this.bwdSeen.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  nextBlockGeneration(): number {
    if (this.blockGeneration === 0xffffffff) {
      this.blockedNodes.fill(0);
      this.blockedEdges.fill(0);
      this.blockGeneration = 0;
    }
    return ++this.blockGeneration;
  }
}

const scratches = new WeakMap<GraphIndex, Scratch>();

function scratchOf(g: GraphIndex): Scratch {
  let scratch = scratches.get(g);
  if (scratch === undefined) {
    scratch = new Scratch(g.nodeCount, g.edgeCount);
    scratches.set(g, scratch);
  }
  return scratch;
}

/** What a search may use: compiled once per query. */
interface Rules {
  g: GraphIndex;
  directed: boolean;
  allowed: Set<number> | undefined;
  excludedPredicates: Set<number> | undefined;
  excludedClasses: Set<number> | undefined;
  excludedNodes: Set<number> | undefined;
  scratch: Scratch;
  /** Nodes and edges with blockedNodes/blockedEdges equal to this are blocked (Yen's spur exclusions). */
  block: number;
}

function edgeAllowed(r: Rules, e: number): boolean {
  const p = r.g.edgePredicates[e];
  if (r.allowed !== undefined && !r.allowed.has(p)) return false;
  if (r.excludedPredicates !== undefined && r.excludedPredicates.has(p)) return false;
  return r.scratch.blockedEdges[e] !== r.block;
}

/** Whether an intermediate node may be used (the search's ends are checked by the caller). */
function nodeAllowed(r: Rules, n: number): boolean {
  if (r.scratch.blockedNodes[n] === r.block) return false;
  if (r.excludedNodes !== undefined && r.excludedNodes.has(n)) return false;
  if (r.excludedClasses !== undefined) {
    const { nodeClassOffsets, nodeClassTerms } = r.g;
    for (let i = nodeClassOffsets[n]; i < nodeClassOffsets[n + 1]; i++) if (r.excludedClasses.has(nodeClassTerms[i])) return false;
  }
  return true;
}

const nonEmptySet = (ids: number[] | undefined) => (ids !== undefined && ids.length > 0 ? new Set(ids) : undefined);

function checkNode(g: GraphIndex, n: number, role: string): void {
  if (!Number.isInteger(n) || n < 0 || n >= g.nodeCount) {
    throw new RangeError(`query/path: ${role} node ${n} is not in the graph (node ids are 0..${g.nodeCount - 1})`);
  }
}

/** Paths from `from` to `to`, shortest first; no path within the options is an empty list. */
export function findPaths(g: GraphIndex, from: number, to: number, options: PathOptions = {}): Path[] {
  checkNode(g, from, "from");
  checkNode(g, to, "to");
  const k = options.k ?? 1;
  const maxLength = options.maxLength ?? 6;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`query/path: k must be a positive integer, not ${k}`);
  if (!(maxLength >= 0)) throw new RangeError(`query/path: maxLength must be 0 or more, not ${maxLength}`);
  const scratch = scratchOf(g);
  const rules: Rules = {
    g,
    directed: options.directed ?? false,
    allowed: nonEmptySet(options.predicates),
    excludedPredicates: nonEmptySet(options.excludePredicates),
    excludedClasses: nonEmptySet(options.excludeClasses),
    excludedNodes: nonEmptySet(options.excludeNodes),
    scratch,
    block: scratch.nextBlockGeneration(),
  };
  if (from === to) return [{ nodes: [from], steps: [] }];
  if (options.allShortest) return allShortestPaths(rules, from, to, maxLength, options.limit ?? 100);
  const first = shortestPath(rules, from, to, maxLength);
  if (first === undefined) return [];
  return k === 1 ? [first] : yen(rules, first, to, k, maxLength);
}

/** The state of a finished bidirectional search: distance, levels reached and the generation stamping it. */
interface Meeting {
  distance: number;
  meet: number;
  generation: number;
  fwdLevel: number;
  bwdLevel: number;
  /** Queue segments: nodes at forward level d are fwdQueue[fwdLevelStart[d] .. fwdLevelStart[d + 1]). */
  fwdLevelStart: number[];
  bwdLevelStart: number[];
}

/**
 * Bidirectional BFS, one whole level at a time on the side with the smaller frontier. The first level that makes
 * the two sides touch gives the distance; finishing that level means every shortest path crosses the touch level.
 */
function bidirectionalSearch(r: Rules, from: number, to: number, maxLength: number): Meeting | undefined {
  const s = r.scratch;
  const gen = s.nextGeneration();
  const { outOffsets, outEdgeIds, inOffsets, inEdgeIds, edgeSources, edgeTargets } = r.g;
  s.fwdSeen[from] = gen;
  s.fwdDist[from] = 0;
  s.fwdQueue[0] = from;
  s.bwdSeen[to] = gen;
  s.bwdDist[to] = 0;
  s.bwdQueue[0] = to;
  const fwdLevelStart = [0, 1];
  const bwdLevelStart = [0, 1];
  let fwdLevel = 0, bwdLevel = 0;
  let best = Infinity, meet = -1;
  // The cost of expanding a frontier is the edges it will scan, so the side with fewer edges goes next:
  // a frontier of one hub is more work than one of a few leaves.
  const work = (u: number) => outOffsets[u + 1] - outOffsets[u] + (r.directed ? 0 : inOffsets[u + 1] - inOffsets[u]);
  const backWork = (u: number) => inOffsets[u + 1] - inOffsets[u] + (r.directed ? 0 : outOffsets[u + 1] - outOffsets[u]);
  let fwdWork = work(from), bwdWork = backWork(to);

  while (fwdLevel + bwdLevel < maxLength) {
    const fwdSize = fwdLevelStart[fwdLevel + 1] - fwdLevelStart[fwdLevel];
    const bwdSize = bwdLevelStart[bwdLevel + 1] - bwdLevelStart[bwdLevel];
    if (fwdSize === 0 || bwdSize === 0) return undefined;
    const forwardSide = fwdWork <= bwdWork;
    let nextWork = 0;
    const seen = forwardSide ? s.fwdSeen : s.bwdSeen;
    const dist = forwardSide ? s.fwdDist : s.bwdDist;
    const parent = forwardSide ? s.fwdParent : s.bwdParent;
    const parentForward = forwardSide ? s.fwdParentForward : s.bwdParentForward;
    const queue = forwardSide ? s.fwdQueue : s.bwdQueue;
    const otherSeen = forwardSide ? s.bwdSeen : s.fwdSeen;
    const otherDist = forwardSide ? s.bwdDist : s.fwdDist;
    const levelStart = forwardSide ? fwdLevelStart : bwdLevelStart;
    const level = forwardSide ? fwdLevel : bwdLevel;
    const goal = forwardSide ? to : from;
    let tail = levelStart[level + 1];
    // Forward side: out-edges are travelled subject→object; backward side walks toward `from`, so in-edges are.
    for (let qi = levelStart[level]; qi < levelStart[level + 1]; qi++) {
      const u = queue[qi];
      for (let pass = 0; pass < 2; pass++) {
        const useOut = forwardSide ? pass === 0 : pass === 1;
        if (pass === 1 && r.directed) break;
        const offsets = useOut ? outOffsets : inOffsets;
        const ids = useOut ? outEdgeIds : inEdgeIds;
        for (let i = offsets[u]; i < offsets[u + 1]; i++) {
          const e = ids[i];
          const v = useOut ? edgeTargets[e] : edgeSources[e];
          if (seen[v] === gen || !edgeAllowed(r, e)) continue;
          if (v !== goal && !nodeAllowed(r, v)) continue;
          seen[v] = gen;
          dist[v] = level + 1;
          parent[v] = e;
          // Travel direction from `from` to `to`: forward side goes u→v, backward side goes v→u.
          parentForward[v] = forwardSide === useOut ? 1 : 0;
          queue[tail++] = v;
          nextWork += forwardSide ? work(v) : backWork(v);
          if (otherSeen[v] === gen && level + 1 + otherDist[v] < best) {
            best = level + 1 + otherDist[v];
            meet = v;
          }
        }
      }
    }
    levelStart.push(tail);
    if (forwardSide) {
      fwdLevel++;
      fwdWork = nextWork;
    } else {
      bwdLevel++;
      bwdWork = nextWork;
    }
    if (meet >= 0) return { distance: best, meet, generation: gen, fwdLevel, bwdLevel, fwdLevelStart, bwdLevelStart };
  }
  return undefined;
}

function shortestPath(r: Rules, from: number, to: number, maxLength: number): Path | undefined {
  const found = bidirectionalSearch(r, from, to, maxLength);
  if (found === undefined) return undefined;
  const s = r.scratch;
  const g = r.g;
  const nodes: number[] = [];
  const steps: PathStep[] = [];
  for (let v = found.meet; v !== from; ) {
    const e = s.fwdParent[v];
    const forward = s.fwdParentForward[v] === 1;
    nodes.push(v);
    steps.push({ edge: e, forward });
    v = forward ? g.edgeSources[e] : g.edgeTargets[e];
  }
  nodes.push(from);
  nodes.reverse();
  steps.reverse();
  for (let v = found.meet; v !== to; ) {
    const e = s.bwdParent[v];
    const forward = s.bwdParentForward[v] === 1;
    steps.push({ edge: e, forward });
    v = forward ? g.edgeTargets[e] : g.edgeSources[e];
    nodes.push(v);
  }
  return lowestEdges(r, { nodes, steps });
}

/** Replaces each step's edge by the lowest-id allowed edge joining the same two nodes the same way round. */
function lowestEdges(r: Rules, path: Path): Path {
  const g = r.g;
  path.steps = path.steps.map((step, i) => {
    const a = path.nodes[i], b = path.nodes[i + 1];
    let best = step.edge;
    const [offsets, ids, other] = step.forward ? [g.outOffsets, g.outEdgeIds, g.edgeTargets] : [g.inOffsets, g.inEdgeIds, g.edgeSources];
    for (let j = offsets[a]; j < offsets[a + 1]; j++) {
      const e = ids[j];
      if (e < best && other[e] === b && edgeAllowed(r, e)) best = e;
    }
    return { edge: best, forward: step.forward };
  });
  return path;
}

/** A hop between two nodes as seen from `node`: the neighbour, the edge and whether it is travelled forward. */
interface Hop {
  node: number;
  edge: number;
  forward: boolean;
}

/**
 * Distinct neighbours of `node` on one side of the search DAG: nodes stamped in `seen` at distance `want`,
 * each reached by its lowest-id allowed edge. `towardFrom` walks back toward `from` (predecessors).
 */
function dagHops(r: Rules, node: number, seen: Uint32Array, dist: Uint32Array, want: number, gen: number, towardFrom: boolean): Hop[] {
  const g = r.g;
  const hops = new Map<number, Hop>();
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1 && r.directed) break;
    // Toward `from` in a directed search we follow in-edges backwards; toward `to`, out-edges.
    const useOut = towardFrom ? pass === 1 : pass === 0;
    const offsets = useOut ? g.outOffsets : g.inOffsets;
    const ids = useOut ? g.outEdgeIds : g.inEdgeIds;
    for (let i = offsets[node]; i < offsets[node + 1]; i++) {
      const e = ids[i];
      const v = useOut ? g.edgeTargets[e] : g.edgeSources[e];
      if (seen[v] !== gen || dist[v] !== want || !edgeAllowed(r, e)) continue;
      // Travel from `from` to `to`: toward `from` the hop is v→node, so forward when the edge goes v→node.
      const forward = towardFrom ? !useOut : useOut;
      const previous = hops.get(v);
      if (previous === undefined || (previous.forward === forward ? e < previous.edge : forward && !previous.forward)) {
        hops.set(v, { node: v, edge: e, forward });
      }
    }
  }
  return [...hops.values()].sort((a, b) => a.node - b.node);
}

function allShortestPaths(r: Rules, from: number, to: number, maxLength: number, limit: number): Path[] {
  const found = bidirectionalSearch(r, from, to, maxLength);
  if (found === undefined || limit <= 0) return [];
  const s = r.scratch;
  const gen = found.generation;
  const split = found.fwdLevel;
  const back = found.distance - split;
  const middles: number[] = [];
  for (let qi = found.fwdLevelStart[split]; qi < found.fwdLevelStart[split + 1]; qi++) {
    const m = s.fwdQueue[qi];
    if (s.bwdSeen[m] === gen && s.bwdDist[m] === back) middles.push(m);
  }
  middles.sort((a, b) => a - b);
  const results: Path[] = [];

  // Halves are enumerated lazily so that `limit` bounds the work, not just the output.
  const prefixes = function* (node: number): Generator<Path> {
    if (node === from) {
      yield { nodes: [from], steps: [] };
      return;
    }
    for (const hop of dagHops(r, node, s.fwdSeen, s.fwdDist, s.fwdDist[node] - 1, gen, true)) {
      for (const head of prefixes(hop.node)) {
        yield { nodes: [...head.nodes, node], steps: [...head.steps, { edge: hop.edge, forward: hop.forward }] };
      }
    }
  };
  const suffixes = function* (node: number): Generator<Path> {
    if (node === to) {
      yield { nodes: [to], steps: [] };
      return;
    }
    for (const hop of dagHops(r, node, s.bwdSeen, s.bwdDist, s.bwdDist[node] - 1, gen, false)) {
      for (const tail of suffixes(hop.node)) {
        yield { nodes: [node, ...tail.nodes], steps: [{ edge: hop.edge, forward: hop.forward }, ...tail.steps] };
      }
    }
  };
  for (const middle of middles) {
    for (const head of prefixes(middle)) {
      for (const tail of suffixes(middle)) {
        results.push({ nodes: [...head.nodes, ...tail.nodes.slice(1)], steps: [...head.steps, ...tail.steps] });
        if (results.length >= limit) return results;
      }
    }
  }
  return results;
}

/** Yen's k shortest simple paths (as node sequences), each spur search a bidirectional BFS with exclusions. */
function yen(r: Rules, first: Path, to: number, k: number, maxLength: number): Path[] {
  const g = r.g;
  const s = r.scratch;
  const accepted: Path[] = [first];
  const candidates: Path[] = [];
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
        // Block every edge between the spur node and the next node, so parallel edges cannot repeat the path.
        for (let i = g.outOffsets[spur]; i < g.outOffsets[spur + 1]; i++) {
          if (g.edgeTargets[g.outEdgeIds[i]] === next) s.blockedEdges[g.outEdgeIds[i]] = r.block;
        }
        for (let i = g.inOffsets[spur]; i < g.inOffsets[spur + 1]; i++) {
          if (g.edgeSources[g.inEdgeIds[i]] === next) s.blockedEdges[g.inEdgeIds[i]] = r.block;
        }
      }
      for (let i = 0; i < spurIndex; i++) s.blockedNodes[root[i]] = r.block;
      const spurPath = shortestPath(r, spur, to, maxLength - spurIndex);
      if (spurPath === undefined) continue;
      const candidate: Path = {
        nodes: [...root, ...spurPath.nodes.slice(1)],
        steps: [...previous.steps.slice(0, spurIndex), ...spurPath.steps],
      };
      const key = candidate.nodes.join(",");
      if (known.has(key)) continue;
      known.add(key);
      candidates.push(candidate);
    }
    if (candidates.length === 0) break;
    // Stable: equal lengths keep discovery order, so results are deterministic.
    let bestIndex = 0;
    for (let i = 1; i < candidates.length; i++) if (candidates[i].nodes.length < candidates[bestIndex].nodes.length) bestIndex = i;
    accepted.push(candidates.splice(bestIndex, 1)[0]);
  }
  r.block = s.nextBlockGeneration();
  return accepted;
}
