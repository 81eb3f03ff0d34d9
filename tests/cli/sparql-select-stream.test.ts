// A SELECT answer from an endpoint is written row by row as it arrives, with no size cap: a real HTTP server sends a large SPARQL JSON body in pieces (unicode split across them), breaks off, or sends a bad row.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printAnswer } from "../../src/cli/sparql-print.ts";
import { SparqlEndpoint, SparqlEndpointError, type SparqlBinding } from "../../src/sparql/sparql-endpoint.ts";
import { runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-select-stream-"));
const ex = "http://example.org/";
const xsd = "http://www.w3.org/2001/XMLSchema#";

/**
 * `count` rows as Virtuoso writes them (its key order, "typed-literal", an unbound ?o every fourth row): language
 * tags, datatypes, blank nodes, quotes, commas, line feeds and characters of two, three and four UTF-8 bytes.
 */
function bindings(count: number): SparqlBinding[] {
  const rows: SparqlBinding[] = [];
  for (let i = 0; i < count; i++) {
    const s = { type: "uri" as const, value: `${ex}entity/e${i}` };
    const kind = i % 4;
    if (kind === 0) rows.push({ s, p: { type: "uri", value: `${ex}name` }, o: { type: "literal", "xml:lang": "de", value: `Firma ${i} "Größe", 東京 😀\nzweite Zeile` } });
    else if (kind === 1) rows.push({ s, p: { type: "uri", value: `${ex}founded` }, o: { type: "typed-literal", datatype: `${xsd}integer`, value: String(1900 + (i % 120)) } });
    else if (kind === 2) rows.push({ s, p: { type: "uri", value: `${ex}owns` }, o: { type: "bnode", value: `nodeID://b${i}` } });
    else rows.push({ s, p: { type: "uri", value: `${ex}label` } });
  }
  return rows;
}

const rows = bindings(40_000);
const body = JSON.stringify({ head: { link: [], vars: ["s", "p", "o"] }, results: { distinct: false, ordered: true, bindings: rows } });
/** Odd-sized pieces, so multi-byte characters fall across their edges. */
const piece = 7777;
const cap = 256 * 1024;

/** What kg sparql --format json printed before it streamed: the answer read whole, typed-literal named literal. */
function wholeJson(vars: string[], bound: SparqlBinding[]): string {
  const standard = bound.map((row) => Object.fromEntries(Object.entries(row).map(([name, term]) => [name, term.type === "typed-literal" ? { ...term, type: "literal" } : term])));
  return `${JSON.stringify({ head: { vars }, results: { bindings: standard } }, null, 2)}\n`;
}

/** SPARQL 1.1 CSV, written independently of kg's code. */
function expectedCsv(vars: string[], bound: SparqlBinding[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.split('"').join('""')}"` : text);
  const line = (row: SparqlBinding) => vars.map((v) => (row[v] === undefined ? "" : quote(row[v].type === "bnode" ? `_:${row[v].value}` : row[v].value))).join(",");
  return [vars.join(","), ...bound.map(line)].map((l) => `${l}\r\n`).join("");
}

interface Plan {
  body: string;
  /** Bytes sent before the connection is broken off, or left open with nothing more (stall). */
  breakAt?: number;
  then?: "break" | "stall";
}

const badRow = body.replace(`{"type":"uri","value":"${ex}entity/e30000"}`, `{"type":"uri","valeur":"${ex}entity/e30000"}`);
const plans: Record<string, Plan> = {
  "/select": { body },
  "/broken": { body, breakAt: Math.floor(Buffer.byteLength(body) / 2) },
  "/stalls": { body, breakAt: Math.floor(Buffer.byteLength(body) / 2), then: "stall" },
  "/bad-row": { body: badRow },
  "/not-json": { body: "<html><body>Service unavailable</body></html>" },
};

/** Told when a stalling answer has sent its part. */
let onStall: (() => void) | undefined;
const open = new Set<ServerResponse>();
let server: Server;
let base: string;
/** The query text of the last request. */
let lastQuery = "";

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    lastQuery = url.searchParams.get("query") ?? "";
    const plan = plans[url.pathname];
    if (plan === undefined) return void res.writeHead(404).end();
    void (async () => {
      const bytes = Buffer.from(plan.body, "utf8");
      const end = plan.breakAt ?? bytes.length;
      res.writeHead(200, { "content-type": "application/sparql-results+json" });
      for (let at = 0; at < end; at += piece) {
        if (!res.write(bytes.subarray(at, Math.min(at + piece, end)))) await new Promise((resolve) => res.once("drain", resolve));
        if (res.destroyed) return;
      }
      if (plan.then === "stall") {
        open.add(res);
        onStall?.();
      } else if (plan.breakAt !== undefined) res.destroy();
      else res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const everything = "SELECT * WHERE { ?s ?p ?o }";
const leftovers = () => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

describe("SparqlEndpoint.queryStreaming, SELECT", () => {
  it("gives the rows of an answer past maxBytes as they arrive, where query() refuses it", async () => {
    const bytes = Buffer.from(body, "utf8");
    expect(bytes.length).toBeGreaterThan(20 * cap);
    // Some piece edges fall inside a character (a UTF-8 continuation byte right after the edge).
    const split = [];
    for (let at = piece; at < bytes.length; at += piece) if ((bytes[at] & 0xc0) === 0x80) split.push(at);
    expect(split.length).toBeGreaterThan(10);
    const endpoint = new SparqlEndpoint({ url: `${base}/select`, maxBytes: cap, maxRows: 100_000 });
    await expect(endpoint.query(everything)).rejects.toMatchObject({ kind: "too-large" });
    const answer = await endpoint.queryStreaming(everything);
    if (!("rows" in answer)) throw new Error(answer.form);
    expect(answer.vars).toEqual(["s", "p", "o"]);
    const got: SparqlBinding[] = [];
    for await (const row of answer.rows) got.push(row);
    expect(got).toEqual(rows);
    // Key order too: the rows are the endpoint's objects, not rebuilt.
    expect(JSON.stringify(got)).toBe(JSON.stringify(rows));
    expect(answer.truncated).toBe(false);
  });

  it("stops at the row limit, asks for one row more, and says there were more", async () => {
    const answer = await new SparqlEndpoint({ url: `${base}/select` }).queryStreaming(everything, { maxRows: 10 });
    if (!("rows" in answer)) throw new Error(answer.form);
    expect(lastQuery).toMatch(/LIMIT 11\s*$/);
    const got: SparqlBinding[] = [];
    for await (const row of answer.rows) got.push(row);
    expect(got).toEqual(rows.slice(0, 10));
    expect(answer.truncated).toBe(true);
  });

  it("a body that is not SPARQL JSON is malformed before any row", async () => {
    const failure = await new SparqlEndpoint({ url: `${base}/not-json` }).queryStreaming(everything).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SparqlEndpointError);
    expect((failure as SparqlEndpointError).kind).toBe("malformed");
    expect((failure as Error).message).toMatch(/malformed results from .*\/not-json: not JSON \(.*\); the body starts "<html><body>Service unavailable/);
  });
});

describe("kg --endpoint URL sparql SELECT, streamed", () => {
  it("--format json and csv to stdout: the text kg wrote when it read the answer whole", async () => {
    const json = await runKg(["--endpoint", `${base}/select`, "sparql", "--limit", "100000", "--format", "json", everything]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout === wholeJson(["s", "p", "o"], rows)).toBe(true);
    expect(json.stderr).toBe("");
    const csv = await runKg(["--endpoint", `${base}/select`, "sparql", "--limit", "100000", "--format", "csv", everything]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout === expectedCsv(["s", "p", "o"], rows)).toBe(true);
  }, 60_000);

  it("-o FILE.csv and FILE.json whole; --limit cuts the rows and says so", async () => {
    for (const [name, expected] of [["all.csv", expectedCsv(["s", "p", "o"], rows)], ["all.json", wholeJson(["s", "p", "o"], rows)]]) {
      const file = join(dir, name);
      const result = await runKg(["--endpoint", `${base}/select`, "sparql", "--limit", "100000", everything, "-o", file]);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(file, "utf8") === expected).toBe(true);
    }
    const limited = await runKg(["--endpoint", `${base}/select`, "sparql", "--limit", "1000", "--format", "json", everything]);
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stdout === wholeJson(["s", "p", "o"], rows.slice(0, 1000))).toBe(true);
    expect(limited.stderr).toContain("kg sparql: showing the first 1000 rows; there are more");
    // The table still aligns its columns over the rows let through.
    const table = await runKg(["--endpoint", `${base}/select`, "sparql", "--limit", "3", everything]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("Firma 0 \"Größe\", 東京 😀 zweite Zeile @de");
    expect(table.stdout).toMatch(/^3 rows$/m);
  }, 60_000);

  it("writes an answer past 64 MiB to -o FILE.csv whole", async () => {
    // Past 64 MiB, the cap a SELECT answer had.
    const huge = bindings(400_000);
    plans["/huge"] = { body: JSON.stringify({ head: { vars: ["s", "p", "o"] }, results: { bindings: huge } }) };
    expect(Buffer.byteLength(plans["/huge"].body)).toBeGreaterThan(64 * 1024 * 1024);
    const file = join(dir, "huge.csv");
    const result = await runKg(["--endpoint", `${base}/huge`, "sparql", "--limit", "1000000", everything, "-o", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(file, "utf8") === expectedCsv(["s", "p", "o"], huge)).toBe(true);
    delete plans["/huge"];
  }, 120_000);

  it("a connection lost mid-answer: exit 1, how much came, no -o file (an existing one unchanged)", async () => {
    const file = join(dir, "broken.csv");
    const fresh = await runKg(["--endpoint", `${base}/broken`, "sparql", "--limit", "100000", everything, "-o", file]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/the answer of http:\/\/127\.0\.0\.1:\d+\/broken broke off after [\d.]+ (kB|MB) of the answer: .*; nothing was written to ".*broken\.csv"/);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, "kept\n");
    const again = await runKg(["--endpoint", `${base}/broken`, "sparql", "--limit", "100000", everything, "-o", file]);
    expect(again.code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("kept\n");
    expect(leftovers()).toEqual([]);
    const printed = await runKg(["--endpoint", `${base}/broken`, "sparql", "--limit", "100000", "--format", "csv", everything]);
    expect(printed.code).toBe(1);
    const count = Number(/the ([\d,]+) rows printed above are not the whole answer/.exec(printed.stderr)?.[1].replace(/,/g, ""));
    expect(count).toBeGreaterThan(1000);
    // What was printed is the answer's first rows, each whole.
    expect(printed.stdout).toBe(expectedCsv(["s", "p", "o"], rows.slice(0, count)));
  }, 60_000);

  it("a stop by the caller mid-answer (the local store's time limit, Ctrl-C) is said in the caller's words, and nothing is written", async () => {
    const file = join(dir, "stopped.json");
    const stalled = new Promise<void>((resolve) => (onStall = resolve));
    const cancel = new AbortController();
    const answer = await new SparqlEndpoint({ url: `${base}/stalls` }).queryStreaming(everything, { signal: cancel.signal, maxRows: 100_000 });
    const stopReason = () => (cancel.signal.aborted ? "kg sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS)" : undefined);
    const printing = printAnswer(answer, "json", 100_000, {}, base, file, stopReason).catch((error: unknown) => error);
    await stalled;
    cancel.abort();
    const failure = await printing;
    expect(failure).toBeInstanceOf(SparqlEndpointError);
    expect((failure as SparqlEndpointError).kind).toBe("usage");
    expect((failure as Error).message).toBe(`kg sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS); nothing was written to ${JSON.stringify(file)}`);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("an endpoint that stalls mid-answer is stopped by --endpoint-timeout, saying how much had come", async () => {
    const result = await runKg(["--endpoint", `${base}/stalls`, "--endpoint-timeout", "1", "sparql", "--format", "csv", "--limit", "100000", everything]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/did not answer within 1 s \(timeout\) after [\d.]+ (kB|MB) of the answer; .*the [\d,]+ rows printed above are not the whole answer/);
  }, 60_000);

  it("a bad row mid-answer is malformed, after the rows before it", async () => {
    const result = await runKg(["--endpoint", `${base}/bad-row`, "sparql", "--limit", "100000", "--format", "json", everything]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/malformed results from http:\/\/127\.0\.0\.1:\d+\/bad-row: a bound value without type and value; .*the 30,000 rows printed above are not the whole answer/);
    const file = join(dir, "bad.json");
    const written = await runKg(["--endpoint", `${base}/bad-row`, "sparql", "--limit", "100000", everything, "-o", file]);
    expect(written.code).toBe(1);
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
