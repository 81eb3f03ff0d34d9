// Replay: re-runs a session's recorded queries (path, neighbourhood, expand, local SPARQL) on a graph and says which results changed.
import type { GraphIndex } from "../graph/types.ts";
import { loadDatasetStream } from "../rdf/parse.ts";
import type { Dataset } from "../rdf/dataset.ts";
import { findPaths, type Path } from "../query/path.ts";
import { neighbourhood, type Neighbourhood } from "../query/neighbourhood.ts";
import { explainPath } from "../query/explain.ts";
import { currentIri, currentTermIds, currentTriple } from "../query/replacements.ts";
import type { SparqlAnswer } from "../sparql/sparql-endpoint.ts";
import type { SessionFile } from "./format.ts";
import { queryKinds, tripleKey, type EdgeTriple, type HistoryEntry, type RecordedResult } from "./history.ts";
import { recordedWithEdges } from "./recorded-edges.ts";
import { connectAsPath, queryOptions } from "./path-query.ts";

export type ReplayRun =
  | { kind: "path"; paths: Path[] }
  | { kind: "neighbourhood"; result: Neighbourhood; depth: number };

export interface ReplayStep {
  /** Index of the entry in the session's history. */
  index: number;
  entry: HistoryEntry;
  /** What the query finds now (null when it could not run, e.g. a node is gone). */
  result: RecordedResult | null;
  recorded: RecordedResult | undefined;
  differs: boolean;
  /** What differs, in words (empty when nothing does). */
  why: string[];
  /** What was compared: "all" (nodes, relations, paths), "subset" (an expansion records only what it newly showed:
   * those must still be found), "nodes" (relations were not recorded). */
  checked: CompareMode;
  /** The raw answer on this graph, for printing. */
  run: ReplayRun | null;
}

export type CompareMode = "all" | "subset" | "nodes";

export interface ReplayReport {
  steps: ReplayStep[];
  /** The session's current result re-run: the last query step at or before the cursor (of the focused kind, if any). */
  final: ReplayStep | null;
}

/** Re-runs the query steps up to the cursor, in order, and compares each with what was recorded. */
export function replaySession(file: SessionFile, graph: GraphIndex): ReplayReport {
  const steps: ReplayStep[] = [];
  file.history.forEach((entry, index) => {
    if (index > file.cursor || !queryKinds.includes(entry.action.kind)) return;
    steps.push(replayEntry(file, entry, index, graph));
  });
  const focus = file.state.focus;
  const focused = focus === "none" ? undefined : [...steps].reverse().find((s) => (focus === "path" ? ["path", "connect"].includes(s.entry.action.kind) : !["path", "connect"].includes(s.entry.action.kind)));
  return { steps, final: focused ?? steps[steps.length - 1] ?? null };
}

function replayEntry(file: SessionFile, entry: HistoryEntry, index: number, g: GraphIndex): ReplayStep {
  const { recorded: asRecorded, mode } = recordedOf(file, entry);
  const recorded = asRecorded && inCurrentTerms(asRecorded, g);
  const missing = missingNodes(entry, g);
  if (missing.length > 0) {
    const why = [`${missing.length === 1 ? "node" : "nodes"} not in the data: ${missing.map((m) => `<${m}>`).join(", ")}`];
    return { index, entry, result: null, recorded, differs: true, why, checked: mode, run: null };
  }
  const run = runQuery(entry, g);
  const result = resultOf(run, g);
  const why = recorded ? compareResults(recorded, result, g, mode) : [];
  return { index, entry, result, recorded, differs: why.length > 0, why, checked: mode, run };
}

/**
 * What a step recorded and how to compare it: an expansion records only what it newly showed ("subset"); a
 * neighbourhood whose relations are unknown (recorded-edges.ts) is compared by its nodes.
 */
function recordedOf(file: SessionFile, entry: HistoryEntry): { recorded: RecordedResult | undefined; mode: CompareMode } {
  const { recorded, relations } = recordedWithEdges(file, entry);
  if (recorded && entry.action.kind === "expand") return { recorded, mode: "subset" };
  return { recorded, mode: recorded && relations === "unknown" && entry.action.kind === "neighbourhood" ? "nodes" : "all" };
}

/** A recorded result with old IRIs (ontology/migration.ttl) replaced, so a rename alone is no difference. */
function inCurrentTerms(recorded: RecordedResult, g: GraphIndex): RecordedResult {
  const node = (iri: string) => currentIri(g, iri);
  const edge = (t: EdgeTriple) => currentTriple(g, { ...t, source: node(t.source), target: node(t.target) });
  return {
    ...recorded,
    nodes: recorded.nodes.map(node),
    edges: recorded.edges.map(edge),
    ...(recorded.paths ? { paths: recorded.paths.map((p) => ({ ...p, nodes: p.nodes.map(node), edges: p.edges.map(edge) })) } : {}),
  };
}

function missingNodes(entry: HistoryEntry, g: GraphIndex): string[] {
  const a = entry.action;
  const nodes = a.kind === "path" ? [a.params.from, a.params.to] : a.kind === "connect" ? a.params.terminals : a.kind === "neighbourhood" ? a.params.centers : a.kind === "expand" ? [a.params.node] : [];
  return nodes.filter((iri) => g.nodeByIri(iri) < 0);
}

/** Term ids of IRIs that are in the data, old IRIs replaced (absent ones cannot match anything, so they are dropped). */
function termIds(g: GraphIndex, iris: readonly string[]): number[] {
  return currentTermIds(g, iris);
}

/** The query as the workbench ran it (same options, same defaults). */
function runQuery(entry: HistoryEntry, g: GraphIndex): ReplayRun {
  const a = entry.action;
  if (a.kind === "path") {
    // Ranking and evidence constraints as the workbench applied them (session/path-query.ts).
    const paths = findPaths(g, g.nodeByIri(a.params.from), g.nodeByIri(a.params.to), queryOptions(g, a.params.options, (iris) => termIds(g, iris)));
    return { kind: "path", paths };
  }
  if (a.kind === "connect") {
    // A connection is recorded as one path-shaped result: the tree's nodes and its relations.
    const { path } = connectAsPath(g, a.params.terminals, a.params.options, (iris) => termIds(g, iris));
    return { kind: "path", paths: path ? [path] : [] };
  }
  if (a.kind === "neighbourhood") {
    const p = a.params;
    const result = neighbourhood(g, p.centers.map((c) => g.nodeByIri(c)), {
      depth: p.depth,
      direction: p.direction,
      classes: termIds(g, p.classes),
      predicates: termIds(g, p.predicates),
      limit: p.limit,
    });
    return { kind: "neighbourhood", result, depth: p.depth };
  }
  if (a.kind === "expand") {
    const result = neighbourhood(g, [g.nodeByIri(a.params.node)], { depth: 1, direction: "both", limit: a.params.limit, predicates: termIds(g, a.params.predicates ?? []) });
    return { kind: "neighbourhood", result, depth: 1 };
  }
  throw new Error(`session/replay: ${a.kind} is not a query`);
}

export function edgeTriple(g: GraphIndex, e: number): EdgeTriple {
  return { source: g.iri(g.edgeSources[e]), predicate: g.dataset.terms.key(g.edgePredicates[e]), target: g.iri(g.edgeTargets[e]) };
}

/** The edge id of a triple in the graph, or -1. */
export function findEdge(g: GraphIndex, t: EdgeTriple): number {
  const s = g.nodeByIri(t.source), o = g.nodeByIri(t.target);
  if (s < 0 || o < 0) return -1;
  for (let i = g.outOffsets[s]; i < g.outOffsets[s + 1]; i++) {
    const e = g.outEdgeIds[i];
    if (g.edgeTargets[e] === o && g.dataset.terms.key(g.edgePredicates[e]) === t.predicate) return e;
  }
  return -1;
}

/** A query's answer by IRI and triple, as a session records it. */
export function resultOf(run: ReplayRun, g: GraphIndex): RecordedResult {
  if (run.kind === "path") {
    const paths = run.paths.map((p) => ({ nodes: p.nodes.map((n) => g.iri(n)), edges: p.steps.map((s) => edgeTriple(g, s.edge)), explanation: explainPath(g, p) }));
    const nodes = [...new Set(paths.flatMap((p) => p.nodes))];
    const seen = new Map<string, EdgeTriple>();
    for (const t of paths.flatMap((p) => p.edges)) seen.set(tripleKey(t), t);
    return { nodes, edges: [...seen.values()], paths };
  }
  return { nodes: run.result.nodes.map((n) => g.iri(n.node)), edges: run.result.edges.map((e) => edgeTriple(g, e)), truncated: run.result.truncated };
}

/** What differs between a recorded and a fresh result, in words; empty when they agree. */
export function compareResults(recorded: RecordedResult, now: RecordedResult, g?: GraphIndex, mode: CompareMode = "all"): string[] {
  const label = (iri: string) => {
    const n = g ? g.nodeByIri(iri) : -1;
    return n >= 0 && g ? `${g.label(n)} <${iri}>` : `<${iri}>`;
  };
  const edgeText = (t: EdgeTriple) => `${label(t.source)} —<${t.predicate}>→ ${label(t.target)}`;
  const why: string[] = [];
  if (recorded.paths && mode === "all") {
    const before = recorded.paths, after = now.paths ?? [];
    if (before.length !== after.length) why.push(`${before.length} path${before.length === 1 ? "" : "s"} recorded, ${after.length} now`);
    const count = Math.min(before.length, after.length);
    for (let i = 0; i < count; i++) {
      if (before[i].nodes.join(" ") !== after[i].nodes.join(" ")) {
        why.push(`path ${i + 1} was ${before[i].nodes.map(label).join(" → ")}, now ${after[i].nodes.map(label).join(" → ")}`);
      } else if (before[i].edges.map(tripleKey).join("|") !== after[i].edges.map(tripleKey).join("|")) {
        why.push(`path ${i + 1} goes through the same nodes by other relations`);
      }
    }
  }
  const list = (items: string[]) => (items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")} and ${items.length - 5} more`);
  const nowNodes = new Set(now.nodes), beforeNodes = new Set(recorded.nodes);
  const goneNodes = recorded.nodes.filter((n) => !nowNodes.has(n));
  const newNodes = now.nodes.filter((n) => !beforeNodes.has(n));
  if (goneNodes.length) why.push(`nodes no longer found: ${list(goneNodes.map(label))}`);
  if (newNodes.length && mode !== "subset") why.push(`nodes found now but not recorded: ${list(newNodes.map(label))}`);
  const nowEdges = new Set(now.edges.map(tripleKey)), beforeEdges = new Set(recorded.edges.map(tripleKey));
  const goneEdges = recorded.edges.filter((t) => !nowEdges.has(tripleKey(t)));
  const newEdges = now.edges.filter((t) => !beforeEdges.has(tripleKey(t)));
  if (mode === "nodes") return why;
  if (goneEdges.length) why.push(`relations no longer found: ${list(goneEdges.map(edgeText))}`);
  if (newEdges.length && mode !== "subset") why.push(`relations found now but not recorded: ${list(newEdges.map(edgeText))}`);
  if (mode === "all" && recorded.truncated !== undefined && now.truncated !== undefined && recorded.truncated !== now.truncated) {
    why.push(now.truncated ? "the node cap now cuts the result" : "the node cap no longer cuts the result");
  }
  return why;
}

/** A SPARQL step of the session, re-run when it ran on the loaded data. */
export interface SparqlReplayStep {
  index: number;
  entry: HistoryEntry;
  query: string;
  /** "local", or the endpoint URL (endpoint queries are listed, not re-run). */
  target: string;
  /** The size the panel recorded (rows, 1/0 for ASK, triples), when the query answered. */
  recordedRows: number | undefined;
  /** The size now, or null when not re-run or it failed. */
  rows: number | null;
  differs: boolean;
  why: string[];
}

/** Rows the workbench panel shows at most; a replay counts the same way so the numbers compare. */
export const SPARQL_REPLAY_MAX_ROWS = 1000;

/** What replays a session's SPARQL: the embedded engine itself, or one that runs it elsewhere (a thread with a time limit). */
export interface SparqlReplayEngine {
  query(query: string, options: { maxRows: number }): SparqlAnswer | Promise<SparqlAnswer>;
}

/**
 * The SPARQL steps up to the cursor, each local one re-run with the embedded engine (Oxigraph) on `dataset`, or with
 * `engine` when given; a step differs when its answer's size differs from the recorded one, or when it fails now
 * (a time limit included) but answered then.
 */
export async function replaySparql(file: SessionFile, dataset: Dataset, engine?: SparqlReplayEngine): Promise<SparqlReplayStep[]> {
  const entries = file.history.map((entry, index) => ({ entry, index })).filter(({ entry, index }) => index <= file.cursor && entry.action.kind === "sparql");
  if (entries.length === 0) return [];
  engine ??= await (await import("../sparql/sparql-embedded.ts")).createEmbeddedSparql(dataset);
  const steps: SparqlReplayStep[] = [];
  for (const { entry, index } of entries) {
    if (entry.action.kind !== "sparql") continue;
    const { query, target } = entry.action.params;
    const recordedRows = entry.recorded?.rows;
    const step: SparqlReplayStep = { index, entry, query, target, recordedRows, rows: null, differs: false, why: [] };
    steps.push(step);
    if (target !== "local") continue;
    try {
      const answer = await engine.query(query, { maxRows: SPARQL_REPLAY_MAX_ROWS });
      step.rows = answer.form === "select" ? answer.result.bindings.length
        : answer.form === "ask" ? (answer.value ? 1 : 0)
        : (await loadDatasetStream([{ name: "answer.nt", chunks: answer.parts, format: "ntriples" }])).size;
    } catch (error) {
      if (recordedRows !== undefined) step.why.push(`it fails now: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (step.rows !== null && recordedRows !== undefined && step.rows !== recordedRows) step.why.push(`${recordedRows} recorded, ${step.rows} now`);
    step.differs = step.why.length > 0;
  }
  return steps;
}
