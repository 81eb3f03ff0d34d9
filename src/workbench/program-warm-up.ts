// Compiles sigma's WebGL programs one per frame, on a throwaway graph of hidden items, before the first data is drawn.
import { MultiDirectedGraph } from "graphology";
import type Sigma from "sigma";
import type { EdgeProgramType } from "sigma/rendering";
import type { EdgeAttributes, NodeAttributes } from "./display.ts";

/**
 * Why: a software renderer (SwiftShader, in headless Chromium and on machines without a usable GPU) compiles a
 * program's shaders in the GPU process at its first draw, and the page waits for that in the frame's commit. The
 * bundled graph's first frame compiled sigma's node, edge, arrow-head and curved-edge programs (each with its
 * picking twin) at once: 150-240 ms in traces. Drawn once each, a frame apart, while the data loads, each costs a
 * frame of its own. Hidden items still reach the GPU (their vertices are zeros), so the programs compile while
 * nothing shows. Programs registered late (`lateEdgePrograms`) are also compiled by WebGL in a task of their own
 * instead of in sigma's constructor.
 */
export class ProgramWarmUp {
  private readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private readonly steps: (() => void)[];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private done = false;

  constructor(
    private readonly sigma: Sigma<NodeAttributes, EdgeAttributes>,
    /** The graph sigma draws once this is over. */
    private readonly own: MultiDirectedGraph<NodeAttributes, EdgeAttributes>,
    /** Edge programs sigma was built without, registered by the first step. */
    private readonly lateEdgePrograms: Record<string, EdgeProgramType<NodeAttributes, EdgeAttributes>>,
  ) {
    const graph = this.graph;
    const node = (key: string, x: number) => graph.addNode(key, { label: "", classes: [], colourClass: "", schema: false, degree: 1, x, y: x, size: 1 });
    const edgeTypes = Object.keys(sigma.getSetting("edgeProgramClasses") ?? {}).concat(Object.keys(lateEdgePrograms));
    this.steps = [
      () => {
        sigma.setSetting("edgeProgramClasses", { ...sigma.getSetting("edgeProgramClasses"), ...lateEdgePrograms });
        sigma.setGraph(graph);
      },
      () => {
        node("a", 0);
        node("b", 1);
      },
      ...edgeTypes.map((type) => () => {
        graph.addDirectedEdge("a", "b", { predicate: "", label: "", parallelIndex: 0, parallelCount: 1, type } as EdgeAttributes);
      }),
    ];
    this.next();
  }

  /** Whether sigma is drawing the throwaway graph (its reducers should hide everything). */
  get active(): boolean {
    return !this.done && this.sigma.getGraph() !== this.own;
  }

  /** Ends the warm-up now (the data is here): late programs registered, sigma back on its own graph. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.pending);
    cancelAnimationFrame(this.frame);
    const programs = this.sigma.getSetting("edgeProgramClasses") ?? {};
    if (Object.keys(this.lateEdgePrograms).some((type) => !programs[type])) {
      this.sigma.setSetting("edgeProgramClasses", { ...programs, ...this.lateEdgePrograms });
    }
    if (this.sigma.getGraph() !== this.own) this.sigma.setGraph(this.own);
  }

  /** Each step (and then the end) in a task of its own, after the frame that drew the previous step. */
  private next(): void {
    this.frame = requestAnimationFrame(() => {
      this.pending = setTimeout(() => {
        if (this.done) return;
        const step = this.steps.shift();
        if (!step) {
          this.finish();
          return;
        }
        step();
        this.next();
      }, 0);
    });
  }
}
