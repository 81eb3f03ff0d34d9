// Shortest paths by bidirectional BFS over the CSR: the search (shared with all-shortest enumeration) and one path out of it.
import type { Path, PathStep } from "./path-types.ts";
import { edgeAllowed, nodeAllowed, type Rules } from "./path-rules.ts";

/** The state of a finished bidirectional search: distance, levels reached and the generation stamping it. */
export interface Meeting {
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
export function bidirectionalSearch(r: Rules, from: number, to: number, maxLength: number): Meeting | undefined {
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

export function shortestPath(r: Rules, from: number, to: number, maxLength: number): Path | undefined {
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
