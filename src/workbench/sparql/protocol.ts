// The SPARQL panel's messages to the data worker: run a query over the loaded data, join fetched endpoint triples into it.
import type { EvidenceView } from "../../session/types.ts";
import type { DatasetSummary, ViewGraph } from "../view-graph.ts";

/** One bound value as the panel shows it; IRIs carry a CURIE when a data prefix fits and whether the graph has them as a node. */
export interface TermView {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string;
  curie?: string;
  language?: string;
  datatype?: string;
  node?: boolean;
}

export interface QueryFailure {
  message: string;
  /** Set for syntax errors: where in the text the panel shows (the prefixes it was given included). */
  line?: number;
  column?: number;
}

export type QueryAnswerView = (
  | { form: "select"; vars: string[]; rows: Record<string, TermView>[]; truncated: boolean }
  | { form: "ask"; value: boolean }
  /** `turtle` in pieces (rdf/serialize.ts writeChunks), downloaded as a Blob of them: never one string. */
  | { form: "construct" | "describe"; turtle: string[]; triples: number; graph: ViewGraph }
) & {
  /** What the engine says about how it ran the query (an old predicate name it also matched). */
  notes?: string[];
};

export type SparqlRequest =
  | { op: "prefixes" }
  | { op: "query"; query: string; maxRows: number }
  /** Stops the local query that is running, if any: it then fails with "cancelled". */
  | { op: "cancel" }
  /** Turns a graph answer (N-Triples or Turtle text in pieces, e.g. from an endpoint) into what the panel shows, without changing the data. */
  | { op: "graph"; parts: string[]; format: "ntriples" | "turtle"; form: "construct" | "describe"; baseIRI?: string }
  /**
   * Adds triples fetched from an endpoint to the loaded data and returns the view of the given nodes and relations
   * (triples as [subject, predicate, object] IRIs), with each relation's edge key and evidence.
   */
  | { op: "join"; name: string; ntriples: string; nodes: string[]; triples: [string, string, string][] };

export type SparqlReply =
  | { op: "prefixes"; prefixes: Record<string, string> }
  | { op: "query"; answer?: QueryAnswerView; error?: QueryFailure }
  | { op: "cancel" }
  | { op: "graph"; answer: QueryAnswerView }
  | { op: "join"; graph: ViewGraph; edges: (string | null)[]; evidence: EvidenceView[][]; summary: DatasetSummary };
