// The bounded subgraph an addition is validated on gives the same problems as validating the whole graph.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import type { NamedText, Problem } from "../../src/rdf/validate.ts";
import { prefixes, rdf } from "../../src/rdf/vocab.ts";
import { evidenceIri, placeQuote, relationQuads, type NewEntity, type RelationDraft } from "../../src/session/authoring.ts";
import { additionSubgraph } from "../../src/session/authoring-subgraph.ts";
import { validateAddition } from "../../src/session/authoring-validate.ts";
import { newSource, sourceQuads } from "../../src/session/source-model.ts";
import { fixturePath, repoRoot } from "../helpers/rdf.ts";

const { namedNode, literal, quad } = DataFactory;
const kg = prefixes.kg, kgr = prefixes.kgr;
const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl") && f !== "shapes.ttl").map((f) => join(repoRoot, dir, f));
const read = (path: string): NamedText => ({ name: path, text: readFileSync(path, "utf8") });
const shapes = read(join(repoRoot, "ontology", "shapes.ttl"));
const reportPath = "sources/subgraph-report.txt";
const reportText = readFileSync(fixturePath("authoring", "subgraph-report.txt"), "utf8");
const texts: Record<string, string> = {
  ...Object.fromEntries(readdirSync(join(repoRoot, "graph-data", "sources")).map((f) => [`sources/${f}`, readFileSync(join(repoRoot, "graph-data", "sources", f), "utf8")])),
  [reportPath]: reportText,
};
const fixture = read(fixturePath("authoring", "subgraph.ttl"));

/** Problems comparable across runs: blank node labels depend on parse order, so all read `_:b`. */
const comparable = (problems: readonly Problem[]) =>
  problems.map((p) => JSON.stringify({ ...p, subject: p.subject?.replace(/_:\S+/g, "_:b"), message: p.message.replace(/_:[\w-]+/g, "_:b") })).sort();
const kinds = (problems: readonly Problem[]) => [...new Set(problems.map((p) => p.kind))].sort();

/** The old check (the whole graph as one Turtle text) and the new one (the subgraph), on one addition. */
async function bothWays(dataset: Dataset, added: readonly RDF.Quad[]) {
  const input = (text: string) => ({ files: [{ name: "data", text }], shapes, sourceTexts: texts });
  const whole = await validateAddition(input(writeTurtle(dataset)), added);
  const quads = additionSubgraph(dataset, added);
  const bounded = await validateAddition(input(writeTurtle(dataset, { quads })), added);
  return { whole, bounded, size: quads.length };
}

function relation(dataset: Dataset, over: Partial<RelationDraft>, entities: NewEntity[] = []): RDF.Quad[] {
  const quote = over.quote ?? "Acme works with the Harbour City council on street lighting.";
  const place = over.place ?? placeQuote(reportText, quote);
  const draft: RelationDraft = {
    subject: kgr + "acme", predicate: kg + "cooperatesWith", object: kgr + "harbour-city-council", source: kgr + "harbour-notes", quote, place,
    locator: "Harbour notes", by: "Ana Lyst", at: "2026-12-04T14:00:00Z", status: "accepted", ...over,
  };
  return relationQuads(draft, evidenceIri(draft, (iri) => dataset.terms.iriId(iri) >= 0), entities);
}

const council = kgr + "harbour-city-council";
/** Additions of every kind the checks report on, with the kinds the whole-graph check gives on the bundled graph. */
function additions(dataset: Dataset): [string, RDF.Quad[], string[]][] {
  const valid = relation(dataset, {});
  const fresh = newSource({ title: "Another harbour report", authors: ["Ana Lyst"], date: "2024-06", text: "Acme lights the harbour." }, () => false);
  const freshQuads = [...sourceQuads(fresh), quad(namedNode(fresh.iri), namedNode(prefixes.prov + "value"), literal(fresh.text)) as RDF.Quad];
  const newbie = (label: string): NewEntity => ({ iri: kgr + "new-body", classIri: kg + "Organisation", label });
  return [
    ["a valid relation", valid, []],
    ["a valid relation between bundled entities", relation(dataset, { subject: kgr + "dahua", object: kgr + "kenyan-government", quote: "Dahua works with the Kenyan government." }), []],
    ["a range that is a union, met through a class chain", relation(dataset, { predicate: kg + "supports", object: kgr + "open-data-idea", quote: "Acme supports the open data idea in Harbour City." }), []],
    ["the wrong range class", relation(dataset, { predicate: kg + "locatedIn" }), ["domain-range"]],
    ["the wrong domain class", relation(dataset, { subject: kgr + "open-data-idea" }), ["domain-range"]],
    ["outside a union range", relation(dataset, { subject: council, predicate: kg + "supports", object: kgr + "harbour-city" }), ["domain-range"]],
    ["no quote", valid.filter((q) => q.predicate.value !== prefixes.oa + "exact"), ["shacl"]],
    ["a quote not in the source", relation(dataset, { quote: "Acme works with Harbour City council", place: placeQuote(reportText, "Acme works with the Harbour City council on street lighting.") }), ["quote-not-in-source"]],
    ["an undeclared predicate", relation(dataset, { predicate: kg + "madeUpRelation" }), ["undeclared-term"]],
    ["evidence derived from an entity", valid.map((q) => (q.predicate.value === prefixes.prov + "wasDerivedFrom" ? quad(q.subject, q.predicate, namedNode(kgr + "acme")) as RDF.Quad : q)), ["quote-not-in-source", "shacl"]],
    ["a new entity without a label", relation(dataset, { object: kgr + "new-body" }, [newbie("")]), ["shacl"]],
    ["a new entity with a label", relation(dataset, { object: kgr + "new-body" }, [newbie("New body")]), []],
    ["a bare triple that evidence in the data covers", [quad(namedNode(kgr + "acme"), namedNode(kg + "supports"), namedNode(kgr + "open-data-idea")) as RDF.Quad], []],
    ["a bare triple without evidence", [quad(namedNode(kgr + "acme"), namedNode(kg + "cooperatesWith"), namedNode(council)) as RDF.Quad], ["missing-evidence"]],
    ["an action whose agent is no actor", [
      [rdf.type, namedNode(kg + "Action")], [prefixes.skos + "prefLabel", literal("lighting", "en")],
      [prefixes.prov + "used", namedNode(kgr + "open-data-idea")], [prefixes.prov + "wasAssociatedWith", namedNode(kgr + "harbour-city")],
    ].map(([p, o]) => quad(namedNode(kgr + "lighting"), namedNode(p as string), o as RDF.Quad_Object) as RDF.Quad), ["missing-evidence", "shacl"]],
    ["a new name of a node that points at evidence's selector", [quad(namedNode(kgr + "harbour-city"), namedNode(prefixes.skos + "altLabel"), literal("the harbour", "en")) as RDF.Quad], []],
    ["a new source", freshQuads, []],
    ["a new source with a date as a plain string", freshQuads.map((q) => (q.predicate.value === prefixes.dcterms + "date" ? quad(q.subject, q.predicate, literal("June 2024")) as RDF.Quad : q)), ["shacl"]],
  ];
}

describe("validating an addition on its subgraph", () => {
  let bundled: Dataset;
  let small: Dataset;
  beforeAll(async () => {
    bundled = await loadDataset([...turtleIn("ontology"), ...turtleIn("graph-data")].map(read).concat(fixture));
    // Without an owl:Ontology declaration the data is checked as data too: pre-existing problems of a new subject count.
    const undeclared = turtleIn("ontology").map(read).map((f) => ({ ...f, text: f.text.replace(/ a owl:Ontology/g, " a owl:Thing") }));
    small = await loadDataset([...undeclared, fixture]);
  }, 60_000);

  it("gives the whole graph's problems for each kind of addition, on the bundled graph", async () => {
    for (const [what, added, expected] of additions(bundled)) {
      const { whole, bounded, size } = await bothWays(bundled, added);
      expect(kinds(whole), what).toEqual(expected);
      expect(comparable(bounded), what).toEqual(comparable(whole));
      expect(size, what).toBeLessThan(bundled.size / 10);
    }
  }, 300_000);

  it("gives the whole graph's problems when the data declares no ontology and is checked as data", async () => {
    let preexisting = 0;
    for (const [what, added] of additions(small)) {
      const { whole, bounded } = await bothWays(small, added);
      expect(comparable(bounded), what).toEqual(comparable(whole));
      // kgr:acme kg:locatedIn kgr:open-data-idea is in the data: a problem of every addition whose subject is kgr:acme.
      if (whole.some((p) => p.kind === "domain-range" && p.message.includes("kg:locatedIn kgr:open-data-idea"))) preexisting++;
    }
    expect(preexisting).toBeGreaterThan(3);
  }, 300_000);
});
