// SPARQL queries kept in the session: the producer checks them like a file would, the file keeps them, history labels them.
import { describe, expect, it } from "vitest";
import {
  describeAction,
  getEmptySession,
  historyOf,
  parseSessionFile,
  recordSparqlQuery,
  serializeSession,
  SessionFileError,
  snapshotOf,
  SPARQL_LIMITS,
  toSessionFile,
  type SessionErrorKind,
  type SessionState,
} from "../../src/session/index.ts";
import { replaySparql } from "../../src/session/replay.ts";
import { act, startSession } from "../../src/session/act.ts";
import { actions } from "../../src/session/named-actions.ts";
import { prefixes, rdf } from "../../src/rdf/vocab.ts";
import { bundledGraph, readSessionFixture } from "./fixtures.ts";

const SELECT = "PREFIX kg: <https://w3id.org/smartcity-kg/ontology#>\n\nSELECT ?c WHERE { ?c a kg:Company }";

function refusal(run: () => unknown): { path: string; kind: SessionErrorKind; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof SessionFileError) return { path: error.path, kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("recordSparqlQuery", () => {
  it("keeps queries newest first, a repeat moved to the front, at most the cap", () => {
    let state = getEmptySession();
    state = recordSparqlQuery({ query: SELECT, target: "local", rows: 7 })(state);
    state = recordSparqlQuery({ query: "ASK { ?s ?p ?o }", target: "local", rows: 1 })(state);
    state = recordSparqlQuery({ query: SELECT, target: "local", rows: 8 })(state);
    expect(state.sparql!.queries).toEqual([
      { query: SELECT, target: "local", rows: 8 },
      { query: "ASK { ?s ?p ?o }", target: "local", rows: 1 },
    ]);
    for (let i = 0; i < SPARQL_LIMITS.maxQueries + 5; i++) state = recordSparqlQuery({ query: `ASK { ?s ?p ${i} }`, target: "local" })(state);
    expect(state.sparql!.queries).toHaveLength(SPARQL_LIMITS.maxQueries);
    expect(state.sparql!.queries[0].query).toBe(`ASK { ?s ?p ${SPARQL_LIMITS.maxQueries + 4} }`);
  });

  it("keeps an endpoint as its URL without user, password, query string or fragment", () => {
    const state = recordSparqlQuery({ query: SELECT, target: "https://analyst:s3cret@dbpedia.example.org/sparql?key=abc#x" })(getEmptySession());
    expect(state.sparql!.queries[0].target).toBe("https://dbpedia.example.org/sparql");
    expect(JSON.stringify(state)).not.toMatch(/s3cret|abc/);
  });

  it("refuses hostile or oversize query text with where and why, leaving the state alone", () => {
    const before = getEmptySession();
    const escape = refusal(() => recordSparqlQuery({ query: "SELECT * WHERE { ?s ?p \u001b[2J?o }", target: "local" })(before));
    expect(escape).toMatchObject({ path: "sparql.queries[0].query", kind: "control-character" });
    expect(escape.message).toBe("session: sparql.queries[0].query: contains the control character U+001B");
    const huge = refusal(() => recordSparqlQuery({ query: `SELECT * WHERE { ?s ?p ?o } #${"x".repeat(SPARQL_LIMITS.maxQueryLength)}`, target: "local" })(before));
    expect(huge).toMatchObject({ path: "sparql.queries[0].query", kind: "too-long" });
    const credentials = refusal(() => recordSparqlQuery({ query: "SELECT * { SERVICE <https://me:pw@example.org/sparql> { ?s ?p ?o } }", target: "local" })(before));
    expect(credentials).toMatchObject({ path: "sparql.queries[0].query", kind: "credentials" });
    expect(refusal(() => recordSparqlQuery({ query: SELECT, target: "javascript:alert(1)" })(before))).toMatchObject({ path: "sparql.queries[0].target", kind: "not-allowed" });
    expect(refusal(() => recordSparqlQuery({ query: "  \n", target: "local" })(before))).toMatchObject({ path: "sparql.queries[0].query" });
    expect(before.sparql).toBeUndefined();
  });
});

/** A session with one SPARQL step, recorded as the workbench records it (the panel's runSparql action). */
function sessionWithQuery(): { text: string; state: SessionState } {
  const empty = { layout: { positions: {}, camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, pinned: [] }, appearance: { nodeScale: 1, labelDensity: 1, colours: {} }, notes: { session: "", nodes: {}, edges: {} } };
  const model = act(startSession({ state: getEmptySession(), ...empty }, "2026-11-22T09:00:00.000Z"), actions.runSparql({ query: SELECT, target: "local", rows: 12 }), { at: "2026-11-22T09:01:00.000Z" });
  const step = model.history.entries[1];
  expect(step.action).toEqual({ kind: "sparql", params: { query: SELECT, target: "local" } });
  expect(step.recorded).toEqual({ nodes: [], edges: [], rows: 12 });
  return { text: serializeSession(toSessionFile({ history: model.history, ...model.current })), state: model.current.state };
}

describe("SPARQL steps in the session file", () => {

  it("is labelled by the query's form and text, and reads back with its query list", () => {
    const { text, state } = sessionWithQuery();
    const file = parseSessionFile(text);
    expect(file.history[1].label).toBe("SPARQL SELECT ?c WHERE { ?c a kg:Company }");
    expect(file.history[1].recorded?.rows).toBe(12);
    expect(file.state.sparql).toEqual(state.sparql);
    expect(snapshotOf(file).state.sparql).toEqual(state.sparql);
    expect(historyOf(file).cursor).toBe(1);
    expect(describeAction({ kind: "sparql", params: { query: "# who\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", target: "https://endpoint.example.org/sparql" } }))
      .toBe("SPARQL CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } on endpoint.example.org");
  });

  it("refuses a file whose kept query is oversize or hostile, saying where", () => {
    const { text } = sessionWithQuery();
    const raw = JSON.parse(text);
    raw.state.sparql.queries[0].query = "x".repeat(SPARQL_LIMITS.maxQueryLength + 1);
    expect(refusal(() => parseSessionFile(JSON.stringify(raw)))).toMatchObject({ path: "state.sparql.queries[0].query", kind: "too-long" });
    const hostile = JSON.parse(text);
    hostile.history[1].action.params.query = "SELECT \u009b31m * {}";
    expect(refusal(() => parseSessionFile(JSON.stringify(hostile)))).toMatchObject({ path: "history[1].action.params.query", kind: "control-character" });
    const extra = JSON.parse(text);
    extra.state.sparql.queries[0].password = "x";
    expect(refusal(() => parseSessionFile(JSON.stringify(extra))).kind).toBe("credentials");
  });

  it("keeps files without the field valid (it is optional)", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    expect(file.state.sparql).toBeUndefined();
    expect(parseSessionFile(serializeSession(file)).state).toEqual(file.state);
  });
});

describe("replaySparql", () => {
  it("re-runs local queries on the data and flags an answer of another size; endpoint queries are only listed", async () => {
    const graph = await bundledGraph();
    const companyClass = `${prefixes.kg}Company`;
    // The number of companies, counted from the dataset's own quads rather than by SPARQL.
    const companies = new Set<string>();
    for (let i = 0; i < graph.dataset.size; i++) {
      const quad = graph.dataset.quad(i);
      if (quad.predicate.value === rdf.type && quad.object.value === companyClass) companies.add(quad.subject.value);
    }
    expect(companies.size).toBeGreaterThan(0);
    const file = parseSessionFile(sessionWithQuery().text);
    file.history[1].recorded!.rows = companies.size;
    const same = await replaySparql(file, graph.dataset);
    expect(same.map((s) => [s.index, s.rows, s.differs])).toEqual([[1, companies.size, false]]);
    file.history[1].recorded!.rows = companies.size + 1;
    const changed = await replaySparql(file, graph.dataset);
    expect(changed[0].differs).toBe(true);
    expect(changed[0].why).toEqual([`${companies.size + 1} recorded, ${companies.size} now`]);
    file.history[1].action = { kind: "sparql", params: { query: SELECT, target: "https://endpoint.example.org/sparql" } };
    expect((await replaySparql(file, graph.dataset))[0]).toMatchObject({ rows: null, differs: false, target: "https://endpoint.example.org/sparql" });
  });
});
