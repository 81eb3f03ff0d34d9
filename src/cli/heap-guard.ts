// Stops a long step with kg's own message when Node's heap is nearly full, before V8 ends the process with a fatal error.
import { PerformanceObserver, constants } from "node:perf_hooks";
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";

/*
 * Why after a major garbage collection: the heap in use then is what the program keeps, not garbage waiting to be
 * collected, so a heap found this full stays full. V8 collects again and again as the heap nears its limit and then
 * aborts the process ("JavaScript heap out of memory"), which no catch sees; checked between the pieces of a load,
 * the step ends with a message saying how much was read and how to give Node more.
 */

/** Kept memory over this share of the limit stops the step: V8 needs room to work, and its last collections are slow. */
const NEARLY_FULL = 0.85;
/**
 * V8's heap limit counts the young generation too (three 16 MiB semi-spaces on 64-bit, unless --max-semi-space-size
 * says otherwise), but the process dies when the old generation reaches its own limit: the rest.
 */
const YOUNG_GENERATION = 48 * 2 ** 20;
const young = new Set(["new_space", "new_large_object_space"]);

let observer: PerformanceObserver | undefined;
let nearlyFull: { usedMB: number; limitMB: number } | undefined;

/** Starts watching the heap (once a process); cheap: it sums the heap's spaces after each major collection. */
export function watchHeap(): void {
  if (observer) return;
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      let used = 0;
      for (const space of getHeapSpaceStatistics()) if (!young.has(space.space_name)) used += space.space_used_size;
      const limit = getHeapStatistics().heap_size_limit - YOUNG_GENERATION;
      if (used > NEARLY_FULL * limit) nearlyFull = { usedMB: Math.round(used / 2 ** 20), limitMB: Math.round(limit / 2 ** 20) };
    }
  });
  observer.observe({ entryTypes: ["gc"] });
}

/** Throws, saying what was done and how to give Node more heap, once a collection found the heap nearly full. */
export function checkHeap(done: string): void {
  if (!nearlyFull) return;
  const { usedMB, limitMB } = nearlyFull;
  throw new Error(
    `it needs more memory than Node's heap allows (${usedMB.toLocaleString("en-US")} of ${limitMB.toLocaleString("en-US")} MB kept after ${done}); ` +
      `kg stopped here rather than let Node end it with a crash. Give Node more: NODE_OPTIONS=--max-old-space-size=${Math.max(limitMB * 2, 8192)} kg … (in MB; docs/scale.md)`,
  );
}
