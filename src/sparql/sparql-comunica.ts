// SPARQL over the Dataset in place with Comunica (the data as an RDF/JS source: no copy, no text), for data beyond Oxigraph's WASM memory.
import type * as RDF from "@rdfjs/types";
import { Writer } from "n3";
import type { Dataset } from "../rdf/dataset.ts";
import { datasetReplacements } from "../query/replacements.ts";
import { queryPlanner, SparqlQueryError } from "./sparql-embedded.ts";
import type { SparqlAnswer, SparqlTermJson } from "./sparql-endpoint.ts";
import type { EngineRunner } from "./sparql-engine-runner.ts";
import { loadSparqlClassifier } from "./sparql-form.ts";
import { loadSparqlMigrator } from "./sparql-migrate.ts";
import { limitSelect } from "./sparql-query.ts";
import { DatasetQuadSource } from "./sparql-rdfjs-source.ts";

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

/** The part of Comunica's results this module reads. */
interface Stoppable<T> {
  toArray(options?: { limit?: number }): Promise<T[]>;
  on(event: "data", listener: (item: T) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  destroy(cause?: Error): void;
}
type ComunicaResult =
  | { resultType: "bindings"; execute(): Promise<Stoppable<Map<RDF.Variable, RDF.Term> & Iterable<[RDF.Variable, RDF.Term]>>>; metadata(): Promise<{ variables: ({ variable: RDF.Variable } | RDF.Variable)[] }> }
  | { resultType: "quads"; execute(): Promise<Stoppable<RDF.Quad>> }
  | { resultType: "boolean"; execute(): Promise<boolean> }
  | { resultType: "void" };
interface ComunicaEngine {
  query(query: string, context: Record<string, unknown>): Promise<ComunicaResult>;
}

/**
 * Queries over the dataset in this thread, each stopped after `timeoutMs` or by cancel (Comunica works in small
 * asynchronous steps, so a timer can end it; Oxigraph's WASM needs a worker of its own for that).
 */
export function startComunicaRunner(dataset: Dataset, options: { timeoutMs: number; raiseHint: string }): EngineRunner {
  const source = new DatasetQuadSource(dataset);
  const ready = (async () => {
    const [{ QueryEngine }, classify, migrate] = await Promise.all([
      import("@comunica/query-sparql-rdfjs-lite"), loadSparqlClassifier(), loadSparqlMigrator(Object.fromEntries(datasetReplacements(dataset))),
    ]);
    return { engine: new QueryEngine() as unknown as ComunicaEngine, plan: queryPlanner({ prefixes: dataset.prefixes, classify, migrate }) };
  })();
  let stopRunning: ((error: SparqlQueryError) => void) | undefined;
  return {
    async query(text, { maxRows = Infinity } = {}) {
      const { engine, plan } = await ready;
      const { form, query, notes } = plan(text);
      let stream: Stoppable<unknown> | undefined;
      const stopped = new Promise<never>((_, reject) => {
        stopRunning = (error) => {
          stream?.destroy(error);
          reject(error);
        };
      });
      const timer = setTimeout(() => stopRunning?.(new SparqlQueryError(`query/sparql: the query was stopped after ${options.timeoutMs / 1000} s (the time limit; ${options.raiseHint})`)), options.timeoutMs);
      const run = async (): Promise<SparqlAnswer> => {
        // A LIMIT of one more row than shown stops the engine there, as for Oxigraph.
        const bounded = form === "select" && Number.isFinite(maxRows) ? limitSelect(query, maxRows + 1) : query;
        const result = await engine.query(bounded, { sources: [source] });
        if (result.resultType === "boolean") return { form: "ask", value: await result.execute(), ...notes };
        if (result.resultType === "bindings") {
          const rows = await result.execute();
          stream = rows;
          // Comunica's metadata lists the variables as terms (or, in other versions, as { variable }).
          const vars = (await result.metadata()).variables.map((entry) => ("variable" in entry ? entry.variable : entry).value);
          const read = await rows.toArray({ limit: Number.isFinite(maxRows) ? maxRows + 1 : undefined });
          const truncated = read.length > maxRows;
          const bindings = (truncated ? read.slice(0, maxRows) : read).map((row) => {
            const binding: Record<string, SparqlTermJson> = {};
            for (const [variable, term] of row) binding[variable.value] = termJson(term);
            return binding;
          });
          return { form: "select", result: { vars, bindings, truncated }, ...notes };
        }
        if (result.resultType === "quads") {
          const quads = await result.execute();
          stream = quads;
          return { form: form === "describe" ? "describe" : "construct", parts: await ntriplesPieces(quads), contentType: "application/n-triples", ...notes };
        }
        throw new SparqlQueryError("query/sparql: the engine gave no answer to this query");
      };
      try {
        return await Promise.race([run().catch((error: unknown) => {
          if (error instanceof SparqlQueryError) throw error;
          throw new SparqlQueryError(`query/sparql: ${error instanceof Error ? error.message : String(error)}`);
        }), stopped]);
      } finally {
        clearTimeout(timer);
        stopRunning = undefined;
      }
    },
    cancel() {
      stopRunning?.(new SparqlQueryError("query/sparql: the query was cancelled"));
    },
    close() {
      stopRunning?.(new SparqlQueryError("query/sparql: the engine was closed"));
    },
  };
}

/** Characters a piece of a graph answer holds, about (as rdf/serialize.ts writeChunks' pieces). */
const PIECE_CHARS = 1 << 20;

/**
 * The quads as N-Triples in pieces of whole lines, written as they arrive: neither all the quads as objects at once
 * nor one string, which V8 caps at 2^29 - 24 characters (about 3M triples).
 */
function ntriplesPieces(quads: Stoppable<RDF.Quad>): Promise<string[]> {
  const writer = new Writer({ format: "N-Triples" });
  const parts: string[] = [];
  let lines: string[] = [];
  let chars = 0;
  return new Promise((resolve, reject) => {
    quads.on("data", (q) => {
      const line = writer.quadToString(q.subject as never, q.predicate as never, q.object as never);
      lines.push(line);
      chars += line.length;
      if (chars < PIECE_CHARS) return;
      parts.push(lines.join(""));
      lines = [];
      chars = 0;
    });
    quads.on("error", reject);
    quads.on("end", () => {
      if (lines.length > 0) parts.push(lines.join(""));
      resolve(parts);
    });
  });
}

/** A term as SPARQL JSON results write it (a plain string literal without its datatype, as Oxigraph writes it). */
function termJson(term: RDF.Term): SparqlTermJson {
  if (term.termType === "NamedNode") return { type: "uri", value: term.value };
  if (term.termType === "BlankNode") return { type: "bnode", value: term.value };
  if (term.termType === "Literal") {
    if (term.language) return { type: "literal", value: term.value, "xml:lang": term.language };
    return term.datatype.value === XSD_STRING ? { type: "literal", value: term.value } : { type: "literal", value: term.value, datatype: term.datatype.value };
  }
  return { type: "literal", value: term.value };
}
