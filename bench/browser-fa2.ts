// ForceAtlas2 iterations/s on a seeded 10k-node / 50k-edge graph: synchronous in Node vs the workbench's worker supervisor in headless Chromium.
import { mkdtempSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { build } from "vite";
import { layoutSettings } from "../src/workbench/fa2-settings.ts";
import { launch, removeSite, serve } from "../tests/browser/harness.ts";
import { fa2BenchGraph, graphFingerprint } from "./fa2-graph.ts";
import type { Fa2PageRun } from "./fa2-page/main.ts";

/** The target: the worker must reach at least this share of Node's synchronous rate. */
export const FA2_TARGET_RATIO = 0.8;
/** Wall time of each timed run, on both sides. */
const RUN_MS = 5000;
const REPEATS = 3;

export interface Fa2Row {
  what: string;
  nodes: number;
  edges: number;
  fingerprint: string;
  runMs: number;
  /** Median of REPEATS runs, iterations per second. */
  nodePerSecond: number;
  browserPerSecond: number;
  ratio: number;
  target: number;
  meetsTarget: boolean;
  /** Per iteration: Node's compute time, the worker loop's wall time, and the browser main thread's share (receiving and applying positions). */
  nodeMsPerIteration: number;
  browserMsPerIteration: number;
  browserMainThreadMsPerIteration: number;
  /** Synchronous assign on the page's main thread (median of REPEATS, as many iterations as the worker did): Chromium's bare compute rate. */
  browserSyncPerSecond: number;
  browserSyncMsPerIteration: number;
  /** Worker loop ms/iteration minus Chromium's synchronous ms/iteration: what message passing adds. */
  messagePassingMsPerIteration: number;
  /** 1-minute load average at the end: on a busy 2-core machine the runs are noisy. */
  loadAverage: number;
  nodeRuns: number[];
  browserRuns: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Synchronous forceAtlas2.assign with the workbench's settings on a fresh copy of the graph (same seeded start every
 * time), for a fixed iteration count: the rate is iterations / measured wall time.
 */
function nodeRate(iterations: number): number {
  const graph = fa2BenchGraph();
  const settings = layoutSettings(graph);
  const began = performance.now();
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
  return (iterations * 1000) / (performance.now() - began);
}

/** Builds the benchmark page (bench/fa2-page) with vite's API into a temporary folder: not part of the app's build. */
async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "smartcity-kg-fa2-page-"));
  await build({
    configFile: false,
    root: join(dirname(fileURLToPath(import.meta.url)), "fa2-page"),
    base: "./",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * Node: a warm-up run (discarded) lets V8 optimise the iteration and tells how many iterations fill RUN_MS; each
 * timed run then does that many. Browser: the same graph and settings through the worker supervisor, as the
 * workbench builds it, RUN_MS per run after a warm-up run (iterations counted in the page, see fa2-page/main.ts).
 * Node and browser runs alternate, so both sides see the same background load on a shared machine.
 */
export async function measureFa2(): Promise<Fa2Row> {
  console.log(`bench:browser: ForceAtlas2, synchronous in Node vs the worker supervisor in Chromium (${REPEATS} × ${RUN_MS / 1000} s each, alternating, after warm-ups)…`);
  const fingerprint = graphFingerprint(fa2BenchGraph());
  const site = await serve(await buildPage());
  const browser = await launch();
  const nodeRates: number[] = [];
  const runs: Fa2PageRun[] = [];
  const syncRates: number[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => window.fa2Bench !== undefined, undefined, { timeout: 120_000 });
    const pageFingerprint = await page.evaluate(() => window.fa2Bench!.fingerprint);
    if (pageFingerprint !== fingerprint) {
      throw new Error(`bench/browser-fa2: the page built a different graph (${pageFingerprint}) than Node (${fingerprint})`);
    }
    const warm = nodeRate(Math.max(5, Math.round(nodeRate(3) * 2)));
    const nodeIterations = Math.max(5, Math.round((warm * RUN_MS) / 1000));
    await page.evaluate((ms) => window.fa2Bench!.run(ms), RUN_MS);
    for (let i = 0; i < REPEATS; i++) {
      nodeRates.push(nodeRate(nodeIterations));
      runs.push(await page.evaluate((ms) => window.fa2Bench!.run(ms), RUN_MS));
    }
    // Chromium's own synchronous rate, to split the worker's time into computation and message passing. It runs as
    // many iterations from the same start as the worker reached in RUN_MS: cost per iteration changes as the layout evolves.
    await page.evaluate(() => window.fa2Bench!.syncRate(3));
    const iterations = Math.max(5, median(runs.map((r) => r.iterations)));
    for (let i = 0; i < REPEATS; i++) syncRates.push(await page.evaluate((n) => window.fa2Bench!.syncRate(n), iterations));
  } finally {
    await browser.close();
    await site.close();
    removeSite(site.dir);
  }
  const browserRuns = runs.map((r) => (r.iterations * 1000) / r.ms);
  const nodePerSecond = median(nodeRates);
  const browserPerSecond = median(browserRuns);
  const browserSyncPerSecond = median(syncRates);
  const totalIterations = runs.reduce((sum, r) => sum + r.iterations, 0);
  const [nodes, edges] = fingerprint.split("/").map(Number);
  return {
    what: "FA2 10k nodes / 50k edges",
    nodes,
    edges,
    fingerprint,
    runMs: RUN_MS,
    nodePerSecond: round(nodePerSecond),
    browserPerSecond: round(browserPerSecond),
    ratio: round(browserPerSecond / nodePerSecond, 2),
    target: FA2_TARGET_RATIO,
    meetsTarget: browserPerSecond >= FA2_TARGET_RATIO * nodePerSecond,
    nodeMsPerIteration: round(1000 / nodePerSecond),
    browserMsPerIteration: round(1000 / browserPerSecond),
    browserMainThreadMsPerIteration: round(runs.reduce((sum, r) => sum + r.mainThreadMs, 0) / Math.max(1, totalIterations)),
    browserSyncPerSecond: round(browserSyncPerSecond),
    browserSyncMsPerIteration: round(1000 / browserSyncPerSecond),
    messagePassingMsPerIteration: round(1000 / browserPerSecond - 1000 / browserSyncPerSecond),
    loadAverage: round(loadavg()[0]),
    nodeRuns: nodeRates.map((r) => round(r)),
    browserRuns: browserRuns.map((r) => round(r)),
  };
}

export function printFa2(row: Fa2Row): void {
  console.log(
    [
      `| ForceAtlas2, ${row.nodes.toLocaleString("en")} nodes / ${row.edges.toLocaleString("en")} edges | iterations/s (median of ${REPEATS}) | ms/iteration | runs |`,
      "|---|---:|---:|---|",
      `| Node, synchronous assign | ${row.nodePerSecond} | ${row.nodeMsPerIteration} | ${row.nodeRuns.join(", ")} |`,
      `| Chromium, worker supervisor | ${row.browserPerSecond} | ${row.browserMsPerIteration} | ${row.browserRuns.join(", ")} |`,
      `| ratio (target ≥ ${row.target}x) | ${row.ratio}x ${row.meetsTarget ? "✓" : "✗"} | | |`,
    ].join("\n"),
  );
  console.log(
    `Chromium's own synchronous rate (assign on the page's main thread): ${row.browserSyncPerSecond} iterations/s, ${row.browserSyncMsPerIteration} ms/iteration.`,
  );
  // Message passing = the worker loop's time per iteration minus the same engine's bare computation (0 when the
  // worker loop was no slower); the main thread's share of it is timed directly in the page.
  const extra = round(Math.max(0, row.messagePassingMsPerIteration));
  const costs = extra > row.browserSyncMsPerIteration ? "costs MORE than" : "costs less than";
  console.log(
    `Note: the worker's per-iteration message passing ${costs} the computation: the worker loop takes ${row.browserMsPerIteration} ms ` +
      `per iteration against ${row.browserSyncMsPerIteration} ms for Chromium's synchronous loop and ${row.nodeMsPerIteration} ms for Node's ` +
      `(≈ ${extra} ms added per iteration; the main thread spends ${row.browserMainThreadMsPerIteration} ms per iteration receiving positions ` +
      `and writing them into the graph, once per animation frame at most).`,
  );
  console.log(`Load average (1 min) at the end: ${row.loadAverage} on ${availableParallelism()} cores; runs on a busy machine vary.`);
}
