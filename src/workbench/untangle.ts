// noverlap to the end in one go (in the layout worker for big views): overlapping nodes pushed apart, positions out once.
import type Graph from "graphology";
import type { NoverlapSettings } from "graphology-layout-noverlap";
import DEFAULT_SETTINGS from "graphology-layout-noverlap/defaults.js";
import iterate from "graphology-layout-noverlap/iterate.js";

/** Floats per node in noverlap's matrix: x, y, size. */
const NODE_FLOATS = 3;

export interface UntangleRequest {
  type: "untangle";
  /** x, y, size per node in graph order (sizes already in layout units). */
  nodes: ArrayBuffer;
  settings: NoverlapSettings;
  maxIterations: number;
  /** Wall-clock budget: noverlap may never fully converge on dense hubs, so it stops and keeps what it reached. */
  budgetMs: number;
}

export interface UntangleResult {
  type: "untangled";
  /** x, y per node in graph order. */
  xy: Float32Array;
  iterations: number;
  converged: boolean;
}

/** noverlap's node matrix of a graph, with each node's size (in layout units) from `sizeOf`. */
export function untangleMatrix(graph: Pick<Graph, "order" | "forEachNode">, sizeOf: (node: string, attrs: { x: number; y: number; size?: number }) => number): Float32Array {
  const matrix = new Float32Array(graph.order * NODE_FLOATS);
  let i = 0;
  graph.forEachNode((node, attrs) => {
    matrix[i] = attrs.x as number;
    matrix[i + 1] = attrs.y as number;
    matrix[i + 2] = sizeOf(node, attrs as { x: number; y: number; size?: number });
    i += NODE_FLOATS;
  });
  return matrix;
}

/** Runs noverlap on the matrix until it converges, `maxIterations` passes, or the budget is spent. */
export function untangle(request: Omit<UntangleRequest, "type" | "nodes">, nodes: Float32Array, now: () => number = () => performance.now()): UntangleResult {
  const settings = { ...DEFAULT_SETTINGS, ...request.settings };
  const until = now() + request.budgetMs;
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < request.maxIterations && (iterations === 0 || now() < until)) {
    converged = iterate(settings, nodes).converged;
    iterations++;
  }
  const order = nodes.length / NODE_FLOATS;
  const xy = new Float32Array(order * 2);
  for (let n = 0; n < order; n++) {
    xy[2 * n] = nodes[n * NODE_FLOATS];
    xy[2 * n + 1] = nodes[n * NODE_FLOATS + 1];
  }
  return { type: "untangled", xy, iterations, converged };
}
