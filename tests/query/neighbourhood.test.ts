// Neighbourhoods: depth, direction, predicate and class filters, the node cap for hubs.
import { describe, expect, it } from "vitest";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { helpers, loadNetwork } from "./network.ts";

describe("neighbourhood", async () => {
  const g = await loadNetwork();
  const { n, p, c, labels } = helpers(g);
  const names = (result: ReturnType<typeof neighbourhood>) => labels(result.nodes.map((x) => x.node)).sort();

  it("returns the center and its neighbours at depth 1, with the edges between them", () => {
    const result = neighbourhood(g, [n("Dahua")]);
    expect(result.centers).toEqual([n("Dahua")]);
    expect(result.nodes[0]).toEqual({ node: n("Dahua"), depth: 0 });
    expect(names(result)).toEqual(["China", "Dahua"]);
    expect(result.edges.map((e) => g.termLabel(g.edgePredicates[e]))).toEqual(["is headquartered in"]);
    expect(result.truncated).toBe(false);
  });

  it("goes deeper with depth, recording each node's distance", () => {
    const result = neighbourhood(g, [n("Dahua")], { depth: 2 });
    expect(names(result)).toEqual(["China", "DJI", "Dahua", "Digital Silk Road", "Hikvision", "Huawei", "ZTE", "shenzhen"]);
    expect(result.nodes.find((x) => x.node === n("Huawei"))!.depth).toBe(2);
    for (const e of result.edges) {
      const inside = new Set(result.nodes.map((x) => x.node));
      expect(inside.has(g.edgeSources[e]) && inside.has(g.edgeTargets[e])).toBe(true);
    }
  });

  it("follows one direction when asked", () => {
    expect(names(neighbourhood(g, [n("China")], { direction: "out" }))).toEqual(["China", "Digital Silk Road"]);
    const incoming = names(neighbourhood(g, [n("China")], { direction: "in" }));
    expect(incoming).toEqual(["China", "DJI", "Dahua", "Hikvision", "Huawei", "ZTE", "shenzhen"]);
  });

  it("filters by predicate", () => {
    const result = neighbourhood(g, [n("Huawei")], { predicates: [p("donates to"), p("builds")] });
    expect(names(result)).toEqual(["Government of Kenya", "Huawei", "Nairobi Safe City"]);
  });

  it("filters reached nodes by class, never the centers", () => {
    const result = neighbourhood(g, [n("China")], { classes: [c("company")], depth: 2 });
    expect(names(result)).toEqual(["China", "DJI", "Dahua", "Hikvision", "Huawei", "ZTE"]);
    // Class-filtered nodes are not crossed either: the government is two hops away only via ZTE or Huawei.
    const noCrossing = neighbourhood(g, [n("Kenya")], { classes: [c("country")], depth: 3 });
    expect(names(noCrossing)).toEqual(["Kenya"]);
  });

  it("caps a hub's neighbourhood and says it was truncated", () => {
    const result = neighbourhood(g, [n("China")], { limit: 3 });
    expect(result.nodes).toHaveLength(3);
    expect(result.truncated).toBe(true);
    expect(result.nodes[0].node).toBe(n("China"));
    const full = neighbourhood(g, [n("China")]);
    expect(full.truncated).toBe(false);
  });

  it("adds the edges among the returned nodes when induced", () => {
    // Two hops from Kenya reach Huawei (via the government) and Nairobi Safe City (via Nairobi): Huawei builds it.
    const plain = neighbourhood(g, [n("Kenya")], { depth: 2 });
    const induced = neighbourhood(g, [n("Kenya")], { depth: 2, induced: true });
    expect(names(induced)).toEqual(names(plain));
    const onlyInduced = induced.edges.filter((e) => !plain.edges.includes(e));
    expect(onlyInduced.map((e) => g.termLabel(g.edgePredicates[e]))).toEqual(["builds"]);
    expect(labels([g.edgeSources[onlyInduced[0]], g.edgeTargets[onlyInduced[0]]])).toEqual(["Huawei", "Nairobi Safe City"]);
    const filtered = neighbourhood(g, [n("Kenya")], { depth: 2, induced: true, predicates: [p("governs"), p("donates to"), p("is located in")] });
    expect(filtered.edges.map((e) => g.termLabel(g.edgePredicates[e])).sort()).toEqual(["donates to", "governs", "is located in", "is located in"]);
  });

  it("accepts several centers and depth 0", () => {
    const result = neighbourhood(g, [n("Dahua"), n("Hikvision"), n("Dahua")]);
    expect(result.centers).toEqual([n("Dahua"), n("Hikvision")]);
    expect(names(result)).toEqual(["China", "Dahua", "Hikvision"]);
    expect(neighbourhood(g, [n("Dahua")], { depth: 0 }).nodes).toEqual([{ node: n("Dahua"), depth: 0 }]);
  });

  it("rejects bad input with a fixable message", () => {
    expect(() => neighbourhood(g, [g.nodeCount])).toThrow(/^query\/neighbourhood: center/);
    expect(() => neighbourhood(g, [0], { direction: "sideways" as never })).toThrow(/direction must be/);
  });
});
