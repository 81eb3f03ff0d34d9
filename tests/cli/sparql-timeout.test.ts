// Embedded SPARQL runs in a thread of its own with a time limit: a runaway query is stopped with a clear message, in kg sparql and in session replays.
import { describe, expect, it } from "vitest";
import { fixture, runKg } from "./run-kg.ts";

// 6,600 triples cubed: never ends by itself, and the row limit cannot bound a COUNT.
const RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

describe("kg sparql --timeout", () => {
  it("stops a runaway query at the limit and says how to raise it (exit 2)", async () => {
    const result = await runKg(["sparql", "--timeout", "1", RUNAWAY]);
    expect(result.code).toBe(2);
    // The last line: a slow load (a busy machine) prints its progress first.
    expect(result.stderr.trim().split("\n").at(-1)).toBe("query/sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS)");
    expect(result.stdout).toBe("");
  }, 60_000);

  it("answers quick queries as before, under the default limit", async () => {
    const result = await runKg(["sparql", "--format", "json", "ASK { ?s a kg:Company }"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ head: {}, boolean: true });
  });

  it("takes plain seconds from 0.001 to 86400 and says so otherwise", async () => {
    for (const bad of ["0", "1e9", "Infinity", "0x10", "-1", "86401"]) {
      const result = await runKg(["sparql", `--timeout=${bad}`, "ASK {}"]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(`kg sparql: --timeout must be a number of seconds from 0.001 to 86400 (a day), got "${bad}"`);
    }
  });
});

describe("kg session replay --timeout", () => {
  it("fails the runaway step with the reason and still re-runs the next one", async () => {
    const result = await runKg(["session", "replay", fixture("session", "runaway-sparql.session.json"), "--timeout", "1", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const { sparql } = JSON.parse(result.stdout) as { sparql: { index: number; rows: number | null; differs: boolean; why: string[] }[] };
    expect(sparql).toEqual([
      { index: 1, label: expect.any(String), target: "local", recordedRows: 1, rows: null, differs: true, why: ["it fails now: query/sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS)"] },
      { index: 2, label: "SPARQL ASK { ?s ?p ?o }", target: "local", recordedRows: 1, rows: 1, differs: false, why: [] },
    ]);
  }, 60_000);
});
