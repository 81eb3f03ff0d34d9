// What a SPARQL query answers (solutions, a boolean, a graph whole or as it arrives) and the endpoint client's error, shared by every engine.

/** One RDF term of a SPARQL JSON result ("typed-literal" is what older stores such as Virtuoso write). */
export interface SparqlTermJson {
  type: "uri" | "literal" | "typed-literal" | "bnode" | "triple";
  value: string;
  "xml:lang"?: string;
  datatype?: string;
}

export type SparqlBinding = Record<string, SparqlTermJson>;

export interface SelectResult {
  vars: string[];
  bindings: SparqlBinding[];
  /** True when more solutions existed than the row limit let through. */
  truncated: boolean;
}

/**
 * What a query answers: solutions, a boolean, or a graph as text in the content type the endpoint chose, in pieces
 * that end at line ends (joined, the whole answer), so a large graph never needs one string.
 */
export type SparqlAnswer = (
  | { form: "select"; result: SelectResult }
  | { form: "ask"; value: boolean }
  | { form: "construct" | "describe"; parts: string[]; contentType: string }
) & {
  /** What the user should know about how the query was run (an old predicate name it also matched). */
  notes?: string[];
};

/**
 * A graph answer read as it arrives (SparqlEndpoint.queryStreaming): no size limit, so the reader must not keep it
 * whole. The request's time limit and signal still end it.
 */
export interface GraphStream {
  form: "construct" | "describe";
  contentType: string;
  /**
   * The body's text in pieces as they arrive (a piece may end mid-line); iterate once. A failure on the way (the
   * connection lost, the time limit, a cancel) throws a SparqlEndpointError that says how much had arrived.
   */
  chunks: AsyncIterable<string>;
  /** Ends the exchange when the chunks are not read to the end (else its timer runs on); safe to call twice. */
  cancel(): void;
}

/**
 * A SELECT answer read as it arrives (SparqlEndpoint.queryStreaming): its variables, then its rows, at most the row
 * limit, with no size limit, so the reader must not keep them all. The time limit and signal still end it.
 */
export interface SelectStream {
  form: "select";
  vars: string[];
  /**
   * The solutions as they arrive; iterate once. A failure on the way throws a SparqlEndpointError (a break says how
   * much had arrived, a bad row is "malformed").
   */
  rows: AsyncIterable<SparqlBinding>;
  /** True when more solutions came than the row limit let through: known once the rows are read to the end. */
  truncated: boolean;
  /** Ends the exchange when the rows are not read to the end; safe to call twice. */
  cancel(): void;
}

export type SparqlErrorKind = "network" | "timeout" | "aborted" | "http" | "malformed" | "too-large" | "usage";

/** A failed exchange with an endpoint; the message names the endpoint (never its credentials or query-string values) and what to do. */
export class SparqlEndpointError extends Error {
  constructor(
    message: string,
    readonly kind: SparqlErrorKind,
    readonly endpoint: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SparqlEndpointError";
  }
}
