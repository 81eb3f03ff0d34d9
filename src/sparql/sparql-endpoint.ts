// A client for any SPARQL 1.1 protocol endpoint over fetch: timeouts, cancellation, size limits and clear errors.
import { classifySparql, SparqlSyntaxError, updateRefusal, type QueryForm } from "./sparql-form.ts";
import { base64, bodyStart, formatSeconds, networkReason, readBody } from "./sparql-http.ts";
import { limitSelect } from "./sparql-query.ts";
import { blankSecrets, redactUrl, urlSecrets } from "../query/redact-url.ts";

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
  /** Largest response body read; default 64 MiB. */
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
   * are bounded by the row limit (a LIMIT is added when the query has none). Text from people goes through here:
   * select() and ask() send the queries the project builds itself without parsing them.
   */
  async query(query: string, request: RequestOptions = {}): Promise<SparqlAnswer> {
    const kind = await this.classify(query);
    if (kind.kind === "update") throw new SparqlEndpointError(updateRefusal(kind.operations, "can be sent"), "usage", this.displayUrl);
    const form: QueryForm = kind.form;
    if (form === "select") return { form, result: await this.select(query, request) };
    if (form === "ask") return { form, value: await this.ask(query, request) };
    // One piece: the body is read whole, capped at maxBytes.
    const { text, contentType } = await this.send(query, graphAccept, request.signal);
    return { form, parts: [text], contentType };
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
    const json = this.parseJson(text);
    const result = this.readSelect(json, text);
    if (result.bindings.length > maxRows) {
      result.bindings.length = maxRows;
      result.truncated = true;
    }
    return result;
  }

  async ask(query: string, request: RequestOptions = {}): Promise<boolean> {
    const { text } = await this.send(query, selectAccept, request.signal);
    const json = this.parseJson(text) as { boolean?: unknown; head?: { vars?: unknown }; results?: { bindings?: SparqlBinding[] } };
    if (typeof json.boolean === "boolean") return json.boolean;
    // Virtuoso answers ASK with a variable __ASK_RETVAL instead of "boolean": one row holding 1 when true, no rows when false.
    if (Array.isArray(json.head?.vars) && json.head.vars.includes("__ASK_RETVAL") && Array.isArray(json.results?.bindings)) {
      const only = json.results.bindings[0]?.["__ASK_RETVAL"];
      if (only === undefined || only.value === "0") return false;
      if (only.value === "1") return true;
    }
    throw this.malformed("an ASK result without a boolean", text);
  }

  /** Sends the query (or, as `update`, an update) and returns the body; every failure becomes a SparqlEndpointError. */
  async send(query: string, accept: string, signal?: AbortSignal, parameter: "query" | "update" = "query"): Promise<{ text: string; contentType: string }> {
    if (signal?.aborted) throw this.aborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const fail = (error: unknown): never => {
      if (error instanceof SparqlEndpointError) throw error;
      if (timedOut) throw new SparqlEndpointError(`query/sparql: ${this.displayUrl} did not answer within ${formatSeconds(this.timeoutMs)} (timeout); try a smaller query or a longer timeout`, "timeout", this.displayUrl);
      if (signal?.aborted) throw this.aborted();
      throw new SparqlEndpointError(`query/sparql: cannot reach ${this.displayUrl}: ${blankSecrets(networkReason(error), this.secrets)}`, "network", this.displayUrl);
    };
    try {
      let response: Response;
      try {
        response = await (this.options.fetch ?? fetch)(...this.request(query, accept, controller.signal, parameter));
      } catch (error) {
        return fail(error);
      }
      let text: string;
      try {
        text = await readBody(response, this.maxBytes, () => this.tooLarge());
      } catch (error) {
        return fail(error);
      }
      if (!response.ok) throw this.httpError(response, text);
      return { text, contentType: (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
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

  private parseJson(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw this.malformed(`not JSON (${(error as Error).message})`, text);
    }
  }

  private readSelect(json: unknown, text: string): SelectResult {
    const value = json as { head?: { vars?: unknown }; results?: { bindings?: unknown } };
    const vars = value?.head?.vars;
    const bindings = value?.results?.bindings;
    if (!Array.isArray(vars) || !vars.every((v) => typeof v === "string")) throw this.malformed("no head.vars list", text);
    if (!Array.isArray(bindings)) throw this.malformed("no results.bindings list", text);
    for (const row of bindings) {
      if (row === null || typeof row !== "object") throw this.malformed("a binding that is not an object", text);
      for (const term of Object.values(row as Record<string, unknown>)) {
        const t = term as Partial<SparqlTermJson> | null;
        if (t === null || typeof t !== "object" || typeof t.type !== "string" || typeof t.value !== "string") {
          throw this.malformed("a bound value without type and value", text);
        }
      }
    }
    return { vars: vars as string[], bindings: bindings as SparqlBinding[], truncated: false };
  }

  private malformed(what: string, text: string): SparqlEndpointError {
    return new SparqlEndpointError(`query/sparql: malformed results from ${this.displayUrl}: ${what}; the body starts ${JSON.stringify(blankSecrets(bodyStart(text), this.secrets))}`, "malformed", this.displayUrl);
  }

  private httpError(response: Response, text: string): SparqlEndpointError {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    const hint = response.status === 401 || response.status === 403
      ? this.authorization ? " (the credentials were refused)" : " (the endpoint wants credentials: a user name and a password)"
      : response.status === 404 ? " (is this the SPARQL endpoint's URL? e.g. http://host:8890/sparql)" : "";
    const body = blankSecrets(bodyStart(text), this.secrets);
    return new SparqlEndpointError(`query/sparql: ${this.displayUrl} answered HTTP ${status}${hint}${body ? `: ${JSON.stringify(body)}` : ""}`, "http", this.displayUrl, response.status);
  }

  private tooLarge(): SparqlEndpointError {
    return new SparqlEndpointError(`query/sparql: the answer of ${this.displayUrl} is larger than ${Math.round(this.maxBytes / 1024)} KiB; add a LIMIT or narrow the query`, "too-large", this.displayUrl);
  }

  private aborted(): SparqlEndpointError {
    return new SparqlEndpointError(`query/sparql: the query to ${this.displayUrl} was cancelled`, "aborted", this.displayUrl);
  }
}
