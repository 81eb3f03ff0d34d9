// Runs embedded SPARQL queries in a worker thread with a time limit: a runaway query is stopped (the thread ended) instead of hanging kg.
import { Worker } from "node:worker_threads";
import type { Dataset } from "../rdf/dataset.ts";
import { embeddedSparqlInput, SparqlQueryError, type EmbeddedSparqlInput } from "../query/sparql-embedded.ts";
import type { SparqlAnswer } from "../query/sparql-endpoint.ts";

export type SparqlThreadRequest =
  | { id: number; op: "load"; input: EmbeddedSparqlInput }
  | { id: number; op: "query"; query: string; maxRows?: number };
export type SparqlThreadReply =
  | { id: number; ok: true; answer?: SparqlAnswer }
  | { id: number; ok: false; message: string; queryError: boolean; line?: number; column?: number };

export interface SparqlRunner {
  /** The answer, or a SparqlQueryError (refused, failed, or stopped at the time limit). */
  query(text: string, options?: { maxRows?: number }): Promise<SparqlAnswer>;
  close(): Promise<void>;
}

/**
 * An engine over the dataset in a thread of its own. Each query gets `timeoutMs`; when it runs longer the thread
 * is ended (WASM cannot be interrupted otherwise) and the next query starts a new one, loading the data again.
 */
export function startSparqlRunner(dataset: Dataset, timeoutMs: number): SparqlRunner {
  let input: EmbeddedSparqlInput | undefined;
  let thread: EngineThread | undefined;
  return {
    async query(text, options = {}) {
      thread ??= startThread((input ??= embeddedSparqlInput(dataset)));
      const running = thread;
      await running.loaded;
      let timer: NodeJS.Timeout | undefined;
      const stopped = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          if (thread === running) thread = undefined;
          void running.worker.terminate();
          reject(new SparqlQueryError(`query/sparql: the query was stopped after ${formatSeconds(timeoutMs)} (the time limit; raise it with --timeout SECONDS)`));
        }, timeoutMs);
      });
      try {
        return check(await Promise.race([running.send({ op: "query", query: text, maxRows: options.maxRows }), stopped])).answer!;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const running = thread;
      thread = undefined;
      if (running) await running.worker.terminate();
    },
  };
}

interface EngineThread {
  worker: Worker;
  loaded: Promise<unknown>;
  send(request: DistributiveOmit<SparqlThreadRequest, "id">): Promise<SparqlThreadReply>;
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** A thread with the engine loading; its requests are answered in order, and all fail if the thread ends. */
function startThread(input: EmbeddedSparqlInput): EngineThread {
  const worker = new Worker(threadUrl(), { execArgv: threadExecArgv() });
  const pending = new Map<number, { resolve: (reply: SparqlThreadReply) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("message", (reply: SparqlThreadReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`cli/sparql: the engine's thread ended (exit code ${code})`)));
  const send = (request: DistributiveOmit<SparqlThreadRequest, "id">) => new Promise<SparqlThreadReply>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...request, id });
  });
  return { worker, send, loaded: send({ op: "load", input }).then(check) };
}
function check(reply: SparqlThreadReply): Extract<SparqlThreadReply, { ok: true }> {
  if (reply.ok) return reply;
  throw reply.queryError ? new SparqlQueryError(reply.message, reply.line, reply.column) : new Error(reply.message);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(3).replace(/0+$/, "")} s`;
}

/** The thread's module: the compiled sibling in dist/cli, or the TypeScript source when kg runs from src (tests). */
function threadUrl(): URL {
  const fromSource = import.meta.url.endsWith(".ts");
  return new URL(fromSource ? "./sparql-thread.ts" : "./sparql-thread.js", import.meta.url);
}

/** From source, the thread needs the TypeScript loader the tests run under. */
function threadExecArgv(): string[] {
  return import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : [];
}
