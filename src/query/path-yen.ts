// k shortest simple paths (Yen's algorithm): spur searches are bidirectional BFS with the root's nodes and used edges blocked.
import type { Path } from "./path-types.ts";
import { shortestPath } from "./path-bfs.ts";
import type { Rules } from "./path-rules.ts";

/**
 * Starts a new exclusion generation for a spur search from the last node of `root`: the root's other nodes are
 * blocked (paths stay simple), and so is every edge from that node to the next node of each accepted path sharing
 * the root, parallel edges included, so the spur cannot repeat an accepted path.
 */
export function blockRoot(r: Rules, accepted: readonly Path[], root: readonly number[]): void {
  const { g, scratch: s } = r;
  const spurIndex = root.length - 1, spur = root[spurIndex];
  r.block = s.nextBlockGeneration();
  for (const path of accepted) {
    if (path.nodes.length <= spurIndex + 1 || !root.every((n, i) => path.nodes[i] === n)) continue;
    const next = path.nodes[spurIndex + 1];
    for (let i = g.outOffsets[spur]; i < g.outOffsets[spur + 1]; i++) {
      if (g.edgeTargets[g.outEdgeIds[i]] === next) s.blockedEdges[g.outEdgeIds[i]] = r.block;
    }
    for (let i = g.inOffsets[spur]; i < g.inOffsets[spur + 1]; i++) {
      if (g.edgeSources[g.inEdgeIds[i]] === next) s.blockedEdges[g.inEdgeIds[i]] = r.block;
    }
  }
  for (let i = 0; i < spurIndex; i++) s.blockedNodes[root[i]] = r.block;
}

/** The root of `previous` up to its spur joined to the spur's path, or undefined when that path was met before (`known` keeps node sequences). */
export function joinAtSpur(previous: Path, spurIndex: number, spurPath: Path, known: Set<string>): Path | undefined {
  const nodes = [...previous.nodes.slice(0, spurIndex + 1), ...spurPath.nodes.slice(1)];
  const key = nodes.join(",");
  if (known.has(key)) return undefined;
  known.add(key);
  return { nodes, steps: [...previous.steps.slice(0, spurIndex), ...spurPath.steps] };
}

/** Yen's k shortest simple paths (as node sequences), each spur search a bidirectional BFS with exclusions. */
export function yen(r: Rules, first: Path, to: number, k: number, maxLength: number): Path[] {
  const s = r.scratch;
  const accepted: Path[] = [first];
  const candidates: Path[] = [];
  const known = new Set<string>([first.nodes.join(",")]);
  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    for (let spurIndex = 0; spurIndex < previous.nodes.length - 1; spurIndex++) {
      const spur = previous.nodes[spurIndex];
      const root = previous.nodes.slice(0, spurIndex + 1);
      blockRoot(r, accepted, root);
      const spurPath = shortestPath(r, spur, to, maxLength - spurIndex);
      if (spurPath === undefined) continue;
      const candidate = joinAtSpur(previous, spurIndex, spurPath, known);
      if (candidate) candidates.push(candidate);
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
