// Lays out the view graph: ForceAtlas2 and then noverlap in a web worker, positions cached per dataset in localStorage.
import type Graph from "graphology";
import { FA2Supervisor } from "./fa2-supervisor.ts";
import { layoutSettings } from "./fa2-settings.ts";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { layoutExtent } from "./extent.ts";
import { applyPositions } from "./fa2-supervisor.ts";
import { untangle, untangleMatrix, type UntangleRequest, type UntangleResult } from "./untangle.ts";

export type LayoutListener = (running: boolean) => void;
/** A run ended with its positions final (after noverlap): `byUser` when the analyst started it with the button. */
export type LayoutRunListener = (byUser: boolean) => void;

/** How long one automatic run lasts: enough for a few thousand nodes to settle on two cores. */
const AUTO_RUN_MS = 4000;
const CACHE_PREFIX = "smartcity-kg:positions:";
/** Up to this many nodes noverlap runs on the main thread (tens of ms); above, in a worker. */
const SYNC_UNTANGLE_MAX = 1000;
/** noverlap may never fully converge on dense hubs: it stops after this long and keeps what it reached. */
const UNTANGLE_BUDGET_MS = 4000;

export class LayoutController {
  private supervisor: FA2Supervisor | null = null;
  private untangler: Worker | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<LayoutListener>();
  private runListeners = new Set<LayoutRunListener>();
  /** The running layout was started by the analyst (the button), not by the app (first view, new nodes). */
  private userRun = false;
  private killed = false;
  /** The analyst's ForceAtlas2 settings (fa2-controls.ts), over the inferred ones. */
  private overrides: Partial<ForceAtlas2Settings> = {};

  constructor(
    private readonly graph: Graph,
    private readonly cacheKey: () => string,
    /** Nodes the analyst pinned: ForceAtlas2 holds them (graphology's `fixed`), noverlap's moves are undone. */
    private readonly pinned: () => ReadonlySet<string> = () => new Set(),
  ) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** ForceAtlas2 is running, or noverlap is still untangling what a run left (its positions are not final yet). */
  get busy(): boolean {
    return this.running || this.untangler !== null;
  }

  get runByUser(): boolean {
    return this.running && this.userRun;
  }

  onChange(listener: LayoutListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once per stopped run when its positions are final; a run cut short by reset() or kill() never ends this way. */
  onRunEnd(listener: LayoutRunListener): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  /** Starts ForceAtlas2; with `forMs` it stops by itself, then removes overlaps and caches the positions. */
  start(forMs?: number): void {
    if (this.killed || this.graph.order === 0) return;
    clearTimeout(this.stopTimer);
    if (!this.supervisor) {
      const pinned = this.pinned();
      this.graph.forEachNode((node, attrs) => {
        if (pinned.has(node) !== Boolean(attrs.fixed)) this.graph.setNodeAttribute(node, "fixed", pinned.has(node));
      });
      this.supervisor = new FA2Supervisor(this.graph, { ...layoutSettings(this.graph), ...this.overrides });
    }
    if (!this.supervisor.isRunning()) this.supervisor.start();
    this.emit();
    if (forMs) this.stopTimer = setTimeout(() => this.stop(), forMs);
  }

  get settings(): Readonly<Partial<ForceAtlas2Settings>> {
    return this.overrides;
  }

  /** New ForceAtlas2 settings: the next run uses them (a running one goes on with its own until stopped). */
  setSettings(overrides: Partial<ForceAtlas2Settings>): void {
    this.overrides = { ...overrides };
    if (this.running) return;
    this.supervisor?.kill();
    this.supervisor = null;
  }

  /** Runs a fresh layout for a while (the default after loading data with no cached positions). */
  autoRun(): void {
    this.userRun = false;
    this.start(AUTO_RUN_MS);
  }

  stop(): void {
    clearTimeout(this.stopTimer);
    if (this.supervisor?.isRunning()) {
      const byUser = this.userRun;
      this.userRun = false;
      this.supervisor.stop();
      this.untangle(this.pixelsToGraph(), () => {
        for (const listener of [...this.runListeners]) listener(byUser);
        this.emit();
      });
    }
    this.emit();
  }

  /** The ▶ Layout button: starts a run of the analyst's own (an undoable step once it stops), or stops the running one. */
  toggle(): void {
    if (this.running) this.stop();
    else {
      this.userRun = true;
      this.start();
    }
  }

  /** The graph's structure changed (nodes added or dropped): the worker's copy is stale, so it is rebuilt on next start. */
  reset(): void {
    const wasBusy = this.busy;
    this.userRun = false;
    clearTimeout(this.stopTimer);
    this.stopUntangling();
    this.supervisor?.kill();
    this.supervisor = null;
    if (wasBusy) this.emit();
  }

  /**
   * Spreads overlapping nodes apart with noverlap (in a web worker above SYNC_UNTANGLE_MAX nodes; it can take
   * seconds on thousands), then caches the positions. The positions are written once, when noverlap is done: its
   * intermediate steps are not worth a redraw each. Node sizes are screen pixels; `pixelsToGraph` converts them.
   */
  untangle(pixelsToGraph = this.pixelsToGraph(), onDone?: () => void): void {
    this.stopUntangling();
    if (this.graph.order === 0 || this.killed) return;
    const held = new Map<string, { x: number; y: number }>();
    for (const node of this.pinned()) {
      if (this.graph.hasNode(node)) held.set(node, { x: this.graph.getNodeAttribute(node, "x"), y: this.graph.getNodeAttribute(node, "y") });
    }
    const order = this.graph.order;
    const finish = (result: UntangleResult) => {
      this.stopUntangling();
      // A graph that changed meanwhile keeps its positions (applyPositions refuses a different node count).
      if (this.graph.order === order) applyPositions(this.graph, result.xy);
      for (const [node, position] of held) if (this.graph.hasNode(node)) this.graph.mergeNodeAttributes(node, position);
      this.save();
      onDone?.();
    };
    const nodes = untangleMatrix(this.graph, (_node, attrs) => (attrs.size ?? 4) * pixelsToGraph);
    const request: UntangleRequest = {
      type: "untangle",
      nodes: nodes.buffer as ArrayBuffer,
      settings: { ratio: 1.15, margin: 3 * pixelsToGraph, speed: 3 },
      maxIterations: order <= SYNC_UNTANGLE_MAX ? 150 : 500,
      budgetMs: UNTANGLE_BUDGET_MS,
    };
    if (order <= SYNC_UNTANGLE_MAX) {
      // Small graphs untangle in a few milliseconds: at once, without a worker.
      finish(untangle(request, nodes));
      return;
    }
    const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    this.untangler = worker;
    worker.addEventListener("message", (event: MessageEvent<UntangleResult>) => {
      if (this.untangler === worker && event.data.type === "untangled") finish(event.data);
    });
    worker.postMessage(request, [request.nodes]);
  }

  private stopUntangling(): void {
    this.untangler?.terminate();
    this.untangler = null;
  }

  /** Layout units per screen pixel when the whole graph fits a ~700 px view (sigma's default camera). */
  private pixelsToGraph(): number {
    const extent = layoutExtent(this.graph);
    return Number.isFinite(extent) && extent > 0 ? extent / 700 : 1;
  }

  /** Gives every node a cached position, and reports how many had none. */
  restore(): number {
    let cache: Record<string, [number, number]> = {};
    try {
      cache = JSON.parse(localStorage.getItem(CACHE_PREFIX + this.cacheKey()) ?? "{}") as Record<string, [number, number]>;
    } catch {
      cache = {};
    }
    let missing = 0;
    this.graph.forEachNode((node) => {
      const position = cache[node];
      if (position) this.graph.mergeNodeAttributes(node, { x: position[0], y: position[1] });
      else missing++;
    });
    return missing;
  }

  save(): void {
    const positions: Record<string, [number, number]> = {};
    this.graph.forEachNode((node, attrs) => {
      positions[node] = [Math.round(attrs.x * 100) / 100, Math.round(attrs.y * 100) / 100];
    });
    try {
      // One dataset's positions are kept at a time: the cache must never grow without bound.
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const key = localStorage.key(i);
        if (key?.startsWith(CACHE_PREFIX) && key !== CACHE_PREFIX + this.cacheKey()) localStorage.removeItem(key);
      }
      localStorage.setItem(CACHE_PREFIX + this.cacheKey(), JSON.stringify(positions));
    } catch {
      // Storage full or disabled: the layout simply runs again next time.
    }
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    clearTimeout(this.stopTimer);
    this.supervisor?.kill();
    this.supervisor = null;
    this.stopUntangling();
    this.listeners.clear();
    this.runListeners.clear();
  }

  private emit(): void {
    const running = this.running;
    for (const listener of [...this.listeners]) listener(running);
  }
}
