// The timeline's filter and the ForceAtlas2 settings as session state (issue 14): named steps, a play run as one step, files, share links.
import { describe, expect, it } from "vitest";
import { act, startSession, undoStep, type SessionModel } from "../../src/session/act.ts";
import { actions } from "../../src/session/named-actions.ts";
import {
  decodeShareState,
  defaultAppearance,
  emptyLayout,
  emptyNotes,
  encodeShareState,
  getEmptySession,
  parseSessionFile,
  serializeSession,
  stateFromShare,
  toSessionFile,
  type YearRange,
} from "../../src/session/index.ts";
import { setDateRange } from "../../src/session/producers.ts";
import { readSessionFixture, refusal, variant } from "./fixtures.ts";

const start = () => startSession({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() }, "2026-12-04T15:00:00Z");
const at = (s: number) => ({ at: `2026-12-04T15:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}Z` });
const labels = (model: SessionModel) => model.history.entries.map((e) => e.label);
const spread = { scalingRatio: 12, gravity: 2.5, linLogMode: true, adjustSizes: false };

/** A play run as the workbench makes it: each year an edit (no step), the stop one step. */
function play(model: SessionModel, years: YearRange[], t: number): SessionModel {
  for (const range of years) model = act(model, { step: false, name: "play dates", state: setDateRange(range) }, at(t++));
  expect(model.history.entries.length).toBeGreaterThan(0);
  return act(model, actions.playDates(years[0], years[years.length - 1]), at(t));
}

describe("the timeline's filter in the session", () => {
  it("brush, undated choice and a play run are named steps; the play run is one step, undone in one", () => {
    let model = start();
    model = act(model, actions.setDateRange({ from: 2015, to: 2019 }), at(1));
    model = act(model, actions.setUndatedShown(false), at(10));
    expect(model.current.state.filters.hideUndated).toBe(true);
    // Showing what is shown changes nothing: no step.
    expect(act(model, actions.setUndatedShown(false), at(11)).history).toBe(model.history);
    const before = model.history.entries.length;
    model = play(model, [{ from: 2012, to: 2013 }, { from: 2013, to: 2014 }, { from: 2014, to: 2015 }, { from: 2015, to: 2016 }], 20);
    expect(model.history.entries.length).toBe(before + 1);
    expect(labels(model)).toEqual(["Start", "Dates 2015–2019", "Hide undated relations", "Play dates 2012–2013 … 2015–2016"]);
    expect(model.history.entries.at(-1)!.action).toEqual({ kind: "date-range", params: { range: { from: 2015, to: 2016 } } });
    model = undoStep(model);
    expect(model.current.state.filters.dateRange).toEqual({ from: 2015, to: 2019 });
    expect(model.current.state.filters.hideUndated).toBe(true);
    model = undoStep(model);
    expect(model.current.state.filters).toEqual({ ...getEmptySession().filters, dateRange: { from: 2015, to: 2019 } });
    // Showing undated relations again leaves the field out, as a fresh session has it.
    expect("hideUndated" in actions.setUndatedShown(true).state!(actions.setUndatedShown(false).state!(getEmptySession())).filters).toBe(false);
    expect(actions.resetFilters().state!(model.current.state).filters).toEqual(getEmptySession().filters);
  });

  it("a file keeps the range, the undated choice and the ForceAtlas2 settings, and reads them back byte for byte", () => {
    let model = start();
    model = act(model, actions.setUndatedShown(false), at(1));
    model = play(model, [{ from: 2019, to: 2019 }, { from: 2020, to: 2020 }], 10);
    model = act(model, actions.setForceAtlas2(spread), at(30));
    const file = toSessionFile({ name: "time", state: model.current.state, history: model.history, createdAt: "2026-12-04T15:00:00Z", savedAt: "2026-12-04T15:01:00Z" });
    const text = serializeSession(file);
    const read = parseSessionFile(text);
    expect(read.state.filters.dateRange).toEqual({ from: 2020, to: 2020 });
    expect(read.state.filters.hideUndated).toBe(true);
    expect(read.state.view.forceAtlas2).toEqual(spread);
    expect(read.history.map((e) => e.action.kind)).toEqual(["start", "undated", "date-range", "layout-settings"]);
    expect(read.history.map((e) => e.label)).toEqual(["Start", "Hide undated relations", "Play dates 2019 … 2020", "ForceAtlas2: spread 12, gravity 2.5, LinLog"]);
    expect(read.history[3].action).toEqual({ kind: "layout-settings", params: { settings: spread } });
    expect(read.history[2].snapshot?.state.view.forceAtlas2).toBeUndefined();
    expect(serializeSession(read)).toBe(text);
  });

  it("files without them (every earlier file, migrated or not) read as before: undated shown, inferred settings", () => {
    for (const name of ["huawei-kenya.session.json", "huawei-kenya.v1.session.json", "v0-draft.session.json"]) {
      const file = parseSessionFile(readSessionFixture(name));
      expect([name, "hideUndated" in file.state.filters, "forceAtlas2" in file.state.view]).toEqual([name, false, false]);
    }
  });

  it("refuses bad values, saying where", () => {
    expect(refusal(variant((f) => (f.state.filters.hideUndated = "yes"))).message).toMatch(/^session: state\.filters\.hideUndated: /);
    expect(refusal(variant((f) => (f.state.view.forceAtlas2 = { ...spread, gravity: 99 }))).message).toMatch(/state\.view\.forceAtlas2\.gravity: 99 is outside 0\.\.10/);
    expect(refusal(variant((f) => (f.state.view.forceAtlas2 = { ...spread, slowDown: 1 }))).kind).toBe("unknown-field");
    expect(refusal(variant((f) => (f.state.view.forceAtlas2 = { scalingRatio: 6 }))).kind).toBe("missing-field");
  });

  it("the settings are bounded, dropped with null, and the same settings are no step", () => {
    let model = start();
    model = act(model, actions.setForceAtlas2({ ...spread, scalingRatio: 500 }), at(1));
    expect(model.current.state.view.forceAtlas2).toEqual({ ...spread, scalingRatio: 60 });
    expect(act(model, actions.setForceAtlas2({ ...spread, scalingRatio: 60 }), at(9)).history).toBe(model.history);
    model = act(model, actions.setForceAtlas2(null), at(20));
    expect("forceAtlas2" in model.current.state.view).toBe(false);
    expect(labels(model).at(-1)).toBe("ForceAtlas2: inferred settings");
    model = undoStep(model);
    expect(model.current.state.view.forceAtlas2?.scalingRatio).toBe(60);
  });

  it("a share link carries them; a link without them opens with none; a bad value is refused", () => {
    const plain = encodeShareState(getEmptySession());
    let state = actions.setUndatedShown(false).state!(getEmptySession());
    state = actions.setDateRange({ from: 2014, to: 2016 }).state!(state);
    state = actions.setForceAtlas2(spread).state!(state);
    const opened = stateFromShare(decodeShareState(encodeShareState(state)));
    expect(opened.filters).toEqual({ ...getEmptySession().filters, dateRange: { from: 2014, to: 2016 }, hideUndated: true });
    expect(opened.view.forceAtlas2).toEqual(spread);
    const old = stateFromShare(decodeShareState(plain));
    expect(["hideUndated" in old.filters, "forceAtlas2" in old.view]).toEqual([false, false]);
    const tampered = { ...state, view: { ...state.view, forceAtlas2: { ...spread, scalingRatio: 0 } } };
    expect(() => decodeShareState(encodeShareState(tampered))).toThrow(/forceAtlas2\.scalingRatio/);
  });
});
