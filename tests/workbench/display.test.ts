// The reducers' look for each session state, on a real graph built from the fixture: filters, hover, query focus, curves.
import { beforeAll, describe, expect, it } from "vitest";
import { loadDisplayFixture, type DisplayFixture } from "./display-fixture.ts";
import {
  classColours,
  FADED_NODE,
  HIGHLIGHT_EDGE,
  OTHER_COLOUR,
  shortLabel,
} from "../../src/workbench/display.ts";
import {
  getEmptySession,
  hideNodes,
  hoverNode,
  neighbourhoodFinished,
  pathFinished,
  selectNode,
  setDateRange,
  setEdgeLabels,
  setNeighbourhoodOptions,
  toggleClass,
  togglePredicate,
  type SessionState,
} from "../../src/session/index.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

let fixture: DisplayFixture;
let graph: DisplayFixture["graph"];
let colours: DisplayFixture["colours"];
let service: DisplayFixture["service"];

beforeAll(async () => {
  fixture = await loadDisplayFixture();
  ({ graph, colours, service } = fixture);
});

const node = (state: SessionState, key: string) => fixture.node(state, key);
const edge = (state: SessionState, key: string) => fixture.edge(state, key);
const edgeBetween = (source: string, target: string, predicate: string) => fixture.edgeBetween(source, target, predicate);

describe("node reducer", () => {
  it("colours nodes by class and sizes them by degree", () => {
    const state = getEmptySession();
    expect(node(state, kgr("huawei")).color).toBe(colours.get(kg("Company")));
    expect(node(state, kgr("huawei")).color).not.toBe(node(state, kgr("kenya")).color);
    expect(node(state, kgr("huawei")).size).toBeGreaterThan(node(state, kgr("dahua")).size);
    expect(classColours([]).get(kg("Company")) ?? OTHER_COLOUR).toBe(OTHER_COLOUR);
  });

  it("hides nodes of a hidden class and hidden nodes", () => {
    const state = toggleClass(kg("Company"))(getEmptySession());
    expect(node(state, kgr("huawei")).hidden).toBe(true);
    expect(node(state, kgr("kenya")).hidden).toBeUndefined();
    expect(node(hideNodes([kgr("kenya")])(getEmptySession()), kgr("kenya")).hidden).toBe(true);
  });

  it("shows a query result whole even across a hidden class", () => {
    const { paths } = service.path(kgr("dahua"), kgr("kenyan-government"), { k: 1, maxLength: 6, directed: false, excludeClasses: [], excludeNodes: [], excludePredicates: [] });
    const state = toggleClass(kg("Company"))(pathFinished(paths)(getEmptySession()));
    expect(node(state, kgr("huawei")).hidden).toBeUndefined();
    expect(node(toggleClass(kg("Company"))(getEmptySession()), kgr("huawei")).hidden).toBe(true);
  });

  it("on hover, keeps the neighbours and fades the rest", () => {
    const state = hoverNode(kgr("dahua"))(getEmptySession());
    expect(node(state, kgr("huawei")).forceLabel).toBe(true);
    expect(node(state, kgr("kenya")).color).toBe(FADED_NODE);
    expect(node(state, kgr("kenya")).label).toBeNull();
  });

  it("cuts long labels on the canvas but shows them whole when selected", () => {
    expect(shortLabel("Huawei")).toBe("Huawei");
    const long = "Table: anti-epidemic technologies promoted or donated by Chinese companies";
    expect(shortLabel(long).length).toBeLessThanOrEqual(35);
    expect(shortLabel(long).endsWith("…")).toBe(true);
    graph.setNodeAttribute(kgr("island"), "label", long);
    expect(node(getEmptySession(), kgr("island")).label).toBe(shortLabel(long));
    expect(node(selectNode(kgr("island"))(getEmptySession()), kgr("island")).label).toBe(long);
    graph.setNodeAttribute(kgr("island"), "label", "Island");
  });

  it("highlights the selected node and keeps its neighbours emphasised", () => {
    const state = selectNode(kgr("dahua"))(getEmptySession());
    const shown = node(state, kgr("dahua"));
    expect(shown.highlighted).toBe(true);
    expect(shown.forceLabel).toBe(true);
    expect(node(state, kgr("huawei")).color).not.toBe(FADED_NODE);
    expect(node(state, kgr("kenya")).color).toBe(FADED_NODE);
  });

  it("fades what the chosen path does not cross", () => {
    const { paths } = service.path(kgr("dahua"), kgr("kenyan-government"), { k: 1, maxLength: 6, directed: false, excludeClasses: [], excludeNodes: [], excludePredicates: [] });
    const state = pathFinished(paths)(getEmptySession());
    expect(node(state, kgr("huawei")).color).not.toBe(FADED_NODE);
    expect(node(state, kgr("kenya")).color).toBe(FADED_NODE);
    const onPath = paths[0].steps[0].edge;
    expect(edge(state, onPath).color).toBe(HIGHLIGHT_EDGE);
    expect(edge(state, onPath).label).toBe("partners with");
  });

  it("shows only a neighbourhood in 'only' mode, and fades the rest in 'highlight' mode", () => {
    const { result } = service.neighbourhood({ centers: [kgr("dahua")], depth: 1, direction: "both", classes: [], predicates: [], limit: 100 });
    const highlight = neighbourhoodFinished(result)(getEmptySession());
    expect(node(highlight, kgr("kenya")).color).toBe(FADED_NODE);
    expect(node(highlight, kgr("kenya")).hidden).toBeUndefined();
    const only = setNeighbourhoodOptions({ mode: "only" })(highlight);
    expect(node(only, kgr("kenya")).hidden).toBe(true);
    expect(node(only, kgr("huawei")).hidden).toBeUndefined();
  });
});

describe("edge reducer", () => {
  it("hides edges of a hidden predicate", () => {
    const partner = edgeBetween(kgr("dahua"), kgr("huawei"), kg("partnersWith"));
    expect(edge(togglePredicate(kg("partnersWith"))(getEmptySession()), partner).hidden).toBe(true);
  });

  it("hides edges dated outside the year range and keeps undated ones", () => {
    const state = setDateRange({ from: 2016, to: 2019 })(getEmptySession());
    expect(edge(state, edgeBetween(kgr("huawei"), kgr("kenya"), kg("operatesIn"))).hidden).toBe(true);
    expect(edge(state, edgeBetween(kgr("dahua"), kgr("huawei"), kg("partnersWith"))).hidden).toBeUndefined();
    expect(edge(state, edgeBetween(kgr("huawei"), kgr("kenya"), kg("partnersWith"))).hidden).toBeUndefined();
  });

  it("curves parallel edges apart and keeps single edges straight", () => {
    const state = getEmptySession();
    const a = edge(state, edgeBetween(kgr("huawei"), kgr("kenya"), kg("operatesIn")));
    const b = edge(state, edgeBetween(kgr("huawei"), kgr("kenya"), kg("partnersWith")));
    expect(a.type).toBe("curved");
    expect(b.type).toBe("curved");
    expect(a.curvature).not.toBe(b.curvature);
    expect(edge(state, edgeBetween(kgr("dahua"), kgr("huawei"), kg("partnersWith"))).type).toBe("arrow");
  });

  it("shows edge labels only when asked", () => {
    const key = edgeBetween(kgr("dahua"), kgr("huawei"), kg("partnersWith"));
    expect(edge(getEmptySession(), key).label).toBeNull();
    expect(edge(setEdgeLabels(true)(getEmptySession()), key).label).toBe("partners with");
  });
});
