// The Filters tab's timeline (issue 14): histogram with a brush, From/To years by keyboard, undated relations kept or hidden, and Play.
import type { Timeline } from "../query/relation-dates.ts";
import { actions } from "../session/named-actions.ts";
import { setDateRange } from "../session/producers.ts";
import type { SessionStore } from "../session/index.ts";
import type { YearRange } from "../session/types.ts";
import { h, replaceChildren } from "./dom.ts";
import { TimeHistogram } from "./time-histogram.ts";
import { Player } from "./time-play.ts";
import "./time.css";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/**
 * One element, kept across the Filters tab's redraws (a play run goes on). Every choice is a named action on the
 * session (`filters.dateRange`, `filters.hideUndated`), so the reducers hide the edges and History, files and share
 * links keep it; a play run shows its years as edits and is one step when it stops.
 */
export class TimePanel {
  readonly element = h("section", { class: "time-panel", attrs: { "aria-label": "Dates of relations" } });
  private timeline: Timeline | null = null;
  private histogram: TimeHistogram | null = null;
  private readonly from = h("input", { type: "number", id: "date-from", attrs: { step: "1", "aria-label": "From year" } });
  private readonly to = h("input", { type: "number", id: "date-to", attrs: { step: "1", "aria-label": "To year" } });
  private readonly undated = h("input", { type: "checkbox", id: "show-undated" });
  private readonly undatedLabel = h("span");
  private readonly play = h("button", { id: "time-play", title: "Step the range through the years; stopping is one step in History", attrs: { "aria-pressed": "false" } });
  private readonly player: Player;
  private readonly unsubscribe: () => void;
  private releaseUndo: (() => void) | undefined;

  /** `undoing`: the session controller's hook, so an undo during a play run takes back the run, not the step before it. */
  constructor(
    private readonly store: SessionStore,
    private readonly undoing: () => { onBeforeUndo(listener: () => void): () => void } | null = () => null,
  ) {
    this.player = new Player({
      range: () => store.get().filters.dateRange,
      show: (range) => store.dispatch({ step: false, name: "play dates", state: setDateRange(range) }),
      finish: (first, last) => store.dispatch(actions.playDates(first, last)),
      changed: (running) => this.showPlaying(running),
    });
    for (const input of [this.from, this.to]) {
      // Typing 2019 passes through 2, 20 and 201: only a year within the timeline counts.
      input.addEventListener("input", () => this.typed());
      input.addEventListener("change", () => this.show());
    }
    this.undated.addEventListener("change", () => store.dispatch(actions.setUndatedShown(this.undated.checked)));
    this.play.addEventListener("click", () => (this.player.running ? this.player.stop() : this.timeline && this.player.start(this.timeline)));
    this.showPlaying(false);
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.filters.dateRange !== previous.filters.dateRange || state.filters.hideUndated !== previous.filters.hideUndated) {
        this.player.observe(state.filters.dateRange);
        this.show();
      }
    });
  }

  /** The loaded data's timeline (the dataset summary's): the histogram is drawn again. */
  setData(timeline: Timeline | null | undefined): void {
    this.player.stop(false);
    this.timeline = timeline ?? null;
    if (!this.timeline) {
      this.histogram = null;
      // Every relation is undated then: the choice stays, so a session that hid them can show them again.
      replaceChildren(this.undatedLabel, " Show undated relations");
      replaceChildren(this.element, h("h3", {}, "Dates of relations"), h("p", { class: "muted" }, "No relation carries a date."), h("label", { class: "check" }, this.undated, this.undatedLabel));
      this.show();
      return;
    }
    const { from, to, dated, undated } = this.timeline;
    this.histogram = new TimeHistogram(this.timeline, { choose: (range) => this.choose(range) });
    for (const input of [this.from, this.to]) {
      input.min = String(from);
      input.max = String(to);
    }
    replaceChildren(this.undatedLabel, ` Show undated relations (${undated.toLocaleString("en")})`);
    replaceChildren(
      this.element,
      h("h3", {}, "Dates of relations"),
      h("p", { class: "muted" }, `${plural(dated, "relation")} dated by evidence or event, ${from}–${to}; drag across the bars to choose years.`),
      this.histogram.element,
      h("div", { class: "row time-range" }, h("label", {}, "From ", this.from), h("label", {}, "To ", this.to), h("button", { id: "date-all", on: { click: () => this.choose(null) } }, "All years")),
      h("label", { class: "check", title: "Relations without any date: no dated evidence, no dated event" }, this.undated, this.undatedLabel),
      h("div", { class: "row" }, this.play),
    );
    this.show();
  }

  private choose(range: YearRange | null): void {
    const t = this.timeline;
    const all = !range || (t !== null && Math.min(range.from, range.to) <= t.from && Math.max(range.from, range.to) >= t.to);
    this.store.dispatch(actions.setDateRange(all ? null : range));
  }

  private typed(): void {
    const t = this.timeline;
    const from = Number(this.from.value);
    const to = Number(this.to.value);
    const ok = (y: number) => this.timeline !== null && Number.isInteger(y) && y >= t!.from && y <= t!.to;
    if (ok(from) && ok(to)) this.choose({ from: Math.min(from, to), to: Math.max(from, to) });
  }

  /** The session's range and choice, drawn (a field being typed in keeps what is typed). */
  private show(): void {
    const t = this.timeline;
    const { dateRange, hideUndated } = this.store.get().filters;
    this.undated.checked = hideUndated !== true;
    if (!t) return;
    this.histogram?.show(dateRange);
    const active = document.activeElement;
    if (active !== this.from) this.from.value = String(dateRange?.from ?? t.from);
    if (active !== this.to) this.to.value = String(dateRange?.to ?? t.to);
  }

  private showPlaying(running: boolean): void {
    this.releaseUndo?.();
    this.releaseUndo = running ? this.undoing()?.onBeforeUndo(() => this.player.stop()) : undefined;
    this.play.textContent = running ? "■ Stop" : "▶ Play";
    this.play.setAttribute("aria-pressed", String(running));
    this.play.setAttribute("aria-label", running ? "Stop playing through the years" : "Play through the years");
  }

  kill(): void {
    this.player.stop(false);
    this.unsubscribe();
  }
}
