// kg connect --rank informative on the bundled graph: the tree moves off the hubs, and costs less than the fewest-relations tree.
import { describe, expect, it } from "vitest";
import { connect, scoreConnection, type Connection } from "../../src/query/connect.ts";
import { treeCost } from "../../src/query/connect-informative.ts";
import { loadGraph } from "../../src/cli/graph.ts";
import { resolveNode } from "../../src/query/names.ts";

describe("connect --rank informative (bundled graph)", async () => {
  const { graph: g } = await loadGraph(undefined);
  const n = (name: string) => resolveNode(g, name);
  const degree = (node: number) => g.outOffsets[node + 1] - g.outOffsets[node] + g.inOffsets[node + 1] - g.inOffsets[node];
  /** Entities of the tree not asked about that have 20 or more relations (China, the BRI, Huawei, the central government, ...). */
  const hubs = (c: Connection) => c.nodes.filter((node) => !c.terminals.includes(node) && degree(node) >= 20).map((node) => g.label(node)).sort();

  /** A tree over its nodes joining every terminal, every leaf a terminal. */
  function expectTree(c: Connection) {
    expect(c.unreached).toEqual([]);
    expect(c.edges.length).toBe(c.nodes.length - 1);
    const seen = new Set([c.terminals[0]]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of c.edges) {
        const [s, t] = [g.edgeSources[e], g.edgeTargets[e]];
        if (seen.has(s) === seen.has(t)) continue;
        seen.add(s).add(t);
        grew = true;
      }
    }
    for (const node of c.nodes) expect(seen.has(node), g.label(node)).toBe(true);
    const ends = new Map<number, number>();
    for (const e of c.edges) for (const end of [g.edgeSources[e], g.edgeTargets[e]]) ends.set(end, (ends.get(end) ?? 0) + 1);
    for (const [node, count] of ends) if (count === 1) expect(c.terminals, g.label(node)).toContain(node);
  }

  it("joins Italy, Spain, the Philippines and Kenya through DJI's municipalities instead of Huawei and IBM", () => {
    const terminals = ["Italy", "Spain", "Philippines", "Kenya"].map(n);
    const byHops = connect(g, terminals);
    const informative = connect(g, terminals, { rank: "informative" });
    expectTree(byHops);
    expectTree(informative);
    // The fewest-relations tree runs through Huawei (73 relations): the AIGS lists it as a supplier to each country.
    expect(hubs(byHops)).toEqual(["Belt and Road Initiative", "Huawei"]);
    expect(hubs(informative)).toEqual(["Belt and Road Initiative"]);
    expect(informative.nodes).toContain(n("Municipalities in Spain, Italy and the Philippines"));
    const [hopScore, informativeScore] = [scoreConnection(g, byHops), scoreConnection(g, informative)];
    expect(informativeScore.total).toBeLessThan(hopScore.total);
    expect(informativeScore.hub).toBeLessThan(hopScore.hub);
    expect(informativeScore.total).toBeCloseTo(informativeScore.hops + informativeScore.hub + informativeScore.generic, 1);
    expect(treeCost(g, terminals, informative.edges)).toBeCloseTo(informativeScore.total, 1);
  });

  it("joins Kenya, Pakistan, Lebanon and Thailand without Huawei, at a lower cost", () => {
    const terminals = ["Kenya", "Pakistan", "Lebanon", "Thailand"].map(n);
    const byHops = connect(g, terminals);
    const informative = connect(g, terminals, { rank: "informative" });
    expectTree(informative);
    expect(hubs(byHops)).toContain("Huawei");
    expect(hubs(informative)).not.toContain("Huawei");
    expect(hubs(informative).length).toBeLessThan(hubs(byHops).length);
    expect(scoreConnection(g, informative).total).toBeLessThan(scoreConnection(g, byHops).total);
  });

  it("never costs more than the fewest-relations tree, and keeps the filters", () => {
    const sets = [
      ["Huawei", "Kenya", "Digital Silk Road", "Communist Party of China"],
      ["DJI", "Digital Silk Road", "Dahua"],
      ["Huawei", "Dahua", "DJI", "Lebanon"],
      ["DJI", "Digital Silk Road", "Communist Party of China"],
    ];
    for (const names of sets) {
      const terminals = names.map(n);
      const informative = connect(g, terminals, { rank: "informative" });
      expectTree(informative);
      expect(scoreConnection(g, informative).total, names.join(", ")).toBeLessThanOrEqual(scoreConnection(g, connect(g, terminals)).total);
    }
    const noChina = connect(g, ["DJI", "Digital Silk Road", "Dahua"].map(n), { rank: "informative", excludeNodes: [n("China")] });
    expect(noChina.nodes).not.toContain(n("China"));
    expectTree(noChina);
  });
});
