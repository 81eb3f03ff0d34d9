// The embedded SPARQL engine's own thread: kg sends it the data once and then queries; the main thread can stop it at any time.
import { parentPort } from "node:worker_threads";
import { createEmbeddedSparqlFrom, SparqlQueryError, type EmbeddedSparql, type EmbeddedSparqlInput } from "../query/sparql-embedded.ts";
import type { SparqlThreadReply, SparqlThreadRequest } from "./sparql-runner.ts";

let engine: Promise<EmbeddedSparql> | undefined;

parentPort?.on("message", (request: SparqlThreadRequest) => void answer(request));

async function answer(request: SparqlThreadRequest): Promise<void> {
  let reply: SparqlThreadReply;
  try {
    if (request.op === "load") {
      engine = createEmbeddedSparqlFrom(request.input satisfies EmbeddedSparqlInput);
      await engine;
      reply = { id: request.id, ok: true };
    } else {
      if (!engine) throw new Error("cli/sparql-thread: a query came before the data");
      reply = { id: request.id, ok: true, answer: (await engine).query(request.query, { maxRows: request.maxRows }) };
    }
  } catch (error) {
    const queryError = error instanceof SparqlQueryError;
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), queryError, line: queryError ? error.line : undefined, column: queryError ? error.column : undefined };
  }
  parentPort?.postMessage(reply);
}
