// The displayed graph: a graphology graph of what is shown, drawn by sigma through reducers that read the session.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import {
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  EdgeArrowProgram,
  EdgeClampedProgram,
  NodeCircleProgram,
  type EdgeProgramType,
  type NodeLabelDrawingFunction,
  type NodeProgramType,
} from "sigma/rendering";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { SessionStore } from "../session/index.ts";
import { selectEdge, selectNode, clearSelection, toggleNodeSelected } from "../session/index.ts";
import { isAdditiveClick } from "./selection.ts";
import {
  displayContext,
  edgeDisplay,
  indexParallelEdges,
  isEdgeFilteredOut,
  isNodeFilteredOut,
  nodeDisplay,
  sizeForDegree,
  type DisplayContext,
  type EdgeAttributes,
  type NodeAttributes,
} from "./display.ts";
import type { ViewGraph } from "./protocol.ts";
import { defaultAppearance, type Appearance } from "../session/layout.ts";
import { drawLabelWithHalo } from "./labels.ts";
import { labelSettings } from "./label-density.ts";
import { layoutExtent } from "./extent.ts";
import { isSoftwareRenderer, webglRenderer, withoutInstancing } from "./uninstanced.ts";
import { PositionStream } from "./position-stream.ts";
import { ProgramWarmUp } from "./program-warm-up.ts";

/** Labels per grid cell at full view (sigma's labelDensity) for the default appearance. */
const BASE_LABEL_DENSITY = 0.07;
/**
 * On software WebGL, views with more edges than this draw no edges while a layout runs or streams positions in (as
 * sigma's hideEdgesOnMove does for camera moves), and get their edges a frame after their nodes in a bulk change:
 * edges are ~80% of a frame there, ~50-100 ms for the 2,000-node overview on a quiet machine and 2-4 times that
 * beside the layout worker, and the page waits for each frame.
 */
const HIDE_EDGES_WHILE_LAYING_OUT = 2000;

/**
 * Sigma 3's binding to its graph, as `setGraph` uses it (not in its typings): while detached, changes to the graph
 * cost sigma nothing; the full refresh that follows re-indexes everything once. `renderFrame` is sigma's pending
 * draw, which must not run on the stale indices before that refresh.
 */
interface SigmaGraphBinding {
  bindGraphHandlers(): void;
  unbindGraphHandlers(): void;
  renderFrame: number | null;
}

function graphBinding(sigma: Sigma<NodeAttributes, EdgeAttributes>): SigmaGraphBinding | null {
  const binding = sigma as unknown as Partial<SigmaGraphBinding>;
  return typeof binding.bindGraphHandlers === "function" && typeof binding.unbindGraphHandlers === "function" ? (binding as SigmaGraphBinding) : null;
}

export type ViewGraphology = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

type Programs = {
  nodeProgramClasses: Record<string, NodeProgramType<NodeAttributes, EdgeAttributes>>;
  edgeProgramClasses: Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>>;
};

/**
 * Sigma's programs (circles, arrows, curved arrows for parallel edges); on a software WebGL renderer the same
 * programs without instancing, which there costs a draw per node or edge (see uninstanced.ts).
 */
export function viewPrograms(software: boolean): Programs {
  const programs = software
    ? {
        nodeProgramClasses: { circle: withoutInstancing(NodeCircleProgram) },
        edgeProgramClasses: {
          arrow: createEdgeCompoundProgram([withoutInstancing(EdgeClampedProgram), withoutInstancing(EdgeArrowHeadProgram)]),
          curved: withoutInstancing(EdgeCurvedArrowProgram),
        },
      }
    : { nodeProgramClasses: { circle: NodeCircleProgram }, edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram } };
  return programs as unknown as Programs;
}

export interface GraphViewEvents {
  onDoubleClickNode?: (node: string) => void;
}

export class GraphView {
  readonly graph: ViewGraphology = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private ctx: DisplayContext;
  private colours = new Map<string, string>();
  private baseColours = new Map<string, string>();
  private appearance: Appearance = defaultAppearance();
  private unsubscribe: () => void;
  private killed = false;
  /** The animation frame that will refresh sigma, or 0. */
  private refreshFrame = 0;
  private readonly software = isSoftwareRenderer(webglRenderer());
  private readonly positions: PositionStream;
  /** Edges are not drawn: a layout is streaming positions into a big view on software WebGL, or is about to. */
  private edgesHiddenForLayout = false;
  /** A layout run (and the noverlap pass after it) is under way: set by the app from the layout controller. */
  private layoutBusy = false;
  /**
   * Edges wait one frame after a bulk change on software WebGL: the page waits in each frame's commit while the
   * GPU process draws it, and nodes then edges in two frames keeps either wait short (see the `batch` doc).
   */
  private edgesDeferred = false;
  /** Software WebGL: sigma's programs compiled one per frame before the first data is drawn (program-warm-up.ts). */
  private readonly warmUp: ProgramWarmUp | null = null;
  /** Nesting depth of `batch` calls; sigma's graph listeners are detached while it is above 0. */
  private batchDepth = 0;
  /** The scale node sizes are computed on, set from the overview so later additions match it. */
  private sizing = { maxDegree: 1, nodes: 100 };

  constructor(
    container: HTMLElement,
    private readonly store: SessionStore,
    events: GraphViewEvents = {},
  ) {
    this.ctx = this.context();
    const programs = viewPrograms(this.software);
    // On software WebGL the curved-edge program is compiled by the warm-up, in a task of its own.
    const { curved, ...firstEdgePrograms } = programs.edgeProgramClasses;
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes>(this.graph, container, {
      allowInvalidContainer: true,
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: "arrow",
      nodeProgramClasses: programs.nodeProgramClasses,
      edgeProgramClasses: this.software ? firstEdgePrograms : programs.edgeProgramClasses,
      labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
      labelSize: 13,
      labelWeight: "500",
      labelColor: { color: "#1f2430" },
      edgeLabelSize: 11,
      edgeLabelColor: { color: "#5c6470" },
      // One label per 120 px cell at full view; zooming in shows more. Long labels are shortened by the reducer.
      labelDensity: BASE_LABEL_DENSITY,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: 8,
      defaultDrawNodeLabel: drawLabelWithHalo as NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>,
      zIndex: true,
      stagePadding: 40,
      // While the warm-up draws its throwaway graph, everything in it is hidden.
      nodeReducer: (node, attrs) => (this.warmUp?.active ? { ...attrs, hidden: true } : nodeDisplay(node, attrs, this.ctx)),
      edgeReducer: (edge, attrs) => {
        if (this.warmUp?.active) return { ...attrs, hidden: true };
        const display = edgeDisplay(edge, attrs, this.graph.extremities(edge) as [string, string], this.ctx);
        return this.edgesHiddenForLayout || this.edgesDeferred ? { ...display, hidden: true } : display;
      },
    });
    // Shift (or Ctrl/Cmd) + click adds a node to the selection or takes it out; a missed shift-click keeps the selection.
    this.sigma.on("clickNode", ({ node, event }) => this.store.apply(isAdditiveClick(event.original) ? toggleNodeSelected(node) : selectNode(node)));
    this.sigma.on("clickEdge", ({ edge }) => this.store.apply(selectEdge(edge)));
    this.sigma.on("clickStage", ({ event }) => {
      if (!isAdditiveClick(event.original)) this.store.apply(clearSelection());
    });
    // Hover is transient: the store keeps it beside the session state, so it is no step and no autosave.
    this.sigma.on("enterNode", ({ node }) => this.store.hover(node));
    this.sigma.on("leaveNode", () => this.store.hover(null));
    this.sigma.on("doubleClickNode", (event) => {
      event.preventSigmaDefault();
      events.onDoubleClickNode?.(event.node);
    });
    this.enableDragging();
    const unsubscribeState = store.subscribe(() => this.refresh());
    const unsubscribeHover = store.onHover(() => this.refresh());
    this.unsubscribe = () => {
      unsubscribeState();
      unsubscribeHover();
    };
    this.positions = new PositionStream(this.graph, () => this.hideEdgesForLayout());
    if (this.software) this.warmUp = new ProgramWarmUp(this.sigma, this.graph, { curved });
  }

  /**
   * The layout controller's run is under way or over. Edges hide at its start, before the first streamed positions
   * (otherwise the first frame of a run, beside the starting worker, redraws every edge: 0.2 s traced at 100k), and
   * come back once noverlap's final positions are in, so that the view draws all its edges once, not twice.
   */
  setLayoutBusy(busy: boolean): void {
    this.layoutBusy = busy;
    this.hideEdgesForLayout();
  }

  private hideEdgesForLayout(): void {
    const hide = (this.positions.streaming || this.layoutBusy) && this.software && this.graph.size > HIDE_EDGES_WHILE_LAYING_OUT;
    if (hide === this.edgesHiddenForLayout) return;
    this.edgesHiddenForLayout = hide;
    this.refresh();
  }

  /** Lets the analyst drag a node to a new place (the layout keeps it there until it runs again). */
  private enableDragging(): void {
    let dragged: string | null = null;
    let start: [number, number] = [0, 0];
    let moved = false;
    this.sigma.on("downNode", ({ node }) => {
      dragged = node;
      moved = false;
      const attrs = this.graph.getNodeAttributes(node);
      start = [attrs.x, attrs.y];
      this.sigma.getCamera().disable();
    });
    this.sigma.getMouseCaptor().on("mousemovebody", (event) => {
      if (!dragged) return;
      const position = this.sigma.viewportToGraph(event);
      this.graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
      moved = true;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    const drop = () => {
      if (!dragged) return;
      const node = dragged;
      dragged = null;
      this.sigma.getCamera().enable();
      if (!moved) return;
      const attrs = this.graph.getNodeAttributes(node);
      this.onNodeMoved?.(node, start, [attrs.x, attrs.y]);
    };
    this.sigma.getMouseCaptor().on("mouseup", drop);
    this.sigma.getMouseCaptor().on("mouseleave", drop);
  }

  /** Called after the analyst dropped a dragged node, with where it was and where it is (the app records the move). */
  onNodeMoved: ((node: string, from: [number, number], to: [number, number]) => void) | null = null;

  setColours(colours: Map<string, string>): void {
    this.baseColours = colours;
    this.colours = new Map([...colours, ...Object.entries(this.appearance.colours)]);
    this.refresh();
  }

  /** The colour a class is drawn with (the analyst's choice, else the palette's). */
  colourOf(cls: string): string | undefined {
    return this.colours.get(cls);
  }

  /** Node size factor, label density and class colours chosen by the analyst (session appearance). */
  setAppearance(appearance: Appearance): void {
    if (JSON.stringify(appearance) === JSON.stringify(this.appearance)) return;
    this.appearance = appearance;
    const labels = labelSettings(appearance.labelDensity);
    this.sigma.setSetting("renderLabels", labels.renderLabels);
    this.sigma.setSetting("labelDensity", labels.labelDensity);
    this.sigma.setSetting("labelGridCellSize", labels.labelGridCellSize);
    this.sigma.setSetting("labelRenderedSizeThreshold", labels.labelRenderedSizeThreshold);
    this.setColours(this.baseColours);
  }

  /**
   * Runs a bulk change of the graph (clear, add, positions) with sigma's graph listeners detached, then has one
   * refresh redraw it all at the next frame. Why: attached, sigma runs the reducers and re-indexes for every node and
   * edge added or moved, and draws once for the listeners and once more for the refresh; the 2,000-node overview
   * then cost ~50 ms of listeners in the task and two draws in the next frame. On software WebGL the page also waits
   * in that frame's commit while the GPU process draws (~50-120 ms for the overview's edges), so a big change draws
   * its nodes in the first frame and its edges in the next.
   */
  batch<T>(change: () => T): T {
    this.warmUp?.finish();
    const binding = graphBinding(this.sigma);
    if (this.batchDepth++ === 0) binding?.unbindGraphHandlers();
    const sizeBefore = this.graph.size;
    try {
      return change();
    } finally {
      if (--this.batchDepth === 0 && binding && !this.killed) {
        binding.bindGraphHandlers();
        if (binding.renderFrame !== null) cancelAnimationFrame(binding.renderFrame);
        binding.renderFrame = null;
        if (this.software && this.graph.size - sizeBefore > HIDE_EDGES_WHILE_LAYING_OUT) this.edgesDeferred = true;
        this.refresh();
      }
    }
  }

  /** Adds nodes and edges not yet shown; new nodes go on a ring round `near`, else next to a shown neighbour, else on a circle. */
  add(view: ViewGraph, near?: string): string[] {
    return this.batch(() => this.addNow(view, near));
  }

  private addNow(view: ViewGraph, near?: string): string[] {
    const added: string[] = [];
    const neighbourOf = new Map<string, string>();
    for (const edge of view.edges) {
      if (this.graph.hasNode(edge.target)) neighbourOf.set(edge.source, edge.target);
      if (this.graph.hasNode(edge.source)) neighbourOf.set(edge.target, edge.source);
    }
    const fresh = view.nodes.filter((node) => !this.graph.hasNode(node.key));
    const spacing = this.typicalSpacing();
    const centre = near && this.graph.hasNode(near) ? this.graph.getNodeAttributes(near) : null;
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
        const a = this.graph.getNodeAttributes(anchor);
        const angle = Math.random() * 2 * Math.PI;
        x = a.x + Math.cos(angle) * spacing;
        y = a.y + Math.sin(angle) * spacing;
      } else {
        const angle = (i * 2 * Math.PI) / Math.max(1, fresh.length) + 0.3 * Math.random();
        const radius = spacing * (2 + Math.sqrt(fresh.length)) * (0.6 + 0.4 * Math.random());
        x = Math.cos(angle) * radius;
        y = Math.sin(angle) * radius;
      }
      this.graph.addNode(node.key, {
        label: node.label,
        classes: node.classes,
        colourClass: node.colourClass,
        schema: node.schema,
        degree: node.degree,
        x,
        y,
        size: sizeForDegree(node.degree, this.sizing.maxDegree, this.sizing.nodes),
      });
      added.push(node.key);
    });
    let newEdges = 0;
    for (const edge of view.edges) {
      if (this.graph.hasEdge(edge.key) || !this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) continue;
      // Alone between its two nodes until indexParallelEdges finds otherwise (so most edges need no second write).
      this.graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, {
        predicate: edge.predicate,
        label: edge.label,
        year: edge.year,
        parallelIndex: 0,
        parallelCount: 1,
      });
      newEdges++;
    }
    if (newEdges > 0) indexParallelEdges(this.graph);
    return added;
  }

  /** About the distance between neighbouring nodes, so new nodes land at a sensible scale. */
  private typicalSpacing(): number {
    if (this.graph.order < 2) return 10;
    return Math.max(1, layoutExtent(this.graph) / Math.sqrt(this.graph.order));
  }

  /** Sets the size scale from a whole view about to be shown (largest degree, number of nodes). */
  setSizing(view: ViewGraph): void {
    let maxDegree = 1;
    for (const node of view.nodes) maxDegree = Math.max(maxDegree, node.degree);
    this.sizing = { maxDegree, nodes: view.nodes.length };
  }

  /** Empties the view; not within `batch`, so that sigma drops its state for the nodes (hovered, highlighted) too. */
  clear(): void {
    if (this.batchDepth > 0) throw new Error("workbench/graph-view: clear() inside batch()");
    this.graph.clear();
  }

  /**
   * Re-derives the reducers' context from the session at once (so `visible()` answers for the new state), and
   * has sigma re-apply the reducers and draw at the next frame. Why not now: sigma's refresh runs the reducers
   * over every node and edge and draws, which after a view rebuild or a burst of store changes would add to the
   * task that made them (one frame's refresh instead of one per change, and no long task on software WebGL).
   */
  refresh(): void {
    if (this.killed) return;
    this.ctx = this.context();
    if (this.refreshFrame !== 0) return;
    this.refreshFrame = requestAnimationFrame(() => {
      this.refreshFrame = 0;
      if (this.killed) return;
      this.sigma.refresh({ skipIndexation: true });
      if (this.edgesDeferred) requestAnimationFrame(() => this.showDeferredEdges());
    });
  }

  /** The second frame of a big bulk change: only the edges are re-reduced and drawn (nodes are as they were). */
  private showDeferredEdges(): void {
    if (this.killed || !this.edgesDeferred) return;
    this.edgesDeferred = false;
    if (this.refreshFrame !== 0) return; // a full refresh is pending anyway and will draw them
    this.sigma.refresh({ partialGraph: { edges: this.graph.edges() }, skipIndexation: true });
  }

  /** Nodes and edges the filters leave visible (what "export the view" means). */
  visible(): { nodes: string[]; edges: string[] } {
    const ctx = this.ctx;
    const nodes = new Set<string>();
    this.graph.forEachNode((node, attrs) => {
      if (!isNodeFilteredOut(node, attrs, ctx)) nodes.add(node);
    });
    const edges: string[] = [];
    this.graph.forEachEdge((edge, attrs, source, target) => {
      if (nodes.has(source) && nodes.has(target) && !isEdgeFilteredOut(attrs, ctx)) {
        if (ctx.focusMode === "only" && ctx.focusEdges && !ctx.focusEdges.has(edge)) return;
        edges.push(edge);
      }
    });
    return { nodes: [...nodes], edges };
  }

  /** Moves the camera onto a node, zoomed in enough to read its neighbourhood. */
  focusNode(node: string): void {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data) return;
    void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.35) }, { duration: 400 });
  }

  /** Fits the camera to the given nodes (all nodes when empty). */
  fitNodes(nodes: readonly string[]): void {
    const camera = this.sigma.getCamera();
    if (nodes.length === 0) {
      void camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 400 });
      return;
    }
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const node of nodes) {
      const data = this.sigma.getNodeDisplayData(node);
      if (!data) continue;
      minX = Math.min(minX, data.x);
      maxX = Math.max(maxX, data.x);
      minY = Math.min(minY, data.y);
      maxY = Math.max(maxY, data.y);
    }
    if (minX > maxX) return;
    const ratio = Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 1.5);
    void camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(ratio, 1.2) }, { duration: 500 });
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    cancelAnimationFrame(this.refreshFrame);
    this.unsubscribe();
    this.positions.kill();
    this.warmUp?.finish();
    this.sigma.kill();
  }

  private context(): DisplayContext {
    const graph = this.graph;
    const state = this.store.get();
    return displayContext(
      { ...state, view: { ...state.view, hovered: this.store.hovered() } },
      {
        hasNode: (node) => graph.hasNode(node),
        neighbors: (node) => graph.neighbors(node),
        extremities: (edge) => graph.extremities(edge) as [string, string],
      },
      this.colours,
      this.appearance.nodeScale,
    );
  }
}
