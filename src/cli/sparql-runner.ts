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
 * From this size on, one query (kg sparql) is answered sooner by Comunica reading the Dataset in place than by
 * copying it into Oxigraph first: at 1M quads (load average 15) Oxigraph's copy and load took 60 s before its
 * first answer, Comunica's COUNT(*) 38 s and selective joins 2–5 s; at 100k the two were even (docs/scale.md).
 * Many queries over one load (kg session replay) keep Oxigraph, whose queries are 10–25x faster once loaded.
 */
export const COMUNICA_ONE_QUERY_FROM = 500_000;

/**
 * An engine over the dataset; each query stopped after `timeoutMs`. Close it when done. "auto": Oxigraph (a copy
 * in a thread of its own) for many queries up to its size limit, or for one query on a small graph; else Comunica
 * over the Dataset in place. `engine` names the one chosen.
 */
export function startSparqlRunner(dataset: Dataset, timeoutMs: number, choice: EngineChoice = "auto", queries: "one" | "many" = "many"): EngineRunner & { engine: string } {
  const raiseHint = "raise it with --timeout SECONDS";
  const comunicaFrom = queries === "one" ? COMUNICA_ONE_QUERY_FROM : OXIGRAPH_MAX_QUADS + 1;
  if (choice === "comunica" || (choice === "auto" && dataset.size >= comunicaFrom)) {
    return { ...startComunicaRunner(dataset, { timeoutMs, raiseHint }), engine: "Comunica (the loaded graph read in place)" };
  }
  if (dataset.size > OXIGRAPH_MAX_QUADS) {
    throw new UsageError(`kg: the graph has ${thousands(dataset.size)} quads; Oxigraph's embedded (WASM) store takes at most ${thousands(OXIGRAPH_MAX_QUADS)} (its 4 GiB memory, docs/scale.md); use --engine comunica or auto`);
  }
  return { ...startEngineRunner(() => embeddedSparqlInput(dataset), { spawn: spawnThread, timeoutMs, raiseHint }), engine: "Oxigraph (a copy of the loaded graph)" };
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
