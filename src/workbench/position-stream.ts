// Tells when node positions are streaming in (a layout run writing a new set every frame) from the graph's bulk updates.
import type Graph from "graphology";

/** Timers, injectable so the logic is testable without waiting. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A stream starts with the second bulk position update (x/y of every node) within `quietMs` of the one before, so a
 * single update (noverlap's result, an undo) is not one; it ends when none has come for `quietMs`. `kill()` unbinds.
 */
export class PositionStream {
  private last = -Infinity;
  private timer: unknown = undefined;
  private active = false;

  constructor(
    private readonly graph: Pick<Graph, "on" | "off">,
    private readonly onChange: (streaming: boolean) => void,
    private readonly quietMs = 600,
    private readonly now: () => number = () => performance.now(),
    private readonly timers: Timers = realTimers,
  ) {
    graph.on("eachNodeAttributesUpdated", this.updated);
  }

  get streaming(): boolean {
    return this.active;
  }

  kill(): void {
    this.graph.off("eachNodeAttributesUpdated", this.updated);
    this.timers.clear(this.timer);
  }

  private readonly updated = (payload: { hints?: { attributes?: (string | number)[] } }) => {
    const attributes = payload.hints?.attributes;
    if (!attributes || !attributes.includes("x")) return;
    const now = this.now();
    const soon = now - this.last < this.quietMs;
    this.last = now;
    this.timers.clear(this.timer);
    this.timer = this.timers.set(this.ended, this.quietMs);
    if (soon && !this.active) {
      this.active = true;
      this.onChange(true);
    }
  };

  private readonly ended = () => {
    this.timer = undefined;
    if (!this.active) return;
    this.active = false;
    this.onChange(false);
  };
}
