// What a path search may use: the options compiled once per query into rules, over per-graph scratch arrays reused across queries.
import type { GraphIndex } from "../graph/types.ts";
import type { PathOptions } from "./path-types.ts";

/** Per-graph scratch arrays, reused across queries: a generation stamp marks what the current query touched. */
export class Scratch {
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
export interface Rules {
  g: GraphIndex;
  directed: boolean;
  allowed: Set<number> | undefined;
  excludedPredicates: Set<number> | undefined;
  excludedClasses: Set<number> | undefined;
  excludedNodes: Set<number> | undefined;
  edgeFilter: ((edge: number) => boolean) | undefined;
  scratch: Scratch;
  /** Nodes and edges with blockedNodes/blockedEdges equal to this are blocked (Yen's spur exclusions). */
  block: number;
}

export function edgeAllowed(r: Rules, e: number): boolean {
  const p = r.g.edgePredicates[e];
  if (r.allowed !== undefined && !r.allowed.has(p)) return false;
  if (r.excludedPredicates !== undefined && r.excludedPredicates.has(p)) return false;
  if (r.edgeFilter !== undefined && !r.edgeFilter(e)) return false;
  return r.scratch.blockedEdges[e] !== r.block;
}

/** Whether an intermediate node may be used (the search's ends are checked by the caller). */
export function nodeAllowed(r: Rules, n: number): boolean {
  if (r.scratch.blockedNodes[n] === r.block) return false;
  if (r.excludedNodes !== undefined && r.excludedNodes.has(n)) return false;
  if (r.excludedClasses !== undefined) {
    const { nodeClassOffsets, nodeClassTerms } = r.g;
    for (let i = nodeClassOffsets[n]; i < nodeClassOffsets[n + 1]; i++) if (r.excludedClasses.has(nodeClassTerms[i])) return false;
  }
  return true;
}

const nonEmptySet = (ids: number[] | undefined) => (ids !== undefined && ids.length > 0 ? new Set(ids) : undefined);

/** The rules of one query; a fresh block generation, so no earlier query's Yen exclusions apply. */
export function compileRules(g: GraphIndex, options: PathOptions): Rules {
  const scratch = scratchOf(g);
  return {
    g,
    directed: options.directed ?? false,
    allowed: nonEmptySet(options.predicates),
    excludedPredicates: nonEmptySet(options.excludePredicates),
    excludedClasses: nonEmptySet(options.excludeClasses),
    excludedNodes: nonEmptySet(options.excludeNodes),
    edgeFilter: options.edgeFilter,
    scratch,
    block: scratch.nextBlockGeneration(),
  };
}
