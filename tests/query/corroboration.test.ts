// Corroboration on the bundled graph: which sources state a relation, "stated by N sources", and paths and neighbourhoods constrained by source.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import { edgeSources, graphSources, sourceEdgeFilter, statedBy, withSourceConstraints } from "../../src/query/corroboration.ts";
import { explainPath } from "../../src/query/explain.ts";
import { neighbourhoodToJson, pathsToJson } from "../../src/query/json.ts";
import { resolveNode } from "../../src/query/names.ts";
import { neighbourhood, type NeighbourhoodOptions } from "../../src/query/neighbourhood.ts";
import { findPaths, type PathOptions } from "../../src/query/path.ts";
import { loadFiles, repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f));
const g = projectGraph(await loadFiles([...turtleIn("ontology"), ...turtleIn("graph-data")]));
const n = (name: string) => resolveNode(g, name);
const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const brief = kgr("euiss-brief-2020-10");
const aigs2019 = kgr("carnegie-aigs-2019");
const aigs2022 = kgr("carnegie-aigs-2022");

describe("corroboration", () => {
  it("names the distinct sources of a relation's evidence", () => {
    const [path] = findPaths(g, n("Huawei"), n("Ecuador"));
    expect(path.steps).toHaveLength(1);
    expect(edgeSources(g, path.steps[0].edge).map((s) => s.iri).sort()).toEqual([aigs2019, aigs2022]);
    // Two evidence nodes of one brief quote and its catalogue record are two sources; two quotes of the brief are one.
    const [kenya] = findPaths(g, n("Huawei"), n("Kenyan government"), { predicates: [g.dataset.terms.iriId("https://w3id.org/smartcity-kg/ontology#suppliesTo")] });
    expect(edgeSources(g, kenya.steps[0].edge).map((s) => s.iri)).toEqual([brief]);
    expect(statedBy(1)).toBe("stated by 1 source");
    expect(statedBy(2)).toBe("stated by 2 sources");
  });

  it("lists the graph's sources with the relations each states", () => {
    const sources = graphSources(g);
    const count = (iri: string) => sources.find((s) => s.iri === iri)?.edges;
    expect(count(aigs2022)).toBeGreaterThan(250);
    expect(count(aigs2019)).toBeGreaterThan(250);
    expect(count(brief)).toBeGreaterThan(200);
    expect(sources.find((s) => s.iri === aigs2019)!.label).toBe("Carnegie AI Global Surveillance Index, 2019");
  });

  it("explains a hop two sources state with both, and JSON lists them with row-level evidence", () => {
    const paths = findPaths(g, n("Huawei"), n("Ecuador"), { k: 1 });
    expect(explainPath(g, paths[0])[0]).toMatch(/^Huawei supplies AI surveillance technology to Ecuador — "Huawei" \(row \d+ \(Ecuador\), “Company 1”, Carnegie AI Global Surveillance Index, 20\d\d.*\)\. Stated by 2 sources: Carnegie AI Global Surveillance Index, 2019; Carnegie AI Global Surveillance Index, 2022 update\.$/);
    const [edge] = pathsToJson(g, paths).paths[0].edges;
    expect(edge.sources.map((s) => s.iri).sort()).toEqual([aigs2019, aigs2022]);
    expect(edge.evidence.find((e) => e.source === aigs2022)).toMatchObject({ quote: "Huawei", row: 56, column: "Company 1", date: "2022" });
  });

  it("constrains paths to relations stated by at least N sources, or by a given source", () => {
    const base: PathOptions = { k: 1, maxLength: 6 };
    // The brief alone links Huawei to Kenya through the Kenyan government; the index directly.
    const byBrief = findPaths(g, n("Huawei"), n("Kenya"), withSourceConstraints(g, { sources: [brief] }, base));
    expect(byBrief).toHaveLength(1);
    for (const step of byBrief[0].steps) expect(edgeSources(g, step.edge).some((s) => s.iri === brief)).toBe(true);
    expect(byBrief[0].steps.length).toBeGreaterThan(1);
    const corroborated = findPaths(g, n("Huawei"), n("Kenya"), withSourceConstraints(g, { minSources: 2 }, base));
    expect(corroborated[0].steps.every((s) => edgeSources(g, s.edge).length >= 2)).toBe(true);
    // Nothing is stated by three sources: no path.
    expect(findPaths(g, n("Huawei"), n("Kenya"), withSourceConstraints(g, { minSources: 3 }, base))).toEqual([]);
    expect(() => sourceEdgeFilter(g, { minSources: 0.5 })).toThrow(/whole number/);
    expect(sourceEdgeFilter(g, { minSources: 1 })).toBeUndefined();
  });

  it("constrains neighbourhoods the same way: the 2019 index's countries for Huawei, none of the brief's relations", () => {
    const all = neighbourhood(g, [n("Huawei")], { limit: 1000 });
    const only2019 = neighbourhood(g, [n("Huawei")], withSourceConstraints<NeighbourhoodOptions>(g, { sources: [aigs2019] }, { limit: 1000 }));
    expect(only2019.edges.length).toBeGreaterThan(30);
    expect(only2019.edges.length).toBeLessThan(all.edges.length);
    for (const e of only2019.edges) expect(edgeSources(g, e).map((s) => s.iri)).toContain(aigs2019);
    const json = neighbourhoodToJson(g, only2019);
    expect(json.nodes.map((x) => x.label)).toContain("Ecuador");
    expect(json.nodes.map((x) => x.label)).not.toContain("Kenyan government");
  });

  it("shows a disagreement between the vintages on the relation the other states", () => {
    const [path] = findPaths(g, n("Argentina"), n("Belt and Road Initiative"), { k: 1 });
    const [edge] = pathsToJson(g, [path]).paths[0].edges;
    expect(edge.sources.map((s) => s.iri)).toEqual([aigs2022]);
    expect(edge.evidence[0].disagreement).toMatch(/2019 \(row 2, “ BRI Member\?”: empty\) does not mark Argentina as a member/);
  });
});
