// Sigma node/edge reducers derived from the session state: pure functions, so the look of every state is testable in Node.
import { hiddenPredicatesNow, selectedNodes } from "../session/producers.ts";
import type { SessionState } from "../session/types.ts";
import { hiddenBySource, sourceColour, type SourceDisplay } from "./source-filter.ts";
import { hiddenByDate } from "./time-filter.ts";
import { EDGE_COLOUR, FADED_EDGE, FADED_NODE, HIGHLIGHT_EDGE, OTHER_COLOUR, SELECTED_EDGE, type EdgeAttributes, type EdgeDisplay, type GraphLookup, type NodeAttributes, type NodeDisplay } from "./view-attributes.ts";

// The view graph's attributes, palette and sizes live in view-attributes.ts; importers of display.ts keep working.
export { classColours, EDGE_COLOUR, FADED_EDGE, FADED_NODE, HIGHLIGHT_EDGE, indexParallelEdges, OTHER_COLOUR, PALETTE, SELECTED_EDGE, sizeForDegree } from "./view-attributes.ts";
export type { EdgeAttributes, EdgeDisplay, EdgeIndexable, GraphLookup, NodeAttributes, NodeDisplay } from "./view-attributes.ts";

/** Everything the reducers read, derived once per state change rather than per node. */
export interface DisplayContext {
  hiddenClasses: Set<string>;
  hiddenPredicates: Set<string>;
  hiddenNodes: Set<string>;
  dateRange: { from: number; to: number } | null;
  /** Relations without any date hidden (the timeline's choice). */
  hideUndated?: boolean;
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
  /** Node sizes by betweenness or PageRank (appearance sizeBy), else null: the size fixed at insertion (degree). */
  sizes?: ReadonlyMap<string, number> | null;
  /** Relations by source (source-filter.ts): at least N sources, hidden sources, colours; absent when unset. */
  sources?: SourceDisplay;
  /** The keyboard cursor's node (graph-cursor.ts), drawn apart from hover and selection; absent when none. */
  cursor?: string | null;
}

/** `replacedPredicates`: old predicate IRIs and their replacements, so a filter naming an old one hides the new one. */
export function displayContext(state: SessionState, graph: GraphLookup, colours: Map<string, string>, nodeScale = 1, replacedPredicates: Readonly<Record<string, string>> = {}): DisplayContext {
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
    hiddenPredicates: hiddenPredicatesNow(state.filters.hiddenPredicates, replacedPredicates),
    hiddenNodes: new Set(state.filters.hiddenNodes),
    dateRange: state.filters.dateRange,
    hideUndated: state.filters.hideUndated === true,
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
  if (hiddenByDate(attrs.dates, ctx.dateRange, ctx.hideUndated === true)) return true;
  return hiddenBySource(attrs, ctx.sources);
}

export function nodeDisplay(node: string, attrs: NodeAttributes, ctx: DisplayContext): NodeDisplay {
  const out: NodeDisplay = {
    label: shortLabel(attrs.label),
    x: attrs.x,
    y: attrs.y,
    size: (ctx.sizes?.get(node) ?? attrs.size) * ctx.nodeScale,
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
  if (node === ctx.cursor) {
    // A halo, the whole label and a larger disc: where the arrow keys start from must be seen at once.
    out.highlighted = true;
    out.forceLabel = true;
    out.label = full;
    out.size *= 1.5;
    out.zIndex = 4;
  }
  return out;
}

export function edgeDisplay(edge: string, attrs: EdgeAttributes, extremities: [string, string], ctx: DisplayContext): EdgeDisplay {
  const parallel = (attrs.parallelCount ?? 1) > 1;
  const out: EdgeDisplay = {
    label: ctx.edgeLabels ? attrs.label : null,
    size: 1,
    color: sourceColour(attrs, ctx.sources) ?? EDGE_COLOUR,
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
