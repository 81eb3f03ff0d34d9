// Runs kg's embedded SPARQL queries in a worker thread with a time limit: a runaway query is stopped instead of hanging kg.
import { Worker } from "node:worker_threads";
import type { Dataset } from "../rdf/dataset.ts";
import { embeddedSparqlInput } from "../sparql/sparql-embedded.ts";
import { startComunicaRunner } from "../sparql/sparql-comunica.ts";
import { UsageError } from "./args.ts";
import { thousands } from "./format.ts";
import { startEngineRunner, type EnginePort, type EngineReply, type EngineRunner } from "../sparql/sparql-engine-runner.ts";

export type EngineChoice = "auto" | "oxigraph" | "comunica";

/**
 * Oxigraph's WASM build has a 32-bit memory (4 GiB) and holds about 450 bytes a quad, plus the N-Quads it reads:
 * above this many quads it cannot take the data (docs/scale.md), so "auto" queries them with Comunica in place.
 */
export const OXIGRAPH_MAX_QUADS = 7_000_000;

/**
 * An engine over the dataset; each query stopped after `timeoutMs`. Close it when done. Oxigraph (a copy in a
 * thread of its own: fast queries once loaded) up to OXIGRAPH_MAX_QUADS, else Comunica over the Dataset in place.
 */
export function startSparqlRunner(dataset: Dataset, timeoutMs: number, choice: EngineChoice = "auto"): EngineRunner & { engine: string } {
  const raiseHint = "raise it with --timeout SECONDS";
  if (choice === "comunica" || (choice === "auto" && dataset.size > OXIGRAPH_MAX_QUADS)) {
    return { ...startComunicaRunner(dataset, { timeoutMs, raiseHint }), engine: "Comunica (the loaded graph read in place)" };
  }
  if (dataset.size > OXIGRAPH_MAX_QUADS) {
    throw new UsageError(`kg: the graph has ${thousands(dataset.size)} quads; Oxigraph's embedded (WASM) store takes at most ${thousands(OXIGRAPH_MAX_QUADS)} (its 4 GiB memory); use --engine comunica or auto`);
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
