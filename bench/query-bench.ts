// Query benchmarks on a projected graph: shortest paths, 2-hop neighbourhoods and search-as-you-type, timed per call.
import type { GraphIndex } from "../src/graph/types.ts";
import { mulberry32 } from "./generate.ts";
import { collectGarbage, summarize, timeSync, type Summary } from "./stats.ts";

/** Connected components of the graph with edge direction ignored (union-find with path halving). */
export function undirectedComponents(g: GraphIndex): Uint32Array {
  const parent = new Uint32Array(g.nodeCount);
  for (let n = 0; n < g.nodeCount; n++) parent[n] = n;
  const find = (n: number) => {
    while (parent[n] !== n) n = parent[n] = parent[parent[n]];
    return n;
  };
  for (let e = 0; e < g.edgeCount; e++) {
    const a = find(g.edgeSources[e]), b = find(g.edgeTargets[e]);
    if (a !== b) parent[a] = b;
  }
  for (let n = 0; n < g.nodeCount; n++) parent[n] = find(n);
  return parent;
}

export interface NodePairs {
  reachable: Array<[number, number]>;
  unreachable: Array<[number, number]>;
}

/**
 * Random pairs in the largest component (a path exists, edge direction ignored) and pairs from the largest
 * component to a small island (no path). Schema nodes are left out: users ask about entities.
 */
export function pickPairs(g: GraphIndex, count: number, seed: number): NodePairs {
  const random = mulberry32(seed);
  const component = undirectedComponents(g);
  const sizes = new Map<number, number>();
  for (let n = 0; n < g.nodeCount; n++) if (g.degree(n) > 0) sizes.set(component[n], (sizes.get(component[n]) ?? 0) + 1);
  let main = -1, mainSize = 0;
  for (const [root, size] of sizes) if (size > mainSize) [main, mainSize] = [root, size];
  const inMain: number[] = [], outside: number[] = [];
  for (let n = 0; n < g.nodeCount; n++) {
    if (g.isSchema(n) || g.degree(n) === 0) continue;
    (component[n] === main ? inMain : outside).push(n);
  }
  const any = (list: number[]) => list[Math.floor(random() * list.length)];
  const reachable: Array<[number, number]> = [], unreachable: Array<[number, number]> = [];
  while (reachable.length < count && inMain.length > 1) {
    const a = any(inMain), b = any(inMain);
    if (a !== b) reachable.push([a, b]);
  }
  // Both directions: a search from the big side must still stop quickly.
  for (let i = 0; i < count && outside.length > 0; i++) unreachable.push(i % 2 ? [any(inMain), any(outside)] : [any(outside), any(inMain)]);
  return { reachable, unreachable };
}

/** The nodes of highest degree, highest first. */
export function topHubs(g: GraphIndex, count: number): number[] {
  const nodes = Array.from({ length: g.nodeCount }, (_, n) => n).filter((n) => !g.isSchema(n));
  nodes.sort((a, b) => g.degree(b) - g.degree(a) || a - b);
  return nodes.slice(0, count);
}

/**
 * Times fn once per input, after an untimed warm-up pass over (up to) the first `warmup` inputs so the code is
 * compiled. Every sample is kept as measured: a call that a busy machine descheduled counts, since a user waits
 * for it too; that is why the load average is quoted beside the figures.
 */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 20): Summary {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]);
  collectGarbage();
  return summarize(inputs.map((input) => timeSync(() => fn(input))));
}

/** The prefixes a user types on the way to each label: "H", "Hu", "Hua", ... */
export function keystrokes(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const label of labels) for (let i = 1; i <= label.length; i++) out.push(label.slice(0, i));
  return out;
}

/** Labels to type: some of the hubs' (common words, many matches) and some random entities'. */
export function labelsToType(g: GraphIndex, hubs: readonly number[], count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const labels = hubs.slice(0, Math.ceil(count / 2)).map((n) => g.label(n));
  while (labels.length < count) {
    const n = Math.floor(random() * g.nodeCount);
    if (!g.isSchema(n)) labels.push(g.label(n));
  }
  return labels;
}
