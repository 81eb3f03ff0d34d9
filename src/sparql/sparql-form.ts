// What a SPARQL request is (a read query of which form, or an update), decided by a real parser before anything runs or is sent.
import type { SparqlLexer, SparqlParser } from "sparqljs";

export type QueryForm = "select" | "ask" | "construct" | "describe";

/** A read query and its form, or an update and its operations in order (e.g. ["INSERT DATA", "DELETE WHERE"]). */
export type SparqlRequestKind = { kind: "query"; form: QueryForm } | { kind: "update"; operations: string[] };

/** Text that is not a SPARQL query or update; line and column (1-based) say where the parser stopped, when known. */
export class SparqlSyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = "SparqlSyntaxError";
  }
}

/** Classifies request text; throws SparqlSyntaxError when it is neither a query nor an update. */
export type SparqlClassifier = (text: string) => SparqlRequestKind;

const forms: Record<string, QueryForm> = { SELECT: "select", ASK: "ask", CONSTRUCT: "construct", DESCRIBE: "describe" };
const operationNames: Record<string, string> = {
  insert: "INSERT DATA", delete: "DELETE DATA", deletewhere: "DELETE WHERE", insertdelete: "DELETE/INSERT",
  load: "LOAD", clear: "CLEAR", drop: "DROP", create: "CREATE", add: "ADD", move: "MOVE", copy: "COPY",
};
/** Stands in for prefixes the text uses without declaring: stores such as Virtuoso predeclare some (bif:, sql:). */
const placeholderNamespace = "urn:kg:undeclared-prefix:";
const mostUndeclared = 64;

let loading: Promise<SparqlClassifier> | undefined;

/**
 * Imports sparqljs once (a few hundred KB of parser, so only when a SPARQL request is made) and returns a
 * synchronous classifier.
 */
export function loadSparqlClassifier(): Promise<SparqlClassifier> {
  loading ??= (async () => {
    const mod = (await import("sparqljs")) as unknown as { Parser?: typeof import("sparqljs").Parser; default?: { Parser?: typeof import("sparqljs").Parser } };
    const Parser = mod.Parser ?? mod.default?.Parser;
    if (typeof Parser !== "function") throw new Error("query/sparql: the sparqljs module has no Parser (is the package installed?)");
    return (text: string) => classifyWith(Parser, text);
  })();
  return loading;
}

/** Classifies request text with the parser, loading it on first use. */
export async function classifySparql(text: string): Promise<SparqlRequestKind> {
  return (await loadSparqlClassifier())(text);
}

/** The refusal of an update, naming its operations; `what` is e.g. "can be sent" or "can be run". */
export function updateRefusal(operations: readonly string[], what: string): string {
  return `query/sparql: only SELECT, ASK, CONSTRUCT and DESCRIBE queries ${what} (no updates); this is an update: ${operations.join("; ")}`;
}

function classifyWith(Parser: typeof import("sparqljs").Parser, text: string): SparqlRequestKind {
  const undeclared: Record<string, string> = {};
  for (let attempt = 0; attempt <= mostUndeclared; attempt++) {
    // A relative IRI is the store's to resolve; the placeholder base only lets the parser go on.
    const parser = new (Parser as unknown as new (options: object) => SparqlParser)({ prefixes: undeclared, baseIRI: "http://base.invalid/", sparqlStar: true, skipValidation: true });
    const lexer = trackLexer(parser);
    let parsed;
    try {
      parsed = parser.parse(text);
    } catch (error) {
      const unknown = /^Unknown prefix: ?(.*)$/.exec((error as Error).message ?? "");
      if (unknown && !(unknown[1] in undeclared)) {
        // The form does not depend on what a prefix stands for; the engine or endpoint says whether it knows it.
        undeclared[unknown[1]] = `${placeholderNamespace}${encodeURIComponent(unknown[1])}:`;
        continue;
      }
      throw syntaxError(error, lexer());
    }
    if (parsed.type === "query" && parsed.queryType !== undefined && forms[parsed.queryType]) return { kind: "query", form: forms[parsed.queryType] };
    if (parsed.type === "update" && Array.isArray(parsed.updates) && parsed.updates.length > 0) {
      return { kind: "update", operations: parsed.updates.map((u) => operationNames[u.updateType ?? u.type ?? ""] ?? (u.updateType ?? u.type ?? "an unknown operation").toUpperCase()) };
    }
    throw new SparqlSyntaxError("query/sparql: the query is empty (no SELECT, ASK, CONSTRUCT or DESCRIBE after the prologue)");
  }
  throw new SparqlSyntaxError(`query/sparql: more than ${mostUndeclared} undeclared prefixes`);
}

/**
 * Gives the lexer of the parser's next parse: jison's error hash carries the place of the token before the
 * offending one, while the lexer itself holds the offending token's place.
 */
function trackLexer(parser: SparqlParser): () => SparqlLexer | undefined {
  let current: SparqlLexer | undefined;
  const record = (lexer: SparqlLexer) => (current = lexer);
  const base = parser.lexer;
  if (base === undefined || typeof base.setInput !== "function") return () => undefined;
  parser.lexer = Object.create(base, {
    setInput: {
      value(this: SparqlLexer, input: string, yy: unknown) {
        record(this);
        return base.setInput.call(this, input, yy);
      },
    },
  }) as SparqlLexer;
  return () => current;
}

interface JisonHash {
  text?: string;
  token?: string | null;
  line?: number;
  expected?: string[];
}

function syntaxError(error: unknown, lexer: SparqlLexer | undefined): SparqlSyntaxError {
  const message = (error as Error)?.message ?? String(error);
  const hash = (error as { hash?: JisonHash }).hash;
  if (hash === undefined) return new SparqlSyntaxError(`query/sparql: ${message}`);
  const place = lexer?.yylloc;
  const line = place ? place.first_line : (hash.line ?? 0) + 1;
  const column = place ? place.first_column + 1 : undefined;
  const found = hash.token === "EOF" || hash.text === "" ? "end of the query" : JSON.stringify(lexer?.match || hash.text || "");
  const expected = (hash.expected ?? []).map((name) => name.replace(/^'|'$/g, "")).map((name) => (name === "EOF" ? "end of the query" : name));
  const wanted = expected.length > 0 && expected.length <= 8 ? `; expected ${expected.join(", ")}` : "";
  const at = column === undefined ? `line ${line}` : `${line}:${column}`;
  return new SparqlSyntaxError(`query/sparql: error at ${at}: unexpected ${found}${wanted}`, line, column);
}
