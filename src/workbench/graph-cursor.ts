// The keyboard cursor on the graph: which node it is on (display state, like hover: no step, not saved) and where an arrow key takes it.
import type { DisplayContext, GraphLookup } from "./display.ts";

export type Direction = "left" | "right" | "up" | "down";

/** A node's position on the screen (y grows downwards, as in the viewport). */
export interface ScreenPoint {
  node: string;
  x: number;
  y: number;
}

const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The candidate nearest to `from` in the arrow's direction: those within 45° of it first (what the eye reads as
 * "to the right"), else any in that half of the screen; distance weighted by how far off the direction a node lies,
 * so a node straight ahead wins over a slightly nearer one at the side. Null when none lies that way.
 */
export function nearestInDirection(from: { x: number; y: number }, candidates: readonly ScreenPoint[], direction: Direction): string | null {
  const [dx, dy] = UNIT[direction];
  let best: { node: string; score: number; inCone: boolean } | null = null;
  for (const c of candidates) {
    const vx = c.x - from.x;
    const vy = c.y - from.y;
    const along = vx * dx + vy * dy;
    if (along <= 1e-9) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const inCone = across <= along;
    const score = Math.hypot(vx, vy) * (1 + across / along);
    const better = !best || (inCone && !best.inCone) || (inCone === best.inCone && (score < best.score || (score === best.score && c.node < best.node)));
    if (better) best = { node: c.node, score, inCone };
  }
  return best?.node ?? null;
}

/** The node the keyboard cursor is on, and how the reducers show it. */
export class GraphCursor {
  private node: string | null = null;
  /** Shown only while the graph has the keyboard focus: a cursor nobody is steering would read as a selection. */
  private shown = false;

  /** `changed`: redraw the view. */
  constructor(private readonly changed: () => void) {}

  get current(): string | null {
    return this.node;
  }

  set(node: string | null): void {
    if (node === this.node) return;
    this.node = node;
    this.changed();
  }

  show(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.changed();
  }

  /**
   * The context with the cursor marked and, while the pointer hovers no node, its neighbours emphasised as on hover
   * (so the nodes an arrow can reach stand out). `mouseHovered`: the node under the pointer, which wins.
   */
  apply(ctx: DisplayContext, graph: GraphLookup, mouseHovered: string | null): DisplayContext {
    if (!this.shown || this.node === null || !graph.hasNode(this.node)) return ctx;
    ctx.cursor = this.node;
    if (mouseHovered === null) {
      ctx.hovered = this.node;
      ctx.hoverNeighbours = new Set(graph.neighbors(this.node));
    }
    return ctx;
  }
}
