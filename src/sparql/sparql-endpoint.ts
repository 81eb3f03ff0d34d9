// A client for any SPARQL 1.1 protocol endpoint over fetch: timeouts, cancellation, size limits and clear errors.
import { SparqlEndpointError, type GraphStream, type SelectResult, type SelectStream, type SparqlAnswer } from "./sparql-answer.ts";
import { classifySparql, SparqlSyntaxError, updateRefusal, type QueryForm } from "./sparql-form.ts";
import { base64, bodyStart, formatBytes, formatSeconds, networkReason, readBody } from "./sparql-http.ts";
import { limitSelect } from "./sparql-query.ts";
import { readAsk, readSelect } from "./sparql-results-json.ts";
import { blankSecrets, redactUrl, urlSecrets } from "../query/redact-url.ts";

export { SparqlEndpointError } from "./sparql-answer.ts";
export type { GraphStream, SelectResult, SelectStream, SparqlAnswer, SparqlBinding, SparqlErrorKind, SparqlTermJson } from "./sparql-answer.ts";

export interface EndpointOptions {
  url: string;
  /** HTTP basic credentials; the password is only ever put in the Authorization header. */
  user?: string;
  password?: string;
  /** Per request, body included; default 30 s. */
  timeoutMs?: number;
  /** "auto" (default) sends GET while the URL stays short, POST (form-encoded) otherwise. */
  method?: "auto" | "GET" | "POST";
  /**
   * Most solutions a SELECT returns before it reports `truncated`; default 5000 (the query asks for one more, and
   * Virtuoso refuses to sort more than 10 000 rows).
   */
  maxRows?: number;
  /** Largest response body read whole (query, select, ask); default 64 MiB. queryStreaming's graphs and rows have none. */
  maxBytes?: number;
  /** default-graph-uri parameters, when the store should answer from particular graphs. */
  defaultGraphs?: readonly string[];
  /** For tests and special environments; default the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the endpoint's maxRows for this query. */
  maxRows?: number;
}

const graphAccept = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5";
const selectAccept = "application/sparql-results+json, application/json;q=0.8";
const longestGet = 2000;
/** A day: longer would overflow setTimeout (2^31 - 1 ms), which then fires at once. */
export const longestTimeoutMs = 24 * 3600 * 1000;

export class SparqlEndpoint {
  /** The endpoint's URL as shown in messages, sessions and reports: redactUrl's (no user-info, query values as ***). */
  readonly displayUrl: string;
  private readonly url: URL;
  /** The URL's query values, blanked where an error page echoes them. */
  private readonly secrets: string[];
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxRows: number;
  private readonly maxBytes: number;

  constructor(private readonly options: EndpointOptions) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      const shown = redactUrl(options.url);
      throw new SparqlEndpointError(`query/sparql: ${JSON.stringify(shown)} is not a URL (e.g. http://localhost:8890/sparql)`, "usage", shown);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new SparqlEndpointError(`query/sparql: the endpoint must be an http(s) URL, not ${url.protocol}`, "usage", url.origin);
    }
    if (url.username !== "" || url.password !== "") {
      // A password in the URL ends up in shell history, logs and error messages.
      url.username = "";
      url.password = "";
      throw new SparqlEndpointError(`query/sparql: do not put credentials in the endpoint URL (${redactUrl(url.href)}); give the user name separately and the password from the environment`, "usage", redactUrl(url.href));
    }
    this.url = url;
    this.displayUrl = redactUrl(url.href);
    this.secrets = urlSecrets(url.href);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    if (!(this.timeoutMs >= 1 && this.timeoutMs <= longestTimeoutMs)) {
      throw new SparqlEndpointError(`query/sparql: the timeout must be from 1 ms to ${longestTimeoutMs / 1000} s (a day), got ${this.timeoutMs} ms`, "usage", this.displayUrl);
    }
    this.maxRows = options.maxRows ?? 5000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    if (options.user !== undefined) {
      if (options.user.includes(":")) throw new SparqlEndpointError("query/sparql: a basic-auth user name cannot contain \":\"", "usage", this.displayUrl);
      this.authorization = `Basic ${base64(`${options.user}:${options.password ?? ""}`)}`;
    }
  }

  /**
   * Runs query text of any read form, refusing updates and unparsable text before anything is sent; SELECT results
   * are bounded by the row limit (a LIMIT is added when the query has none), a graph is read whole, capped at
   * maxBytes. Text from people goes through here: select() and ask() send the queries the project builds itself
   * without parsing them.
   */
  async query(query: string, request: RequestOptions = {}): Promise<SparqlAnswer> {
    const form = await this.readForm(query);
    if (form === "select") return { form, result: await this.select(query, request) };
    if (form === "ask") return { form, value: await this.ask(query, request) };
    const { text, contentType } = await this.send(query, graphAccept, request.signal);
    return { form, parts: [text], contentType };
  }

  /**
   * As query(), but a graph (CONSTRUCT, DESCRIBE) comes as its text arrives and a SELECT's rows as they are read,
   * with no size limit: for a reader that writes them on (kg sparql) rather than keeping them. The row limit, the
   * time limit and the signal still end it.
   */
  async queryStreaming(query: string, request: RequestOptions = {}): Promise<SparqlAnswer | GraphStream | SelectStream> {
    const form = await this.readForm(query);
    if (form === "select") {
      const maxRows = request.maxRows ?? this.maxRows;
      const { readSelectStream } = await import("./sparql-select-stream.ts");
      const exchange = await this.open(limitSelect(query, maxRows + 1), selectAccept, request.signal, "query");
      return await readSelectStream(this.stream(exchange), maxRows, this.malformed, exchange.close);
    }
    if (form === "ask") return { form, value: await this.ask(query, request) };
    const exchange = await this.open(query, graphAccept, request.signal, "query");
    return { form, contentType: exchange.contentType, chunks: this.stream(exchange), cancel: exchange.close };
  }

  private async readForm(query: string): Promise<QueryForm> {
    const kind = await this.classify(query);
    if (kind.kind === "update") throw new SparqlEndpointError(updateRefusal(kind.operations, "can be sent"), "usage", this.displayUrl);
    return kind.form;
  }

  /**
   * Sends a SPARQL update, which only an explicit request by the user may lead to (kg sparql --allow-update);
   * refuses text that is not an update. Returns the operations sent.
   */
  async update(text: string, request: { signal?: AbortSignal } = {}): Promise<string[]> {
    const kind = await this.classify(text);
    if (kind.kind !== "update") throw new SparqlEndpointError(`query/sparql: not an update but a ${kind.form.toUpperCase()} query`, "usage", this.displayUrl);
    await this.send(text, "*/*", request.signal, "update");
    return kind.operations;
  }

  private async classify(text: string) {
    try {
      return await classifySparql(text);
    } catch (error) {
      if (error instanceof SparqlSyntaxError) throw new SparqlEndpointError(error.message, "usage", this.displayUrl);
      throw error;
    }
  }

  async select(query: string, request: RequestOptions = {}): Promise<SelectResult> {
    const maxRows = request.maxRows ?? this.maxRows;
    // One row more than allowed tells "exactly maxRows" from "more than maxRows".
    const { text } = await this.send(limitSelect(query, maxRows + 1), selectAccept, request.signal);
    const result = readSelect(text, this.malformed);
    if (result.bindings.length > maxRows) {
      result.bindings.length = maxRows;
      result.truncated = true;
    }
    return result;
  }

  async ask(query: string, request: RequestOptions = {}): Promise<boolean> {
    const { text } = await this.send(query, selectAccept, request.signal);
    return readAsk(text, this.malformed);
  }

  /** Sends the query (or, as `update`, an update) and returns the body, read whole; every failure becomes a SparqlEndpointError. */
  async send(query: string, accept: string, signal?: AbortSignal, parameter: "query" | "update" = "query"): Promise<{ text: string; contentType: string }> {
    const exchange = await this.open(query, accept, signal, parameter);
    try {
      return { text: await readBody(exchange.response, this.maxBytes, () => this.tooLarge()), contentType: exchange.contentType };
    } catch (error) {
      return exchange.fail(error);
    } finally {
      exchange.close();
    }
  }

  /**
   * Sends the request and waits for the response's head, under the time limit and the caller's signal, which go on
   * until close(); an HTTP error status is read (capped) and thrown here.
   */
  private async open(query: string, accept: string, signal: AbortSignal | undefined, parameter: "query" | "update"): Promise<Exchange> {
    if (signal?.aborted) throw this.aborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // Ends a body nobody reads on; after a whole read it changes nothing.
      controller.abort();
    };
    /** `received`: bytes of a streamed answer read before the failure. */
    const fail = (error: unknown, received?: number): never => {
      if (error instanceof SparqlEndpointError) throw error;
      const after = received === undefined ? "" : ` after ${formatBytes(received)} of the answer`;
      if (timedOut) throw new SparqlEndpointError(`query/sparql: ${this.displayUrl} did not answer within ${formatSeconds(this.timeoutMs)} (timeout)${after}; try a smaller query or a longer timeout`, "timeout", this.displayUrl);
      if (signal?.aborted) throw this.aborted(after);
      const reason = blankSecrets(networkReason(error), this.secrets);
      if (received !== undefined) throw new SparqlEndpointError(`query/sparql: the answer of ${this.displayUrl} broke off${after}: ${reason}`, "network", this.displayUrl);
      throw new SparqlEndpointError(`query/sparql: cannot reach ${this.displayUrl}: ${reason}`, "network", this.displayUrl);
    };
    try {
      const response = await (this.options.fetch ?? fetch)(...this.request(query, accept, controller.signal, parameter));
      if (!response.ok) throw this.httpError(response, await readBody(response, this.maxBytes, () => this.tooLarge()));
      return { response, contentType: (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase(), close, fail };
    } catch (error) {
      close();
      return fail(error);
    }
  }

  /** The body's text as it arrives; the exchange is closed when it ends, fails or is left. */
  private async *stream(exchange: Exchange): AsyncGenerator<string> {
    try {
      const body = exchange.response.body;
      if (body === null) return;
      const reader = body.getReader();
      const decoder = new TextDecoder();
      let received = 0;
      for (;;) {
        let read: Awaited<ReturnType<typeof reader.read>>;
        try {
          read = await reader.read();
        } catch (error) {
          return exchange.fail(error, received);
        }
        if (read.done) break;
        received += read.value.byteLength;
        const text = decoder.decode(read.value, { stream: true });
        if (text !== "") yield text;
      }
      const rest = decoder.decode();
      if (rest !== "") yield rest;
    } finally {
      exchange.close();
    }
  }

  private request(query: string, accept: string, signal: AbortSignal, parameter: "query" | "update"): [string, RequestInit] {
    const params = new URLSearchParams({ [parameter]: query });
    for (const graph of this.options.defaultGraphs ?? []) params.append("default-graph-uri", graph);
    const headers: Record<string, string> = { accept };
    if (this.authorization) headers.authorization = this.authorization;
    const getUrl = new URL(this.url.href);
    for (const [name, value] of params) getUrl.searchParams.append(name, value);
    const method = this.options.method ?? "auto";
    // The protocol allows updates by POST only.
    if (parameter === "query" && (method === "GET" || (method === "auto" && getUrl.href.length <= longestGet))) {
      return [getUrl.href, { method: "GET", headers, signal, redirect: "follow" }];
    }
    headers["content-type"] = "application/x-www-form-urlencoded";
    return [this.url.href, { method: "POST", headers, body: params.toString(), signal, redirect: "follow" }];
  }

  private readonly malformed = (what: string, text: string): SparqlEndpointError => new SparqlEndpointError(`query/sparql: malformed results from ${this.displayUrl}: ${what}; the body starts ${JSON.stringify(blankSecrets(bodyStart(text), this.secrets))}`, "malformed", this.displayUrl);

  private httpError(response: Response, text: string): SparqlEndpointError {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    const hint = response.status === 401 || response.status === 403
      ? this.authorization ? " (the credentials were refused)" : " (the endpoint wants credentials: a user name and a password)"
      : response.status === 404 ? " (is this the SPARQL endpoint's URL? e.g. http://host:8890/sparql)" : "";
    const body = blankSecrets(bodyStart(text), this.secrets);
    // Virtuoso builds a CONSTRUCT/DESCRIBE answer whole, in one array of at most MaxVectorSize (default 1,000,000) triples.
    const vector = /FRVEC: array in for vectored over max vector length \d+ > (\d+)/.exec(text)?.[1];
    const advice = vector ? `; Virtuoso builds this answer whole and holds at most ${Number(vector).toLocaleString("en-US")} triples in it: narrow the query or page it with ORDER BY, LIMIT and OFFSET` : "";
    return new SparqlEndpointError(`query/sparql: ${this.displayUrl} answered HTTP ${status}${hint}${body ? `: ${JSON.stringify(body)}` : ""}${advice}`, "http", this.displayUrl, response.status);
  }

  private tooLarge(): SparqlEndpointError {
    return new SparqlEndpointError(`query/sparql: the answer of ${this.displayUrl} is larger than ${Math.round(this.maxBytes / 1024)} KiB; add a LIMIT or narrow the query`, "too-large", this.displayUrl);
  }

  private aborted(after = ""): SparqlEndpointError {
    return new SparqlEndpointError(`query/sparql: the query to ${this.displayUrl} was cancelled${after}`, "aborted", this.displayUrl);
  }
}

/** One request under way: its response (head read), its time limit and cancel until close(). */
interface Exchange {
  response: Response;
  contentType: string;
  close(): void;
  /** Throws the SparqlEndpointError for a failure of this exchange: timeout, cancel, network (or as it is). */
  fail(error: unknown, received?: number): never;
}
