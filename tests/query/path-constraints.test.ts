// Evidence constraints: a date range keeps relations dated within it (by evidence or event), event kinds keep other events off the path.
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/cli/graph.ts";
import { applyConstraints, eventClasses } from "../../src/query/path-constraints.ts";
import { resolveNode, resolveTerm } from "../../src/query/names.ts";
import { findPaths, type Path } from "../../src/query/path.ts";

describe("path constraints on the bundled graph", async () => {
  const { graph: g } = await loadGraph(undefined);
  const n = (name: string) => resolveNode(g, name);
  const c = (name: string) => resolveTerm(g, name, "class");
  const route = (p: Path) => p.nodes.map((node) => g.label(node)).join(" > ");

  it("a date range keeps only relations dated within it", () => {
    const options = applyConstraints(g, { fromDate: "2020-03", toDate: "2020-04" }, { k: 3 });
    const paths = findPaths(g, n("Huawei"), n("Kenya"), options);
    expect(paths.map(route)[0]).toBe("Huawei > Huawei’s donation of video conference equipment to the Kenyan government > Kenya");
    // Without the range the partnership of 2014 and the undated "body of" relations connect them in 2 hops too.
    expect(findPaths(g, n("Huawei"), n("Kenya"), { k: 3 }).map(route)).toContain("Huawei > Kenyan police > Kenya");
    for (const path of paths) expect(route(path)).not.toContain("Kenyan police");
    expect(findPaths(g, n("Huawei"), n("Kenya"), applyConstraints(g, { fromDate: "2030" }))).toEqual([]);
    expect(findPaths(g, n("Huawei"), n("Nairobi"), applyConstraints(g, { toDate: "2014" })).map(route)).toEqual([
      "Huawei > Huawei–Kenyan police partnership in Nairobi > Nairobi",
    ]);
  });

  it("event kinds keep events of other kinds off the path", () => {
    expect(eventClasses(g).has(c("kg:Donation"))).toBe(true);
    expect(eventClasses(g).has(c("kg:Country"))).toBe(false);
    const options = applyConstraints(g, { eventKinds: [c("kg:Deployment")] }, { k: 10, excludeNodes: [n("Lebanon’s Ministry of Health")] });
    const paths = findPaths(g, n("Dahua"), n("Lebanon"), options);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(route(path)).not.toContain("donation");
    expect(paths.map(route)).toContain("Dahua > Dahua AI-enabled temperature screening cameras > Deployment of Dahua’s cameras at Beirut Airport > Lebanon");
    const unconstrained = findPaths(g, n("Dahua"), n("Lebanon"), { k: 10, excludeNodes: [n("Lebanon’s Ministry of Health")] });
    expect(unconstrained.map(route).some((r) => r.includes("donation"))).toBe(true);
    expect(() => applyConstraints(g, { eventKinds: [c("kg:Country")] })).toThrow(/not a kind of event/);
    expect(() => applyConstraints(g, { fromDate: "March 2020" })).toThrow(/not a date/);
  });
});
