// The main thread's handle on the data worker: typed request/reply calls, progress callbacks and kill().
import type { LoadProgress, ReplyMessage, RequestType, Requests, WorkerFailure } from "./protocol.ts";

export class WorkerError extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
    this.name = "WorkerError";
  }
}

export type ProgressListener = (progress: LoadProgress) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
}

/** Talks to a worker that speaks protocol.ts; `kill()` terminates it and rejects whatever is pending. */
export class DataClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private worker: Worker | null;

  constructor(worker: Worker) {
    this.worker = worker;
    worker.addEventListener("message", this.onMessage);
    worker.addEventListener("error", this.onError);
  }

  request<T extends RequestType>(type: T, args: Requests[T]["args"], onProgress?: ProgressListener): Promise<Requests[T]["reply"]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("workbench/data: the data worker was stopped; reload the page."));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      worker.postMessage({ id, type, args });
    });
  }

  kill(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.removeEventListener("message", this.onMessage);
    worker.removeEventListener("error", this.onError);
    worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new Error("workbench/data: the data worker was stopped."));
    this.pending.clear();
  }

  private readonly onMessage = (event: MessageEvent<ReplyMessage>) => {
    const message = event.data;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if ("progress" in message) {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new WorkerError(message.error));
  };

  private readonly onError = (event: ErrorEvent) => {
    const error = new Error(`workbench/data: the data worker failed: ${event.message}`);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  };
}
