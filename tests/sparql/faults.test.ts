// The endpoint client against a small local HTTP server that misbehaves on purpose: down, slow, 500, 401, malformed, huge.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparqlEndpoint, SparqlEndpointError } from "../../src/sparql/sparql-endpoint.ts";
import { remoteNeighbourhood, remotePaths, remoteSearch } from "../../src/sparql/sparql-remote.ts";
import { runKg } from "../cli/run-kg.ts";

interface Seen {
  method: string;
  path: string;
  query: string;
  accept: string;
  authorization?: string;
}

const seen: Seen[] = [];
const pending = new Set<ServerResponse>();
let server: Server;
let base: string;

const rows = (n: number) => ({
  head: { vars: ["s", "label"] },
  results: { bindings: Array.from({ length: n }, (_, i) => ({ s: { type: "uri", value: `http://example.org/e${i}` }, label: { type: "literal", value: `Entity ${i}`, "xml:lang": "en" } })) },
});

function json(res: ServerResponse, status: number, body: unknown, type = "application/sparql-results+json"): void {
  res.writeHead(status, { "content-type": type });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  let body = "";
  for await (const chunk of req) body += chunk;
  const query = req.method === "POST" ? (new URLSearchParams(body).get("query") ?? "") : (url.searchParams.get("query") ?? "");
  seen.push({ method: req.method ?? "", path: url.pathname, query, accept: req.headers.accept ?? "", authorization: req.headers.authorization });
  switch (url.pathname) {
    case "/ok": {
      const limit = /LIMIT (\d+)/.exec(query);
      return json(res, 200, rows(Math.min(3, limit ? Number(limit[1]) : 3)));
    }
    case "/ask":
      return json(res, 200, { head: {}, boolean: true });
    case "/slow":
      // Never answers by itself: the client's timeout or cancellation must end the exchange.
      pending.add(res);
      res.on("close", () => pending.delete(res));
      return;
    case "/fail":
      res.writeHead(500, { "content-type": "text/plain" });
      return void res.end("Internal error: the triple store ran out of memory while sorting");
    case "/private": {
      const expected = `Basic ${Buffer.from("alice:s3cret-pässword").toString("base64")}`;
      if (req.headers.authorization === expected) return json(res, 200, { head: {}, boolean: true });
      res.writeHead(401, { "www-authenticate": 'Basic realm="sparql"', "content-type": "text/plain" });
      return void res.end("Unauthorized");
    }
    case "/echo":
      // Repeats the request line, as some error pages do: the endpoint URL's query string included.
      res.writeHead(500, { "content-type": "text/plain" });
      return void res.end(`Cannot serve ${req.url}`);
    case "/malformed":
      return json(res, 200, '{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value"');
    case "/wrong-shape":
      return json(res, 200, { answer: 42 });
    case "/bad-term":
      return json(res, 200, { head: { vars: ["s"] }, results: { bindings: [{ s: { value: "no type" } }] } });
    case "/huge": {
      // Ignores any LIMIT, as a misconfigured store might: 20 000 rows.
      return json(res, 200, rows(20_000));
    }
    default:
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("no such endpoint");
  }
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<SparqlEndpointError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SparqlEndpointError);
  return error as SparqlEndpointError;
}

/** Runs kg with these environment variables set (undefined: unset) for the child only. */
async function runKgWith(args: string[], env: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(env);
  try {
    return await runKg(args);
  } finally {
    assign(saved);
  }
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("SparqlEndpoint", () => {
  it("sends a SELECT with the protocol's parameters and Accept header, and reads the rows", async () => {
    const endpoint = new SparqlEndpoint({ url: `${base}/ok` });
    const result = await endpoint.select("SELECT ?s ?label WHERE { ?s ?p ?label }");
    expect(result).toMatchObject({ vars: ["s", "label"], truncated: false });
    expect(result.bindings[1].label).toEqual({ type: "literal", value: "Entity 1", "xml:lang": "en" });
    const request = seen[seen.length - 1];
    expect(request.method).toBe("GET");
    expect(request.accept).toContain("application/sparql-results+json");
    expect(request.query).toMatch(/LIMIT 5001$/);
    expect(request.authorization).toBeUndefined();
  });

  it("posts long queries as a form", async () => {
    const endpoint = new SparqlEndpoint({ url: `${base}/ok` });
    const values = Array.from({ length: 200 }, (_, i) => `<http://example.org/entity/${i}>`).join(" ");
    await endpoint.select(`SELECT ?s WHERE { VALUES ?s { ${values} } }`);
    const request = seen[seen.length - 1];
    expect(request.method).toBe("POST");
    expect(request.query).toContain("<http://example.org/entity/199>");
  });

  it("reports a server that is down (connection refused)", async () => {
    const port = await closedPort();
    const error = await failure(new SparqlEndpoint({ url: `http://127.0.0.1:${port}/sparql` }).select("SELECT * WHERE { ?s ?p ?o }"));
    expect(error.kind).toBe("network");
    expect(error.message).toContain(`http://127.0.0.1:${port}/sparql`);
    expect(error.message).toMatch(/connection refused/);
  });

  it("times out a slow server with a clear message", async () => {
    const error = await failure(new SparqlEndpoint({ url: `${base}/slow`, timeoutMs: 300 }).select("SELECT * WHERE { ?s ?p ?o }"));
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 0\.3 s/);
  });

  it("stops when the caller cancels, before or during the request", async () => {
    const endpoint = new SparqlEndpoint({ url: `${base}/slow`, timeoutMs: 30_000 });
    const controller = new AbortController();
    const running = endpoint.select("SELECT * WHERE { ?s ?p ?o }", { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await failure(running);
    expect(error.kind).toBe("aborted");
    expect(error.message).toMatch(/cancelled/);
    const already = await failure(endpoint.ask("ASK {}", { signal: AbortSignal.abort() }));
    expect(already.kind).toBe("aborted");
  });

  it("turns HTTP 500 into a message with the status, the endpoint and the start of the body", async () => {
    const error = await failure(new SparqlEndpoint({ url: `${base}/fail` }).select("SELECT * WHERE { ?s ?p ?o }"));
    expect(error).toMatchObject({ kind: "http", status: 500 });
    expect(error.message).toContain(`${base}/fail answered HTTP 500`);
    expect(error.message).toContain("ran out of memory while sorting");
  });

  it("sends basic credentials, says when they are missing or refused, and never shows the password", async () => {
    const url = `${base}/private`;
    const missing = await failure(new SparqlEndpoint({ url }).ask("ASK {}"));
    expect(missing).toMatchObject({ kind: "http", status: 401 });
    expect(missing.message).toMatch(/wants credentials/);
    const refused = await failure(new SparqlEndpoint({ url, user: "alice", password: "wrong-password" }).ask("ASK {}"));
    expect(refused.message).toMatch(/credentials were refused/);
    expect(refused.message).not.toContain("wrong-password");
    expect(await new SparqlEndpoint({ url, user: "alice", password: "s3cret-pässword" }).ask("ASK {}")).toBe(true);
  });

  it("refuses credentials inside the URL, without repeating them", () => {
    let error: unknown;
    try {
      new SparqlEndpoint({ url: "http://alice:hunter2@127.0.0.1:1/sparql" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparqlEndpointError);
    expect((error as Error).message).toMatch(/do not put credentials in the endpoint URL/);
    expect((error as Error).message).not.toContain("hunter2");
  });

  it("reports malformed results: cut-off JSON, another shape, a term without a type", async () => {
    for (const [path, what] of [["/malformed", /not JSON/], ["/wrong-shape", /no head\.vars/], ["/bad-term", /without type and value/]] as const) {
      const error = await failure(new SparqlEndpoint({ url: `${base}${path}` }).select("SELECT ?s WHERE { ?s ?p ?o }"));
      expect(error.kind).toBe("malformed");
      expect(error.message).toMatch(what);
      expect(error.message).toContain(`${base}${path}`);
    }
    const ask = await failure(new SparqlEndpoint({ url: `${base}/wrong-shape` }).ask("ASK {}"));
    expect(ask.message).toMatch(/an ASK result without a boolean/);
  });

  it("cuts huge results at the row limit and says so; refuses bodies over the size cap", async () => {
    const result = await new SparqlEndpoint({ url: `${base}/huge`, maxRows: 100 }).select("SELECT ?s ?label WHERE { ?s ?p ?label }");
    expect(result.bindings.length).toBe(100);
    expect(result.truncated).toBe(true);
    const error = await failure(new SparqlEndpoint({ url: `${base}/huge`, maxBytes: 64 * 1024 }).select("SELECT ?s WHERE { ?s ?p ?o }"));
    expect(error.kind).toBe("too-large");
    expect(error.message).toMatch(/larger than 64 KiB; add a LIMIT/);
  });

  it("refuses updates and non-queries before sending anything", async () => {
    const before = seen.length;
    const endpoint = new SparqlEndpoint({ url: `${base}/ok` });
    expect((await failure(endpoint.query("INSERT DATA { <a:b> <a:c> <a:d> }"))).message).toMatch(/no updates/);
    expect((await failure(endpoint.query("hello"))).kind).toBe("usage");
    expect(seen.length).toBe(before);
  });

  it("never shows an API key or user-info from the endpoint URL, even when the server echoes it", async () => {
    const key = "k3y-0f-4lice-7731";
    const echo = new SparqlEndpoint({ url: `${base}/echo?apikey=${key}&default-graph-uri=urn:x` });
    expect(echo.displayUrl).toBe(`${base}/echo?apikey=***&default-graph-uri=***`);
    const http = await failure(echo.select("SELECT * WHERE { ?s ?p ?o }"));
    expect(http.kind).toBe("http");
    expect(http.message).toContain(`${base}/echo?apikey=***`);
    expect(http.message).toContain("Cannot serve /echo?apikey=***");
    const malformed = await failure(new SparqlEndpoint({ url: `${base}/malformed?apikey=${key}` }).select("SELECT * WHERE { ?s ?p ?o }"));
    const port = await closedPort();
    const down = await failure(new SparqlEndpoint({ url: `http://127.0.0.1:${port}/sparql?apikey=${key}` }).select("SELECT * WHERE { ?s ?p ?o }"));
    const notUrl = await failure(Promise.resolve().then(() => new SparqlEndpoint({ url: `localhost/sparql?apikey=${key}` })));
    const credentials = await failure(Promise.resolve().then(() => new SparqlEndpoint({ url: `http://alice:hunter2@127.0.0.1/sparql?apikey=${key}` })));
    for (const error of [http, malformed, down, notUrl, credentials]) {
      expect(error.message).not.toContain(key);
      expect(error.message).not.toContain("hunter2");
      expect(error.endpoint).not.toContain(key);
    }
  });

  it("refuses updates that a keyword test would take for queries, sending nothing", async () => {
    const before = seen.length;
    const endpoint = new SparqlEndpoint({ url: `${base}/ok` });
    for (const text of [
      "PREFIX ask: <http://x/> DELETE WHERE { GRAPH <http://g/> { ?s ?p ?o } }",
      "PREFIX select: <http://x/>\nLOAD <http://attacker.example/payload.ttl>",
      "PREFIX describe: <http://x/> WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
      "SELECT * WHERE { ?s ?p ?o } ; CLEAR ALL",
    ]) {
      const error = await failure(endpoint.query(text));
      expect(error.kind, text).toBe("usage");
      expect(error.message, text).toMatch(/^query\/sparql: (only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be sent \(no updates\)|error at \d+:\d+)/);
    }
    expect(seen.length).toBe(before);
  });

  it("sends read queries whose prefixes are named like updates or other forms", async () => {
    const select = await new SparqlEndpoint({ url: `${base}/ok` }).query("PREFIX delete: <http://x/> SELECT * WHERE { ?s delete:p ?o }");
    expect(select.form).toBe("select");
    expect(seen.at(-1)?.query).toMatch(/^PREFIX delete: <http:\/\/x\/> SELECT \* WHERE \{ \?s delete:p \?o \}\nLIMIT 5001$/);
    const ask = await new SparqlEndpoint({ url: `${base}/ask` }).query("PREFIX select: <http://x/> ASK { ?s select:p ?o }");
    expect(ask).toEqual({ form: "ask", value: true });
  });
});

describe("remote queries on a failing endpoint", () => {
  it("pass the caller's cancellation and the endpoint's errors through", async () => {
    const slow = new SparqlEndpoint({ url: `${base}/slow`, timeoutMs: 30_000 });
    const controller = new AbortController();
    const running = remoteNeighbourhood(slow, ["http://example.org/a"], { depth: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(running)).kind).toBe("aborted");
    const failing = new SparqlEndpoint({ url: `${base}/fail` });
    expect((await failure(remotePaths(failing, "http://example.org/a", "http://example.org/b"))).status).toBe(500);
    expect((await failure(remoteSearch(new SparqlEndpoint({ url: `${base}/malformed` }), "gear"))).kind).toBe("malformed");
  });
});

describe("kg --endpoint faults", () => {
  it("exits 1 with the reason when the endpoint is down or fails", async () => {
    const port = await closedPort();
    const down = await runKg(["--endpoint", `http://127.0.0.1:${port}/sparql`, "find", "Huawei"]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot reach .*connection refused/);
    const failing = await runKg(["--endpoint", `${base}/fail`, "sparql", "SELECT * WHERE { ?s ?p ?o }"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/answered HTTP 500/);
    const malformed = await runKg(["--endpoint", `${base}/malformed`, "path", "kgr:a", "kgr:b"]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/malformed results/);
    // A CONSTRUCT answered in a format that is not a graph (here the store's JSON rows): one line, no stack trace.
    const notGraph = await runKg(["--endpoint", `${base}/ok`, "sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"]);
    expect(notGraph.code).toBe(1);
    expect(notGraph.stderr.trim()).toMatch(/^query\/sparql: malformed answer from http:\/\/127\.0\.0\.1:\d+\/ok: the graph came as application\/sparql-results\+json, which kg cannot read/);
    expect(notGraph.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });

  it("keeps an API key in the endpoint URL out of every message", async () => {
    const key = "k3y-0f-4lice-7731";
    const failing = await runKg(["--endpoint", `${base}/echo?apikey=${key}`, "find", "Huawei"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(`${base}/echo?apikey=***`);
    const empty = await runKg(["--endpoint", `${base}/ok?apikey=${key}`, "path", "http://example.org/e0", "http://example.org/e1", "--max-length", "1"]);
    const update = await runKg(["--endpoint", `${base}/ok?apikey=${key}`, "sparql", "CLEAR ALL"]);
    expect(update.code).toBe(2);
    for (const result of [failing, empty, update]) expect(result.stdout + result.stderr).not.toContain(key);
  });

  it("times out with --endpoint-timeout", async () => {
    const slow = await runKg(["--endpoint", `${base}/slow`, "--endpoint-timeout", "0.5", "sparql", "ASK {}"]);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(/did not answer within 0\.5 s \(timeout\)/);
  });

  it("refuses an --endpoint-timeout past a day or not written as plain seconds (1e9 once became 1 ms)", async () => {
    for (const value of ["1e9", "Infinity", "0x10", "86401", "0", "1,5"]) {
      const result = await runKg(["--endpoint", `${base}/ok`, "--endpoint-timeout", value, "sparql", "ASK {}"]);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toMatch(/--endpoint-timeout must be a number of seconds from 0\.001 to 86400 \(a day\)/);
    }
    expect(() => new SparqlEndpoint({ url: `${base}/ok`, timeoutMs: 1e12 })).toThrow(/the timeout must be from 1 ms to 86400 s/);
  });

  it("takes the password from KG_ENDPOINT_PASSWORD only, and never prints it", async () => {
    const url = `${base}/private`;
    const noPassword = await runKgWith(["--endpoint", url, "--user", "alice", "sparql", "ASK {}"], { KG_ENDPOINT_PASSWORD: undefined });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/KG_ENDPOINT_PASSWORD/);
    const ok = await runKgWith(["--endpoint", url, "--user", "alice", "sparql", "ASK {}"], { KG_ENDPOINT_PASSWORD: "s3cret-pässword" });
    expect(ok.stderr).toBe("");
    expect(ok.stdout.trim()).toBe("true");
    const wrong = await runKgWith(["--endpoint", url, "--user", "alice", "sparql", "ASK {}"], { KG_ENDPOINT_PASSWORD: "not-it" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/credentials were refused/);
    expect(wrong.stderr + wrong.stdout).not.toContain("not-it");
    const inUrl = await runKg(["--endpoint", "http://alice:hunter2@127.0.0.1:1/sparql", "sparql", "ASK {}"]);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).not.toContain("hunter2");
  });

  it("rejects --endpoint with commands that read files, and with --data", async () => {
    const stats = await runKg(["--endpoint", `${base}/ok`, "stats"]);
    expect(stats.code).toBe(2);
    expect(stats.stderr).toMatch(/--endpoint serves sparql, find, path, neighbours/);
    const both = await runKg(["--endpoint", `${base}/ok`, "--data", "graph-data/entities.ttl", "find", "x"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });
});
