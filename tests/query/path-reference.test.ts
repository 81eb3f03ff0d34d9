// Paths checked against brute force on seeded random multigraphs: distances, every shortest path, k shortest lengths.
import { describe, expect, it } from "vitest";
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { findPaths, type Path } from "../../src/query/path.ts";
import { parseText } from "../helpers/rdf.ts";

/** A seeded PRNG (mulberry32), so every run tests the same graphs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turtle for a random multigraph: `nodes` entities, `edges` triples over 3 predicates (parallel edges likely). */
function randomTurtle(seed: number, nodes: number, edges: number): string {
  const next = random(seed);
  const lines = ["@prefix ex: <http://example.org/> ."];
  for (let i = 0; i < nodes; i++) lines.push(`ex:n${i} ex:name "n${i}" .`);
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(next() * nodes), b = Math.floor(next() * nodes);
    if (a !== b) lines.push(`ex:n${a} ex:p${Math.floor(next() * 3)} ex:n${b} .`);
  }
  return lines.join("\n");
}

/** Every simple path (as node sequences) from a to b with at most maxLength hops, by depth-first search. */
function allSimplePaths(g: GraphIndex, a: number, b: number, maxLength: number, directed: boolean, banned: Set<number>): string[] {
  const neighbours = (u: number) => {
    const out = new Set<number>();
    for (let i = g.outOffsets[u]; i < g.outOffsets[u + 1]; i++) out.add(g.edgeTargets[g.outEdgeIds[i]]);
    if (!directed) for (let i = g.inOffsets[u]; i < g.inOffsets[u + 1]; i++) out.add(g.edgeSources[g.inEdgeIds[i]]);
    return [...out];
  };
  const found: string[] = [];
  const walk = (u: number, path: number[]) => {
    if (u === b) {
      found.push(path.join(","));
      return;
    }
    if (path.length > maxLength) return;
    for (const v of neighbours(u)) {
      if (path.includes(v) || (v !== b && banned.has(v))) continue;
      walk(v, [...path, v]);
    }
  };
  walk(a, [a]);
  return found;
}

const hops = (key: string) => key.split(",").length - 1;
const keyOf = (path: Path) => path.nodes.join(",");

function expectValid(g: GraphIndex, path: Path, directed: boolean) {
  path.steps.forEach((step, i) => {
    const [s, t] = [g.edgeSources[step.edge], g.edgeTargets[step.edge]];
    expect(step.forward ? [s, t] : [t, s]).toEqual([path.nodes[i], path.nodes[i + 1]]);
    if (directed) expect(step.forward).toBe(true);
  });
}

describe("findPaths against brute force", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const directed of [false, true]) {
      it(`agrees on random graph ${seed} (${directed ? "directed" : "undirected"})`, async () => {
        const g = projectGraph(await parseText(randomTurtle(seed, 14, 30)));
        const next = random(seed * 7919);
        for (let trial = 0; trial < 12; trial++) {
          const a = Math.floor(next() * g.nodeCount), b = Math.floor(next() * g.nodeCount);
          if (a === b) continue;
          const banned = new Set(trial % 3 === 0 ? [Math.floor(next() * g.nodeCount)] : []);
          const options = { directed, maxLength: 6, excludeNodes: [...banned] };
          const reference = allSimplePaths(g, a, b, 6, directed, banned);
          const lengths = reference.map(hops).sort((x, y) => x - y);

          const shortest = findPaths(g, a, b, options);
          if (reference.length === 0) {
            expect(shortest).toEqual([]);
            continue;
          }
          expect(shortest.map((p) => p.steps.length)).toEqual([lengths[0]]);
          expectValid(g, shortest[0], directed);

          const all = findPaths(g, a, b, { ...options, allShortest: true, limit: 1000 });
          expect(all.map(keyOf).sort()).toEqual(reference.filter((key) => hops(key) === lengths[0]).sort());
          all.forEach((p) => expectValid(g, p, directed));

          const k = findPaths(g, a, b, { ...options, k: 5 });
          expect(k.map((p) => p.steps.length)).toEqual(lengths.slice(0, 5));
          expect(new Set(k.map(keyOf)).size).toBe(k.length);
          for (const p of k) {
            expect(reference).toContain(keyOf(p));
            expectValid(g, p, directed);
          }
        }
      });
    }
  }
});
