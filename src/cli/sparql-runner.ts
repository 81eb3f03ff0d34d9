// Runs kg's embedded SPARQL queries in a worker thread with a time limit: a runaway query is stopped instead of hanging kg.
import { Worker } from "node:worker_threads";
import type { Dataset } from "../rdf/dataset.ts";
import { embeddedSparqlInput, OXIGRAPH_MAX_QUADS } from "../sparql/sparql-embedded.ts";
import { startComunicaRunner } from "../sparql/sparql-comunica.ts";
import { UsageError } from "./args.ts";
import { thousands } from "./format.ts";
import { startEngineRunner, type EnginePort, type EngineReply, type EngineRunner } from "../sparql/sparql-engine-runner.ts";

export type EngineChoice = "auto" | "oxigraph" | "comunica";

/**
 * From this size on, one query (kg sparql) goes to Comunica reading the Dataset in place rather than to a copy in
 * Oxigraph: a selective query then answers without the copy (at 1M: Comunica 0.05 s after the load, where Oxigraph's
 * copy alone takes about 5 s), at the price of whole-graph queries, which Comunica answers up to 1.3x later (first
 * COUNT(*) at 1M 10.3 s against 8.2 s, at 5M 53.5 s against 41.3 s, load average 1–5). Many queries over one load (kg
 * session replay) keep Oxigraph, whose queries are 10–25x faster once loaded (docs/scale.md).
 */
export const COMUNICA_ONE_QUERY_FROM = 500_000;

/**
 * An engine over the dataset; each query stopped after `timeoutMs`. Close it when done. "auto": Oxigraph (a copy
 * in a thread of its own) for many queries up to its size limit, or for one query on a small graph; else Comunica
 * over the Dataset in place. `engine` names the one chosen.
 */
export function startSparqlRunner(dataset: Dataset, timeoutMs: number, choice: EngineChoice = "auto", queries: "one" | "many" = "many"): EngineRunner & { engine: string; advice?: string } {
  const raiseHint = "raise it with --timeout SECONDS";
  const comunicaFrom = queries === "one" ? COMUNICA_ONE_QUERY_FROM : OXIGRAPH_MAX_QUADS + 1;
  if (choice === "comunica" || (choice === "auto" && dataset.size >= comunicaFrom)) {
    return { ...startComunicaRunner(dataset, { timeoutMs, raiseHint }), engine: "Comunica (the loaded graph read in place)", advice: serverAdvice(dataset.size) };
  }
  if (dataset.size > OXIGRAPH_MAX_QUADS) {
    throw new UsageError(`kg: the graph has ${thousands(dataset.size)} quads; Oxigraph's embedded (WASM) store takes at most ${thousands(OXIGRAPH_MAX_QUADS)} (its 4 GiB memory, docs/scale.md); use --engine comunica or auto`);
  }
  return { ...startEngineRunner(() => embeddedSparqlInput(dataset), { spawn: spawnThread, timeoutMs, raiseHint }), engine: "Oxigraph (a copy of the loaded graph)" };
}

/**
 * Past Oxigraph's limit only Comunica is embedded, and kg's local Virtuoso store beat it (at 10M triples: loading a
 * new store and its first COUNT(*) 52.4 s against Comunica's 95.4 s, with the store there 4.6 s, on a quiet machine),
 * so the user is told about it.
 */
function serverAdvice(size: number): string | undefined {
  if (size <= OXIGRAPH_MAX_QUADS) return undefined;
  return `a graph of over ${thousands(OXIGRAPH_MAX_QUADS)} quads is answered sooner from kg's local Virtuoso store: kg sparql --engine virtuoso loads the files into it once (it needs virtuoso-opensource), and later queries on the same files take seconds (docs/scale.md)`;
}

function spawnThread(): EnginePort {
  // From source (tests run kg's code in-process) the thread is TypeScript: it registers tsx's loader first.
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(fromSource ? "./sparql-thread.ts" : "./sparql-thread.js", import.meta.url);
  const worker = fromSource
    ? new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onEnd) {
      worker.on("message", (reply: EngineReply) => onReply(reply));
      worker.on("error", (error) => onEnd(error.message));
      worker.on("exit", (code) => onEnd(`exit code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
