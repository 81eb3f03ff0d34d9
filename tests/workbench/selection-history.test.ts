// Several selected nodes in the session history: hiding them is one undoable step, and undo brings the selection back.
import { describe, expect, it } from "vitest";
import { actions, createSessionStore, selectedNodes, selectNode, toggleNodeSelected } from "../../src/session/index.ts";
import { SessionController } from "../../src/workbench/session-controller.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const [huawei, kenya, dahua] = ["huawei", "kenya", "dahua"].map((n) => `${KGR}${n}`);

function setup() {
  const store = createSessionStore();
  const controller = new SessionController(store, { positions: () => ({}), camera: () => ({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }), labelOf: (iri) => iri.slice(iri.lastIndexOf("/") + 1) });
  return { store, controller };
}

describe("hiding a selection", () => {
  it("is one undoable step, and undo shows the nodes again", () => {
    const { store, controller } = setup();
    store.apply(selectNode(huawei));
    store.apply(toggleNodeSelected(kenya));
    store.apply(toggleNodeSelected(dahua));
    expect(controller.history.entries).toHaveLength(1);
    store.dispatch(actions.hideNodes(selectedNodes(store.get().selection)));
    expect(controller.history.entries.map((e) => e.label)).toEqual(["Start", "Hide huawei, kenya, dahua"]);
    expect(controller.history.entries[1].action).toEqual({ kind: "hide-nodes", params: { nodes: [huawei, kenya, dahua] } });
    controller.undo();
    expect(store.get().filters.hiddenNodes).toEqual([]);
    // The selection made before hiding is part of the step before, so undo brings it back too.
    expect(store.get().selection).toEqual({ kind: "nodes", nodes: [huawei, kenya, dahua] });
    controller.redo();
    expect(store.get().selection).toEqual({ kind: "none" });
    expect(store.get().filters.hiddenNodes).toEqual([huawei, kenya, dahua]);
    controller.kill();
  });

  it("a selection made between two steps comes back with undo; it is never a step of its own", () => {
    const { store, controller } = setup();
    store.dispatch(actions.toggleClass("https://w3id.org/smartcity-kg/ontology#Country"));
    store.apply(selectNode(kenya));
    store.apply(toggleNodeSelected(huawei));
    store.dispatch(actions.toggleClass("https://w3id.org/smartcity-kg/ontology#Company"));
    expect(controller.history.entries).toHaveLength(3);
    store.apply(selectNode(dahua));
    controller.undo();
    expect(store.get().selection).toEqual({ kind: "nodes", nodes: [kenya, huawei] });
    expect(store.get().filters.hiddenClasses).toHaveLength(1);
    controller.redo();
    expect(store.get().selection).toEqual({ kind: "nodes", nodes: [kenya, huawei] });
    controller.kill();
  });
});
