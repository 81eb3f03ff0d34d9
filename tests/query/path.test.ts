// Paths: shortest, all shortest, k shortest simple paths, direction, predicate/class/node filters, maxLength, no path.
import { describe, expect, it } from "vitest";
import { findPaths, type Path } from "../../src/query/path.ts";
import { helpers, loadNetwork } from "./network.ts";

describe("findPaths", async () => {
  const g = await loadNetwork();
  const { n, p, c, labels } = helpers(g);
  const route = (path: Path) => labels(path.nodes).join(" > ");
  const predicateOf = (path: Path) => path.steps.map((s) => g.termLabel(g.edgePredicates[s.edge]));

  /** Each step joins its two nodes by its edge, in the stated direction. */
  function expectWellFormed(path: Path) {
    expect(path.steps).toHaveLength(path.nodes.length - 1);
    path.steps.forEach((step, i) => {
      const [a, b] = [path.nodes[i], path.nodes[i + 1]];
      const [s, t] = [g.edgeSources[step.edge], g.edgeTargets[step.edge]];
      expect(step.forward ? [s, t] : [t, s]).toEqual([a, b]);
    });
    expect(new Set(path.nodes).size).toBe(path.nodes.length);
  }

  it("finds the shortest path, travelling edges either way", () => {
    const [path, ...rest] = findPaths(g, n("Huawei"), n("Kenya"));
    expect(rest).toEqual([]);
    expect(route(path)).toBe("Huawei > Government of Kenya > Kenya");
    expectWellFormed(path);
    // Between Huawei and the government there are two parallel edges: the lowest id stands for them.
    expect(predicateOf(path)).toEqual(["donates to", "governs"]);

    const back = findPaths(g, n("Kenya"), n("Huawei"))[0];
    expect(route(back)).toBe("Kenya > Government of Kenya > Huawei");
    expect(back.steps.map((s) => s.forward)).toEqual([false, false]);
    expectWellFormed(back);
  });

  it("follows edge direction only when asked", () => {
    expect(findPaths(g, n("ZTE"), n("Huawei")).length).toBe(1);
    expect(findPaths(g, n("ZTE"), n("Huawei"), { directed: true })).toEqual([]);
    const directed = findPaths(g, n("Huawei"), n("Kenya"), { directed: true });
    expect(route(directed[0])).toBe("Huawei > Government of Kenya > Kenya");
    expect(findPaths(g, n("Kenya"), n("Huawei"), { directed: true })).toEqual([]);
  });

  it("returns every shortest path, one per node sequence", () => {
    const paths = findPaths(g, n("ZTE"), n("Huawei"), { allShortest: true });
    expect(paths.map(route).sort()).toEqual(["ZTE > China > Huawei", "ZTE > Government of Kenya > Huawei"]);
    paths.forEach(expectWellFormed);
    expect(findPaths(g, n("ZTE"), n("Huawei"), { allShortest: true, limit: 1 })).toHaveLength(1);
    const fromHub = findPaths(g, n("Dahua"), n("DJI"), { allShortest: true });
    expect(fromHub.map(route)).toEqual(["Dahua > China > DJI"]);
  });

  it("returns k distinct simple paths in length order", () => {
    const paths = findPaths(g, n("Huawei"), n("Kenya"), { k: 3 });
    expect(paths.map(route)).toEqual([
      "Huawei > Government of Kenya > Kenya",
      "Huawei > Nairobi Safe City > Nairobi > Kenya",
      "Huawei > China > ZTE > Government of Kenya > Kenya",
    ]);
    paths.forEach(expectWellFormed);
    for (let i = 1; i < paths.length; i++) expect(paths[i].nodes.length).toBeGreaterThanOrEqual(paths[i - 1].nodes.length);
  });

  it("returns fewer than k paths when there are fewer", () => {
    const paths = findPaths(g, n("Digital Silk Road"), n("Belt and Road Initiative"), { k: 5 });
    expect(paths.map(route)).toEqual(["Digital Silk Road > Belt and Road Initiative"]);
  });

  it("restricts paths to allowed predicates", () => {
    const [path] = findPaths(g, n("Huawei"), n("Kenya"), { predicates: [p("builds"), p("is located in")] });
    expect(route(path)).toBe("Huawei > Nairobi Safe City > Nairobi > Kenya");
    expect(findPaths(g, n("Huawei"), n("Kenya"), { predicates: [p("builds")] })).toEqual([]);
  });

  it("avoids excluded predicates, using a parallel edge when one is left", () => {
    const [viaPartner] = findPaths(g, n("Huawei"), n("Kenya"), { excludePredicates: [p("donates to")] });
    expect(route(viaPartner)).toBe("Huawei > Government of Kenya > Kenya");
    expect(predicateOf(viaPartner)).toEqual(["partners with", "governs"]);
    const [detour] = findPaths(g, n("Huawei"), n("Kenya"), { excludePredicates: [p("donates to"), p("partners with")] });
    expect(route(detour)).toBe("Huawei > Nairobi Safe City > Nairobi > Kenya");
  });

  it("avoids excluded nodes and classes, finding a longer path", () => {
    const [avoidNode] = findPaths(g, n("Huawei"), n("Kenya"), { excludeNodes: [n("Government of Kenya")] });
    expect(route(avoidNode)).toBe("Huawei > Nairobi Safe City > Nairobi > Kenya");
    const [avoidClass] = findPaths(g, n("Huawei"), n("Kenya"), { excludeClasses: [c("government")] });
    expect(route(avoidClass)).toBe("Huawei > Nairobi Safe City > Nairobi > Kenya");
    // The ends are always allowed, even when they have an excluded class.
    const [companies] = findPaths(g, n("Huawei"), n("ZTE"), { excludeClasses: [c("company")] });
    expect(companies.nodes).toHaveLength(3);
  });

  it("routes around an excluded hub", () => {
    expect(route(findPaths(g, n("DJI"), n("Digital Silk Road"))[0])).toBe("DJI > China > Digital Silk Road");
    const [avoidChina] = findPaths(g, n("DJI"), n("Digital Silk Road"), { excludeNodes: [n("China")] });
    expect(route(avoidChina)).toBe("DJI > World Internet Conference > Cyberspace Administration of China > Digital Silk Road");
    expect(findPaths(g, n("Dahua"), n("Digital Silk Road"), { excludeNodes: [n("China")] })).toEqual([]);
  });

  it("respects maxLength", () => {
    expect(findPaths(g, n("Huawei"), n("Kenya"), { maxLength: 1 })).toEqual([]);
    expect(findPaths(g, n("Huawei"), n("Kenya"), { maxLength: 2 })).toHaveLength(1);
    const paths = findPaths(g, n("Huawei"), n("Kenya"), { k: 3, maxLength: 3 });
    expect(paths.map((path) => path.steps.length)).toEqual([2, 3]);
    expect(findPaths(g, n("Huawei"), n("Kenya"), { allShortest: true, maxLength: 1 })).toEqual([]);
  });

  it("returns [] when nothing connects the nodes", () => {
    expect(findPaths(g, n("Huawei"), n("Zürich"))).toEqual([]);
    expect(findPaths(g, n("Huawei"), n("Zürich"), { k: 3 })).toEqual([]);
    expect(findPaths(g, n("Huawei"), n("Zürich"), { allShortest: true })).toEqual([]);
  });

  it("gives the one-node path from a node to itself", () => {
    expect(findPaths(g, n("Huawei"), n("Huawei"))).toEqual([{ nodes: [n("Huawei")], steps: [] }]);
  });

  it("gives the same answers when called again (scratch arrays are reused)", () => {
    const first = findPaths(g, n("Huawei"), n("Kenya"), { k: 3 });
    findPaths(g, n("DJI"), n("Digital Silk Road"), { excludeNodes: [n("China")] });
    expect(findPaths(g, n("Huawei"), n("Kenya"), { k: 3 })).toEqual(first);
  });

  it("rejects node ids outside the graph with a fixable message", () => {
    expect(() => findPaths(g, -1, n("Kenya"))).toThrow(/^query\/path: from node -1 is not in the graph/);
    expect(() => findPaths(g, n("Kenya"), g.nodeCount)).toThrow(/^query\/path: to node/);
    expect(() => findPaths(g, n("Kenya"), n("Huawei"), { k: 0 })).toThrow(/^query\/path: k must be a positive integer/);
  });
});
