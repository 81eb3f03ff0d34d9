// Paths between two nodes: shortest (bidirectional BFS), all shortest (the BFS DAG), k shortest simple (Yen), over the CSR.
import type { GraphIndex } from "../graph/types.ts";
import { allShortestPaths } from "./path-all-shortest.ts";
import { shortestPath } from "./path-bfs.ts";
import { informativePaths } from "./path-informative.ts";
import { compileRules } from "./path-rules.ts";
import type { Path, PathOptions } from "./path-types.ts";
import { yen } from "./path-yen.ts";

export type { Path, PathOptions, PathStep } from "./path-types.ts";

function checkNode(g: GraphIndex, n: number, role: string): void {
  if (!Number.isInteger(n) || n < 0 || n >= g.nodeCount) {
    throw new RangeError(`query/path: ${role} node ${n} is not in the graph (node ids are 0..${g.nodeCount - 1})`);
  }
}

/** Paths from `from` to `to`, shortest (or, with rank "informative", most informative) first; no path within the options is an empty list. */
export function findPaths(g: GraphIndex, from: number, to: number, options: PathOptions = {}): Path[] {
  checkNode(g, from, "from");
  checkNode(g, to, "to");
  const k = options.k ?? 1;
  const maxLength = options.maxLength ?? 6;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`query/path: k must be a positive integer, not ${k}`);
  if (!(maxLength >= 0)) throw new RangeError(`query/path: maxLength must be 0 or more, not ${maxLength}`);
  const rules = compileRules(g, options);
  if (from === to) return [{ nodes: [from], steps: [] }];
  if (options.allShortest) return allShortestPaths(rules, from, to, maxLength, options.limit ?? 100);
  if (options.rank === "informative") return informativePaths(rules, from, to, k, maxLength);
  const first = shortestPath(rules, from, to, maxLength);
  if (first === undefined) return [];
  return k === 1 ? [first] : yen(rules, first, to, k, maxLength);
}
