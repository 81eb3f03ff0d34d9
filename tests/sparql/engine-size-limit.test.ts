// Oxigraph's size limit (WASM memory): the workbench's SPARQL refuses a bigger graph with the number; kg chooses its engine by size.
import { DataFactory } from "n3";
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/rdf/dataset.ts";
import { TermTable } from "../../src/rdf/terms.ts";
import { OXIGRAPH_MAX_QUADS } from "../../src/sparql/sparql-embedded.ts";
import type { DataService } from "../../src/workbench/data-service.ts";
import { runQuery } from "../../src/workbench/sparql/worker-side.ts";
import { COMUNICA_ONE_QUERY_FROM, startSparqlRunner } from "../../src/cli/sparql-runner.ts";

/** A Dataset of `size` quads (one triple repeated: only the count matters to the refusal). */
function datasetOfSize(size: number): Dataset {
  const terms = new TermTable();
  const id = terms.intern(DataFactory.namedNode("http://example.org/a"));
  const column = () => new Uint32Array(size).fill(id);
  return new Dataset(terms, {}, column(), column(), column(), new Uint32Array(size), new Uint32Array(terms.size + 1));
}

describe("workbench SPARQL over a graph too big for Oxigraph", () => {
  it("answers with the limit and where to go instead, and never starts the engine", async () => {
    const service = { loaded: { dataset: datasetOfSize(OXIGRAPH_MAX_QUADS + 1), index: {} } } as unknown as DataService;
    const reply = await runQuery(service, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", 10);
    expect(reply).toEqual({
      op: "query",
      error: { message: "query/sparql: the loaded graph has 6,000,001 quads; the workbench's SPARQL engine (Oxigraph, in WASM memory) takes at most 6,000,000. Run the query with kg sparql, which reads a graph of any size in place, or serve the files with kg store serve and connect to the endpoint it prints (docs/scale.md)." },
    });
  });
});

describe("kg's engine choice by size", () => {
  it("gives one query to Comunica from COMUNICA_ONE_QUERY_FROM, many to Oxigraph up to its limit, and refuses Oxigraph above it", () => {
    const started: string[] = [];
    for (const [size, choice, queries] of [
      [COMUNICA_ONE_QUERY_FROM - 1, "auto", "one"], [COMUNICA_ONE_QUERY_FROM, "auto", "one"],
      [OXIGRAPH_MAX_QUADS, "auto", "many"], [OXIGRAPH_MAX_QUADS + 1, "auto", "many"], [10, "comunica", "many"],
    ] as const) {
      const runner = startSparqlRunner(datasetOfSize(size), 1000, choice, queries);
      started.push(runner.engine.split(" ")[0]);
      runner.close();
    }
    expect(started).toEqual(["Oxigraph", "Comunica", "Oxigraph", "Comunica", "Comunica"]);
  });

  it("points to a local SPARQL server only when Comunica answers past Oxigraph's limit", () => {
    const advice = ([size, choice]: [number, "auto" | "comunica"]) => {
      const runner = startSparqlRunner(datasetOfSize(size), 1000, choice, "one");
      runner.close();
      return runner.advice;
    };
    expect(advice([OXIGRAPH_MAX_QUADS + 1, "auto"])).toBe(
      'a graph of over 6,000,000 quads is answered sooner from kg\'s local Virtuoso store: kg sparql --engine virtuoso loads the files into it once (it needs virtuoso-opensource), and later queries on the same files take seconds (docs/scale.md)',
    );
    expect(advice([OXIGRAPH_MAX_QUADS, "auto"])).toBeUndefined();
    expect(advice([10, "comunica"])).toBeUndefined();
    expect(() => startSparqlRunner(datasetOfSize(OXIGRAPH_MAX_QUADS + 1), 1000, "oxigraph")).toThrow(
      "kg: the graph has 6,000,001 quads; Oxigraph's embedded (WASM) store takes at most 6,000,000 (its 4 GiB memory, docs/scale.md); use --engine comunica or auto",
    );
  });
});
