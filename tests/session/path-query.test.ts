// Ranked, constrained paths and connections in the session: the named action, the state the file keeps, and re-running them.
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/cli/graph.ts";
import { actions } from "../../src/session/named-actions.ts";
import { getEmptySession, pathStarted } from "../../src/session/producers.ts";
import { stateSchema } from "../../src/session/file-schema.ts";
import { validate } from "../../src/session/schema.ts";
import { connectAsPath, queryOptions } from "../../src/session/path-query.ts";
import { describeAction } from "../../src/session/actions.ts";
import { findPaths } from "../../src/query/path.ts";
import { decodeShareState, encodeShareState, parseSessionFile, renderReport } from "../../src/session/index.ts";
import { replaySession } from "../../src/session/replay.ts";
import { readSessionFixture } from "./fixtures.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const KG = "https://w3id.org/smartcity-kg/ontology#";

describe("session path queries (issue 18)", async () => {
  const { graph: g } = await loadGraph(undefined);
  const termIds = (iris: readonly string[]) => iris.map((iri) => g.dataset.terms.iriId(iri)).filter((t) => t >= 0);
  const options = { ...getEmptySession().path.options, rank: "informative" as const, fromDate: "2020-03", toDate: "2020-04", eventKinds: [`${KG}Donation`] };

  it("turns a session's options into query options: ranking and constraints included", () => {
    const q = queryOptions(g, options, termIds);
    expect(q.rank).toBe("informative");
    expect(q.edgeFilter).toBeTypeOf("function");
    const [path] = findPaths(g, g.nodeByIri(`${KGR}huawei`), g.nodeByIri(`${KGR}kenya`), q);
    expect(path.nodes.map((n) => g.iri(n))).toContain(`${KGR}huawei-donation-to-kenyan-government`);
  });

  it("records a connection as a named step whose state the session file accepts, and a path run clears it", () => {
    const terminals = [`${KGR}huawei`, `${KGR}kenya`, `${KGR}digital-silk-road`];
    const { path } = connectAsPath(g, terminals, getEmptySession().path.options, termIds);
    expect(path).not.toBeNull();
    const result = {
      nodes: path!.nodes.map((n) => g.iri(n)),
      nodeLabels: path!.nodes.map((n) => g.label(n)),
      steps: path!.steps.map((s) => ({ edge: `e${s.edge}`, forward: true, from: g.iri(g.edgeSources[s.edge]), to: g.iri(g.edgeTargets[s.edge]), predicate: g.dataset.terms.key(g.edgePredicates[s.edge]), predicateLabel: "", evidence: [] })),
      explanation: path!.steps.map(() => "…"),
    };
    const named = actions.runConnect({ terminals, options }, { results: [result] });
    expect(named.action).toEqual({ kind: "connect", params: { terminals, options } });
    expect(describeAction(named.action, (iri) => g.label(g.nodeByIri(iri)))).toBe("Connect Huawei, Kenya, Digital Silk Road");
    expect(named.recorded!.paths![0].edges).toHaveLength(path!.steps.length);
    const state = named.state!(getEmptySession());
    expect(state.path.terminals).toEqual(terminals);
    expect(state.focus).toBe("path");
    expect(() => validate(state, stateSchema)).not.toThrow();
    expect(pathStarted()(state).path.terminals).toBeUndefined();
    const bad = { ...state, path: { ...state.path, options: { ...state.path.options, fromDate: "March 2020" } } };
    expect(() => validate(bad, stateSchema)).toThrow(/fromDate/);
  });

  it("replays a connect step as the tree it finds now, and the report lists it as a tree", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    const entry = file.history[1];
    if (entry.action.kind !== "path") throw new Error("fixture: step 1 is the path query");
    const terminals = [`${KGR}huawei`, `${KGR}kenya`, `${KGR}digital-silk-road`];
    (entry as { action: unknown }).action = { kind: "connect", params: { terminals, options: entry.action.params.options } };
    const [step] = replaySession(file, g).steps;
    expect(step.entry.action.kind).toBe("connect");
    const [tree] = step.result!.paths!;
    for (const t of terminals) expect(tree.nodes).toContain(t);
    expect(tree.edges).toHaveLength(tree.nodes.length - 1);
    expect(tree.explanation).toHaveLength(tree.edges.length);
    const html = renderReport(file, { turtle: "", graph: g, generatedAt: "2026-12-04T00:00:00Z" });
    expect(html).toMatch(/a tree of \d+ relation/);
  });

  it("a share link keeps the ranking and the evidence constraints", () => {
    const state = { ...getEmptySession(), path: { ...getEmptySession().path, from: `${KGR}huawei`, to: `${KGR}kenya`, options } };
    expect(decodeShareState(encodeShareState(state)).path.options).toEqual(options);
    const plain = getEmptySession();
    expect(decodeShareState(encodeShareState(plain)).path.options).toEqual(plain.path.options);
  });
});
