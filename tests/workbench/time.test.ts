// The timeline in the workbench without a DOM: play windows, a play run through the real store and controller as one step, the date filter in the reducers.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { actions, createSessionStore, getEmptySession, setDateRange, type YearRange } from "../../src/session/index.ts";
import { SessionController } from "../../src/workbench/session-controller.ts";
import { hiddenByDate } from "../../src/workbench/time-filter.ts";
import { yearAt } from "../../src/workbench/time-histogram.ts";
import { Player, playWindows, PLAY_STEP_MS } from "../../src/workbench/time-play.ts";
import { loadDisplayFixture, type DisplayFixture } from "./display-fixture.ts";

const extent = { from: 2012, to: 2022 };

describe("play windows", () => {
  it("move a window as wide as the range a year at a time, from the start or on from the range", () => {
    expect(playWindows(extent, null)).toHaveLength(11);
    expect(playWindows(extent, null)[0]).toEqual({ from: 2012, to: 2012 });
    expect(playWindows(extent, { from: 2012, to: 2014 }).map((w) => w.from)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(playWindows(extent, { from: 2012, to: 2014 }).at(-1)).toEqual({ from: 2020, to: 2022 });
    // A range that reaches the last year starts again at the first.
    expect(playWindows(extent, { from: 2019, to: 2022 })[0]).toEqual({ from: 2012, to: 2015 });
    expect(playWindows(extent, extent)).toEqual([extent]);
  });

  it("a position on the histogram is a year", () => {
    expect([yearAt(extent, 0), yearAt(extent, 0.5), yearAt(extent, 0.999), yearAt(extent, 1.2), yearAt(extent, -1)]).toEqual([2012, 2017, 2022, 2022, 2012]);
  });
});

describe("a play run in the session", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup() {
    const store = createSessionStore();
    const controller = new SessionController(store, { positions: () => ({}), camera: () => ({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }), labelOf: (iri) => iri });
    const shown: YearRange[] = [];
    const player = new Player({
      range: () => store.get().filters.dateRange,
      show: (range) => {
        shown.push(range);
        store.dispatch({ step: false, name: "play dates", state: setDateRange(range) });
      },
      finish: (first, last) => store.dispatch(actions.playDates(first, last)),
      changed: () => {},
    });
    store.subscribe((state) => player.observe(state.filters.dateRange));
    // As the time panel does while a run goes on: an undo first ends the run as its step.
    controller.onBeforeUndo(() => player.stop());
    const labels = () => controller.history.entries.map((e) => e.label);
    return { store, controller, player, shown, labels };
  }

  it("years go by as edits and the run is one step when stopped; undo goes back to before it", () => {
    const { store, controller, player, shown, labels } = setup();
    store.dispatch(actions.setDateRange({ from: 2012, to: 2013 }));
    vi.advanceTimersByTime(2000);
    player.start(extent);
    vi.advanceTimersByTime(PLAY_STEP_MS * 3);
    expect(shown).toEqual([{ from: 2013, to: 2014 }, { from: 2014, to: 2015 }, { from: 2015, to: 2016 }, { from: 2016, to: 2017 }]);
    expect(store.get().filters.dateRange).toEqual({ from: 2016, to: 2017 });
    expect(labels()).toEqual(["Start", "Dates 2012–2013"]);
    player.stop();
    expect(player.running).toBe(false);
    expect(labels()).toEqual(["Start", "Dates 2012–2013", "Play dates 2013–2014 … 2016–2017"]);
    vi.advanceTimersByTime(PLAY_STEP_MS * 5);
    expect(shown).toHaveLength(4);
    controller.undo();
    expect(store.get().filters.dateRange).toEqual({ from: 2012, to: 2013 });
  });

  it("an undo during a run takes back the run (ended as its step first), not the step before it; redo shows where it was", () => {
    const { store, controller, player, labels } = setup();
    store.dispatch(actions.setDateRange({ from: 2012, to: 2013 }));
    vi.advanceTimersByTime(2000);
    player.start(extent);
    vi.advanceTimersByTime(PLAY_STEP_MS * 2);
    controller.undo();
    expect(player.running).toBe(false);
    expect(store.get().filters.dateRange).toEqual({ from: 2012, to: 2013 });
    expect(labels()).toEqual(["Start", "Dates 2012–2013", "Play dates 2013–2014 … 2015–2016"]);
    controller.redo();
    expect(store.get().filters.dateRange).toEqual({ from: 2015, to: 2016 });
  });

  it("runs to the last year and stops by itself, one step", () => {
    const { player, shown, labels } = setup();
    player.start(extent);
    vi.advanceTimersByTime(PLAY_STEP_MS * 20);
    expect(shown).toHaveLength(11);
    expect(player.running).toBe(false);
    expect(labels()).toEqual(["Start", "Play dates 2012 … 2022"]);
  });

  it("a range set by anything else (an undo, the brush) stops the run, unrecorded", () => {
    const { store, player, labels } = setup();
    player.start(extent);
    vi.advanceTimersByTime(PLAY_STEP_MS);
    store.dispatch(actions.setDateRange({ from: 2019, to: 2020 }));
    expect(player.running).toBe(false);
    vi.advanceTimersByTime(PLAY_STEP_MS * 3);
    expect(labels()).toEqual(["Start", "Dates 2019–2020"]);
    expect(store.get().filters.dateRange).toEqual({ from: 2019, to: 2020 });
  });
});

describe("the date filter in the reducers", () => {
  let fixture: DisplayFixture;
  beforeAll(async () => void (fixture = await loadDisplayFixture()));

  it("keeps a relation one of whose dates meets the range; undated ones as chosen", () => {
    expect(hiddenByDate([[2014, 2014], [2018, Infinity]], { from: 2015, to: 2016 }, false)).toBe(true);
    expect(hiddenByDate([[2014, 2014], [2018, Infinity]], { from: 2030, to: 2031 }, false)).toBe(false);
    expect(hiddenByDate(undefined, { from: 2015, to: 2016 }, false)).toBe(false);
    expect(hiddenByDate(undefined, null, true)).toBe(true);
    expect(hiddenByDate([[2014, 2014]], null, true)).toBe(false);
  });

  it("hides on the drawn graph exactly the edges the range and the undated choice leave out", () => {
    const { graph } = fixture;
    const hidden = (state: ReturnType<typeof getEmptySession>) => graph.edges().filter((e) => fixture.edge(state, e).hidden === true);
    const dated = graph.edges().filter((e) => Array.isArray(graph.getEdgeAttribute(e, "dates")));
    const undated = graph.edges().filter((e) => !dated.includes(e));
    expect(dated.length).toBeGreaterThan(0);
    expect(undated.length).toBeGreaterThan(0);
    expect(hidden(getEmptySession())).toEqual([]);
    expect(hidden(actions.setUndatedShown(false).state!(getEmptySession()))).toEqual(undated);
    const in2020 = setDateRange({ from: 2020, to: 2020 })(getEmptySession());
    const out = hidden(in2020);
    expect(out.length).toBeGreaterThan(0);
    for (const e of out) expect((graph.getEdgeAttribute(e, "dates") as [number, number][]).some(([a, b]) => a <= 2020 && b >= 2020)).toBe(false);
    expect(hidden(actions.setUndatedShown(false).state!(in2020)).sort()).toEqual([...out, ...undated].sort());
  });
});
