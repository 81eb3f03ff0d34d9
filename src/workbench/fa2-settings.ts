// ForceAtlas2 settings shared by the data worker's first layout and the on-demand layout, so both look alike.
import type Graph from "graphology";
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";

/**
 * Inferred settings, with hubs pushed outwards (outboundAttractionDistribution) and more repulsion than inferred:
 * the brief's graph has a few hubs (China, the brief itself) that otherwise pull everything into one knot.
 */
export function layoutSettings(graph: Graph): ForceAtlas2Settings {
  const inferred = forceAtlas2.inferSettings(graph);
  return {
    ...inferred,
    scalingRatio: Math.max(inferred.scalingRatio ?? 1, 6),
    outboundAttractionDistribution: true,
    barnesHutOptimize: graph.order > 500,
    adjustSizes: false,
    slowDown: 4,
  };
}

/** Iterations for a first layout: enough to settle, fewer on big views where each costs more. */
export function firstLayoutIterations(order: number): number {
  return order <= 300 ? 400 : order <= 1000 ? 150 : 70;
}
