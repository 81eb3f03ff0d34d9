// The reducers' look of a multi-node selection (shift-click), on the real workbench fixture graph: pure, no WebGL.
import { beforeAll, describe, expect, it } from "vitest";
import { loadDisplayFixture, type DisplayFixture } from "./display-fixture.ts";
import { EDGE_COLOUR, FADED_NODE, SELECTED_EDGE } from "../../src/workbench/display.ts";
import { getEmptySession, hideNodes, hoverNode, selectNode, selectNodes, toggleNodeSelected, type SessionState } from "../../src/session/index.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

let fixture: DisplayFixture;
let graph: DisplayFixture["graph"];

beforeAll(async () => {
  fixture = await loadDisplayFixture();
  ({ graph } = fixture);
});

const node = (state: SessionState, key: string) => fixture.node(state, key);
const edge = (state: SessionState, key: string) => fixture.edge(state, key);
const edgeBetween = (source: string, target: string, predicate: string) => fixture.edgeBetween(source, target, predicate);

describe("several selected nodes", () => {
  const both = () => toggleNodeSelected(kgr("island"))(selectNode(kgr("dahua"))(getEmptySession()));

  it("highlights every selected node with its whole label, and leaves the others in their colours", () => {
    const state = both();
    expect(state.selection).toEqual({ kind: "nodes", nodes: [kgr("dahua"), kgr("island")] });
    for (const key of [kgr("dahua"), kgr("island")]) {
      expect(node(state, key).highlighted).toBe(true);
      expect(node(state, key).zIndex).toBe(3);
    }
    // Unlike one selected node, several do not fade what is not their neighbour.
    expect(node(state, kgr("kenya")).color).not.toBe(FADED_NODE);
    expect(node(state, kgr("kenya")).highlighted).toBeUndefined();
    expect(node(selectNode(kgr("dahua"))(getEmptySession()), kgr("kenya")).color).toBe(FADED_NODE);
  });

  it("draws the relations among the selected nodes in the selection colour, and no others", () => {
    const state = selectNodes([kgr("huawei"), kgr("kenya")])(getEmptySession());
    const among = edgeBetween(kgr("huawei"), kgr("kenya"), kg("partnersWith"));
    const outside = edgeBetween(kgr("dahua"), kgr("huawei"), kg("partnersWith"));
    expect(edge(state, among).color).toBe(SELECTED_EDGE);
    expect(edge(state, among).size).toBeGreaterThanOrEqual(2);
    expect(edge(state, outside).color).toBe(EDGE_COLOUR);
    // Hovering a third node keeps the relations among the selection visible.
    expect(edge(hoverNode(kgr("dahua"))(state), among).hidden).toBeUndefined();
  });

  it("keeps a selected node hidden when a filter hides it, and hiding deselects it", () => {
    const state = both();
    const hidden = hideNodes([kgr("island")])(state);
    expect(node(hidden, kgr("island")).hidden).toBe(true);
    expect(hidden.selection).toEqual({ kind: "node", node: kgr("dahua") });
  });

  it("forces labels only for a few selected nodes (a big selection keeps sigma's label grid)", () => {
    const all = graph.nodes();
    expect(all.length).toBeGreaterThan(2);
    const few = selectNodes(all.slice(0, 2))(getEmptySession());
    expect(node(few, all[0]).forceLabel).toBe(true);
    const many = selectNodes(Array.from({ length: 20 }, (_, i) => (i < all.length ? all[i] : kgr(`not-shown-${i}`))))(getEmptySession());
    expect(node(many, all[0]).highlighted).toBe(true);
    expect(node(many, all[0]).forceLabel).toBeUndefined();
  });
});
