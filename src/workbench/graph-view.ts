// The displayed graph: a graphology graph of what is shown, drawn by sigma through reducers that read the session.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import type { SessionStore } from "../session/index.ts";
import { selectEdge, selectNode, clearSelection, toggleNodeSelected } from "../session/index.ts";
import { isAdditiveClick } from "./selection.ts";
import {
  displayContext,
  edgeDisplay,
  isEdgeFilteredOut,
  isNodeFilteredOut,
  nodeDisplay,
  type DisplayContext,
  type EdgeAttributes,
  type NodeAttributes,
} from "./display.ts";
import type { ViewGraph } from "./protocol.ts";
import { defaultAppearance, type Appearance } from "../session/layout.ts";
import { drawLabelWithHalo } from "./labels.ts";
import { labelSettings } from "./label-density.ts";
import { chooseRenderer, type RendererKind, type ViewRenderer } from "./renderer-strategy.ts";
import { enableDragging } from "./node-drag.ts";
import { addToView } from "./add-to-view.ts";
import { effectiveColours } from "./appearance.ts";
import { MetricSizer } from "./metric-sizer.ts";
import type { ClassGroup } from "./view-graph.ts";
import { fitCamera, overlayRects } from "./fit-camera.ts";
import { AnswerHighlight } from "./answer-highlight.ts";
import { SourceFilter } from "./source-filter.ts";
import { GraphCursor } from "./graph-cursor.ts";

/** Labels per grid cell at full view (sigma's labelDensity) for the default appearance. */
const BASE_LABEL_DENSITY = 0.07;

export type ViewGraphology = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

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
  private replacedPredicates: Readonly<Record<string, string>> = {};
  /** The data's class groups (colour by group), and the sizes by betweenness or PageRank when chosen. */
  private groups: readonly ClassGroup[] = [];
  private readonly sizer = new MetricSizer(() => this.refresh(), (message) => console.warn(message));
  private unsubscribe: () => void;
  private killed = false;
  /** The animation frame that will refresh sigma, or 0. */
  private refreshFrame = 0;
  /** Nesting depth of `batch` calls; the reducers pass attributes through while it is above 0. */
  private batchDepth = 0;
  /** The scale node sizes are computed on, set from the overview so later additions match it. */
  private sizing = { maxDegree: 1, nodes: 100 };

  constructor(
    container: HTMLElement,
    private readonly store: SessionStore,
    events: GraphViewEvents = {},
    /** How this machine's WebGL is drawn on; chosen once, at start-up (renderer-strategy.ts). */
    private readonly renderer: ViewRenderer = chooseRenderer(),
  ) {
    this.ctx = this.context();
    container.dataset.renderer = renderer.kind;
    // Within a batch what sigma's listeners reduce stays hidden until the refresh after it reduces everything (batch()).
    const drawing = renderer.settings(
      (node, attrs) => (this.batchDepth > 0 ? { ...attrs, hidden: true } : nodeDisplay(node, attrs, this.ctx)),
      (edge, attrs) => (this.batchDepth > 0 ? { ...attrs, hidden: true } : edgeDisplay(edge, attrs, this.graph.extremities(edge) as [string, string], this.ctx)),
    );
    this.sigma = new Sigma<NodeAttributes, EdgeAttributes>(this.graph, container, {
      allowInvalidContainer: true,
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      defaultEdgeType: "arrow",
      ...drawing,
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
    enableDragging(this.sigma, this.graph, (node, from, to) => this.onNodeMoved?.(node, from, to));
    const unsubscribeState = store.subscribe(() => this.refresh());
    const unsubscribeHover = store.onHover(() => this.refresh());
    this.unsubscribe = () => {
      unsubscribeState();
      unsubscribeHover();
    };
    renderer.start(this.sigma, this.graph, () => this.refresh(), () => this.refreshFrame !== 0);
  }

  /** Which renderer draws the view: "gpu" (sigma as it comes) or "software" (tuned for software WebGL). */
  get rendererKind(): RendererKind {
    return this.renderer.kind;
  }

  /** The layout controller's run is under way or over (the software renderer hides a big view's edges meanwhile). */
  setLayoutBusy(busy: boolean): void {
    this.renderer.setLayoutBusy(busy);
  }

  /** A SPARQL CONSTRUCT/DESCRIBE answer highlighted as a query result (answer-highlight.ts). */
  readonly answer = new AnswerHighlight(() => this.store.get(), () => this.refresh());
  /** Relations by source: at least N sources, chosen sources, colour by source (source-filter.ts). */
  readonly sourceFilter = new SourceFilter({ state: () => this.store.get(), dispatch: (action) => this.store.dispatch(action) });
  /** The keyboard cursor (graph-keyboard.ts moves it): display state like hover, no step. */
  readonly cursor = new GraphCursor(() => this.refresh());

  /** Called after the analyst dropped a dragged node, with where it was and where it is (the app records the move). */
  onNodeMoved: ((node: string, from: [number, number], to: [number, number]) => void) | null = null;

  setColours(colours: Map<string, string>): void {
    this.baseColours = colours;
    this.colours = effectiveColours(colours, this.appearance, this.groups);
    this.refresh();
  }

  /** Old predicate IRIs and their replacements in the loaded data: a hidden-predicate filter naming an old one hides the new. */
  setReplacedPredicates(replaced: Readonly<Record<string, string>>): void {
    this.replacedPredicates = replaced;
    this.refresh();
  }

  /** The data's classes grouped by top class, for colouring by group. */
  setClassGroups(groups: readonly ClassGroup[]): void {
    this.groups = groups;
    this.setColours(this.baseColours);
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
   * Runs a bulk change of the graph (clear, add, positions), then has one refresh redraw it all at the next frame.
   * Sigma's graph listeners stay attached (public API only: they keep its indices current), but what they reduce
   * during the change is only marked hidden: the real reducers for every node and edge added or moved cost ~50 ms in
   * the task for the 2,000-node overview, and the refresh re-runs them all anyway. Our frame is requested before the
   * listeners request sigma's, so it runs first and its synchronous refresh cancels sigma's pending draw; a draw sigma
   * had pending from before (a camera move) draws none of the batch's elements, and one on an empty graph (a clear)
   * is drawn at once. The renderer may split the redraw (software WebGL: nodes, then edges a frame later).
   */
  batch<T>(change: () => T): T {
    this.renderer.beforeBulk();
    if (this.batchDepth++ === 0) {
      // A draw sigma has pending (a clear's) would process the batch's items; on an empty graph drawing now cancels it.
      if (this.graph.order === 0) this.sigma.refresh();
      this.requestRefreshFrame();
    }
    const sizeBefore = this.graph.size;
    try {
      return change();
    } finally {
      if (--this.batchDepth === 0 && !this.killed) {
        this.renderer.afterBulk(this.graph.size - sizeBefore);
        this.refresh();
      }
    }
  }

  /** Adds nodes and edges not yet shown; new nodes go on a ring round `near`, else next to a shown neighbour, else on a circle. */
  add(view: ViewGraph, near?: string): string[] {
    return this.batch(() => addToView(this.graph, view, this.sizing, near));
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
    this.requestRefreshFrame();
  }

  private requestRefreshFrame(): void {
    if (this.refreshFrame !== 0) return;
    this.refreshFrame = requestAnimationFrame(() => {
      this.refreshFrame = 0;
      if (this.killed) return;
      this.sigma.refresh({ skipIndexation: true });
      this.renderer.afterRefresh();
    });
  }

  /** Nodes and edges the filters leave visible (what "export the view" means). */
  visible(ctx: DisplayContext = this.ctx): { nodes: string[]; edges: string[] } {
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

  /**
   * Fits the camera to the given nodes (the nodes shown when empty: hidden ones, and those a "show only" query
   * leaves out, are not framed) in the part of the graph area the legend, notice and panels leave free.
   */
  fitNodes(nodes: readonly string[]): void {
    const shown = new Set(this.visible().nodes);
    const given = nodes.filter((node) => shown.has(node));
    const container = this.sigma.getContainer();
    fitCamera(this.sigma, nodes.length === 0 ? [...shown] : given.length ? given : nodes, overlayRects(container));
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    cancelAnimationFrame(this.refreshFrame);
    this.unsubscribe();
    this.renderer.kill();
    this.sigma.kill();
    this.sizer.kill();
  }

  private context(): DisplayContext {
    const graph = this.graph;
    const state = this.store.get();
    const lookup = { hasNode: (node: string) => graph.hasNode(node), neighbors: (node: string) => graph.neighbors(node), extremities: (edge: string) => graph.extremities(edge) as [string, string] };
    const ctx = displayContext(
      { ...state, view: { ...state.view, hovered: this.store.hovered() } },
      lookup,
      this.colours,
      this.appearance.nodeScale,
      this.replacedPredicates,
    );
    ctx.sizes = this.sizer.sizesFor(this.appearance.sizeBy, { visible: () => this.visible(ctx), extremities: (edge) => graph.extremities(edge) as [string, string] });
    return this.cursor.apply(this.sourceFilter.apply(this.answer.apply(ctx, state), state), lookup, this.store.hovered());
  }
}
