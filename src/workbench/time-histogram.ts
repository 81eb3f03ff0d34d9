// The histogram of relation dates, drawn as SVG through DOM calls (no markup from data), with a brush: drag across the years to choose a range.
import type { Timeline } from "../query/relation-dates.ts";
import type { YearRange } from "../session/types.ts";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 280;
const HEIGHT = 86;
/** Room under the bars for the year labels. */
const AXIS = 14;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Which year a horizontal position falls on (positions outside the bars give the first or last year). */
export function yearAt(timeline: Pick<Timeline, "from" | "to">, fraction: number): number {
  const n = timeline.to - timeline.from + 1;
  return timeline.from + Math.min(n - 1, Math.max(0, Math.floor(fraction * n)));
}

export interface HistogramOptions {
  /** The analyst chose a range by dragging (or clicking a bar: one year); null for every year (a double-click). */
  choose(range: YearRange | null): void;
}

/** One bar per year; the range's bars are drawn in full colour and the brush covers them. */
export class TimeHistogram {
  readonly element: SVGSVGElement;
  private readonly bars: SVGRectElement[] = [];
  private readonly brush: SVGRectElement;
  private anchor: number | null = null;

  constructor(
    private readonly timeline: Timeline,
    private readonly options: HistogramOptions,
  ) {
    const { from, to, counts } = timeline;
    const n = to - from + 1;
    const most = Math.max(1, ...counts);
    const peak = from + counts.indexOf(Math.max(...counts));
    this.element = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "time-histogram", role: "img", "aria-label": `Relations per year, ${from}–${to}: ${timeline.dated} dated, the most in ${peak} (${counts[peak - from]}). Drag across the years to show only those; the From and To fields do the same by keyboard.` });
    const slot = WIDTH / n;
    const plot = HEIGHT - AXIS;
    counts.forEach((count, i) => {
      const height = count === 0 ? 0 : Math.max(1.5, (count / most) * (plot - 4));
      const bar = svg("rect", { x: i * slot + 0.5, y: plot - height, width: Math.max(1, slot - 1), height, class: "bar", "data-year": from + i, "data-count": count });
      bar.append(svg("title", {}, `${from + i}: ${count} relation${count === 1 ? "" : "s"}`));
      this.bars.push(bar);
    });
    this.brush = svg("rect", { x: 0, y: 0, width: WIDTH, height: plot, class: "brush" });
    const axis = svg("g", { class: "axis" });
    // The first and last years, and a few between when there is room.
    const every = Math.max(1, Math.ceil(n / 6));
    for (let i = 0; i < n; i += every) axis.append(svg("text", { x: (i + 0.5) * slot, y: HEIGHT - 3, "text-anchor": "middle" }, String(from + i)));
    if ((n - 1) % every !== 0) axis.append(svg("text", { x: (n - 0.5) * slot, y: HEIGHT - 3, "text-anchor": "end" }, String(to)));
    this.element.append(...this.bars, this.brush, axis);
    this.listen();
  }

  /** Shows `range` (null: every year). */
  show(range: YearRange | null): void {
    const { from, to } = this.timeline;
    const a = range ? Math.max(from, Math.min(range.from, range.to)) : from;
    const b = range ? Math.min(to, Math.max(range.from, range.to)) : to;
    this.bars.forEach((bar, i) => bar.classList.toggle("out", from + i < a || from + i > b));
    const slot = WIDTH / (to - from + 1);
    this.brush.setAttribute("x", String((a - from) * slot));
    this.brush.setAttribute("width", String(Math.max(0, (b - a + 1) * slot)));
    this.brush.classList.toggle("all", range === null);
  }

  private yearOf(event: PointerEvent | MouseEvent): number {
    const box = this.element.getBoundingClientRect();
    return yearAt(this.timeline, box.width > 0 ? (event.clientX - box.left) / box.width : 0);
  }

  private listen(): void {
    const range = (event: PointerEvent): YearRange => {
      const year = this.yearOf(event);
      const anchor = this.anchor ?? year;
      return { from: Math.min(anchor, year), to: Math.max(anchor, year) };
    };
    this.element.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      this.anchor = this.yearOf(event);
      this.element.setPointerCapture?.(event.pointerId);
      this.show({ from: this.anchor, to: this.anchor });
    });
    // While dragging only the drawing follows; the range is one step when the button is released.
    this.element.addEventListener("pointermove", (event) => {
      if (this.anchor !== null) this.show(range(event));
    });
    this.element.addEventListener("pointerup", (event) => {
      if (this.anchor === null) return;
      const chosen = range(event);
      this.anchor = null;
      const all = chosen.from === this.timeline.from && chosen.to === this.timeline.to;
      this.options.choose(all ? null : chosen);
    });
    this.element.addEventListener("pointercancel", () => (this.anchor = null));
    this.element.addEventListener("dblclick", () => this.options.choose(null));
  }
}
