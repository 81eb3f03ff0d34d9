// The ForceAtlas2 worker's loop, without the worker: iterates in time slices and reports positions after each slice.
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import DEFAULT_SETTINGS from "graphology-layout-forceatlas2/defaults.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";

/** Floats per node in graphology's ForceAtlas2 node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
export const NODE_FLOATS = 10;

export type Fa2Request =
  /** A fresh run: matrices as graphology-layout-forceatlas2/helpers builds them, in graph order. */
  | { type: "start"; run: number; nodes: ArrayBuffer; edges: ArrayBuffer; settings: ForceAtlas2Settings }
  | { type: "stop"; run: number };

/** Positions after `iterations` iterations of run `run`: x, y per node in graph order. */
export interface Fa2Positions {
  type: "positions";
  run: number;
  iterations: number;
  xy: Float32Array;
}

/**
 * Runs iterations back to back for about `sliceMs`, then hands the positions out; the worker yields between slices
 * so a "stop" or a new "start" gets in. The page applies at most one set of positions a frame, so the layout's speed
 * no longer depends on how fast the page can draw (with graphology's supervisor, one iteration waited for each
 * main-thread round trip, and on software WebGL a frame could hold the main thread for half a second).
 */
export class Fa2Loop {
  private run = -1;
  private nodes: Float32Array | null = null;
  private edges: Float32Array | null = null;
  private settings: Required<ForceAtlas2Settings> = { ...DEFAULT_SETTINGS };
  private iterations = 0;

  constructor(
    private readonly sliceMs = 16,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get running(): boolean {
    return this.nodes !== null;
  }

  handle(request: Fa2Request): void {
    if (request.type === "start") {
      this.run = request.run;
      this.nodes = new Float32Array(request.nodes);
      this.edges = new Float32Array(request.edges);
      this.settings = { ...DEFAULT_SETTINGS, ...request.settings };
      this.iterations = 0;
    } else if (request.run === this.run) {
      this.nodes = null;
      this.edges = null;
    }
  }

  /** One slice (at least one iteration); null when no run is going. */
  slice(): Fa2Positions | null {
    const nodes = this.nodes;
    const edges = this.edges;
    if (!nodes || !edges) return null;
    const until = this.now() + this.sliceMs;
    do {
      iterate(this.settings, nodes, edges);
      this.iterations++;
    } while (this.now() < until);
    const order = nodes.length / NODE_FLOATS;
    const xy = new Float32Array(order * 2);
    for (let n = 0; n < order; n++) {
      xy[2 * n] = nodes[n * NODE_FLOATS];
      xy[2 * n + 1] = nodes[n * NODE_FLOATS + 1];
    }
    return { type: "positions", run: this.run, iterations: this.iterations, xy };
  }
}
