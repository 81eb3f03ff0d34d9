// SPARQL text helpers: prefixes declared only when used and missing, a LIMIT added only where it is valid.
import { describe, expect, it } from "vitest";
import { declaredPrefixes, limitSelect, regexEscape, stringLiteral, withPrefixes } from "../../src/sparql/sparql-query.ts";

const data = { kg: "https://w3id.org/smartcity-kg/ontology#", kgr: "https://w3id.org/smartcity-kg/resource/", skos: "http://www.w3.org/2004/02/skos/core#" };

describe("withPrefixes", () => {
  it("declares the prefixes a query uses but does not declare, and nothing else", () => {
    const out = withPrefixes("SELECT ?l WHERE { kgr:huawei skos:prefLabel ?l }", data);
    expect(out.split("\n").slice(0, 2)).toEqual([`PREFIX kgr: <${data.kgr}>`, `PREFIX skos: <${data.skos}>`]);
    expect(out).not.toContain("PREFIX kg:");
  });

  it("keeps the query's own declarations and does not see prefixes inside IRIs, strings or comments", () => {
    const own = "PREFIX kg: <http://elsewhere/> SELECT * WHERE { ?s a kg:Thing }";
    expect(withPrefixes(own, data)).toBe(own);
    const hidden = 'SELECT * WHERE { ?s <http://x/kg:y> "kgr:huawei" } # skos:note';
    expect(withPrefixes(hidden, data)).toBe(hidden);
    expect([...declaredPrefixes("PREFIX : <http://d/> PREFIX ex: <http://e/> ASK {}")].sort()).toEqual(["", "ex"]);
  });
});

describe("limitSelect", () => {
  it("adds a LIMIT to an unbounded SELECT only", () => {
    expect(limitSelect("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 11)).toBe("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s\nLIMIT 11");
    expect(limitSelect("SELECT * WHERE { ?s ?p ?o } LIMIT 5", 11)).toBe("SELECT * WHERE { ?s ?p ?o } LIMIT 5");
    // A trailing VALUES block cannot be followed by LIMIT.
    expect(limitSelect("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://x/a> }", 11)).toBe("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://x/a> }");
  });

  it("leaves an aggregate with no GROUP BY (one row) unbounded, and bounds grouped ones and plain ones with aggregates inside", () => {
    const count = "PREFIX x: <http://x/#>\nSELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { ?o ?p ?s } }";
    expect(limitSelect(count, 11)).toBe(count);
    expect(limitSelect("select (sum(?v) as ?t) (max(?v) AS ?m) { ?s <http://x/v> ?v }", 11)).toBe("select (sum(?v) as ?t) (max(?v) AS ?m) { ?s <http://x/v> ?v }");
    expect(limitSelect("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", 11)).toBe("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p\nLIMIT 11");
    // The aggregate is a subquery's; the outer SELECT gives a row per ?s.
    expect(limitSelect("SELECT ?s ?n WHERE { ?s ?p ?o { SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c } } }", 11)).toMatch(/\nLIMIT 11$/);
    // A name that only looks like one: in a string or an IRI.
    expect(limitSelect('SELECT ?s WHERE { ?s <http://x/COUNT(> "SUM(" }', 11)).toMatch(/\nLIMIT 11$/);
  });
});

describe("literals", () => {
  it("escapes strings and regex metacharacters", () => {
    expect(stringLiteral('a "quoted" \\ line\nbreak')).toBe('"a \\"quoted\\" \\\\ line\\nbreak"');
    expect(regexEscape("C++ (beta).")).toBe("C\\+\\+ \\(beta\\)\\.");
  });
});
