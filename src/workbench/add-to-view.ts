// Adds a reply's nodes and edges to the view graph: new nodes placed near what they join, sizes on the view's scale.
import type { MultiDirectedGraph } from "graphology";
import { layoutExtent } from "./extent.ts";
import type { ViewGraph } from "./protocol.ts";
import { indexParallelEdges, sizeForDegree, type EdgeAttributes, type NodeAttributes } from "./view-attributes.ts";

type ViewGraphology = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Adds nodes and edges not yet shown; new nodes go on a ring round `near`, else next to a shown neighbour, else on a circle. */
export function addToView(graph: ViewGraphology, view: ViewGraph, sizing: { maxDegree: number; nodes: number }, near?: string): string[] {
  const added: string[] = [];
  const neighbourOf = new Map<string, string>();
  for (const edge of view.edges) {
    if (graph.hasNode(edge.target)) neighbourOf.set(edge.source, edge.target);
    if (graph.hasNode(edge.source)) neighbourOf.set(edge.target, edge.source);
  }
  const fresh = view.nodes.filter((node) => !graph.hasNode(node.key));
  const spacing = typicalSpacing(graph);
  const centre = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : null;
  fresh.forEach((node, i) => {
    let x: number;
    let y: number;
    const anchor = neighbourOf.get(node.key);
    if (node.x !== undefined && node.y !== undefined) {
      x = node.x;
      y = node.y;
    } else if (centre) {
      const angle = (i * 2 * Math.PI) / fresh.length;
      const radius = spacing * (1.5 + Math.sqrt(fresh.length) / 3);
      x = centre.x + Math.cos(angle) * radius;
      y = centre.y + Math.sin(angle) * radius;
    } else if (anchor) {
      const a = graph.getNodeAttributes(anchor);
      const angle = Math.random() * 2 * Math.PI;
      x = a.x + Math.cos(angle) * spacing;
      y = a.y + Math.sin(angle) * spacing;
    } else {
      const angle = (i * 2 * Math.PI) / Math.max(1, fresh.length) + 0.3 * Math.random();
      const radius = spacing * (2 + Math.sqrt(fresh.length)) * (0.6 + 0.4 * Math.random());
      x = Math.cos(angle) * radius;
      y = Math.sin(angle) * radius;
    }
    graph.addNode(node.key, {
      label: node.label,
      classes: node.classes,
      colourClass: node.colourClass,
      schema: node.schema,
      degree: node.degree,
      x,
      y,
      size: sizeForDegree(node.degree, sizing.maxDegree, sizing.nodes),
    });
    added.push(node.key);
  });
  let newEdges = 0;
  for (const edge of view.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    // Alone between its two nodes until indexParallelEdges finds otherwise (so most edges need no second write).
    graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, {
      predicate: edge.predicate,
      label: edge.label,
      year: edge.year,
      dates: edge.dates,
      sources: edge.sources,
      parallelIndex: 0,
      parallelCount: 1,
    });
    newEdges++;
  }
  if (newEdges > 0) indexParallelEdges(graph);
  return added;
}

/** About the distance between neighbouring nodes, so new nodes land at a sensible scale. */
function typicalSpacing(graph: ViewGraphology): number {
  if (graph.order < 2) return 10;
  return Math.max(1, layoutExtent(graph) / Math.sqrt(graph.order));
}
