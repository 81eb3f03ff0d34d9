// The reducers' look of a multi-node selection (shift-click), on the real workbench fixture graph: pure, no WebGL.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { DataService } from "../../src/workbench/data-service.ts";
import {
  classColours,
  displayContext,
  edgeDisplay,
  EDGE_COLOUR,
  FADED_NODE,
  nodeDisplay,
  SELECTED_EDGE,
  sizeForDegree,
  indexParallelEdges,
  type EdgeAttributes,
  type NodeAttributes,
} from "../../src/workbench/display.ts";
import { getEmptySession, hideNodes, hoverNode, selectNode, selectNodes, toggleNodeSelected, type SessionState } from "../../src/session/index.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

let graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
let colours: Map<string, string>;

beforeAll(async () => {
  const service = new DataService();
  const summary = await service.load([{ name: "mini.ttl", text: readFileSync(resolve(import.meta.dirname, "../fixtures/workbench/mini.ttl"), "utf8") }], true);
  colours = classColours(summary.classes.map((c) => c.iri));
  graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const view = service.overview(100, false).graph;
  view.nodes.forEach((n, i) => graph.addNode(n.key, { ...n, x: i, y: i, size: sizeForDegree(n.degree, 4, view.nodes.length) }));
  for (const e of view.edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { predicate: e.predicate, label: e.label, year: e.year });
  indexParallelEdges(graph);
});

const lookup = () => ({
  hasNode: (n: string) => graph.hasNode(n),
  neighbors: (n: string) => graph.neighbors(n),
  extremities: (e: string) => graph.extremities(e) as [string, string],
});
const node = (state: SessionState, key: string) => nodeDisplay(key, graph.getNodeAttributes(key), displayContext(state, lookup(), colours));
const edge = (state: SessionState, key: string) =>
  edgeDisplay(key, graph.getEdgeAttributes(key), graph.extremities(key) as [string, string], displayContext(state, lookup(), colours));
const edgeBetween = (source: string, target: string, predicate: string) => graph.filterEdges(source, target, (_, a) => a.predicate === predicate)[0];

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
