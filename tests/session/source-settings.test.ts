// Relations by source as session state (issue 16): named steps, undone and redone, saved and read back, carried by share links.
import { describe, expect, it } from "vitest";
import { act, redoStep, startSession, undoStep } from "../../src/session/act.ts";
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
  sourceSettings,
  stateFromShare,
  toSessionFile,
} from "../../src/session/index.ts";
import { kgr, readSessionFixture, refusal, variant } from "./fixtures.ts";

const AIGS_2019 = kgr("carnegie-aigs-2019");
const start = () => startSession({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() }, "2026-12-04T15:00:00Z");
const at = (s: number) => ({ at: `2026-12-04T15:00:${String(s).padStart(2, "0")}Z` });

describe("source settings in the session", () => {
  it("each change is a named step; undo and redo restore it; a change to what is set is no step", () => {
    let model = start();
    model = act(model, actions.setSourceShown(AIGS_2019, false, "Carnegie AI Global Surveillance Index, 2019"), at(1));
    model = act(model, actions.setMinSources(2), at(2));
    model = act(model, actions.setColourBySource(true), at(3));
    expect(model.history.entries.map((e) => e.label)).toEqual([
      "Start",
      "Hide source Carnegie AI Global Surveillance Index, 2019",
      "Relations stated by ≥ 2 sources",
      "Colour relations by source",
    ]);
    expect(sourceSettings(model.current.state.filters)).toEqual({ hiddenSources: [AIGS_2019], minSources: 2, colourBySource: true });
    expect(act(model, actions.setMinSources(2)).history).toBe(model.history);
    expect(act(model, actions.setSourceShown(AIGS_2019, false)).history).toBe(model.history);

    model = undoStep(undoStep(model));
    expect(sourceSettings(model.current.state.filters)).toEqual({ hiddenSources: [AIGS_2019], minSources: 1, colourBySource: false });
    model = undoStep(model);
    // Back at the start the filters are what a fresh session has, field for field.
    expect(model.current.state.filters).toEqual(getEmptySession().filters);
    model = redoStep(redoStep(model));
    expect(sourceSettings(model.current.state.filters).minSources).toBe(2);
    // Reset filters clears them too, as one step.
    model = act(model, actions.resetFilters(), at(9));
    expect(model.current.state.filters).toEqual(getEmptySession().filters);
    expect(model.history.entries.at(-1)!.label).toBe("Reset filters");
  });

  it("a session file keeps them (state and snapshots) and reads them back; the step's kind is in the file", () => {
    let model = start();
    model = act(model, actions.setSourceShown(AIGS_2019, false, "Carnegie AI Global Surveillance Index, 2019"), at(1));
    model = act(model, actions.setMinSources(3), at(2));
    const file = toSessionFile({ name: "sources", state: model.current.state, history: model.history, createdAt: "2026-12-04T15:00:00Z", savedAt: "2026-12-04T15:01:00Z" });
    const read = parseSessionFile(serializeSession(file));
    expect(sourceSettings(read.state.filters)).toEqual({ hiddenSources: [AIGS_2019], minSources: 3, colourBySource: false });
    expect(read.history[1].action).toEqual({ kind: "source-filter", params: { source: AIGS_2019, shown: false } });
    expect(read.history[1].snapshot?.state.filters.hiddenSources).toEqual([AIGS_2019]);
    expect(read.history[2].snapshot?.state.filters.minSources).toBe(3);
    expect(serializeSession(read)).toBe(serializeSession(file));
  });

  it("files without them (every earlier file) read as before: all sources, any number, no colour", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    expect(sourceSettings(file.state.filters)).toEqual({ hiddenSources: [], minSources: 1, colourBySource: false });
    expect("minSources" in file.state.filters).toBe(false);
    const v1 = parseSessionFile(readSessionFixture("huawei-kenya.v1.session.json"));
    expect(sourceSettings(v1.state.filters).minSources).toBe(1);
  });

  it("refuses bad values, saying where", () => {
    expect(refusal(variant((f) => (f.state.filters.minSources = 0))).message).toMatch(/^session: state\.filters\.minSources: /);
    expect(refusal(variant((f) => (f.state.filters.minSources = 2.5))).message).toMatch(/state\.filters\.minSources/);
    expect(refusal(variant((f) => (f.state.filters.hiddenSources = ["not an iri"]))).message).toMatch(/state\.filters\.hiddenSources\[0\]/);
    expect(refusal(variant((f) => (f.state.filters.hiddenSources = Array.from({ length: 1001 }, (_, i) => kgr(`s${i}`))))).kind).toBe("too-many");
    expect(refusal(variant((f) => (f.state.filters.colourBySource = "yes"))).kind).toBe("wrong-type");
  });

  it("a share link carries them, validated like a file; a link without them opens with none", () => {
    let state = getEmptySession();
    const plain = encodeShareState(state);
    state = actions.setMinSources(2).state!(state);
    state = actions.setSourceShown(AIGS_2019, false).state!(state);
    state = actions.setColourBySource(true).state!(state);
    const link = encodeShareState(state);
    expect(link).not.toBe(plain);
    const opened = stateFromShare(decodeShareState(link));
    expect(sourceSettings(opened.filters)).toEqual({ hiddenSources: [AIGS_2019], minSources: 2, colourBySource: true });
    expect(sourceSettings(stateFromShare(decodeShareState(plain)).filters)).toEqual({ hiddenSources: [], minSources: 1, colourBySource: false });
    // A hand-made link with an out-of-range value is refused, naming the field.
    const tampered = { ...state, filters: { ...state.filters, minSources: 5000 } };
    expect(() => decodeShareState(encodeShareState(tampered))).toThrow(/filters\.minSources/);
  });
});
