// toGraphology: a MultiDirectedGraph of just the selection, keyed by IRI and e<id>, with no display attributes.
import { describe, expect, it } from "vitest";
import { toGraphology } from "../../src/graph/graphology.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { fixturePath, loadFiles } from "../helpers/rdf.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

describe("toGraphology", async () => {
  const g = projectGraph(await loadFiles([fixturePath("query", "network.ttl")]));
  const huawei = g.nodeByIri(kgr("huawei"));
  const govk = g.nodeByIri(kgr("government-of-kenya"));
  const parallel: number[] = [];
  for (let i = g.outOffsets[huawei]; i < g.outOffsets[huawei + 1]; i++) {
    if (g.edgeTargets[g.outEdgeIds[i]] === govk) parallel.push(g.outEdgeIds[i]);
  }

  it("keeps parallel edges and adds the ends of selected edges", () => {
    const graph = toGraphology(g, { nodes: [huawei], edges: parallel });
    expect(graph.type).toBe("directed");
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(2);
    expect(graph.edges(kgr("huawei"), kgr("government-of-kenya")).sort()).toEqual(parallel.map((e) => `e${e}`).sort());
  });

  it("carries label, classes and schema flag on nodes, predicate and label on edges, and nothing for display", () => {
    const classNode = g.nodeByIri(kg("Company"));
    const graph = toGraphology(g, { nodes: [huawei, classNode], edges: parallel });
    expect(graph.getNodeAttributes(kgr("huawei"))).toEqual({ label: "Huawei", classes: [kg("Company")], schema: false });
    expect(graph.getNodeAttributes(kg("Company"))).toEqual({ label: "company", classes: ["http://www.w3.org/2002/07/owl#Class"], schema: true });
    const labels = parallel.map((e) => graph.getEdgeAttributes(`e${e}`)).sort((a, b) => a.label.localeCompare(b.label));
    expect(labels).toEqual([
      { predicate: kg("donatesTo"), label: "donates to" },
      { predicate: kg("partnersWith"), label: "partners with" },
    ]);
  });
});
