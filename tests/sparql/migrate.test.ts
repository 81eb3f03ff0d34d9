// SPARQL text naming old predicates (ontology/migration.ttl): the query also matches their replacements and says so.
import { beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { loadData } from "../../src/cli/load.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { createEmbeddedSparql, type EmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import type { SparqlAnswer } from "../../src/sparql/sparql-endpoint.ts";
import { fixture, repoRoot, runKg } from "../cli/run-kg.ts";

let engine: EmbeddedSparql;

beforeAll(async () => {
  engine = await createEmbeddedSparql((await loadData(undefined)).dataset);
});

function rows(answer: SparqlAnswer, variable: string): string[] {
  if (answer.form !== "select") throw new Error(`expected SELECT results, got ${answer.form}`);
  return answer.result.bindings.map((b) => b[variable].value).sort();
}

describe("old predicate IRIs in SPARQL on the bundled graph", () => {
  it("kg:donatesTo finds what kg:suppliesTo states, with a note naming the replacement", () => {
    const old = engine.query("SELECT ?to WHERE { kgr:huawei kg:donatesTo ?to }");
    const current = engine.query("SELECT ?to WHERE { kgr:huawei kg:suppliesTo ?to }");
    expect(rows(old, "to")).toEqual(rows(current, "to"));
    expect(rows(old, "to")).toContain("https://w3id.org/smartcity-kg/resource/kenyan-government");
    expect(old.notes).toEqual(["query/sparql: kg:donatesTo is an old name (ontology/migration.ttl), replaced by kg:suppliesTo; the query matched either (kg:donatesTo|kg:suppliesTo)"]);
    expect(current.notes).toBeUndefined();
  });

  it("an inverse replacement swaps subject and object (kg:includes is ^kg:isPartOf), also inside paths and FILTER EXISTS", () => {
    const parts = rows(engine.query("SELECT ?part WHERE { ?part kg:isPartOf kgr:dense-surveillance-grid }"), "part");
    expect(parts.length).toBeGreaterThan(5);
    expect(rows(engine.query("SELECT ?part WHERE { kgr:dense-surveillance-grid kg:includes ?part }"), "part")).toEqual(parts);
    expect(rows(engine.query("SELECT ?part WHERE { kgr:dense-surveillance-grid (kg:includes) ?part }"), "part")).toEqual(parts);
    const exists = engine.query("SELECT ?part WHERE { ?part a ?c FILTER EXISTS { kgr:dense-surveillance-grid kg:includes ?part } }");
    expect([...new Set(rows(exists, "part"))]).toEqual(parts);
    expect(exists.notes?.[0]).toMatch(/kg:includes is an old name .* replaced by kg:isPartOf with subject and object swapped/);
  });

  it("a CONSTRUCT states what it found in current terms, never the old name for a relation stated under the new one", async () => {
    const answer = engine.query("CONSTRUCT WHERE { ?a kg:proposes ?b }");
    if (answer.form !== "construct") throw new Error(answer.form);
    const quads = [...(await loadDataset([{ name: "answer", text: answer.parts.join(""), format: "ntriples" }])).quads()];
    expect(quads.length).toBeGreaterThan(3);
    expect(new Set(quads.map((q) => q.predicate.value))).toEqual(new Set(["https://w3id.org/smartcity-kg/ontology#promotes"]));
    expect(answer.notes).toHaveLength(1);
  });

  it("leaves a query that names no old predicate as written, and an old IRI used as a value alone", () => {
    const answer = engine.query("SELECT ?p WHERE { VALUES ?p { kg:donatesTo } ?s ?p ?o }");
    expect(rows(answer, "p")).toEqual([]);
    expect(answer.notes).toBeUndefined();
  });
});

describe("old predicate IRIs in SPARQL on data that still states them", () => {
  it("still matches the old predicate in data written with it (mini.ttl states kg:donatesTo, not kg:suppliesTo)", async () => {
    const files = [resolve(repoRoot, "ontology", "smartcity.ttl"), resolve(repoRoot, "ontology", "migration.ttl"), fixture("cli", "mini.ttl")];
    const mini = await createEmbeddedSparql((await loadData(files)).dataset);
    expect(rows(mini.query("SELECT ?to WHERE { kgr:huawei kg:suppliesTo ?to }"), "to")).toEqual([]);
    const old = mini.query("SELECT ?to WHERE { kgr:huawei kg:donatesTo ?to }");
    expect(rows(old, "to")).toEqual(["https://w3id.org/smartcity-kg/resource/government-of-kenya", "https://w3id.org/smartcity-kg/resource/ministry-of-health-pakistan"]);
    expect(old.notes).toHaveLength(1);
  });

  it("kg sparql prints the note on stderr and the answer on stdout", async () => {
    const result = await runKg(["sparql", "SELECT ?to WHERE { kgr:huawei kg:donatesTo ?to } ORDER BY ?to", "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("https://w3id.org/smartcity-kg/resource/kenyan-government");
    expect(result.stderr).toContain("kg sparql: kg:donatesTo is an old name (ontology/migration.ttl), replaced by kg:suppliesTo");
  });
});
