// What the view graph stores per node and edge and what sigma gets back, with the palette, node sizes and parallel-edge numbering.

/** The attributes the view graph stores per node (structure and layout, no display state). */
export interface NodeAttributes {
  label: string;
  classes: string[];
  colourClass: string;
  schema: boolean;
  degree: number;
  x: number;
  y: number;
  size: number;
  [key: string]: unknown;
}

export interface EdgeAttributes {
  predicate: string;
  label: string;
  year?: number;
  /** IRIs of the sources that state the relation (its evidence's). */
  sources?: string[];
  /** Position among the edges joining the same two nodes (either way), and their number; set by indexParallelEdges. */
  parallelIndex?: number;
  parallelCount?: number;
  [key: string]: unknown;
}

/** What sigma receives for a node or an edge (a subset of its display data). */
export interface NodeDisplay {
  label: string | null;
  x: number;
  y: number;
  size: number;
  color: string;
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

export interface EdgeDisplay {
  label: string | null;
  size: number;
  color: string;
  type: string;
  curvature?: number;
  hidden?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
}

/** The little the reducers need from the graph: who neighbours whom, and each edge's ends. */
export interface GraphLookup {
  neighbors(node: string): string[];
  extremities(edge: string): [string, string];
  hasNode(node: string): boolean;
}

export const FADED_NODE = "#e2e5ea";
export const FADED_EDGE = "#eef0f3";
export const EDGE_COLOUR = "#b8bfc9";
export const HIGHLIGHT_EDGE = "#d9480f";
export const SELECTED_EDGE = "#1c7ed6";

/** Okabe-Ito first (colour-blind-friendlier for the biggest classes), then Tableau/d3 colours; classes beyond share grey. */
export const PALETTE = [
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#8c6d31", "#7b3294", "#f0c000", "#1b9e77",
  "#e7298a", "#66a61e", "#a6761d", "#386cb0", "#bf5b17", "#17becf", "#9467bd", "#bcbd22", "#e377c2", "#2ca02c",
  "#ff7f0e", "#1f77b4", "#8c564b", "#d62728", "#637939", "#843c39", "#5254a3", "#ad494a",
];
export const OTHER_COLOUR = "#8a8f98";

/** Assigns palette colours to class IRIs in the given order (most frequent first, so big classes get distinct colours). */
export function classColours(classesByFrequency: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  classesByFrequency.forEach((cls, i) => colours.set(cls, PALETTE[i] ?? OTHER_COLOUR));
  return colours;
}

/**
 * Node size in pixels from degree: grows with the square root of degree relative to the view's largest, so hubs
 * stand out without swallowing the view; crowded views (thousands of nodes) get smaller nodes.
 */
export function sizeForDegree(degree: number, maxDegree: number, nodesInView: number): number {
  const [min, max] = nodesInView > 1000 ? [2, 12] : nodesInView > 300 ? [3, 18] : [4, 24];
  const share = maxDegree > 0 ? Math.sqrt(Math.max(0, degree) / maxDegree) : 0;
  return Math.round((min + (max - min) * Math.min(1, share)) * 10) / 10;
}

/** The part of a graphology graph that indexParallelEdges needs. */
export interface EdgeIndexable {
  forEachEdge(callback: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
  mergeEdgeAttributes(edge: string, attrs: Partial<EdgeAttributes>): void;
}

/**
 * Numbers the edges that join the same two nodes (in either direction), so the reducer can curve them apart. Only
 * edges whose numbers change are written: each write is a graph event the renderer reprocesses the edge for, and on
 * a view of thousands of edges almost all are alone between their two nodes (add them with index 0 of 1).
 */
export function indexParallelEdges(graph: EdgeIndexable): void {
  const groups = new Map<string, [string, EdgeAttributes][]>();
  graph.forEachEdge((edge, attrs, source, target) => {
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const group = groups.get(key);
    if (group) group.push([edge, attrs]);
    else groups.set(key, [[edge, attrs]]);
  });
  for (const group of groups.values()) {
    group.forEach(([edge, attrs], i) => {
      if (attrs.parallelIndex !== i || attrs.parallelCount !== group.length) graph.mergeEdgeAttributes(edge, { parallelIndex: i, parallelCount: group.length });
    });
  }
}
