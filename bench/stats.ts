// Timing samples and their summary (median, p90, max), so every benchmark measures and reports the same way.

export interface Summary {
  samples: number;
  median: number;
  p90: number;
  max: number;
  min: number;
  mean: number;
  /** The samples in the order taken, so runs interleaved with a baseline can be compared pair by pair. */
  values: number[];
}

/** Nearest-rank percentile of sorted values (p in 0..1). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    samples: sorted.length,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    min: sorted.length ? sorted[0] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
    values: [...samples],
  };
}

/**
 * The ratio of a measurement to its baseline. When both were taken in alternation (same number of samples),
 * the median of the per-pair ratios: a burst of load from another process then hits both sides of a pair.
 * Otherwise the ratio of the medians.
 */
export function ratioToBaseline(measured: Summary, baseline: Summary): number {
  if (measured.values.length === baseline.values.length && measured.values.length > 0) {
    return summarize(measured.values.map((v, i) => v / baseline.values[i])).median;
  }
  return measured.median / baseline.median;
}

/** Forces a string built by concatenation (a rope) into one flat string, as writing it anywhere would. */
export function flatten(text: string): string {
  // ToNumber flattens its argument first; the result is thrown away.
  void Number(text);
  return text;
}

/** Milliseconds taken by a synchronous call. */
export function timeSync(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Milliseconds taken by an asynchronous call. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * CPU milliseconds this process has used (all threads, user + system). Other processes on a shared machine
 * stretch wall time but not this, so ratios of CPU times are a steadier second opinion on a noisy box.
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Runs a full collection if node was started with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

/** Bytes the JS heap and array buffers hold now, after a full collection. */
export function retainedBytes(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
