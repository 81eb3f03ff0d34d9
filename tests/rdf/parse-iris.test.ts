// IRIs as the loader reads them: redeclared prefixes, changing bases, one IRI written many ways, all as n3 reads them.
import { Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/rdf/parse.ts";
import { isomorphic } from "../helpers/rdf.ts";

/** Our load against n3's own parse of the same text (as N-Quads strings, so the comparison leans on neither). */
async function sameAsN3(text: string, baseIRI = "http://example.org/doc") {
  const dataset = await loadDataset([{ name: "case.ttl", text, format: "turtle", baseIRI }]);
  const expected = new Parser({ format: "text/turtle", baseIRI }).parse(text) as unknown as RDF.Quad[];
  expect(isomorphic(dataset, expected)).toBe(true);
  return dataset;
}

describe("IRIs in a loaded document", () => {
  it("reads a prefix declared again as its new namespace, and the old namespace's IRIs stay apart", async () => {
    const dataset = await sameAsN3(
      "@prefix p: <http://one/> .\np:a p:b p:c .\n@prefix p: <http://two/> .\np:a p:b p:c .\n@prefix p: <http://one/> .\np:a p:b p:c .",
    );
    expect(dataset.size).toBe(2);
    expect(dataset.terms.iriId("http://one/a")).toBeGreaterThan(0);
    expect(dataset.terms.iriId("http://two/a")).toBeGreaterThan(0);
  });

  it("resolves the same relative IRI text against each base in force", async () => {
    const dataset = await sameAsN3("<a> <p> <b> .\n@base <http://other.org/x/> .\n<a> <p> <b> .\n@base <http://third.org/> .\n<a> <p> <b> .");
    expect(dataset.size).toBe(3);
    for (const iri of ["http://example.org/a", "http://other.org/x/a", "http://third.org/a"]) expect(dataset.terms.iriId(iri)).toBeGreaterThan(0);
  });

  it("gives one id to an IRI written as a prefixed name, through two prefixes, in full and as `a`", async () => {
    const rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const dataset = await sameAsN3(
      `@prefix ex: <http://ex.org/> .\n@prefix e2: <http://ex.org/> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n` +
        `ex:s a ex:C .\ne2:s rdf:type <http://ex.org/C> .\n<http://ex.org/s> <${rdfType}> e2:C ; ex:p ex:s .`,
    );
    expect(dataset.size).toBe(2);
    expect(new Set(dataset.subjects).size).toBe(1);
    expect(new Set(dataset.predicates)).toEqual(new Set([dataset.terms.iriId(rdfType), dataset.terms.iriId("http://ex.org/p")]));
  });

  it("keeps apart many names that differ in one character", async () => {
    const names = Array.from({ length: 300 }, (_, i) => `x${String(i).padStart(3, "0")}x`).filter((n) => n[2] === "0" || n[2] === "5");
    const text = "@prefix : <http://ex.org/> .\n" + names.map((n, i) => `:${n} :p :${names[(i * 7) % names.length]} .`).join("\n");
    const dataset = await sameAsN3(text + "\n" + text);
    expect(dataset.size).toBe(names.length);
  });

  it("adds no term for an IRI that no quad uses (a datatype)", async () => {
    const dataset = await sameAsN3('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://s> <http://p> "1"^^xsd:integer .');
    expect(dataset.terms.iriId("http://www.w3.org/2001/XMLSchema#integer")).toBe(-1);
  });
});
