// Additions of every kind the authoring checks report on, over the bundled graph plus tests/fixtures/authoring/subgraph.ttl,
// shared by the workbench's (tests/session/authoring-subgraph.test.ts) and the CLI's (tests/cli) validation tests.
import { readFileSync } from "node:fs";
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { prefixes, rdf } from "../../src/rdf/vocab.ts";
import { evidenceIri, placeQuote, relationQuads, type NewEntity, type RelationDraft } from "../../src/session/authoring.ts";
import { newSource, sourceQuads } from "../../src/session/source-model.ts";
import { fixturePath } from "./rdf.ts";

const { namedNode, literal, quad } = DataFactory;
const kg = prefixes.kg, kgr = prefixes.kgr;
export const reportPath = "sources/subgraph-report.txt";
export const reportText = readFileSync(fixturePath("authoring", "subgraph-report.txt"), "utf8");

export function relation(dataset: Dataset, over: Partial<RelationDraft>, entities: NewEntity[] = []): RDF.Quad[] {
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
export function additions(dataset: Dataset): [string, RDF.Quad[], string[]][] {
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

