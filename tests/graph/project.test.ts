// Projection rules on real Turtle/TriG: nodes, labels, classes, edges, evidence, links, schema flags, CSR consistency.
import { describe, expect, it } from "vitest";
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { defaultProjection } from "../../src/graph/projection-config.ts";
import { rdfs, owl, kg, skos } from "../../src/rdf/vocab.ts";
import { fixturePath, loadFiles } from "../helpers/rdf.ts";

const ex = (local: string) => `http://example.org/${local}`;
const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;

async function project(...parts: string[]): Promise<GraphIndex> {
  return projectGraph(await loadFiles([fixturePath(...parts)]));
}

function node(g: GraphIndex, iri: string): number {
  const n = g.nodeByIri(iri);
  if (n < 0) throw new Error(`no node ${iri}`);
  return n;
}

/** Edges from a to b as predicate IRIs. */
function edgesBetween(g: GraphIndex, a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = g.outOffsets[a]; i < g.outOffsets[a + 1]; i++) {
    const e = g.outEdgeIds[i];
    if (g.edgeTargets[e] === b) out.push(g.dataset.terms.key(g.edgePredicates[e]));
  }
  return out.sort();
}

function allNodeIris(g: GraphIndex): string[] {
  return Array.from({ length: g.nodeCount }, (_, n) => g.iri(n));
}

describe("projectGraph: labels", async () => {
  const g = await project("graph", "projection.trig");
  it.each([
    ["french-first", "Beijing"],
    ["untagged-beats-german", "Muenchen"],
    ["british", "Colour"],
    ["only-chinese", "北京"],
    ["schema-name", "Named by schema.org"],
    ["pref-beats-rdfs-label", "Preferred"],
    ["alice", "Alice"],
  ])("%s is labelled %s", (local, label) => {
    expect(g.label(node(g, ex(local)))).toBe(label);
  });

  it("falls back to the IRI's decoded local name", () => {
    expect(g.label(node(g, ex("Caf%C3%A9")))).toBe("Café");
    expect(g.label(node(g, ex("carol")))).toBe("carol");
  });

  it("reads alt labels and the preferred description", () => {
    const n = node(g, ex("pref-beats-rdfs-label"));
    expect(g.altLabels(n).sort()).toEqual(["Autre nom", "Other name"]);
    expect(g.description(node(g, ex("described")))).toBe("A description");
    expect(g.description(n)).toBeUndefined();
  });
});

describe("projectGraph: nodes, edges and evidence", async () => {
  const g = await project("graph", "projection.trig");
  const alice = node(g, ex("alice"));
  const bob = node(g, ex("bob"));

  it("keeps parallel edges between the same nodes", () => {
    expect(edgesBetween(g, alice, bob)).toEqual([ex("knows"), ex("worksWith")]);
  });

  it("makes one edge of a triple stated in two named graphs", () => {
    expect(edgesBetween(g, alice, node(g, ex("carol")))).toEqual([ex("likes")]);
  });

  it("turns rdf:type into classes and literals into attributes, not edges", () => {
    const person = g.dataset.terms.iriId("http://xmlns.com/foaf/0.1/Person");
    expect(g.classes(bob)).toEqual([person]);
    expect(g.hasClass(bob, person)).toBe(true);
    expect(g.nodeByIri("http://xmlns.com/foaf/0.1/Person")).toBe(-1);
    const age = g.literals(bob).find((l) => l.predicate === g.dataset.terms.iriId(ex("age")));
    expect(age).toMatchObject({ value: "42", datatype: "http://www.w3.org/2001/XMLSchema#integer" });
  });

  it("keeps external identifiers and pages as links, not edges", () => {
    const links = g.links(alice).map((l) => l.iri).sort();
    expect(links).toEqual([ex("bob"), "http://dbpedia.org/resource/Alice", "http://www.wikidata.org/entity/Q1"].sort());
    expect(g.nodeByIri("http://www.wikidata.org/entity/Q1")).toBe(-1);
    expect(edgesBetween(g, alice, bob)).not.toContain(rdfs.seeAlso);
  });

  it("attaches evidence to the edge it describes, with quote, source, locator, page and date", () => {
    const knows = g.outEdgeIds.find((e) => g.edgeSources[e] === alice && g.dataset.terms.key(g.edgePredicates[e]) === ex("knows"))!;
    const evidence = g.evidence(knows).sort((a, b) => a.statement.localeCompare(b.statement));
    expect(evidence).toEqual([
      { statement: ex("evidence-1"), quote: "Alice knows Bob", source: ex("report"), sourceLabel: "The Report", locator: "Chapter 1", page: 7, date: "2019-04" },
      { statement: ex("evidence-2"), quote: "Bob is known to Alice", source: ex("report"), sourceLabel: "The Report", locator: "", date: "2018" },
    ]);
    expect(g.edgeDate(knows)).toBe("2018");
    const worksWith = g.outEdgeIds.find((e) => g.edgeSources[e] === alice && g.dataset.terms.key(g.edgePredicates[e]) === ex("worksWith"))!;
    expect(g.evidence(worksWith)).toEqual([]);
    expect(g.edgeDate(worksWith)).toBeUndefined();
  });

  it("shows no evidence node and no selector blank node as a node", () => {
    const iris = allNodeIris(g);
    for (const local of ["evidence-1", "evidence-2", "evidence-3", "evidence-4"]) expect(iris).not.toContain(ex(local));
    expect(g.isMetaTerm(g.dataset.terms.iriId(ex("evidence-1")))).toBe(true);
    // Selector blank nodes: only the shared one (also used by an entity) and alice's address are nodes.
    const blanks = iris.filter((iri) => iri.startsWith("_:")).map((iri) => g.label(g.nodeByIri(iri))).sort();
    expect(blanks).toHaveLength(2);
    expect(blanks).toContain("Shared blank node");
  });

  it("counts evidence about a triple that is no edge as unattached", () => {
    expect(g.unattachedEvidenceCount).toBe(1);
  });

  it("resolves blank nodes by their _:label", () => {
    const shared = allNodeIris(g).find((iri) => iri.startsWith("_:") && g.label(g.nodeByIri(iri)) === "Shared blank node")!;
    expect(g.iri(g.nodeByIri(shared))).toBe(shared);
  });

  it("builds consistent CSR adjacency", () => {
    for (let n = 0; n < g.nodeCount; n++) {
      for (let i = g.outOffsets[n]; i < g.outOffsets[n + 1]; i++) expect(g.edgeSources[g.outEdgeIds[i]]).toBe(n);
      for (let i = g.inOffsets[n]; i < g.inOffsets[n + 1]; i++) expect(g.edgeTargets[g.inEdgeIds[i]]).toBe(n);
    }
    expect(g.outOffsets[g.nodeCount]).toBe(g.edgeCount);
    expect(g.inOffsets[g.nodeCount]).toBe(g.edgeCount);
    for (let e = 0; e < g.edgeCount; e++) {
      const q = g.edgeQuad(e);
      expect(g.dataset.subjects[q]).toBe(g.nodeTerm(g.edgeSources[e]));
      expect(g.dataset.predicates[q]).toBe(g.edgePredicates[e]);
      expect(g.dataset.objects[q]).toBe(g.nodeTerm(g.edgeTargets[e]));
    }
  });
});

describe("projectGraph: the project's evidence style", async () => {
  const g = await project("query", "network.ttl");

  it("attaches every evidence node whose triple is stated, and only those", () => {
    expect(g.unattachedEvidenceCount).toBe(1); // kge:zte-donates-to-kenya describes a triple the data lacks
    const huawei = node(g, kgr("huawei"));
    const govk = node(g, kgr("government-of-kenya"));
    const partners = g.outEdgeIds.find((e) => g.edgeSources[e] === huawei && g.edgeTargets[e] === govk && g.termLabel(g.edgePredicates[e]) === "partners with")!;
    expect(g.evidence(partners).map((e) => e.quote).sort()).toEqual(["Huawei's partnership with the Kenyan government", "a second partnership between Huawei and Kenya"]);
    expect(g.edgeDate(partners)).toBe("2012-05");
    expect(allNodeIris(g).some((iri) => iri.startsWith("https://w3id.org/smartcity-kg/evidence/"))).toBe(false);
    expect(allNodeIris(g).some((iri) => iri.startsWith("_:"))).toBe(false);
  });

  it("flags classes and properties as schema, entities not", () => {
    expect(g.isSchema(node(g, kg.Evidence))).toBe(true);
    expect(g.isSchema(node(g, "https://w3id.org/smartcity-kg/ontology#donatesTo"))).toBe(true);
    expect(g.isSchema(node(g, kgr("huawei")))).toBe(false);
    expect(g.isSchema(node(g, kgr("euiss-brief-2020-10")))).toBe(false);
  });

  it("labels predicates and classes from the data, else by local name", () => {
    const terms = g.dataset.terms;
    expect(g.termLabel(terms.iriId("https://w3id.org/smartcity-kg/ontology#donatesTo"))).toBe("donates to");
    expect(g.termLabel(terms.iriId("https://w3id.org/smartcity-kg/ontology#attends"))).toBe("attends");
    expect(g.termLabel(terms.iriId(skos.prefLabel))).toBe("prefLabel");
  });

  it("merges the data's prefixes with the well-known ones", () => {
    expect(g.prefixes.kgr).toBe("https://w3id.org/smartcity-kg/resource/");
    expect(g.prefixes.wd).toBe("http://www.wikidata.org/entity/");
    expect(g.prefixes.owl).toBe(owl.Class.replace("Class", ""));
  });
});

describe("projectGraph: a public ontology (W3C ORG excerpt)", async () => {
  const g = await project("graph", "w3c-org-excerpt.ttl");
  const org = (local: string) => `http://www.w3.org/ns/org#${local}`;

  it("makes classes and properties schema nodes linked by subClassOf, domain and range", () => {
    const unit = node(g, org("OrganizationalUnit"));
    const organization = node(g, org("Organization"));
    expect(g.isSchema(unit)).toBe(true);
    expect(edgesBetween(g, unit, organization)).toEqual([rdfs.subClassOf]);
    const hasUnit = node(g, org("hasUnit"));
    expect(edgesBetween(g, hasUnit, node(g, org("FormalOrganization")))).toEqual([rdfs.domain]);
    expect(edgesBetween(g, hasUnit, unit)).toEqual([rdfs.range]);
    expect(edgesBetween(g, hasUnit, node(g, org("hasSubOrganization")))).toEqual([rdfs.subPropertyOf]);
    // Classes only referenced from this ontology are nodes too, and schema.
    expect(g.isSchema(node(g, "http://xmlns.com/foaf/0.1/Agent"))).toBe(true);
  });

  it("reads English labels over French ones", () => {
    expect(g.label(node(g, org("Role")))).toBe("Role");
    expect(g.label(node(g, org("OrganizationalCollaboration")))).toBe("Endeavour");
    expect(g.label(node(g, org("Head")))).toBe("head");
    expect(g.label(node(g, org("")))).toBe("Core organization ontology");
  });

  it("keeps instances (org:Head) apart from schema, and owl:unionOf / restriction blank nodes as schema", () => {
    expect(g.isSchema(node(g, org("Head")))).toBe(false);
    for (const iri of allNodeIris(g).filter((i) => i.startsWith("_:"))) {
      const n = g.nodeByIri(iri);
      if (g.label(n) === "Dave Reynolds" || g.label(n) === "Dominique Guardiola") continue;
      expect(g.isSchema(n)).toBe(true);
    }
  });

  it("leaks no meta nodes and keeps the licence and seeAlso as links", () => {
    expect(g.unattachedEvidenceCount).toBe(0);
    expect(g.evidenceTerms.length).toBe(0);
    expect(g.nodeByIri("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil")).toBe(-1);
    expect(g.nodeByIri("http://www.w3.org/TR/vocab-org/")).toBe(-1);
    expect(g.links(node(g, org(""))).map((l) => l.iri).sort()).toEqual([
      "http://www.opendatacommons.org/licenses/pddl/1.0/", "http://www.w3.org/TR/vocab-org/",
    ]);
  });
});

describe("projectGraph: rules are data", () => {
  it("follows a changed configuration", async () => {
    const dataset = await loadFiles([fixturePath("graph", "projection.trig")]);
    const g = projectGraph(dataset, { ...defaultProjection, languages: ["de", "*"], linkPredicates: [] });
    expect(g.label(g.nodeByIri(ex("untagged-beats-german")))).toBe("München");
    expect(g.nodeByIri("http://www.wikidata.org/entity/Q1")).toBeGreaterThanOrEqual(0);
  });
});
