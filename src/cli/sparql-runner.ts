// Runs kg's embedded SPARQL queries in a worker thread with a time limit: a runaway query is stopped instead of hanging kg.
import { Worker } from "node:worker_threads";
import type { Dataset } from "../rdf/dataset.ts";
import { embeddedSparqlInput } from "../sparql/sparql-embedded.ts";
import { startEngineRunner, type EnginePort, type EngineReply, type EngineRunner } from "../sparql/sparql-engine-runner.ts";

/** An engine over the dataset in a thread of its own; each query stopped after `timeoutMs`. Close it when done. */
export function startSparqlRunner(dataset: Dataset, timeoutMs: number): EngineRunner {
  return startEngineRunner(() => embeddedSparqlInput(dataset), { spawn: spawnThread, timeoutMs, raiseHint: "raise it with --timeout SECONDS" });
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
