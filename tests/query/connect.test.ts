// Connecting several entities: a tree that joins every terminal, with no loose ends, filters applied, unreachable ones named.
import { describe, expect, it } from "vitest";
import { connect, type Connection } from "../../src/query/connect.ts";
import { connectionToJson } from "../../src/query/connect-json.ts";
import { findPaths } from "../../src/query/path.ts";
import { helpers, loadNetwork } from "./network.ts";

describe("connect", async () => {
  const g = await loadNetwork();
  const { n, labels } = helpers(g);

  /** A tree over its nodes, every terminal joined, every leaf a terminal. */
  function expectTree(c: Connection) {
    expect(c.edges.length).toBe(c.nodes.length - 1);
    const degree = new Map<number, number>();
    const parent = new Map(c.nodes.map((node) => [node, node]));
    const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
    for (const e of c.edges) {
      for (const end of [g.edgeSources[e], g.edgeTargets[e]]) {
        expect(c.nodes).toContain(end);
        degree.set(end, (degree.get(end) ?? 0) + 1);
      }
      parent.set(find(g.edgeSources[e]), find(g.edgeTargets[e]));
    }
    const joined = c.terminals.filter((t) => !c.unreached.includes(t));
    for (const t of joined) expect(find(t)).toBe(find(joined[0]));
    for (const [node, d] of degree) if (d === 1) expect(joined).toContain(node);
  }

  it("joins two entities by a shortest path", () => {
    const c = connect(g, [n("Huawei"), n("Kenya")]);
    expectTree(c);
    expect(c.edges.length).toBe(findPaths(g, n("Huawei"), n("Kenya"))[0].steps.length);
  });

  it("joins several entities in one tree, no bigger than the shortest paths from the first to the others", () => {
    const terminals = [n("Huawei"), n("Kenya"), n("Digital Silk Road"), n("Dahua")];
    const c = connect(g, terminals);
    expectTree(c);
    expect(c.unreached).toEqual([]);
    // A star of shortest paths from the first terminal is a connecting subgraph too: the tree is no bigger.
    const star = terminals.slice(1).reduce((sum, t) => sum + findPaths(g, terminals[0], t)[0].steps.length, 0);
    expect(c.edges.length).toBeLessThanOrEqual(star);
    expect(connectionToJson(g, c).explanation).toHaveLength(c.edges.length);
  });

  it("applies the path filters and names the entities it cannot reach", () => {
    const plain = connect(g, [n("DJI"), n("Digital Silk Road")]);
    expect(labels(plain.nodes)).toContain("China");
    const avoiding = connect(g, [n("DJI"), n("Digital Silk Road"), n("Zürich")], { excludeNodes: [n("China")] });
    expect(labels(avoiding.nodes)).not.toContain("China");
    expect(avoiding.unreached).toContain(n("Zürich"));
    expectTree(avoiding);
    expect(() => connect(g, [n("DJI"), n("DJI")])).toThrow(/at least two/);
  });
});
