// The data worker's SPARQL side, imported on first use: Oxigraph over the worker's current Dataset, graph answers as views, endpoint joins.
import type { Dataset } from "../../rdf/dataset.ts";
import { loadDatasetStream } from "../../rdf/parse.ts";
import { writeChunks } from "../../rdf/serialize.ts";
import { projectGraph } from "../../graph/project.ts";
import type { GraphIndex } from "../../graph/types.ts";
import { embeddedSparqlInput, OXIGRAPH_MAX_QUADS, SparqlQueryError } from "../../sparql/sparql-embedded.ts";
import { startEngineRunner, type EnginePort, type EngineReply, type EngineRunner } from "../../sparql/sparql-engine-runner.ts";
import type { SparqlTermJson } from "../../sparql/sparql-endpoint.ts";
import { withPrefixes } from "../../sparql/sparql-query.ts";
import type { DataService } from "../data-service.ts";
import type { ViewEdge, ViewGraph, ViewNode } from "../protocol.ts";
import { curieOrUndefined as curie } from "../../rdf/curie.ts";
import type { QueryAnswerView, QueryFailure, SparqlReply, SparqlRequest, TermView } from "./protocol.ts";

/** A local query runs at most this long; Cancel stops it sooner. */
export const WORKBENCH_QUERY_TIMEOUT_MS = 120_000;

/**
 * The engine of the dataset it was made from, in a worker of its own (copying the data into Oxigraph once); a new
 * load makes a new one.
 */
let engine: { dataset: Dataset; runner: EngineRunner } | null = null;

function engineFor(dataset: Dataset): EngineRunner {
  if (dataset.size > OXIGRAPH_MAX_QUADS) {
    // Refused before the copy: past its 4 GiB WASM memory Oxigraph would fail midway (docs/scale.md).
    throw new SparqlQueryError(`query/sparql: the loaded graph has ${dataset.size.toLocaleString("en")} quads; the workbench's SPARQL engine (Oxigraph, in WASM memory) takes at most ${OXIGRAPH_MAX_QUADS.toLocaleString("en")}. Run the query with kg sparql, which reads a graph of any size in place, or serve the files with kg store serve and connect to the endpoint it prints (docs/scale.md).`);
  }
  if (engine?.dataset !== dataset) {
    engine?.runner.close();
    const raiseHint = "narrow the query, or run it with kg sparql --timeout SECONDS";
    engine = { dataset, runner: startEngineRunner(() => embeddedSparqlInput(dataset), { spawn: spawnEngineWorker, timeoutMs: WORKBENCH_QUERY_TIMEOUT_MS, raiseHint }) };
  }
  return engine.runner;
}

function spawnEngineWorker(): EnginePort {
  const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "sparql-engine" });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onEnd) {
      worker.addEventListener("message", (event: MessageEvent<EngineReply>) => onReply(event.data));
      worker.addEventListener("error", (event) => onEnd(event.message || "the worker failed"));
    },
    terminate: () => worker.terminate(),
  };
}

function need(service: DataService): { dataset: Dataset; index: GraphIndex } {
  const loaded = service.loaded;
  if (!loaded) throw new Error("workbench/sparql: no data is loaded yet.");
  return loaded;
}

export async function handleSparql(service: DataService, request: SparqlRequest): Promise<SparqlReply> {
  switch (request.op) {
    case "prefixes":
      return { op: "prefixes", prefixes: { ...(service.loaded?.dataset.prefixes ?? {}) } };
    case "query":
      return runQuery(service, request.query, request.maxRows);
    case "cancel":
      engine?.runner.cancel();
      return { op: "cancel" };
    case "graph":
      return { op: "graph", answer: await graphAnswer(service, request.parts, request.form, request.format, request.baseIRI) };
    case "join":
      return join(service, request.name, request.ntriples, request.nodes, request.triples);
  }
}

/** Runs a query on the data loaded now (taken before the first await), in the engine's own worker. */
export async function runQuery(service: DataService, query: string, maxRows: number): Promise<SparqlReply> {
  const { dataset, index } = need(service);
  let answer;
  try {
    answer = await engineFor(dataset).query(query, { maxRows });
  } catch (error) {
    return { op: "query", error: failure(error, query, dataset.prefixes) };
  }
  const notes = answer.notes ? { notes: answer.notes } : {};
  if (answer.form === "ask") return { op: "query", answer: { form: "ask", value: answer.value, ...notes } };
  if (answer.form === "select") {
    const rows = answer.result.bindings.map((binding) => {
      const row: Record<string, TermView> = {};
      for (const [name, term] of Object.entries(binding)) row[name] = termView(term, dataset.prefixes, index);
      return row;
    });
    return { op: "query", answer: { form: "select", vars: answer.result.vars, rows, truncated: answer.result.truncated, ...notes } };
  }
  return { op: "query", answer: { ...(await graphAnswer(service, answer.parts, answer.form)), ...notes } };
}

/**
 * A syntax error's place in the text as the panel shows it: the engine counts lines of the query it ran, which
 * has PREFIX lines added in front when the text used a data prefix without declaring it.
 */
function failure(error: unknown, query: string, prefixes: Readonly<Record<string, string>>): QueryFailure {
  if (!(error instanceof SparqlQueryError)) return { message: error instanceof Error ? error.message : String(error) };
  // The request classifier places its errors in the text as typed; only the engine's count the added PREFIX lines.
  if (error.line !== undefined) return { message: error.message.replace(/error at (\d+):(\d+)/, "error at line $1, column $2"), line: error.line, column: error.column };
  const added = withPrefixes(query, prefixes).split("\n").length - query.split("\n").length;
  const match = /error at (\d+):(\d+)/.exec(error.message);
  if (!match) return { message: error.message };
  const line = Math.max(1, Number(match[1]) - added);
  const column = Number(match[2]);
  return { message: error.message.replace(match[0], `error at line ${line}, column ${column}`), line, column };
}

function termView(term: SparqlTermJson, prefixes: Readonly<Record<string, string>>, index: GraphIndex): TermView {
  if (term.type === "uri") return { type: "uri", value: term.value, curie: curie(term.value, prefixes), node: index.nodeByIri(term.value) >= 0 };
  if (term.type === "literal" || term.type === "typed-literal") {
    return { type: "literal", value: term.value, language: term["xml:lang"] || undefined, datatype: term.datatype };
  }
  return { type: term.type, value: term.value };
}

/**
 * A CONSTRUCT or DESCRIBE answer as Turtle (the data's prefixes) and as a view: the relations it states, drawn with
 * the loaded graph's nodes and edges where they are the same (so details and evidence work), new ones otherwise.
 */
async function graphAnswer(service: DataService, parts: string[], form: "construct" | "describe", format: "ntriples" | "turtle" = "ntriples", baseIRI?: string): Promise<QueryAnswerView> {
  const { dataset: data, index } = need(service);
  const result = await loadDatasetStream([{ name: `${form} answer`, chunks: parts, format, baseIRI }]);
  const turtle = [...writeChunks(result, "turtle", { prefixes: usedPrefixes(data.prefixes, parts) })];
  const projected = projectGraph(result);
  const mainNodes = new Set<string>();
  const mainEdges: string[] = [];
  const extraNodes = new Map<string, ViewNode>();
  const extraEdges: ViewEdge[] = [];
  const noteNode = (n: number) => {
    const iri = projected.iri(n);
    if (index.nodeByIri(iri) >= 0) mainNodes.add(iri);
    else if (!extraNodes.has(iri)) {
      extraNodes.set(iri, { key: iri, label: projected.label(n), classes: projected.classes(n).map((c) => projected.dataset.terms.value(c)), colourClass: "", schema: false, degree: 1 });
    }
  };
  for (let e = 0; e < projected.edgeCount; e++) {
    const s = projected.edgeSources[e], t = projected.edgeTargets[e];
    const predicate = projected.dataset.terms.value(projected.edgePredicates[e]);
    noteNode(s);
    noteNode(t);
    const existing = edgeOf(index, projected.iri(s), predicate, projected.iri(t));
    if (existing >= 0) mainEdges.push(`e${existing}`);
    else extraEdges.push({ key: `sparql:${projected.iri(s)} ${predicate} ${projected.iri(t)}`, source: projected.iri(s), target: projected.iri(t), predicate, label: projected.termLabel(projected.edgePredicates[e]) });
  }
  // Resources the answer only describes (literals, classes) are nodes too.
  for (let n = 0; n < projected.nodeCount; n++) if (!projected.isSchema(n) && !projected.iri(n).startsWith("_:")) noteNode(n);
  const main = service.subgraph([...mainNodes], mainEdges);
  const graph: ViewGraph = { nodes: [...main.nodes, ...extraNodes.values()], edges: [...main.edges, ...extraEdges] };
  return { form, turtle, triples: result.size, graph };
}

/**
 * The data's prefixes whose namespace the text mentions, so the Turtle declares only what it uses (pieces end at line
 * ends, so no IRI is split between two).
 */
function usedPrefixes(prefixes: Readonly<Record<string, string>>, parts: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).filter(([, namespace]) => parts.some((part) => part.includes(namespace))));
}

/** The edge id of (subject, predicate, object) in the index, or -1. */
function edgeOf(index: GraphIndex, subject: string, predicate: string, object: string): number {
  const s = index.nodeByIri(subject), o = index.nodeByIri(object);
  const p = index.dataset.terms.iriId(predicate);
  if (s < 0 || o < 0 || p < 0) return -1;
  for (let i = index.outOffsets[s]; i < index.outOffsets[s + 1]; i++) {
    const e = index.outEdgeIds[i];
    if (index.edgeTargets[e] === o && index.edgePredicates[e] === p) return e;
  }
  return -1;
}

async function join(service: DataService, name: string, ntriples: string, nodes: string[], triples: [string, string, string][]): Promise<SparqlReply> {
  const summary = ntriples.trim() !== "" ? await service.load([{ name, text: ntriples, format: "ntriples" }], false) : service.summary();
  const { index } = need(service);
  const edges = triples.map(([s, p, o]) => {
    const e = edgeOf(index, s, p, o);
    return e >= 0 ? `e${e}` : null;
  });
  const evidence = edges.map((key) => {
    const details = key ? service.details(undefined, key) : null;
    return details?.kind === "edge" ? details.evidence : [];
  });
  const graph = service.subgraph(nodes, edges.filter((key): key is string => key !== null));
  return { op: "join", graph, edges, evidence, summary };
}

