// Named actions without a page: each call applies and records one step; undo, redo, branches, notes and loads.
import { describe, expect, it } from "vitest";
import { act, goToBranch, goToStep, redoStep, startSession, undoStep, type SessionModel } from "../../src/session/act.ts";
import { actions } from "../../src/session/named-actions.ts";
import { canRedo, canUndo, defaultAppearance, emptyLayout, emptyNotes, getEmptySession, type PathResultView } from "../../src/session/index.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const huawei = `${KGR}huawei`;
const kenya = `${KGR}kenya`;
const dji = `${KGR}dji`;
const country = "https://w3id.org/smartcity-kg/ontology#Country";
const promotedIn = "https://w3id.org/smartcity-kg/ontology#promotedIn";
const labels: Record<string, string> = { [huawei]: "Huawei", [kenya]: "Kenya", [dji]: "DJI", [country]: "Country" };
const labelOf = (iri: string) => labels[iri] ?? iri;

const onePath: PathResultView = {
  nodes: [huawei, kenya],
  nodeLabels: ["Huawei", "Kenya"],
  steps: [{ edge: "e7", forward: true, from: huawei, to: kenya, predicate: promotedIn, predicateLabel: "promoted in", evidence: [] }],
  explanation: ["Huawei promoted in Kenya."],
};

function start(): SessionModel {
  return startSession({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() }, "2026-01-01T00:00:00.000Z");
}
let clock = 0;
/** Steps a second apart, so none coalesce unless a test says so. */
const step = (model: SessionModel, named: Parameters<typeof act>[1]) => act(model, named, { labelOf, at: new Date(Date.UTC(2026, 0, 1, 0, 0, ++clock)).toISOString() });
const labelsOf = (model: SessionModel) => model.history.entries.map((e) => e.label);

describe("named actions", () => {
  it("one call applies the action and records it with its label", () => {
    let model = start();
    model = step(model, actions.runPath({ from: huawei, to: kenya, options: model.current.state.path.options }, { results: [onePath] }, { nodes: [kenya], edges: ["e7"] }));
    model = step(model, actions.hideNodes([dji]));
    model = step(model, actions.toggleClass(country));
    expect(labelsOf(model)).toEqual(["Start", "Path Huawei → Kenya", "Hide DJI", "Show/hide class Country"]);
    expect(model.current.state.path.results).toEqual([onePath]);
    expect(model.current.state.added).toEqual({ nodes: [kenya], edges: ["e7"] });
    expect(model.current.state.filters.hiddenNodes).toEqual([dji]);
    expect(model.history.entries[1].recorded?.paths?.[0].edges).toEqual([{ source: huawei, predicate: promotedIn, target: kenya }]);
    expect(model.history.entries[3].snapshot).toBe(model.current);
  });

  it("a selection is no step: it rides along in the step at the cursor, so undo comes back to it", () => {
    let model = step(start(), actions.select({ kind: "node", node: huawei }));
    expect(model.history.entries).toHaveLength(1);
    expect(model.current.state.selection).toEqual({ kind: "node", node: huawei });
    model = step(model, actions.hideNodes([huawei]));
    expect(model.current.state.selection).toEqual({ kind: "none" });
    model = undoStep(model);
    expect(model.current.state.filters.hiddenNodes).toEqual([]);
    expect(model.current.state.selection).toEqual({ kind: "node", node: huawei });
  });

  it("undo and redo walk the steps; an action that changes nothing is no step", () => {
    let model = step(start(), actions.hideNodes([dji]));
    model = step(model, actions.pinNodes([huawei], true));
    model = step(model, actions.pinNodes([huawei], true));
    expect(labelsOf(model)).toEqual(["Start", "Hide DJI", "Pin Huawei"]);
    model = undoStep(model);
    expect(model.current.layout.pinned).toEqual([]);
    model = undoStep(model);
    expect(model.current.state.filters.hiddenNodes).toEqual([]);
    expect(canUndo(model.history)).toBe(false);
    expect(undoStep(model)).toBe(model);
    model = redoStep(redoStep(model));
    expect(model.current.state.filters.hiddenNodes).toEqual([dji]);
    expect(model.current.layout.pinned).toEqual([huawei]);
    expect(canRedo(model.history)).toBe(false);
  });

  it("going back and acting keeps the steps left as a branch, which the analyst can return to", () => {
    let model = step(start(), actions.hideNodes([dji]));
    model = step(model, actions.moveNodes({ [huawei]: [5, 6] }));
    model = goToStep(model, 1);
    model = step(model, actions.toggleClass(country));
    expect(labelsOf(model)).toEqual(["Start", "Hide DJI", "Show/hide class Country"]);
    expect(model.history.branches?.map((b) => b.entries.map((e) => e.label))).toEqual([["Move Huawei"]]);
    expect(canRedo(model.history)).toBe(false);
    model = goToBranch(model, model.history.branches![0].id, "2026-01-02T00:00:00.000Z");
    expect(labelsOf(model)).toEqual(["Start", "Hide DJI", "Move Huawei"]);
    expect(model.current.layout.positions[huawei]).toEqual([5, 6]);
    expect(model.current.state.filters.hiddenClasses).toEqual([]);
    expect(model.history.branches?.map((b) => b.entries.map((e) => e.label))).toEqual([["Show/hide class Country"]]);
  });

  it("notes survive undo, going back and acting; deleting one is a step with its own label", () => {
    let model = step(start(), actions.writeNote({ kind: "node", iri: huawei }, "Vendor of the Nairobi system"));
    model = step(model, actions.hideNodes([dji]));
    model = step(model, actions.writeNote({ kind: "session" }, "Kenya case"));
    model = undoStep(model);
    // Undo passed over the session note and took back the hide; both notes stay.
    expect(model.current.state.filters.hiddenNodes).toEqual([]);
    expect(model.current.notes.nodes[huawei]).toBe("Vendor of the Nairobi system");
    expect(model.current.notes.session).toBe("Kenya case");
    model = goToStep(model, 0);
    model = step(model, actions.toggleClass(country));
    expect(model.current.notes).toEqual({ session: "Kenya case", nodes: { [huawei]: "Vendor of the Nairobi system" }, edges: {} });
    model = step(model, actions.deleteNote({ kind: "node", iri: huawei }));
    expect(labelsOf(model).at(-1)).toBe("Delete note on Huawei");
    expect(model.current.notes.nodes).toEqual({});
    expect(step(model, actions.deleteNote({ kind: "node", iri: huawei }))).toBe(model);
  });

  it("a load is a step undo cannot go back past", () => {
    let model = step(start(), actions.hideNodes([dji]));
    model = step(model, actions.loadFile(["extra.ttl"]));
    model = step(model, actions.toggleClass(country));
    expect(labelsOf(model)).toEqual(["Start", "Hide DJI", "Add extra.ttl", "Show/hide class Country"]);
    model = undoStep(model);
    expect(model.history.cursor).toBe(2);
    expect(canUndo(model.history)).toBe(false);
    // Still hidden: the snapshot before the load is not put back.
    expect(model.current.state.filters.hiddenNodes).toEqual([dji]);
    expect(goToStep(model, 1)).toBe(model);
  });

  it("slider moves close together are one step; apart, two", () => {
    let model = start();
    model = act(model, actions.setDateRange({ from: 2015, to: 2020 }), { at: "2026-01-01T00:00:01.000Z" });
    model = act(model, actions.setDateRange({ from: 2016, to: 2020 }), { at: "2026-01-01T00:00:01.500Z" });
    expect(labelsOf(model)).toEqual(["Start", "Dates 2016–2020"]);
    model = act(model, actions.setDateRange({ from: 2017, to: 2020 }), { at: "2026-01-01T00:00:09.000Z" });
    expect(labelsOf(model)).toEqual(["Start", "Dates 2016–2020", "Dates 2017–2020"]);
  });

  it("expand adds the neighbours, shows hidden ones again and selects the node, as one step", () => {
    let model = step(start(), actions.hideNodes([kenya]));
    model = step(model, actions.expand(huawei, 150, { nodes: [dji], edges: ["e9"] }, [kenya]));
    expect(labelsOf(model).at(-1)).toBe("Expand Huawei");
    expect(model.current.state.filters.hiddenNodes).toEqual([]);
    expect(model.current.state.selection).toEqual({ kind: "node", node: huawei });
    expect(model.history.entries.at(-1)?.recorded?.nodes).toEqual([dji, kenya]);
    model = undoStep(model);
    expect(model.current.state.filters.hiddenNodes).toEqual([kenya]);
    expect(model.current.state.added.nodes).toEqual([]);
  });

  it("appearance steps: label density and a class colour", () => {
    let model = step(start(), actions.setLabelDensity(2));
    model = step(model, actions.setClassColour(country, "Country", "#AA0000"));
    expect(labelsOf(model)).toEqual(["Start", "Appearance: labels ×2", "Appearance: colour of Country"]);
    expect(model.current.appearance).toMatchObject({ labelDensity: 2, colours: { [country]: "#aa0000" } });
    model = undoStep(undoStep(model));
    expect(model.current.appearance).toEqual(defaultAppearance());
  });
});
