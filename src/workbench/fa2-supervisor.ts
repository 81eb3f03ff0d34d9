// ForceAtlas2 for the view graph in a web worker that never waits for the page: start/stop/kill, positions drawn once a frame.
import type Graph from "graphology";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import type { Fa2Positions, Fa2Request } from "./fa2-loop.ts";

/** Writes x, y per node (graph order) into the graph in one update; false when the graph no longer has that many nodes. */
export function applyPositions(graph: Graph, xy: Float32Array): boolean {
  if (xy.length !== graph.order * 2) return false;
  let i = 0;
  graph.updateEachNodeAttributes(
    (_node, attrs) => {
      attrs.x = xy[i++];
      attrs.y = xy[i++];
      return attrs;
    },
    { attributes: ["x", "y"] },
  );
  return true;
}

/** The worker the workbench runs ForceAtlas2 in (a factory, so tests and benchmarks can supply their own). */
export type Fa2WorkerFactory = () => Worker;

const defaultWorker: Fa2WorkerFactory = () => new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });

/**
 * Like graphology's FA2LayoutSupervisor (same matrices, same iteration code, same `fixed` nodes), except that the
 * worker iterates on its own (fa2-loop.ts) and the page writes the newest positions into the graph at most once
 * per animation frame. A change of the graph's structure while running restarts the run from the current positions.
 */
export class FA2Supervisor {
  private worker: Worker | null;
  private run = 0;
  private running = false;
  private latest: Fa2Positions | null = null;
  private frame = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  /** Iterations of runs before the current one (the worker counts each run from 0). */
  private earlierIterations = 0;
  private currentIterations = 0;
  /** Position sets written into the graph so far. */
  applied = 0;
  /** Main-thread milliseconds spent receiving positions and writing them into the graph (sigma's redraw not included). */
  mainThreadMs = 0;

  constructor(
    private readonly graph: Graph,
    private readonly settings: ForceAtlas2Settings,
    createWorker: Fa2WorkerFactory = defaultWorker,
  ) {
    this.worker = createWorker();
    this.worker.addEventListener("message", this.receive);
    for (const event of ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared"] as const) {
      graph.on(event, this.structureChanged);
    }
  }

  /** ForceAtlas2 iterations completed so far, over all runs. */
  get iterations(): number {
    return this.earlierIterations + this.currentIterations;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): this {
    if (!this.worker) throw new Error("workbench/layout: the ForceAtlas2 supervisor was killed; create a new one.");
    if (this.running || this.graph.order === 0) return this;
    this.running = true;
    this.send();
    return this;
  }

  /** Stops the run; the newest positions the worker sent are written first, so the graph holds where it got to. */
  stop(): this {
    if (!this.running) return this;
    this.running = false;
    clearTimeout(this.restartTimer);
    this.worker?.postMessage({ type: "stop", run: this.run } satisfies Fa2Request);
    this.flush();
    return this;
  }

  /** Ends the worker and unbinds from the graph; safe to call twice. */
  kill(): void {
    if (!this.worker) return;
    this.running = false;
    clearTimeout(this.restartTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.latest = null;
    this.worker.removeEventListener("message", this.receive);
    this.worker.terminate();
    this.worker = null;
    for (const event of ["nodeAdded", "edgeAdded", "nodeDropped", "edgeDropped", "cleared", "edgesCleared"] as const) {
      this.graph.off(event, this.structureChanged);
    }
  }

  /** A fresh run from the graph's current positions (graphToByteArrays reads x, y, size and `fixed`). */
  private send(): void {
    const matrices = graphToByteArrays(this.graph, () => 1);
    this.earlierIterations += this.currentIterations;
    this.currentIterations = 0;
    this.latest = null;
    this.run++;
    const request: Fa2Request = { type: "start", run: this.run, nodes: matrices.nodes.buffer as ArrayBuffer, edges: matrices.edges.buffer as ArrayBuffer, settings: this.settings };
    this.worker!.postMessage(request, [request.nodes, request.edges]);
  }

  private readonly receive = (event: MessageEvent<Fa2Positions>) => {
    const began = performance.now();
    const positions = event.data;
    if (!this.running || positions.run !== this.run) return;
    this.currentIterations = positions.iterations;
    this.latest = positions;
    if (!this.frame) this.frame = requestAnimationFrame(this.onFrame);
    this.mainThreadMs += performance.now() - began;
  };

  private readonly onFrame = () => {
    this.frame = 0;
    this.flush();
  };

  /** Writes the newest positions, if any arrived since the last write. */
  private flush(): void {
    const began = performance.now();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const latest = this.latest;
    this.latest = null;
    if (latest && applyPositions(this.graph, latest.xy)) this.applied++;
    this.mainThreadMs += performance.now() - began;
  }

  /** Nodes or edges came or went: the worker's matrices are stale, so a running layout restarts (once per burst). */
  private readonly structureChanged = () => {
    this.latest = null;
    if (!this.running) return;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.running && this.worker) this.send();
    }, 0);
  };
}
