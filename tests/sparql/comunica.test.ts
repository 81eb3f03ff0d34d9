// Comunica over the Dataset in place (the engine above Oxigraph's size limit): the same answers as Oxigraph, index lookups exact, limits and refusals.
import { beforeAll, describe, expect, it } from "vitest";
import { DataFactory } from "n3";
import { loadData } from "../../src/cli/load.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { prefixes } from "../../src/rdf/vocab.ts";
import { startComunicaRunner } from "../../src/sparql/sparql-comunica.ts";
import { createEmbeddedSparql, type EmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import type { SparqlAnswer } from "../../src/sparql/sparql-endpoint.ts";
import { DatasetQuadSource } from "../../src/sparql/sparql-rdfjs-source.ts";
import type { EngineRunner } from "../../src/sparql/sparql-engine-runner.ts";
import { runKg } from "../cli/run-kg.ts";

let dataset: Dataset;
let oxigraph: EmbeddedSparql;
let comunica: EngineRunner;

beforeAll(async () => {
  dataset = (await loadData(undefined)).dataset;
  oxigraph = await createEmbeddedSparql(dataset);
  comunica = startComunicaRunner(dataset, { timeoutMs: 60_000, raiseHint: "raise it" });
  return () => comunica.close();
});

/** Rows as sorted lines of var=term, so the two engines' orders (unordered queries) compare. */
function rows(answer: SparqlAnswer): string[] {
  if (answer.form !== "select") throw new Error(`expected SELECT, got ${answer.form}`);
  return answer.result.bindings.map((b) => answer.result.vars.map((v) => `${v}=${JSON.stringify(b[v] ?? null)}`).join(" ")).sort();
}

const queries = [
  "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
  "SELECT ?c ?label WHERE { ?c a kg:Company ; skos:prefLabel ?label }",
  "SELECT ?s ?o WHERE { ?s kg:suppliesSurveillanceTechnologyTo ?o . ?o a kg:Country }",
  "SELECT ?e ?quote WHERE { ?e rdf:subject kgr:huawei ; oa:hasSelector/oa:exact ?quote }",
  "SELECT ?c (COUNT(?o) AS ?n) WHERE { ?c a kg:Company . OPTIONAL { ?c kg:suppliesTo ?o } } GROUP BY ?c",
  "SELECT DISTINCT ?p WHERE { ?s ?p kgr:kenya }",
  "SELECT ?x WHERE { ?x skos:prefLabel \"Huawei\"@en }",
  // Blank nodes are left out: each engine labels them its own way.
  "SELECT ?s ?n WHERE { ?s ?p ?n FILTER(isIRI(?s) && isLiteral(?n) && datatype(?n) = xsd:integer) }",
];

describe("Comunica over the Dataset", () => {
  it.each(queries)("answers as Oxigraph does: %s", async (query) => {
    const expected = rows(oxigraph.query(query));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows(await comunica.query(query))).toEqual(expected);
  }, 60_000);

  it("answers ASK and CONSTRUCT, and shows at most maxRows rows, saying it cut", async () => {
    expect(await comunica.query("ASK { kgr:huawei a kg:Company }")).toEqual({ form: "ask", value: true });
    expect(await comunica.query("ASK { kgr:huawei a kg:Country }")).toEqual({ form: "ask", value: false });
    const built = await comunica.query("CONSTRUCT { ?c a kg:Company } WHERE { ?c a kg:Company }");
    const companies = rows(oxigraph.query("SELECT ?c WHERE { ?c a kg:Company }")).length;
    expect(built.form === "construct" && built.parts.join("").trim().split("\n").length).toBe(companies);
    const cut = await comunica.query("SELECT ?c WHERE { ?c a kg:Company }", { maxRows: 2 });
    expect(cut.form === "select" && [cut.result.bindings.length, cut.result.truncated]).toEqual([2, true]);
  }, 60_000);

  it("refuses updates and syntax errors as Oxigraph's runner does, and stops at the time limit", async () => {
    await expect(comunica.query("DELETE WHERE { ?s ?p ?o }")).rejects.toMatchObject({ name: "SparqlQueryError" });
    await expect(comunica.query("SELECT ?x WHERE {")).rejects.toMatchObject({ name: "SparqlQueryError", line: 1 });
    const limited = startComunicaRunner(dataset, { timeoutMs: 300, raiseHint: "raise it with --timeout SECONDS" });
    await expect(limited.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")).rejects.toThrow(
      "query/sparql: the query was stopped after 0.3 s (the time limit; raise it with --timeout SECONDS)",
    );
    limited.close();
  }, 60_000);

  it("keeps graph names: a quad in a named graph matches GRAPH ?g, not the default graph", async () => {
    const data = await loadDataset([{ name: "g.trig", format: "trig", text: "<http://e/a> <http://e/p> <http://e/b> . <http://e/g> { <http://e/a> <http://e/p> <http://e/c> }" }]);
    const runner = startComunicaRunner(data, { timeoutMs: 10_000, raiseHint: "" });
    const graphs = await runner.query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    expect(rows(graphs)).toEqual(rows((await createEmbeddedSparql(data)).query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }")));
    expect(rows(await runner.query("SELECT ?o WHERE { ?s ?p ?o }"))).toEqual(['o={"type":"uri","value":"http://e/b"}']);
    runner.close();
  });

  it("counts each pattern exactly from its index, as a scan of every quad does", async () => {
    const source = new DatasetQuadSource(dataset);
    const { namedNode } = DataFactory;
    const type = namedNode(`${prefixes.rdf}type`), company = namedNode(`${prefixes.kg}Company`), huawei = namedNode(`${prefixes.kgr}huawei`);
    const patterns = [[null, type, company], [huawei, null, null], [null, null, huawei], [huawei, type, null], [null, type, null], [null, namedNode("http://nowhere/p"), null]] as const;
    for (const [s, p, o] of patterns) {
      let scanned = 0;
      for (const quad of dataset.quads()) if ((!s || quad.subject.equals(s)) && (!p || quad.predicate.equals(p)) && (!o || quad.object.equals(o))) scanned++;
      expect(await source.countQuads(s, p, o, null)).toBe(scanned);
      expect((await source.match(s, p, o, null).toArray()).length).toBe(scanned);
    }
  });
});

describe("kg sparql --engine", () => {
  it("says on stderr that Comunica answered, with the same table as Oxigraph", async () => {
    const query = "SELECT ?c WHERE { ?c a kg:Company } ORDER BY ?c";
    const viaComunica = await runKg(["sparql", "--engine", "comunica", query]);
    const viaOxigraph = await runKg(["sparql", query]);
    expect([viaComunica.code, viaOxigraph.code]).toEqual([0, 0]);
    expect(viaComunica.stdout).toBe(viaOxigraph.stdout);
    expect(viaComunica.stderr).toMatch(/^kg sparql: answered by Comunica \(the loaded graph read in place\) over [\d,]+ quads$/m);
    expect(viaOxigraph.stderr).toBe("");
    expect((await runKg(["sparql", "--engine", "jena", query])).code).toBe(2);
  }, 60_000);
});
