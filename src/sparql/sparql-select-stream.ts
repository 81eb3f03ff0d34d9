// A SELECT answer's SPARQL JSON results read as they arrive (@bergos/jsonparse): the variables, then the rows one by one, checked as readSelect checks them, with no size cap.
import JsonParser from "@bergos/jsonparse";
import type { SelectStream, SparqlBinding, SparqlTermJson } from "./sparql-answer.ts";
import type { Malformed } from "./sparql-results-json.ts";

/**
 * Reads `chunks` (the body's text) up to the results' head.vars and returns the rows still to come as a stream of at
 * most `maxRows`; a row past that sets `truncated` and ends the exchange (`close`), as does a failure or cancel().
 */
export async function readSelectStream(chunks: AsyncIterable<string>, maxRows: number, malformed: Malformed, close: () => void): Promise<SelectStream> {
  const reader = new SelectReader(chunks[Symbol.asyncIterator](), malformed);
  try {
    while (reader.vars === undefined && (await reader.next())) { /* reading on to the head */ }
  } catch (error) {
    close();
    throw error;
  }
  const vars = reader.vars;
  if (vars === undefined) {
    close();
    throw reader.fault("no head.vars list");
  }
  const answer: SelectStream = { form: "select", vars, rows: rows(), truncated: false, cancel: close };
  async function* rows(): AsyncGenerator<SparqlBinding> {
    try {
      let count = 0;
      for (;;) {
        const row = reader.pending.shift();
        if (row !== undefined) {
          // The query asked for one row more than allowed: it tells "exactly maxRows" from "more".
          if (count === maxRows) {
            answer.truncated = true;
            return;
          }
          count++;
          yield row;
        } else if (!(await reader.next())) break;
      }
      if (!reader.sawBindings) throw reader.fault("no results.bindings list");
    } finally {
      close();
    }
  }
  return answer;
}

/** The parser and what it has found so far: rows wait in `pending` until taken. */
class SelectReader {
  vars: string[] | undefined;
  readonly pending: SparqlBinding[] = [];
  sawBindings = false;
  private complete = false;
  private failure: Error | undefined;
  /** The body's start, for messages. */
  private start = "";
  private readonly parser = new JsonParser();

  constructor(private readonly chunks: AsyncIterator<string>, private readonly malformed: Malformed) {
    const parser = this.parser;
    parser.onValue = (value: unknown) => {
      const depth = parser.stack.length;
      if (depth === 3 && typeof parser.key === "number" && parser.stack[1].key === "results" && parser.stack[2].key === "bindings") {
        this.pending.push(this.checked(value));
        // Taken from the parser's copy of the list, which would otherwise keep every row.
        (parser.value as unknown[]).length = 0;
      } else if (depth === 2 && parser.key === "vars" && parser.stack[1].key === "head") {
        if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw this.fault("no head.vars list");
        this.vars = value as string[];
      } else if (depth === 2 && parser.key === "bindings" && parser.stack[1].key === "results") {
        if (!Array.isArray(value)) throw this.fault("no results.bindings list");
        this.sawBindings = true;
      } else if (depth === 0) this.complete = true;
    };
  }

  /** Reads one more piece; false at the end of the body. A fault in a piece is thrown on the next call, after the rows before it. */
  async next(): Promise<boolean> {
    if (this.failure !== undefined) throw this.failure;
    const step = await this.chunks.next();
    if (step.done) {
      if (!this.complete) throw this.fault(this.start === "" ? "an empty body" : "the JSON ends before it is complete");
      return false;
    }
    if (this.start.length < 400) this.start += step.value.slice(0, 400);
    try {
      this.parser.write(step.value);
    } catch (error) {
      this.failure = error instanceof Error && error.name === "SparqlEndpointError" ? error : this.fault(`not JSON (${(error as Error).message})`);
    }
    return true;
  }

  fault(what: string): Error {
    return this.malformed(what, this.start);
  }

  private checked(row: unknown): SparqlBinding {
    if (row === null || typeof row !== "object") throw this.fault("a binding that is not an object");
    for (const term of Object.values(row as Record<string, unknown>)) {
      const t = term as Partial<SparqlTermJson> | null;
      if (t === null || typeof t !== "object" || typeof t.type !== "string" || typeof t.value !== "string") {
        throw this.fault("a bound value without type and value");
      }
    }
    return row as SparqlBinding;
  }
}
