// The embedded engine (Oxigraph over the Dataset) and `kg sparql`: answers agree with the graph, every output format, clear errors.
import { beforeAll, describe, expect, it } from "vitest";
import { loadData } from "../../src/cli/load.ts";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { resolveNode } from "../../src/query/names.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { prefixes } from "../../src/rdf/vocab.ts";
import { ANSWER_TOO_LARGE, createEmbeddedSparql, SparqlQueryError, tooLongForOneString, type EmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import type { SparqlAnswer } from "../../src/sparql/sparql-endpoint.ts";
import { fixture, runKg } from "../cli/run-kg.ts";

let dataset: Dataset;
let graph: GraphIndex;
let engine: EmbeddedSparql;

beforeAll(async () => {
  dataset = (await loadData(undefined)).dataset;
  graph = projectGraph(dataset);
  engine = await createEmbeddedSparql(dataset);
});

function rowsOf(answer: SparqlAnswer) {
  if (answer.form !== "select") throw new Error(`expected SELECT results, got ${answer.form}`);
  return answer.result;
}

describe("createEmbeddedSparql over the bundled graph", () => {
  it("finds the same companies as the projected graph, with the data's prefixes declared for the query", () => {
    const result = rowsOf(engine.query("SELECT DISTINCT ?c WHERE { ?c a kg:Company }"));
    const companyClass = dataset.terms.iriId(`${prefixes.kg}Company`);
    const expected: string[] = [];
    for (let n = 0; n < graph.nodeCount; n++) if (graph.hasClass(n, companyClass)) expected.push(graph.iri(n));
    expect(expected.length).toBeGreaterThan(3);
    expect(result.bindings.map((b) => b.c.value).sort()).toEqual(expected.sort());
  });

  it("reads an edge's evidence through its rdf:Statement, as the projection does", () => {
    const huawei = resolveNode(graph, "Huawei");
    const edge = Array.from(graph.outEdgeIds.subarray(graph.outOffsets[huawei], graph.outOffsets[huawei + 1]))
      .find((e) => graph.evidence(e).length > 0)!;
    const [s, p, o] = [graph.iri(graph.edgeSources[edge]), dataset.terms.key(graph.edgePredicates[edge]), graph.iri(graph.edgeTargets[edge])];
    const result = rowsOf(engine.query(`SELECT ?quote WHERE { ?st rdf:subject <${s}> ; rdf:predicate <${p}> ; rdf:object <${o}> ; oa:hasSelector/oa:exact ?quote }`));
    expect(result.bindings.map((b) => b.quote.value).sort()).toEqual(graph.evidence(edge).map((e) => e.quote).sort());
  });

  it("answers ASK, CONSTRUCT and DESCRIBE", async () => {
    expect(engine.query("ASK { kgr:huawei a kg:Company }")).toEqual({ form: "ask", value: true });
    expect(engine.query("ASK { kgr:huawei a kg:Country }")).toEqual({ form: "ask", value: false });
    const constructed = engine.query("CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c a kg:Company ; skos:prefLabel ?l }");
    expect(constructed.form).toBe("construct");
    if (constructed.form !== "construct") return;
    const parsed = await loadDataset([{ name: "answer", text: constructed.parts.join(""), format: "ntriples" }]);
    expect(parsed.size).toBe(rowsOf(engine.query("SELECT ?c WHERE { ?c a kg:Company }")).bindings.length);
    const described = engine.query("DESCRIBE kgr:dahua");
    expect(described.form).toBe("describe");
    if (described.form === "describe") expect(described.parts.join("")).toContain("<https://w3id.org/smartcity-kg/resource/lebanese-ministry-of-health>");
  });

  it("gives the first rows of the ordered answer when maxRows bounds the query", () => {
    const query = "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label } ORDER BY ?label ?s";
    const all = engine.query(query);
    const first = engine.query(query, { maxRows: 3 });
    if (all.form !== "select" || first.form !== "select") throw new Error("expected SELECT results");
    expect(all.result.bindings.length).toBeGreaterThan(3);
    expect(first.result).toEqual({ vars: all.result.vars, bindings: all.result.bindings.slice(0, 3), truncated: true });
  });

  it("cuts SELECT results at maxRows and says so", () => {
    const result = rowsOf(engine.query("SELECT ?s WHERE { ?s a kg:Company }", { maxRows: 2 }));
    expect(result.bindings.length).toBe(2);
    expect(result.truncated).toBe(true);
  });

  it("rejects bad queries with the engine's position, unknown prefixes by name, and updates", () => {
    expect(() => engine.query("SELECT ?x WHERE { ?x ?p }")).toThrow(SparqlQueryError);
    expect(() => engine.query("SELECT ?x WHERE { ?x ?p }")).toThrow(/query\/sparql: error at \d+:\d+/);
    expect(() => engine.query("SELECT ?x WHERE { ?x nope:p ?y }")).toThrow(/unknown prefix nope: .*PREFIX nope:/);
    expect(() => engine.query("DELETE WHERE { ?s ?p ?o }")).toThrow(/no updates/);
    // The form is the parser's: a prefix named like a query form neither hides an update nor blocks a query.
    expect(() => engine.query("PREFIX ask: <http://x/> DELETE WHERE { ?s ?p ?o }")).toThrow(/no updates\); this is an update: DELETE WHERE/);
    expect(engine.query("PREFIX delete: <http://x/> SELECT ?s WHERE { ?s delete:p ?o }").form).toBe("select");
    expect(engine.query("ASK { ?s ?p ?o }")).toEqual({ form: "ask", value: true });
  });
});

describe("kg sparql", () => {
  const data = ["--data", fixture("sparql", "widgets.ttl")];

  it("prints a table for SELECT, with CURIEs from the data's own prefixes", async () => {
    const result = await runKg([...data, "sparql", "SELECT ?w ?label WHERE { ?w a ex:Widget ; skos:prefLabel ?label } ORDER BY ?label"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\?w\s+\?label$/);
    expect(lines[2]).toMatch(/^exr:gear\s+Gear @en$/);
    expect(lines[3]).toMatch(/^exr:spring\s+Spring @en$/);
    expect(lines[4]).toBe("2 rows");
  });

  it("writes SPARQL JSON results and CSV (quoted cells, CRLF)", async () => {
    const query = "SELECT ?thing ?label WHERE { ?thing skos:prefLabel ?label } ORDER BY ?thing";
    const json = JSON.parse((await runKg([...data, "sparql", query, "--format", "json"])).stdout);
    expect(json.head.vars).toEqual(["thing", "label"]);
    expect(json.results.bindings[0]).toEqual({
      thing: { type: "uri", value: "http://example.org/widgets/resource/gear" },
      label: { type: "literal", value: "Gear", "xml:lang": "en" },
    });
    const csv = (await runKg([...data, "sparql", query, "--format", "csv"])).stdout;
    expect(csv.split("\r\n")).toEqual([
      "thing,label",
      "http://example.org/widgets/resource/gear,Gear",
      'http://example.org/widgets/resource/gearbox,"Gearbox, ""heavy"" model"',
      "http://example.org/widgets/resource/spring,Spring",
      "",
    ]);
  });

  it("prints true or false for ASK, and Turtle for CONSTRUCT that reads back", async () => {
    expect((await runKg([...data, "sparql", "ASK { exr:gear ex:partOf exr:gearbox }"])).stdout).toBe("true\n");
    expect((await runKg([...data, "sparql", "ASK { exr:gearbox ex:partOf exr:gear }"])).stdout).toBe("false\n");
    const turtle = await runKg([...data, "sparql", "CONSTRUCT { ?part ex:inside ?whole } WHERE { ?part ex:partOf ?whole }"]);
    expect(turtle.code).toBe(0);
    expect(turtle.stdout).toContain("@prefix exr: <http://example.org/widgets/resource/> .");
    const parsed = await loadDataset([{ name: "out.ttl", text: turtle.stdout }]);
    expect(parsed.size).toBe(2);
  });

  it("reads the query from a file with @file, and says when --limit cut the rows", async () => {
    const all = await runKg([...data, "sparql", `@${fixture("sparql", "widgets-by-weight.rq")}`, "--format", "csv"]);
    expect(all.stdout.split("\r\n").slice(0, 3)).toEqual(["widget,weight", "http://example.org/widgets/resource/gear,3", "http://example.org/widgets/resource/spring,1"]);
    const cut = await runKg([...data, "sparql", `@${fixture("sparql", "widgets-by-weight.rq")}`, "--limit", "1"]);
    expect(cut.stdout).toMatch(/exr:gear\s+3\n1 row\n$/);
    expect(cut.stderr).toMatch(/showing the first 1 rows; there are more/);
  });

  it("lets --limit bound the work: a cross product of the bundled graph answers its first rows", async () => {
    // Without a LIMIT given to the engine this ran ~50 s, grew to 2.2 GB and ended in a Rust panic (exit 2).
    const result = await runKg(["sparql", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "--limit", "5"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n5 rows\n$/);
    expect(result.stderr).toMatch(/showing the first 5 rows; there are more/);
  });

  it("runs on the bundled graph by default", async () => {
    const result = await runKg(["sparql", "SELECT ?label WHERE { kgr:huawei skos:prefLabel ?label }", "--format", "json"]);
    expect(JSON.parse(result.stdout).results.bindings).toEqual([{ label: { type: "literal", value: "Huawei", "xml:lang": "en" } }]);
  });

  it("exits 2 with a fixable message for a bad query, a wrong format or a missing file", async () => {
    const syntax = await runKg([...data, "sparql", "SELECT ?x WHERE { ?x ex:weight }"]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^query\/sparql: error at \d+:\d+/);
    const prefix = await runKg([...data, "sparql", "SELECT ?x WHERE { ?x nope:weight ?w }"]);
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toMatch(/unknown prefix nope: .*the data's prefixes are .*ex: exr:/);
    const format = await runKg([...data, "sparql", "SELECT ?x WHERE { ?x ?p ?o }", "--format", "turtle"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/SELECT gives rows, not a graph/);
    const unknownFormat = await runKg([...data, "sparql", "ASK {}", "--format", "xml"]);
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr).toMatch(/--format must be one of table, json, csv, turtle/);
    const file = await runKg([...data, "sparql", "@no-such-query.rq"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/cannot read "no-such-query.rq"/);
  });
});

describe("a graph answer past V8's string limit", () => {
  it("is told as too large for Oxigraph, with the engines that write in pieces", () => {
    // Node 20's words when Oxigraph's CONSTRUCT over the 1M generated graph (5 triples a match) became one string.
    expect(tooLongForOneString("Cannot create a string longer than 0x1fffffe8 characters")).toBe(true);
    expect(tooLongForOneString("Invalid string length")).toBe(true);
    expect(tooLongForOneString("Parser error at line 1")).toBe(false);
    expect(ANSWER_TOO_LARGE).toContain("kg sparql --engine comunica or --engine virtuoso");
  });
});
