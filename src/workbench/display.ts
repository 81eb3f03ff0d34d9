// Sigma node/edge reducers derived from the session state: pure functions, so the look of every state is testable in Node.
import { selectedNodes } from "../session/producers.ts";
import type { SessionState } from "../session/types.ts";

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

/** Everything the reducers read, derived once per state change rather than per node. */
export interface DisplayContext {
  hiddenClasses: Set<string>;
  hiddenPredicates: Set<string>;
  hiddenNodes: Set<string>;
  dateRange: { from: number; to: number } | null;
  showSchema: boolean;
  /** The one selected node (details, neighbours emphasised), or null when none or several are selected. */
  selectedNode: string | null;
  /** Every selected node (one, or several picked with shift-click). */
  selectedNodes: Set<string>;
  selectedEdge: string | null;
  /** The hovered node, else the selected one when no query result is shown: its neighbours stand out. */
  hovered: string | null;
  hoverNeighbours: Set<string>;
  /** Nodes and edges of the active query result, or null when no query drives the view. */
  focusNodes: Set<string> | null;
  focusEdges: Set<string> | null;
  focusMode: "only" | "highlight";
  edgeLabels: boolean;
  colours: Map<string, string>;
  /** The analyst's node size factor (session appearance). */
  nodeScale: number;
}

export function displayContext(state: SessionState, graph: GraphLookup, colours: Map<string, string>, nodeScale = 1): DisplayContext {
  const hovered = state.view.hovered && graph.hasNode(state.view.hovered) ? state.view.hovered : null;
  let focusNodes: Set<string> | null = null;
  let focusEdges: Set<string> | null = null;
  let focusMode: "only" | "highlight" = "highlight";
  if (state.focus === "path" && state.path.chosen >= 0) {
    const path = state.path.results[state.path.chosen];
    if (path) {
      focusNodes = new Set(path.nodes);
      focusEdges = new Set(path.steps.map((step) => step.edge));
    }
  } else if (state.focus === "neighbourhood" && state.neighbourhood.result) {
    const result = state.neighbourhood.result;
    focusNodes = new Set(result.nodes.map((entry) => entry.node));
    focusEdges = new Set(result.edges);
    focusMode = state.neighbourhood.mode;
  }
  // With no hover and no query result, the selected node's neighbourhood stays emphasised, as on hover.
  const selectedNode = state.selection.kind === "node" && graph.hasNode(state.selection.node) ? state.selection.node : null;
  const emphasised = hovered ?? (focusNodes ? null : selectedNode);
  return {
    hiddenClasses: new Set(state.filters.hiddenClasses),
    hiddenPredicates: new Set(state.filters.hiddenPredicates),
    hiddenNodes: new Set(state.filters.hiddenNodes),
    dateRange: state.filters.dateRange,
    showSchema: state.filters.showSchema,
    selectedNode: state.selection.kind === "node" ? state.selection.node : null,
    selectedNodes: new Set(selectedNodes(state.selection)),
    selectedEdge: state.selection.kind === "edge" ? state.selection.edge : null,
    hovered: emphasised,
    hoverNeighbours: new Set(emphasised ? graph.neighbors(emphasised) : []),
    focusNodes,
    focusEdges,
    focusMode,
    edgeLabels: state.view.edgeLabels,
    colours,
    nodeScale,
  };
}

const LABEL_MAX = 34;
const FORCED_LABELS_MAX = 12;

/** Long labels are cut on the canvas so they do not cover their neighbours; hover or select shows them whole. */
export function shortLabel(label: string): string {
  if (label.length <= LABEL_MAX) return label;
  const cut = label.lastIndexOf(" ", LABEL_MAX - 1);
  return `${label.slice(0, cut > LABEL_MAX / 2 ? cut : LABEL_MAX - 1)}…`;
}

/** Whether filters hide a node (query focus and hover only fade, except "show only" neighbourhoods). */
export function isNodeFilteredOut(node: string, attrs: NodeAttributes, ctx: DisplayContext): boolean {
  if (ctx.hiddenNodes.has(node)) return true;
  // A query result is shown whole, even where it crosses a hidden class or a schema node.
  const inResult = ctx.focusNodes?.has(node) ?? false;
  if (attrs.schema && !ctx.showSchema && !inResult) return true;
  if (attrs.colourClass && ctx.hiddenClasses.has(attrs.colourClass) && !inResult) return true;
  if (ctx.focusMode === "only" && ctx.focusNodes && !ctx.focusNodes.has(node)) return true;
  return false;
}

export function isEdgeFilteredOut(attrs: EdgeAttributes, ctx: DisplayContext): boolean {
  if (ctx.hiddenPredicates.has(attrs.predicate)) return true;
  if (ctx.dateRange && attrs.year !== undefined && (attrs.year < ctx.dateRange.from || attrs.year > ctx.dateRange.to)) return true;
  return false;
}

export function nodeDisplay(node: string, attrs: NodeAttributes, ctx: DisplayContext): NodeDisplay {
  const out: NodeDisplay = {
    label: shortLabel(attrs.label),
    x: attrs.x,
    y: attrs.y,
    size: attrs.size * ctx.nodeScale,
    color: ctx.colours.get(attrs.colourClass) ?? OTHER_COLOUR,
  };
  if (isNodeFilteredOut(node, attrs, ctx)) return { ...out, hidden: true };
  const selected = ctx.selectedNodes.has(node);
  const focused = ctx.focusNodes?.has(node) ?? false;
  if (ctx.focusNodes && !focused && !selected) {
    out.color = FADED_NODE;
    out.label = null;
  }
  if (focused) {
    // Forced labels ignore sigma's collision grid: force them only for a few nodes (a path), not a big neighbourhood.
    if ((ctx.focusNodes?.size ?? 0) <= FORCED_LABELS_MAX) out.forceLabel = true;
    out.zIndex = 1;
  }
  const full = attrs.label;
  if (ctx.hovered) {
    if (node === ctx.hovered || ctx.hoverNeighbours.has(node)) {
      out.forceLabel = true;
      out.zIndex = 2;
      if (out.color === FADED_NODE) out.color = ctx.colours.get(attrs.colourClass) ?? OTHER_COLOUR;
      out.label = full;
    } else if (!selected) {
      out.color = FADED_NODE;
      out.label = null;
    }
  }
  if (selected) {
    out.highlighted = true;
    // As with query results, forced labels only for a few: a big selection keeps sigma's label grid.
    if (ctx.selectedNodes.size <= FORCED_LABELS_MAX) out.forceLabel = true;
    out.label = full;
    out.zIndex = 3;
  }
  return out;
}

export function edgeDisplay(edge: string, attrs: EdgeAttributes, extremities: [string, string], ctx: DisplayContext): EdgeDisplay {
  const parallel = (attrs.parallelCount ?? 1) > 1;
  const out: EdgeDisplay = {
    label: ctx.edgeLabels ? attrs.label : null,
    size: 1,
    color: EDGE_COLOUR,
    type: parallel ? "curved" : "arrow",
  };
  if (parallel) {
    // Same-direction edges get distinct curvatures; opposite directions bend to opposite sides by themselves.
    out.curvature = 0.2 + 0.25 * (attrs.parallelIndex ?? 0);
  }
  if (isEdgeFilteredOut(attrs, ctx)) return { ...out, hidden: true };
  const [source, target] = extremities;
  if (ctx.focusMode === "only" && ctx.focusEdges && !ctx.focusEdges.has(edge)) return { ...out, hidden: true };
  const focused = ctx.focusEdges?.has(edge) ?? false;
  if (ctx.focusEdges && !focused) out.color = FADED_EDGE;
  if (focused) {
    out.color = HIGHLIGHT_EDGE;
    out.size = 3;
    out.zIndex = 1;
    // A path's few relations are labelled; a neighbourhood's many would bury the graph in text.
    if ((ctx.focusEdges?.size ?? 0) <= FORCED_LABELS_MAX) {
      out.label = attrs.label;
      out.forceLabel = true;
    }
  }
  // The relations among several selected nodes stand out (one selected node shows its neighbours instead).
  const amongSelected = ctx.selectedNodes.size > 1 && ctx.selectedNodes.has(source) && ctx.selectedNodes.has(target);
  if (amongSelected) {
    out.color = SELECTED_EDGE;
    out.size = Math.max(out.size, 2);
    out.zIndex = 2;
  }
  if (ctx.hovered) {
    if (source === ctx.hovered || target === ctx.hovered) {
      out.color = focused ? HIGHLIGHT_EDGE : "#5c6470";
      out.size = Math.max(out.size, 2);
      out.label = attrs.label;
      out.zIndex = 2;
    } else if (!focused && !amongSelected) {
      out.hidden = true;
    }
  }
  if (edge === ctx.selectedEdge) {
    out.color = SELECTED_EDGE;
    out.size = 4;
    out.label = attrs.label;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  return out;
}
