// Session format version 3 (issue 14): appearance may say what colours and sizes stand for; version 2 files read as they are.
import { describe, expect, it } from "vitest";
import { act, startSession, undoStep } from "../../src/session/act.ts";
import { actions } from "../../src/session/named-actions.ts";
import { defaultAppearance, emptyLayout, emptyNotes, getEmptySession, parseSessionFile, serializeSession, SESSION_VERSION } from "../../src/session/index.ts";
import { refusal, variant } from "./fixtures.ts";

describe("appearance.colourBy and sizeBy (session format version 3)", () => {
  it("a version-2 file (without them) reads as version 3, meaning colour by class and size by degree", () => {
    expect(SESSION_VERSION).toBe(3);
    const file = parseSessionFile(variant((f) => {
      f.version = 2;
      delete (f.appearance as Record<string, unknown>).colourBy;
      delete (f.appearance as Record<string, unknown>).sizeBy;
    }));
    expect(file.version).toBe(3);
    expect(file.appearance.colourBy).toBeUndefined();
    expect(file.appearance.sizeBy).toBeUndefined();
  });

  it("keeps them, at the top and in history snapshots, through a save and a read", () => {
    const text = variant((f) => {
      const appearance = { ...(f.appearance as object), colourBy: "group", sizeBy: "pagerank" };
      f.appearance = appearance;
      const history = f.history as { snapshot?: { appearance: unknown } }[];
      const last = history[history.length - 1];
      if (last.snapshot) last.snapshot.appearance = appearance;
    });
    const file = parseSessionFile(text);
    expect(file.appearance).toMatchObject({ colourBy: "group", sizeBy: "pagerank" });
    expect(file.history.at(-1)!.snapshot?.appearance).toMatchObject({ colourBy: "group", sizeBy: "pagerank" });
    expect(parseSessionFile(serializeSession(file))).toEqual(file);
  });

  it("refuses a mode it does not know, saying where", () => {
    const error = refusal(variant((f) => ((f.appearance as Record<string, unknown>).sizeBy = "closeness")));
    expect(error.message).toMatch(/^session: appearance\.sizeBy: /);
    expect(error.message).toContain("betweenness");
  });

  it("choosing them is a named step in History, undone like any appearance step", () => {
    const start = { state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() };
    let model = startSession(start, "2026-12-04T14:00:00Z");
    model = act(model, actions.setColourBy("group"), { at: "2026-12-04T14:00:01Z" });
    model = act(model, actions.setSizeBy("betweenness"), { at: "2026-12-04T14:00:09Z" });
    expect(model.history.entries.map((e) => e.label)).toEqual(["Start", "Appearance: colour by class group", "Appearance: size by betweenness"]);
    expect(model.current.appearance).toMatchObject({ colourBy: "group", sizeBy: "betweenness" });
    model = undoStep(model);
    expect(model.current.appearance.sizeBy).toBeUndefined();
    expect(model.current.appearance.colourBy).toBe("group");
    // Choosing what is already chosen is no step.
    expect(act(model, actions.setColourBy("group")).history).toBe(model.history);
  });
});
