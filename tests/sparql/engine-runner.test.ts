// The engine runner: queries in a worker thread, stopped by the time limit or a cancel, the next query served by a fresh worker.
import { describe, expect, it } from "vitest";
import { startSparqlRunner } from "../../src/cli/sparql-runner.ts";
import { bundledGraph } from "../session/fixtures.ts";

const RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

describe("startSparqlRunner", () => {
  it("cancels a running query, then answers the next one on a fresh worker", async () => {
    const { dataset } = await bundledGraph();
    const runner = startSparqlRunner(dataset, 60_000);
    try {
      expect(await runner.query("ASK { ?s ?p ?o }")).toEqual({ form: "ask", value: true });
      const runaway = runner.query(RUNAWAY);
      // Cancel once the query is under way (the first answer above means the data is loaded).
      setTimeout(() => runner.cancel(), 300);
      await expect(runaway).rejects.toThrow("query/sparql: the query was cancelled");
      expect(await runner.query("ASK { ?s a <https://w3id.org/smartcity-kg/ontology#Company> }")).toEqual({ form: "ask", value: true });
    } finally {
      runner.close();
    }
  }, 60_000);

  it("stops a query at the time limit and reports refusals as the engine does", async () => {
    const { dataset } = await bundledGraph();
    const runner = startSparqlRunner(dataset, 500);
    try {
      await expect(runner.query(RUNAWAY)).rejects.toThrow("query/sparql: the query was stopped after 0.5 s (the time limit; raise it with --timeout SECONDS)");
      await expect(runner.query("DELETE WHERE { ?s ?p ?o }")).rejects.toMatchObject({ name: "SparqlQueryError" });
      await expect(runner.query("SELECT ?x WHERE {")).rejects.toMatchObject({ name: "SparqlQueryError", line: 1 });
    } finally {
      runner.close();
    }
  }, 60_000);
});
