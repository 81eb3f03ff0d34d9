// The first layout of an overview, computed in the data worker: seeded start, ForceAtlas2, then noverlap.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { sizeForDegree } from "./display.ts";
import { layoutExtent } from "./extent.ts";
import { firstLayoutIterations, layoutSettings } from "./fa2-settings.ts";
import type { ViewGraph } from "./protocol.ts";

/**
 * Gives the view's nodes positions: a seeded random start, ForceAtlas2, then noverlap (here, in the data worker, so
 * the page draws a laid-out graph at once instead of hundreds of intermediate frames).
 */
export function layOut(view: ViewGraph): void {
  const graph = new Graph({ multi: true, type: "directed" });
  const random = seededRandom(view.nodes.length);
  const extent = 10 * Math.sqrt(view.nodes.length);
  for (const node of view.nodes) graph.addNode(node.key, { x: (random() - 0.5) * extent, y: (random() - 0.5) * extent });
  for (const edge of view.edges) if (edge.source !== edge.target) graph.addDirectedEdge(edge.source, edge.target);
  if (graph.order === 0) return;
  forceAtlas2.assign(graph, { iterations: firstLayoutIterations(graph.order), settings: layoutSettings(graph), getEdgeWeight: null });
  // Then noverlap, with the sizes the page will draw (pixels, converted to layout units for a ~700 px view).
  const unitsPerPixel = Math.max(layoutExtent(graph), 1e-6) / 700;
  let maxDegree = 1;
  for (const node of view.nodes) maxDegree = Math.max(maxDegree, node.degree);
  const sizes = new Map(view.nodes.map((node) => [node.key, sizeForDegree(node.degree, maxDegree, view.nodes.length) * unitsPerPixel]));
  noverlap.assign(graph, {
    // Each pass costs about as much as a ForceAtlas2 iteration; big views get fewer (a touch of overlap is fine there).
    maxIterations: graph.order <= 500 ? 120 : 40,
    inputReducer: (key, attrs) => ({ x: attrs.x, y: attrs.y, size: sizes.get(key) ?? unitsPerPixel * 4 }),
    settings: { ratio: 1.15, margin: 3 * unitsPerPixel, speed: 3 },
  });
  for (const node of view.nodes) {
    const attrs = graph.getNodeAttributes(node.key);
    node.x = attrs.x;
    node.y = attrs.y;
  }
}

function seededRandom(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
