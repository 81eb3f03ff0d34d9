// The worker's data service on a real Turtle fixture: loading, overview cap, search, details, paths, neighbourhoods, export.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DataService, describeFailure, edgeId, yearOf } from "../../src/workbench/data-service.ts";
import { defaultPathOptions } from "../../src/session/index.ts";
import { handleSparql } from "../../src/workbench/sparql/worker-side.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { subgraphQuads } from "../../src/query/subgraph.ts";
import { oa, rdf } from "../../src/rdf/vocab.ts";

const fixture = (name: string) => ({ name, text: readFileSync(resolve(import.meta.dirname, "../fixtures/workbench", name), "utf8") });
const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

let service: DataService;
beforeAll(async () => {
  service = new DataService();
  await service.load([fixture("mini.ttl")], true);
});

describe("DataService", () => {
  it("summarises classes, relations and the years relations are dated with", () => {
    const summary = service.summary();
    expect(summary.instances).toBeGreaterThan(0);
    expect(summary.classes.map((c) => c.iri)).toEqual(expect.arrayContaining([kg("Company"), kg("Country"), kg("Government")]));
    expect(summary.classes.find((c) => c.iri === kg("Company"))?.count).toBe(2);
    expect(summary.predicates.find((p) => p.iri === kg("partnersWith"))?.count).toBe(3);
    expect(summary.years).toEqual({ min: 2015, max: 2020 });
    // Relations per year of their dates (query/relation-dates.ts), the Filters tab's histogram.
    expect(summary.timeline).toMatchObject({ from: 2015, to: 2020 });
    expect(summary.timeline!.counts).toHaveLength(6);
    expect(summary.timeline!.dated + summary.timeline!.undated).toBe(summary.predicates.reduce((n, p) => n + p.count, 0));
  });

  it("shows instances only in the overview, best connected first, capped", () => {
    const all = service.overview(100, false);
    expect(all.schemaHidden).toBe(true);
    expect(all.graph.nodes.some((n) => n.schema)).toBe(false);
    expect(all.capped).toBe(false);
    const capped = service.overview(2, false);
    expect(capped.capped).toBe(true);
    expect(capped.graph.nodes.map((n) => n.key)).toEqual([kgr("huawei"), kgr("kenya")]);
    // Only edges among the shown nodes.
    for (const edge of capped.graph.edges) expect([kgr("huawei"), kgr("kenya")]).toEqual(expect.arrayContaining([edge.source, edge.target]));
    expect(service.overview(100, true).graph.nodes.some((n) => n.schema)).toBe(true);
  });

  it("lays the overview out in the worker when asked: finite, distinct positions, linked nodes closer than the island", () => {
    const { graph } = service.overview(100, false, true);
    const at = new Map(graph.nodes.map((n) => [n.key, [n.x!, n.y!] as const]));
    for (const [x, y] of at.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(new Set([...at.values()].map(([x, y]) => `${x},${y}`)).size).toBe(at.size);
    const distance = (a: string, b: string) => Math.hypot(at.get(a)![0] - at.get(b)![0], at.get(a)![1] - at.get(b)![1]);
    expect(distance(kgr("dahua"), kgr("huawei"))).toBeLessThan(distance(kgr("island"), kgr("huawei")));
    expect(service.overview(100, false).graph.nodes[0].x).toBeUndefined();
  });

  it("searches labels and alt labels", () => {
    const hits = service.searchLabels("huawei tech", 5);
    expect(hits[0]).toMatchObject({ node: kgr("huawei"), label: "Huawei", matched: "Huawei Technologies", classLabel: "company" });
    expect(service.searchLabels("   ", 5)).toEqual([]);
  });

  it("details a node: classes, description, relations both ways with evidence and the source text file", () => {
    const details = service.details(kgr("huawei"));
    expect(details?.kind).toBe("node");
    if (details?.kind !== "node") return;
    expect(details.classes.map((c) => c.label)).toEqual(["company"]);
    expect(details.description).toBe("A Chinese technology company.");
    expect(details.literals.some((l) => l.value === "Huawei")).toBe(false);
    const donation = details.relations.find((r) => r.predicate === kg("donatesTo"))!;
    expect(donation).toMatchObject({ direction: "out", other: kgr("kenyan-government"), otherLabel: "Kenyan government", date: "2020" });
    expect(donation.evidence[0]).toMatchObject({ quote: "Huawei has donated equipment to the Kenyan government", page: 2, text: "sources/brief.txt" });
    expect(details.relations.find((r) => r.other === kgr("dahua"))?.direction).toBe("in");
    expect(service.details(kgr("nobody"))).toBeNull();
  });

  it("details an edge by its key", () => {
    const huawei = service.details(kgr("huawei"));
    if (huawei?.kind !== "node") throw new Error("expected a node");
    const edge = service.details(undefined, huawei.relations[0].edge);
    expect(edge).toMatchObject({ kind: "edge", source: kgr("huawei") });
  });

  it("finds paths with explanations, evidence per step and the subgraph to draw", () => {
    const reply = service.path(kgr("dahua"), kgr("kenyan-government"), { ...defaultPathOptions, k: 2 });
    expect(reply.paths.length).toBe(2);
    const first = reply.paths[0];
    expect(first.nodes).toEqual([kgr("dahua"), kgr("huawei"), kgr("kenyan-government")]);
    expect(first.steps[0]).toMatchObject({ forward: true, from: kgr("dahua"), to: kgr("huawei"), predicateLabel: "partners with" });
    expect(first.explanation[1]).toMatch(/^Huawei donates to Kenyan government/);
    expect(first.steps[1].evidence[0].quote).toBe("Huawei has donated equipment to the Kenyan government");
    const drawn = new Set(reply.graph.nodes.map((n) => n.key));
    for (const path of reply.paths) for (const node of path.nodes) expect(drawn.has(node)).toBe(true);
  });

  it("says no path and suggests what to loosen", () => {
    const reply = service.path(kgr("kenya"), kgr("dahua"), { ...defaultPathOptions, directed: true });
    expect(reply.paths).toEqual([]);
    expect(reply.suggestion).toMatch(/edge direction/);
    expect(service.path(kgr("huawei"), kgr("island"), defaultPathOptions).suggestion).toMatch(/maximum length/);
  });

  it("rejects an unknown end with a fixable message", () => {
    expect(() => service.path(kgr("hauwei"), kgr("kenya"), defaultPathOptions)).toThrow(/unknown from node/);
  });

  it("excludes predicates given as IRIs", () => {
    const reply = service.path(kgr("huawei"), kgr("kenya"), { ...defaultPathOptions, k: 5, excludePredicates: [kg("partnersWith")] });
    for (const path of reply.paths) for (const step of path.steps) expect(step.predicate).not.toBe(kg("partnersWith"));
    expect(reply.paths.length).toBeGreaterThan(0);
  });

  it("explores a neighbourhood by depth and direction", () => {
    const both = service.neighbourhood({ centers: [kgr("dahua")], depth: 2, direction: "both", classes: [], predicates: [], limit: 100 });
    expect(both.result.centers).toEqual([kgr("dahua")]);
    expect(both.result.nodes.find((n) => n.node === kgr("huawei"))?.depth).toBe(1);
    expect(both.result.nodes.find((n) => n.node === kgr("kenya"))?.depth).toBe(2);
    const incoming = service.neighbourhood({ centers: [kgr("dahua")], depth: 2, direction: "in", classes: [], predicates: [], limit: 100 });
    expect(incoming.result.nodes.map((n) => n.node)).toEqual([kgr("dahua")]);
  });

  it("exports Turtle that re-parses with the relations and their evidence", async () => {
    const huawei = service.details(kgr("huawei"));
    if (huawei?.kind !== "node") throw new Error("expected a node");
    const donation = huawei.relations.find((r) => r.predicate === kg("donatesTo"))!;
    const { parts } = service.exportTurtle([kgr("huawei")], [donation.edge]);
    const quads = [...(await loadDataset([{ name: "export.ttl", text: parts.join("") }])).quads()];
    const has = (s: string, p: string, o: string) => quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    expect(has(kgr("huawei"), kg("donatesTo"), kgr("kenyan-government"))).toBe(true);
    expect(has(donation.evidence[0].statement, rdf.subject, kgr("huawei"))).toBe(true);
    expect(quads.some((q) => q.predicate.value === oa.exact && q.object.value === donation.evidence[0].quote)).toBe(true);
  });

  it("exports the Turtle as parts for a Blob: the one-string writer's text, cut into pieces of about chunkChars", async () => {
    const view = service.overview(100, false).graph;
    const nodes = view.nodes.map((n) => n.key), edges = view.edges.map((e) => e.key);
    // What the worker sent before, one string: writeTurtle of the same subgraph over the same file, loaded apart.
    const graph = projectGraph(await loadDataset([fixture("mini.ttl")]));
    const quads = subgraphQuads(graph, { nodes: nodes.map((iri) => graph.nodeByIri(iri)), edges: edges.map(edgeId) });
    const expected = writeTurtle(graph.dataset, { quads });
    const whole = service.exportTurtle(nodes, edges);
    expect(whole.parts.join("")).toBe(expected);
    expect(whole.quads).toBe(quads.length);
    const pieces = service.exportTurtle(nodes, edges, 500).parts;
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(expected);
    // Whole subject blocks: a piece passes chunkChars by at most the block that crossed it.
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(500 + 2_000);
  });

  it("keeps its data when a load fails, and reports file:line:column", async () => {
    const before = service.summary();
    const error = await service.load([fixture("mini.ttl"), { name: "bad.ttl", text: "@prefix x: <http://x/> .\nx:a x:b x:c ;\n  x:d ,, x:e ." }], false).then(
      () => null,
      (e: unknown) => e,
    );
    const failure = describeFailure(error);
    expect(failure.location).toEqual({ file: "bad.ttl", line: 3, column: expect.any(Number) });
    expect(failure.message).toMatch(/^bad\.ttl:3:\d+: /);
    expect(service.summary()).toEqual(before);
  });

  it("adds loaded files to the data and changes the hash", async () => {
    const other = new DataService();
    const first = await other.load([fixture("mini.ttl")], true);
    const second = await other.load([{ name: "more.nt", text: `<${kgr("huawei")}> <${kg("operatesIn")}> <${kgr("island")}> .\n`, format: "ntriples" }], false);
    expect(second.edges).toBe(first.edges + 1);
    expect(second.hash).not.toBe(first.hash);
    expect(second.files).toEqual(["mini.ttl", "more.nt"]);
  });
});

describe("relative IRIs in the workbench", () => {
  const text = "@prefix : <#> .\n:a :knows :b .\n";

  it("resolve against the page's URL that the load carries", async () => {
    const page = new DataService();
    const summary = await page.load([{ name: "rel.ttl", text, baseIRI: "http://localhost:5173/" }], true);
    expect(summary.predicates.map((p) => p.iri)).toEqual(["http://localhost:5173/#knows"]);
  });

  it("are refused at their place when a load carries no base, and the data stays as it was", async () => {
    const page = new DataService();
    const before = await page.load([fixture("mini.ttl")], true);
    const error = await page.load([{ name: "rel.ttl", text }], false).then(() => null, (e: unknown) => e);
    expect(describeFailure(error).message).toBe("rel.ttl:2:1: prefix : stands for the relative IRI <#>, with no absolute base IRI to resolve it against");
    expect(page.summary()).toEqual(before);
  });

  it("in an endpoint's Turtle answer resolve against the endpoint's URL", async () => {
    const reply = await handleSparql(service, { op: "graph", parts: ["<#s> <#p> <o> ."], format: "turtle", form: "construct", baseIRI: "http://example.org/sparql" });
    if (reply.op !== "graph" || reply.answer.form !== "construct") throw new Error("expected a graph answer");
    expect(reply.answer.turtle.join("")).toContain("<http://example.org/sparql#s> <http://example.org/sparql#p> <http://example.org/o>");
  });
});

describe("helpers", () => {
  it("read edge keys and years", () => {
    expect(edgeId("e12")).toBe(12);
    expect(edgeId("x12")).toBe(-1);
    expect(yearOf("2016-03")).toBe(2016);
    expect(yearOf("2014")).toBe(2014);
    expect(yearOf("2020-05-01T00:00:00Z")).toBe(2020);
    expect(yearOf(undefined)).toBeUndefined();
  });
});
