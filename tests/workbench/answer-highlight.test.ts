// A SPARQL answer's highlight (answer-highlight.ts) holds until another query result, an undo of its query, or a clear.
import { describe, expect, it } from "vitest";
import { actions, createSessionStore, defaultPathOptions, type PathResultView } from "../../src/session/index.ts";
import { AnswerHighlight } from "../../src/workbench/answer-highlight.ts";
import { SessionController } from "../../src/workbench/session-controller.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const [huawei, kenya, dahua] = ["huawei", "kenya", "dahua"].map((n) => `${KGR}${n}`);
const onePath: PathResultView = {
  nodes: [huawei, kenya],
  nodeLabels: ["Huawei", "Kenya"],
  steps: [{ edge: "e7", forward: true, from: huawei, to: kenya, predicate: "https://w3id.org/smartcity-kg/ontology#suppliesTo", predicateLabel: "supplies to", evidence: [] }],
  explanation: ["Huawei supplies to Kenya."],
};

function setup() {
  const store = createSessionStore();
  const controller = new SessionController(store, { positions: () => ({}), camera: () => ({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }), labelOf: (iri) => iri });
  let redraws = 0;
  const answer = new AnswerHighlight(() => store.get(), () => redraws++);
  /** A CONSTRUCT run as the SPARQL panel runs it: the query is a step, then its answer is highlighted. */
  const construct = () => {
    store.dispatch(actions.runSparql({ query: `CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } # ${Math.random()}`, target: "local", rows: 1 }));
    answer.set([dahua, kenya], ["e9"]);
  };
  return { store, controller, answer, construct, redraws: () => redraws };
}

describe("AnswerHighlight", () => {
  it("is the view's query result while it holds, over a path highlighted before", () => {
    const { store, answer, construct, redraws } = setup();
    store.dispatch(actions.runPath({ from: huawei, to: kenya, options: defaultPathOptions }, { results: [onePath] }));
    construct();
    expect(redraws()).toBe(1);
    expect(answer.current(store.get())).toEqual({ nodes: new Set([dahua, kenya]), edges: new Set(["e9"]) });
    // Steps that are no query result (a hide) leave it.
    store.dispatch(actions.hideNodes([huawei]));
    expect(answer.current(store.get())).not.toBeNull();
    expect(answer.clear()).toBe(true);
    expect(answer.clear()).toBe(false);
    expect(answer.current(store.get())).toBeNull();
  });

  it("goes when a path result replaces it, or when its query's step is undone", () => {
    const { store, controller, answer, construct } = setup();
    construct();
    store.dispatch(actions.runPath({ from: huawei, to: kenya, options: defaultPathOptions }, { results: [onePath] }));
    expect(answer.current(store.get())).toBeNull();
    construct();
    controller.undo();
    expect(answer.current(store.get())).toBeNull();
  });
});
