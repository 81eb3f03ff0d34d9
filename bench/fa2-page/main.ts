// Benchmark page: runs the workbench's ForceAtlas2 worker supervisor on the seeded bench graph and counts its iterations.
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { layoutSettings } from "../../src/workbench/fa2-settings.ts";
import { fa2BenchGraph, graphFingerprint, positionsOf, restorePositions } from "../fa2-graph.ts";

export interface Fa2PageRun {
  iterations: number;
  ms: number;
  /** Main-thread time spent handling the worker's messages (copying positions into the graph, posting the next ask). */
  mainThreadMs: number;
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

// Time the supervisor's message handler on the main thread: the part of each iteration that is message passing,
// not layout. The constructor binds the prototype's method, so the wrapper must be in place before it runs.
let mainThreadMs = 0;
const proto = FA2LayoutSupervisor.prototype as unknown as { handleMessage(this: unknown, event: MessageEvent): void };
const handle = proto.handleMessage;
proto.handleMessage = function (this: unknown, event: MessageEvent) {
  const began = performance.now();
  handle.call(this, event);
  mainThreadMs += performance.now() - began;
};

// As the workbench builds it (src/workbench/layout.ts).
const supervisor = new FA2LayoutSupervisor(graph, { settings, getEdgeWeight: null });
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
   * The worker does exactly one ForceAtlas2 iteration per message from the supervisor, and the supervisor writes
   * the result into the graph with one updateEachNodeAttributes call (one "eachNodeAttributesUpdated" event) before
   * asking for the next: so events counted = iterations completed and applied.
   */
  async run(ms: number): Promise<Fa2PageRun> {
    restorePositions(graph, start);
    let iterations = 0;
    const count = () => {
      iterations++;
    };
    graph.on("eachNodeAttributesUpdated", count);
    mainThreadMs = 0;
    const began = performance.now();
    supervisor.start();
    await sleep(ms);
    supervisor.stop();
    const elapsed = performance.now() - began;
    graph.off("eachNodeAttributesUpdated", count);
    const handled = mainThreadMs;
    // One iteration is still in flight: let it land (ignored, since stopped) before a next run restarts the loop,
    // or its late reply would start a second ping-pong alongside the new one.
    await sleep(1000);
    return { iterations, ms: elapsed, mainThreadMs: handled };
  },
};
document.getElementById("state")!.textContent = "ready";
