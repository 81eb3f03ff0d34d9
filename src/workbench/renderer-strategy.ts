// How the view draws on this machine's WebGL, chosen once at start-up: as sigma does on a GPU, or tuned for software WebGL.
import type Sigma from "sigma";
import {
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  EdgeArrowProgram,
  EdgeClampedProgram,
  NodeCircleProgram,
  type EdgeProgramType,
  type NodeProgramType,
} from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes } from "./view-attributes.ts";
import { isSoftwareRenderer, webglRenderer, withoutInstancing } from "./uninstanced.ts";
import { PositionStream } from "./position-stream.ts";
import { ProgramWarmUp } from "./program-warm-up.ts";

export type RendererKind = "gpu" | "software";
type ViewSigma = Sigma<NodeAttributes, EdgeAttributes>;
type ViewGraphology = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
type NodeReducer = (node: string, attrs: NodeAttributes) => Partial<NodeDisplayData>;
type EdgeReducer = (edge: string, attrs: EdgeAttributes) => Partial<EdgeDisplayData>;

/** The sigma settings a renderer decides: its programs and the reducers it draws through. */
export interface RendererSettings {
  nodeProgramClasses: Record<string, NodeProgramType<NodeAttributes, EdgeAttributes>>;
  edgeProgramClasses: Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>>;
  nodeReducer: NodeReducer;
  edgeReducer: EdgeReducer;
}

/** What the graph view asks of its renderer; the GPU one does nothing beyond sigma's defaults. */
export interface ViewRenderer {
  readonly kind: RendererKind;
  settings(nodeReducer: NodeReducer, edgeReducer: EdgeReducer): RendererSettings;
  /** Sigma is built; `redraw` schedules a refresh, `refreshPending` tells whether one is scheduled. */
  start(sigma: ViewSigma, graph: ViewGraphology, redraw: () => void, refreshPending: () => boolean): void;
  /** A bulk change of the graph begins. */
  beforeBulk(): void;
  /** A bulk change ended, having added `edgesAdded` edges; the refresh that draws it follows. */
  afterBulk(edgesAdded: number): void;
  /** Sigma has just refreshed. */
  afterRefresh(): void;
  /** A layout run (and the noverlap pass after it) is under way, or over. */
  setLayoutBusy(busy: boolean): void;
  kill(): void;
}

/**
 * The one switch: software WebGL (SwiftShader in headless Chromium, llvmpipe, machines without a usable GPU) gets the
 * tuned renderer, everything else sigma's own programs and reducers. `?renderer=gpu|software` in the page's address
 * overrides the probe, so that a test can run either path in any browser.
 */
export function chooseRenderer(search = typeof location === "undefined" ? "" : location.search): ViewRenderer {
  const forced = new URLSearchParams(search).get("renderer");
  const software = forced === "software" || (forced !== "gpu" && isSoftwareRenderer(webglRenderer()));
  return software ? new SoftwareRenderer() : gpuRenderer();
}

/** Sigma as it comes: instanced programs, the view's reducers unwrapped, nothing deferred or hidden. */
export function gpuRenderer(): ViewRenderer {
  const nothing = () => undefined;
  return {
    kind: "gpu",
    settings: (nodeReducer, edgeReducer) => ({
      nodeProgramClasses: { circle: NodeCircleProgram },
      edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
      nodeReducer,
      edgeReducer,
    }) as unknown as RendererSettings,
    start: nothing,
    beforeBulk: nothing,
    afterBulk: nothing,
    afterRefresh: nothing,
    setLayoutBusy: nothing,
    kill: nothing,
  };
}

/**
 * On software WebGL, views with more edges than this draw no edges while a layout runs or streams positions in (as
 * sigma's hideEdgesOnMove does for camera moves), and get their edges a frame after their nodes in a bulk change:
 * edges are ~80% of a frame there, ~50-100 ms for the 2,000-node overview on a quiet machine and 2-4 times that
 * beside the layout worker, and the page waits for each frame.
 */
export const HIDE_EDGES_WHILE_LAYING_OUT = 2000;

/**
 * Software WebGL rasterises on the CPU, where instancing costs a draw per instance and the page waits in each frame's
 * commit while the GPU process draws: programs without instancing (uninstanced.ts), compiled one per frame before the
 * first data (program-warm-up.ts), edges hidden while a big view's layout streams positions, and a big bulk change
 * drawn as nodes then edges in two frames.
 */
class SoftwareRenderer implements ViewRenderer {
  readonly kind = "software";
  private sigma: ViewSigma | null = null;
  private graph: ViewGraphology | null = null;
  private redraw: () => void = () => undefined;
  private refreshPending: () => boolean = () => false;
  private warmUp: ProgramWarmUp | null = null;
  private positions: PositionStream | null = null;
  private curved: Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>> = {};
  private layoutBusy = false;
  /** Edges are not drawn: a layout is streaming positions into a big view, or is about to. */
  private edgesHiddenForLayout = false;
  /** Edges wait one frame after a big bulk change (nodes then edges keeps either frame's wait short). */
  private edgesDeferred = false;
  private killed = false;

  settings(nodeReducer: NodeReducer, edgeReducer: EdgeReducer): RendererSettings {
    // The curved-edge program is compiled by the warm-up, in a task of its own, not in sigma's constructor.
    this.curved = { curved: withoutInstancing(EdgeCurvedArrowProgram) } as unknown as typeof this.curved;
    const arrow = createEdgeCompoundProgram([withoutInstancing(EdgeClampedProgram), withoutInstancing(EdgeArrowHeadProgram)]);
    // While the warm-up draws its throwaway graph, everything in it is hidden.
    const hiddenNode: NodeReducer = (node, attrs) => (this.warmUp?.active ? ({ ...attrs, hidden: true } as Partial<NodeDisplayData>) : nodeReducer(node, attrs));
    const hiddenEdge: EdgeReducer = (edge, attrs) => {
      if (this.warmUp?.active) return { ...attrs, hidden: true } as Partial<EdgeDisplayData>;
      const display = edgeReducer(edge, attrs);
      return this.edgesHiddenForLayout || this.edgesDeferred ? { ...display, hidden: true } : display;
    };
    return {
      nodeProgramClasses: { circle: withoutInstancing(NodeCircleProgram) },
      edgeProgramClasses: { arrow },
      nodeReducer: hiddenNode,
      edgeReducer: hiddenEdge,
    } as unknown as RendererSettings;
  }

  start(sigma: ViewSigma, graph: ViewGraphology, redraw: () => void, refreshPending: () => boolean): void {
    this.sigma = sigma;
    this.graph = graph;
    this.redraw = redraw;
    this.refreshPending = refreshPending;
    this.positions = new PositionStream(graph, () => this.hideEdgesForLayout());
    this.warmUp = new ProgramWarmUp(sigma, graph, this.curved);
  }

  beforeBulk(): void {
    this.warmUp?.finish();
  }

  afterBulk(edgesAdded: number): void {
    if (edgesAdded > HIDE_EDGES_WHILE_LAYING_OUT) this.edgesDeferred = true;
  }

  afterRefresh(): void {
    if (this.edgesDeferred) requestAnimationFrame(() => this.showDeferredEdges());
  }

  /**
   * Edges hide at a run's start, before the first streamed positions (otherwise the first frame of a run, beside the
   * starting worker, redraws every edge: 0.2 s traced at 100k), and come back once noverlap's final positions are in,
   * so that the view draws all its edges once, not twice.
   */
  setLayoutBusy(busy: boolean): void {
    this.layoutBusy = busy;
    this.hideEdgesForLayout();
  }

  kill(): void {
    this.killed = true;
    this.positions?.kill();
    this.warmUp?.finish();
  }

  private hideEdgesForLayout(): void {
    const streaming = this.positions?.streaming ?? false;
    const hide = (streaming || this.layoutBusy) && (this.graph?.size ?? 0) > HIDE_EDGES_WHILE_LAYING_OUT;
    if (hide === this.edgesHiddenForLayout) return;
    this.edgesHiddenForLayout = hide;
    this.redraw();
  }

  /** The second frame of a big bulk change: only the edges are re-reduced and drawn (nodes are as they were). */
  private showDeferredEdges(): void {
    if (this.killed || !this.edgesDeferred || !this.sigma || !this.graph) return;
    this.edgesDeferred = false;
    if (this.refreshPending()) return; // a full refresh is pending anyway and will draw them
    this.sigma.refresh({ partialGraph: { edges: this.graph.edges() }, skipIndexation: true });
  }
}
