// Subgraph export: the quads behind a path or neighbourhood, with evidence and node attributes, re-parse as Turtle.
import { describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { findPaths } from "../../src/query/path.ts";
import { subgraphQuads } from "../../src/query/subgraph.ts";
import { explainPath } from "../../src/query/explain.ts";
import { resolveNode } from "../../src/query/names.ts";
import { parseText } from "../helpers/rdf.ts";
import { helpers, loadNetwork } from "./network.ts";

describe("subgraphQuads", async () => {
  const g = await loadNetwork();
  const { n } = helpers(g);
  const [path] = findPaths(g, n("Huawei"), n("Kenya"));
  const quads = subgraphQuads(g, { nodes: path.nodes, edges: path.steps.map((s) => s.edge) });
  const ds = g.dataset;
  const texts = quads.map((q) => [ds.terms.key(ds.subjects[q]), ds.terms.key(ds.predicates[q]), ds.terms.key(ds.objects[q])].join(" "));

  it("is sorted and unique", () => {
    expect(quads).toEqual([...new Set(quads)].sort((a, b) => a - b));
  });

  it("holds the triples, their evidence with selectors, and the nodes' types, labels and links", () => {
    const has = (fragment: string) => texts.some((t) => t.includes(fragment));
    expect(has("resource/huawei https://w3id.org/smartcity-kg/ontology#donatesTo https://w3id.org/smartcity-kg/resource/government-of-kenya")).toBe(true);
    expect(has("evidence/huawei-donates-to-government-of-kenya http://www.w3.org/ns/oa#hasSelector")).toBe(true);
    expect(has('"Huawei has donated video conference equipment to the Kenyan government"')).toBe(true);
    expect(has("resource/huawei http://www.w3.org/1999/02/22-rdf-syntax-ns#type")).toBe(true);
    expect(has('"Huawei Technologies"@en')).toBe(true);
    expect(has("http://www.wikidata.org/entity/Q160120")).toBe(true);
    // Not on the path: the parallel partnersWith edge and Huawei's other relations.
    expect(has("partnersWith")).toBe(false);
    expect(has("headquarteredIn")).toBe(false);
  });

  it("re-parses as Turtle into a graph with the same path and explanation", async () => {
    const turtle = writeTurtle(ds, { quads });
    const again = projectGraph(await parseText(turtle));
    const [samePath] = findPaths(again, resolveNode(again, "Huawei"), resolveNode(again, "Kenya"));
    expect(explainPath(again, samePath)).toEqual(explainPath(g, path));
    expect(again.edgeCount).toBe(2);
  });

  it("exports a neighbourhood", () => {
    const around = neighbourhood(g, [n("Dahua")]);
    const selected = subgraphQuads(g, { nodes: around.nodes.map((x) => x.node), edges: around.edges });
    const predicates = new Set(selected.map((q) => ds.terms.key(ds.predicates[q])));
    expect(predicates.has("https://w3id.org/smartcity-kg/ontology#headquarteredIn")).toBe(true);
    expect(predicates.has("http://www.w3.org/2004/02/skos/core#prefLabel")).toBe(true);
  });

  it("rejects ids outside the graph", () => {
    expect(() => subgraphQuads(g, { nodes: [], edges: [g.edgeCount] })).toThrow(/^query\/subgraph: edge/);
  });
});
