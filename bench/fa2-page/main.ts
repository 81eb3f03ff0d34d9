// Benchmark page: runs the workbench's ForceAtlas2 worker supervisor on the seeded bench graph and counts its iterations.
import forceAtlas2 from "graphology-layout-forceatlas2";
import { FA2Supervisor } from "../../src/workbench/fa2-supervisor.ts";
import { layoutSettings } from "../../src/workbench/fa2-settings.ts";
import { fa2BenchGraph, graphFingerprint, positionsOf, restorePositions } from "../fa2-graph.ts";

export interface Fa2PageRun {
  iterations: number;
  ms: number;
  /** Main-thread time spent handling the worker's messages (receiving positions, writing them into the graph). */
  mainThreadMs: number;
  /** Position sets written into the graph (at most one per animation frame). */
  applied: number;
}

export interface Fa2Page {
  fingerprint: string;
  run(ms: number): Promise<Fa2PageRun>;
  /** Synchronous assign on the page's main thread for `iterations`: the same engine's bare compute rate, iterations/s. */
  syncRate(iterations: number): number;
}

declare global {
  interface Window {
    fa2Bench?: Fa2Page;
  }
}

const graph = fa2BenchGraph();
const start = positionsOf(graph);
// Settings come from the graph as generated, exactly as the Node side computes them.
const settings = layoutSettings(graph);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

window.fa2Bench = {
  fingerprint: graphFingerprint(graph),
  syncRate(iterations: number): number {
    const copy = graph.copy();
    restorePositions(copy, start);
    const began = performance.now();
    forceAtlas2.assign(copy, { iterations, settings, getEdgeWeight: null });
    return (iterations * 1000) / (performance.now() - began);
  },
  /**
   * As the workbench builds it (src/workbench/layout.ts): a fresh supervisor per run, from the same start. Its worker
   * iterates on its own and reports how many iterations it completed with each set of positions; the supervisor
   * writes the newest set into the graph once per animation frame.
   */
  async run(ms: number): Promise<Fa2PageRun> {
    restorePositions(graph, start);
    const supervisor = new FA2Supervisor(graph, settings);
    const began = performance.now();
    supervisor.start();
    await sleep(ms);
    supervisor.stop();
    const elapsed = performance.now() - began;
    const run = { iterations: supervisor.iterations, ms: elapsed, mainThreadMs: supervisor.mainThreadMs, applied: supervisor.applied };
    supervisor.kill();
    return run;
  },
};
document.getElementById("state")!.textContent = "ready";
