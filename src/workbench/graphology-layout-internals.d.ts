// Types for the internal modules of graphology-layout-forceatlas2 and -noverlap that the workbench's layout worker reuses.
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** One ForceAtlas2 iteration over the flat matrices (10 floats a node, 3 an edge), updating the node matrix in place. */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type Graph from "graphology";
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** The node (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed) and edge (source, target, weight) matrices, in graph order. */
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>, source: string, target: string) => number,
  ): { nodes: Float32Array; edges: Float32Array };
  export function assign<T>(target: T, ...sources: unknown[]): T;
  export function validateSettings(settings: ForceAtlas2Settings): { message: string } | null;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}

declare module "graphology-layout-noverlap/iterate.js" {
  import type { NoverlapSettings } from "graphology-layout-noverlap";
  /** One noverlap pass over the node matrix (x, y, size per node), in place; converged when nothing overlapped. */
  export default function iterate(settings: Required<NoverlapSettings>, nodes: Float32Array): { converged: boolean };
}

declare module "graphology-layout-noverlap/defaults.js" {
  import type { NoverlapSettings } from "graphology-layout-noverlap";
  const defaults: Required<NoverlapSettings>;
  export default defaults;
}
