// Informative ranking: score parts, hub and generic-predicate penalties, cheapest-first order, and the same filters as shortest paths.
import { describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { findPaths, type Path } from "../../src/query/path.ts";
import { pathCost } from "../../src/query/path-informative.ts";
import { scorePath } from "../../src/query/path-score.ts";
import { resolveNode } from "../../src/query/names.ts";
import { helpers, loadNetwork } from "./network.ts";

/** A to B: two hops through a hub that 20 leaves hang on, or three hops through nodes of degree 2. */
async function hubGraph() {
  const leaves = Array.from({ length: 20 }, (_, i) => `ex:hub ex:near ex:leaf${i} .`).join("\n");
  const text = `@prefix ex: <http://example.org/> .
ex:a ex:near ex:hub . ex:hub ex:near ex:b .
ex:a ex:knows ex:x . ex:x ex:funds ex:y . ex:y ex:trains ex:b .
${leaves}`;
  return projectGraph(await loadDataset([{ text, name: "hub.ttl", format: "turtle" }]));
}

describe("informative ranking", async () => {
  const g = await hubGraph();
  const n = (name: string) => resolveNode(g, `http://example.org/${name}`);
  const route = (path: Path) => path.nodes.map((node) => g.label(node)).join(" > ");

  it("prefers a longer path of specific nodes and predicates to a short one through a hub", () => {
    expect(findPaths(g, n("a"), n("b")).map(route)).toEqual(["a > hub > b"]);
    const ranked = findPaths(g, n("a"), n("b"), { k: 2, rank: "informative" });
    expect(ranked.map(route)).toEqual(["a > x > y > b", "a > hub > b"]);
  });

  it("scores each path by its parts: hops + hub + generic", () => {
    const [specific, viaHub] = findPaths(g, n("a"), n("b"), { k: 2, rank: "informative" });
    // hub degree 22 (a, b and 20 leaves); ex:near is used 22 times, the other three predicates once each.
    expect(scorePath(g, viaHub)).toEqual({ hops: 2, hub: 4.46, generic: 4.46, total: 10.92 });
    expect(scorePath(g, specific)).toEqual({ hops: 3, hub: 2, generic: 0, total: 5 });
    expect(pathCost(g, specific)).toBeCloseTo(5, 10);
  });

  it("applies the same filters as the shortest ranking", () => {
    expect(findPaths(g, n("a"), n("b"), { rank: "informative", excludeNodes: [n("x")] }).map(route)).toEqual(["a > hub > b"]);
    expect(findPaths(g, n("a"), n("b"), { rank: "informative", directed: true, k: 3 }).map(route)).toEqual(["a > x > y > b", "a > hub > b"]);
    expect(findPaths(g, n("b"), n("a"), { rank: "informative", directed: true })).toEqual([]);
    expect(findPaths(g, n("a"), n("b"), { rank: "informative", maxLength: 2 }).map(route)).toEqual(["a > hub > b"]);
  });
});

describe("informative ranking on the network fixture", async () => {
  const g = await loadNetwork();
  const { n } = helpers(g);

  it("returns distinct, well-formed simple paths, cheapest first", () => {
    const paths = findPaths(g, n("Huawei"), n("Kenya"), { k: 5, rank: "informative" });
    expect(paths.length).toBeGreaterThan(1);
    expect(new Set(paths.map((p) => p.nodes.join(","))).size).toBe(paths.length);
    const costs = paths.map((p) => pathCost(g, p));
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    for (const path of paths) {
      expect(new Set(path.nodes).size).toBe(path.nodes.length);
      path.steps.forEach((step, i) => {
        const [s, t] = [g.edgeSources[step.edge], g.edgeTargets[step.edge]];
        expect(step.forward ? [s, t] : [t, s]).toEqual([path.nodes[i], path.nodes[i + 1]]);
      });
    }
    // The same set of paths as Yen by hops would give when asked for enough of them, just ordered by cost.
    const byHops = findPaths(g, n("Huawei"), n("Kenya"), { k: 50 }).map((p) => p.nodes.join(","));
    for (const path of paths) expect(byHops).toContain(path.nodes.join(","));
  });
});
