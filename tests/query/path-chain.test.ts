// Path titles point each arrow the way its relation runs (issue 14: a hop travelled backwards showed →).
import { describe, expect, it } from "vitest";
import { findPaths } from "../../src/query/path.ts";
import { pathChain } from "../../src/query/path-chain.ts";
import { bundledGraph, kgr } from "../session/fixtures.ts";

describe("pathChain", () => {
  it("writes → along a relation and ← against it", () => {
    expect(pathChain(["A"], [])).toBe("A");
    expect(pathChain(["A", "B", "C"], [true, false])).toBe("A → B ← C");
  });

  it("on the bundled graph: a path from Kenya to Huawei runs against Huawei's relations, and says so", async () => {
    const graph = await bundledGraph();
    const [path] = findPaths(graph, graph.nodeByIri(kgr("kenya")), graph.nodeByIri(kgr("huawei")), { k: 1 });
    const labels = path.nodes.map((n) => graph.label(n));
    const chain = pathChain(labels, path.steps.map((s) => s.forward));
    // Each arrow agrees with the triple: → when the earlier node is the subject, ← when it is the object.
    const arrows = [...chain.matchAll(/[→←]/g)].map((m) => m[0]);
    expect(arrows).toEqual(path.steps.map((s, i) => (graph.edgeSources[s.edge] === path.nodes[i] ? "→" : "←")));
    expect(arrows).toContain("←");
    expect(chain.startsWith("Kenya ")).toBe(true);
    expect(chain.endsWith(" Huawei")).toBe(true);
  });
});
