// Memory of a benchmarked page while it works: the V8 heaps of its main thread and its data worker (over CDP) and the renderer process's resident size.
import { readdirSync, readFileSync } from "node:fs";
import type { CDPSession, Page } from "playwright-core";

export interface MemoryPeaks {
  /** Largest used V8 heap seen on the page's main thread, bytes. */
  pageHeap: number;
  /** Largest used V8 heap seen in the data worker (data.worker), bytes. */
  workerHeap: number;
  /** The data worker's used heap at the end, after a full garbage collection: what the loaded data retains, bytes. */
  workerRetained: number;
  /** Largest resident set of the page's renderer process (page, workers and their array buffers), bytes: its VmHWM. */
  rendererRss: number;
  /** The page's V8 heap limit (performance.memory.jsHeapSizeLimit), bytes; the workers' is the same. */
  heapLimit: number;
}

/** Processes whose ancestors include this Node process: the browser this bench launched, never another one. */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (name) state ppid …": the name may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!mine.has(ppid) || mine.has(pid)) continue;
      mine.add(pid);
      grew = true;
    }
  }
  mine.delete(process.pid);
  return [...mine];
}

/** The resident size (VmHWM: peak, else VmRSS: now) of this bench's renderer processes, bytes: the largest, which is the page's. */
function rendererResident(field: "VmHWM" | "VmRSS"): number {
  let peak = 0;
  for (const pid of descendants()) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (kb) peak = Math.max(peak, Number(kb[1]) * 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return peak;
}

/**
 * Samples the heaps every `everyMs` from now until `stop()`. Workers are reached through the page's CDP session,
 * auto-attached (not flattened, so Playwright's own session is untouched) and asked Runtime.getHeapUsage.
 */
export async function watchMemory(page: Page, everyMs = 1000): Promise<{ stop(): Promise<MemoryPeaks> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const dataWorkers = new Set<string>();
  const waiting = new Map<number, (usedSize: number) => void>();
  let nextId = 1;
  cdp.on("Target.attachedToTarget", (event) => {
    if (/data\.worker/.test(event.targetInfo.url)) dataWorkers.add(event.sessionId);
  });
  cdp.on("Target.detachedFromTarget", (event) => void dataWorkers.delete(event.sessionId));
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result?.usedSize ?? 0);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const peaks: MemoryPeaks = { pageHeap: 0, workerHeap: 0, workerRetained: 0, rendererRss: 0, heapLimit: 0 };
  const workerHeap = (sessionId: string, collectFirst = false) =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      // A worker busy in one long task answers at its next turn; a sample never waits for more than the interval.
      const timer = setTimeout(() => (waiting.delete(id), resolve(0)), collectFirst ? 120_000 : everyMs * 5);
      waiting.set(id, (used) => (clearTimeout(timer), waiting.delete(id), resolve(used)));
      const send = (message: object) => cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify(message) });
      // Messages to one target are answered in order: the collection ends before the heap is read.
      if (collectFirst) void send({ id: nextId++, method: "HeapProfiler.collectGarbage" }).catch(() => undefined);
      send({ id, method: "Runtime.getHeapUsage" }).catch(() => resolve(0));
    });
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    // Sampled too, since a crashed renderer's peak can no longer be read at the end.
    peaks.rendererRss = Math.max(peaks.rendererRss, rendererResident("VmRSS"));
    try {
      const page = await cdp.send("Runtime.getHeapUsage").catch(() => ({ usedSize: 0 }));
      peaks.pageHeap = Math.max(peaks.pageHeap, page.usedSize);
      for (const sessionId of dataWorkers) peaks.workerHeap = Math.max(peaks.workerHeap, await workerHeap(sessionId));
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      for (const sessionId of dataWorkers) peaks.workerRetained = Math.max(peaks.workerRetained, await workerHeap(sessionId, true));
      peaks.rendererRss = Math.max(peaks.rendererRss, rendererResident("VmHWM"));
      peaks.heapLimit = await page.evaluate(() => (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? 0).catch(() => 0);
      await cdp.detach().catch(() => undefined);
      return peaks;
    },
  };
}

/** "1.23 GiB". */
export const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
