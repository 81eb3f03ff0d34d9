// Play through the years: the date range steps a year at a time as edits (no History step each), and the run is one step when it stops.
import type { YearRange } from "../session/types.ts";

/** How long each year stays on screen. */
export const PLAY_STEP_MS = 900;

const same = (a: YearRange | null, b: YearRange | null) => a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);

/**
 * The ranges a play run shows, in order: a window as wide as the current range (one year when none is set) moved a
 * year at a time to the last year. It goes on from the current range when that ends before the last year, and
 * starts again at the first year otherwise.
 */
export function playWindows(extent: YearRange, current: YearRange | null): YearRange[] {
  const total = extent.to - extent.from + 1;
  const width = current ? Math.min(total, Math.max(1, current.to - current.from + 1)) : 1;
  const resume = current !== null && current.to < extent.to && current.from >= extent.from;
  const first = resume ? current.from + 1 : extent.from;
  const windows: YearRange[] = [];
  for (let from = first; from + width - 1 <= extent.to; from++) windows.push({ from, to: from + width - 1 });
  return windows;
}

export interface PlayHost {
  /** The session's date range now. */
  range(): YearRange | null;
  /** Shows a range without a History step (an edit). */
  show(range: YearRange): void;
  /** The run stopped having shown `first` … `last`: one History step. */
  finish(first: YearRange, last: YearRange): void;
  /** Running or not (the Play button's face). */
  changed(running: boolean): void;
}

/** Runs a play: `start`, then a year per tick until the last year or `stop`; a range set by anything else stops it unrecorded. */
export class Player {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private windows: YearRange[] = [];
  private index = -1;
  private before: YearRange | null = null;

  constructor(
    private readonly host: PlayHost,
    private readonly stepMs = PLAY_STEP_MS,
  ) {}

  get running(): boolean {
    return this.index >= 0;
  }

  /** The range being shown, while running. */
  get showing(): YearRange | null {
    return this.running ? this.windows[this.index] : null;
  }

  start(extent: YearRange): void {
    if (this.running) return;
    this.before = this.host.range();
    this.windows = playWindows(extent, this.before);
    if (this.windows.length === 0) return;
    this.index = 0;
    this.host.changed(true);
    this.host.show(this.windows[0]);
    this.schedule();
  }

  /** Stops; `record` (the default) makes the run one History step, unless it ended where it began. */
  stop(record = true): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    const first = this.windows[0];
    const last = this.windows[this.index];
    this.index = -1;
    this.windows = [];
    this.host.changed(false);
    if (record && !same(last, this.before)) this.host.finish(first, last);
  }

  /** The session's range changed: when it is not the one the run shows (an undo, the brush), the run stops unrecorded. */
  observe(range: YearRange | null): void {
    if (this.running && !same(range, this.showing)) this.stop(false);
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), this.stepMs);
  }

  private tick(): void {
    if (!this.running) return;
    if (this.index + 1 >= this.windows.length) {
      this.stop();
      return;
    }
    this.index++;
    this.host.show(this.windows[this.index]);
    this.schedule();
  }
}
