// The embedded SPARQL engine behind a message port (a Node worker thread or a web worker), with a time limit and a cancel: a runaway query ends its worker, never the caller's thread.
import { createEmbeddedSparqlFrom, SparqlQueryError, type EmbeddedSparql, type EmbeddedSparqlInput } from "./sparql-embedded.ts";
import type { SparqlAnswer } from "./sparql-endpoint.ts";

export type EngineRequest =
  | { id: number; op: "load"; input: EmbeddedSparqlInput }
  | { id: number; op: "query"; query: string; maxRows?: number };
export type EngineReply =
  | { id: number; ok: true; answer?: SparqlAnswer }
  | { id: number; ok: false; message: string; queryError: boolean; line?: number; column?: number };

/** The worker's side: answers load and query requests, one engine per worker. */
export function createEngineHandler(): (request: EngineRequest) => Promise<EngineReply> {
  let engine: Promise<EmbeddedSparql> | undefined;
  return async (request) => {
    try {
      if (request.op === "load") {
        engine = createEmbeddedSparqlFrom(request.input);
        await engine;
        return { id: request.id, ok: true };
      }
      if (!engine) throw new Error("query/sparql: a query came before the data");
      return { id: request.id, ok: true, answer: (await engine).query(request.query, { maxRows: request.maxRows }) };
    } catch (error) {
      const queryError = error instanceof SparqlQueryError;
      return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), queryError, line: queryError ? error.line : undefined, column: queryError ? error.column : undefined };
    }
  };
}

/** A started worker as the runner sees it. */
export interface EnginePort {
  /** Sends a request; `transfer` lists buffers to move to the worker rather than copy. */
  post(request: EngineRequest, transfer: ArrayBuffer[]): void;
  /** Registers the handlers: each reply, and the worker's end or crash (with a reason). */
  listen(onReply: (reply: EngineReply) => void, onEnd: (reason: string) => void): void;
  terminate(): void;
}

export interface EngineRunnerOptions {
  /** Starts a worker that runs createEngineHandler. */
  spawn: () => EnginePort;
  timeoutMs: number;
  /** How the time-limit message says to raise the limit (e.g. "raise it with --timeout SECONDS"). */
  raiseHint: string;
}

export interface EngineRunner {
  /** The answer, or a SparqlQueryError: refused, failed, stopped at the time limit, or cancelled. */
  query(text: string, options?: { maxRows?: number }): Promise<SparqlAnswer>;
  /** Stops the running query, if any (its worker is ended; the next query starts another). */
  cancel(): void;
  close(): void;
}

/**
 * Queries over `input` (made for each worker it starts) in a worker; each query gets the time limit. A query stopped by the limit
 * or a cancel ends its worker (WASM cannot be interrupted otherwise); the next query starts a new one and loads
 * the data again.
 */
export function startEngineRunner(input: () => EmbeddedSparqlInput, options: EngineRunnerOptions): EngineRunner {
  let worker: EngineWorker | undefined;
  const end = (stopped: EngineWorker, error: SparqlQueryError) => {
    if (worker === stopped) worker = undefined;
    stopped.stop(error);
  };
  return {
    async query(text, { maxRows } = {}) {
      // Made again for each new worker: the last one took the bytes with it.
      worker ??= new EngineWorker(options.spawn(), input());
      const running = worker;
      await running.loaded;
      const timer = setTimeout(() => end(running, new SparqlQueryError(`query/sparql: the query was stopped after ${seconds(options.timeoutMs)} (the time limit; ${options.raiseHint})`)), options.timeoutMs);
      try {
        return checked(await running.send({ op: "query", query: text, maxRows })).answer!;
      } finally {
        clearTimeout(timer);
      }
    },
    cancel() {
      if (worker?.busy()) end(worker, new SparqlQueryError("query/sparql: the query was cancelled"));
    },
    close() {
      const running = worker;
      worker = undefined;
      running?.stop(new SparqlQueryError("query/sparql: the engine was closed"));
    },
  };
}

type Request = EngineRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** One worker: requests answered by id; all of them fail when it ends. */
class EngineWorker {
  readonly loaded: Promise<unknown>;
  private readonly pending = new Map<number, { resolve: (reply: EngineReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(private readonly port: EnginePort, input: EmbeddedSparqlInput) {
    port.listen(
      (reply) => {
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      },
      (reason) => this.failAll(new Error(`query/sparql: the engine's worker ended (${reason})`)),
    );
    this.loaded = this.send({ op: "load", input }).then(checked);
  }

  send(request: Request): Promise<EngineReply> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      // The data's bytes move to the worker (the caller's copy is gone after this): loaded once, never kept twice.
      const transfer = request.op === "load" ? request.input.nquads.map((piece) => piece.buffer as ArrayBuffer) : [];
      this.port.post({ ...request, id } as EngineRequest, transfer);
    });
  }

  busy(): boolean {
    return this.pending.size > 0;
  }

  stop(error: Error): void {
    this.failAll(error);
    this.port.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

function checked(reply: EngineReply): Extract<EngineReply, { ok: true }> {
  if (reply.ok) return reply;
  throw reply.queryError ? new SparqlQueryError(reply.message, reply.line, reply.column) : new Error(reply.message);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(3).replace(/0+$/, "")} s`;
}
