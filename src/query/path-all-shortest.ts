// All shortest paths: every path through the meeting level of the bidirectional BFS's DAG, enumerated lazily up to a limit.
import type { Path } from "./path-types.ts";
import { bidirectionalSearch } from "./path-bfs.ts";
import { edgeAllowed, type Rules } from "./path-rules.ts";

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

export function allShortestPaths(r: Rules, from: number, to: number, maxLength: number, limit: number): Path[] {
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
