// A graph answer from an endpoint is written as it arrives, with no size cap: a real HTTP server sends large N-Triples/Turtle bodies in pieces, breaks off, stalls or sends nonsense.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser, type Quad } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printAnswer } from "../../src/cli/sparql-print.ts";
import { SparqlEndpoint, SparqlEndpointError } from "../../src/sparql/sparql-endpoint.ts";
import { kgBin, repoRoot, runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-endpoint-stream-"));
const ex = "http://example.org/";
const xsd = "http://www.w3.org/2001/XMLSchema#";

/** `count` triples as canonical N-Triples (n3's writer gives the same bytes back), about 120 bytes each. */
function ntriples(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = `<${ex}entity/e${Math.floor(i / 4)}>`;
    const kind = i % 4;
    if (kind === 0) lines.push(`${s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${ex}ontology#Company> .`);
    else if (kind === 1) lines.push(`${s} <${ex}ontology#name> "Company number ${i} \\"quoted\\", ünïcode"@en .`);
    else if (kind === 2) lines.push(`${s} <${ex}ontology#founded> "${1900 + (i % 120)}"^^<${xsd}gYear> .`);
    else lines.push(`${s} <${ex}ontology#suppliesTo> <${ex}entity/e${(i * 7919) % count}> .`);
  }
  return `${lines.join("\n")}\n`;
}

const big = ntriples(600_000); // past 64 MiB, the cap a graph answer had
const small = ntriples(20_000);
const turtle = `@prefix ex: <${ex}ontology#> .
@prefix r: <${ex}entity/> .
r:a a ex:Company ; ex:name "A" ; ex:owns [ ex:name "a part" ] , <relative/thing> .
r:b ex:suppliesTo r:a .
`;

/** How the server sends a body: in pieces of `piece` bytes, then ends, breaks off, or stalls after `upTo` bytes. */
interface Plan {
  body: string;
  type: string;
  upTo?: number;
  then?: "break" | "stall";
}

const plans: Record<string, Plan> = {
  "/big": { body: big, type: "application/n-triples" },
  "/small": { body: small, type: "application/n-triples; charset=utf-8" },
  "/turtle": { body: turtle, type: "text/turtle" },
  "/broken": { body: small, type: "application/n-triples", upTo: small.length / 2, then: "break" },
  "/stalls": { body: small, type: "application/n-triples", upTo: small.length / 2, then: "stall" },
  "/nonsense": { body: `${small}<${ex}x> this is not a triple .\n${small}`, type: "application/n-triples" },
};

/** Told when a stalling answer has sent its part. */
let onStall: (() => void) | undefined;
let server: Server;
let base: string;
const open = new Set<ServerResponse>();

async function send(res: ServerResponse, plan: Plan): Promise<void> {
  const bytes = Buffer.from(plan.body, "utf8");
  const end = plan.upTo === undefined ? bytes.length : Math.floor(plan.upTo);
  res.writeHead(200, { "content-type": plan.type });
  const piece = 256 * 1024;
  for (let at = 0; at < end; at += piece) {
    // A client that went away never drains: close ends the wait too.
    if (!res.write(bytes.subarray(at, Math.min(at + piece, end)))) await Promise.race([once(res, "drain"), once(res, "close")]);
    if (res.destroyed) return;
  }
  if (plan.then === "break") res.destroy();
  else if (plan.then === "stall") {
    open.add(res);
    onStall?.();
  }
  else res.end();
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/vector") {
      // What Virtuoso 7.2 answered (run by hand) to CONSTRUCT WHERE { ?s ?p ?o } over a store of 1,000,003 triples.
      res.writeHead(500, "SPARQL Request Failed", { "content-type": "text/plain" });
      return void res.end("Virtuoso 42000 Error FRVEC: array in for vectored over max vector length 1000003 > 1000000\n\nSPARQL query:\nCONSTRUCT WHERE { ?s ?p ?o }");
    }
    const plan = plans[path];
    if (plan === undefined) {
      res.writeHead(404);
      return void res.end();
    }
    void send(res, plan);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const everything = "CONSTRUCT WHERE { ?s ?p ?o }";
const lines = (text: string) => text.split("\n").filter((line) => line !== "").sort();
const leftovers = () => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

describe("SparqlEndpoint.queryStreaming", () => {
  it("gives a graph past the endpoint's maxBytes in the pieces it arrived in, where query() refuses it", async () => {
    const endpoint = new SparqlEndpoint({ url: `${base}/small`, maxBytes: 256 * 1024 });
    expect(small.length).toBeGreaterThan(4 * 256 * 1024);
    await expect(endpoint.query(everything)).rejects.toMatchObject({ kind: "too-large" });
    const answer = await endpoint.queryStreaming(everything);
    if (!("chunks" in answer)) throw new Error(answer.form);
    expect(answer.contentType).toBe("application/n-triples");
    const pieces: string[] = [];
    for await (const piece of answer.chunks) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(small);
  });

  it("says how much had arrived when the connection breaks off", async () => {
    const answer = await new SparqlEndpoint({ url: `${base}/broken` }).queryStreaming(everything);
    if (!("chunks" in answer)) throw new Error(answer.form);
    const error = await (async () => {
      for await (const piece of answer.chunks) void piece;
    })().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SparqlEndpointError);
    expect((error as SparqlEndpointError).kind).toBe("network");
    expect((error as Error).message).toMatch(new RegExp(`^query/sparql: the answer of ${base}/broken broke off after [\\d.]+ (kB|MB) of the answer: `));
  });

  it("explains Virtuoso's refusal of a graph answer past its vector size", async () => {
    const failure = await new SparqlEndpoint({ url: `${base}/vector` }).queryStreaming(everything).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SparqlEndpointError);
    expect((failure as Error).message).toMatch(/answered HTTP 500 SPARQL Request Failed: ".*FRVEC.*"; Virtuoso builds this answer whole and holds at most 1,000,000 triples in it: narrow the query or page it with ORDER BY, LIMIT and OFFSET$/);
  });
});

describe("kg --endpoint URL sparql CONSTRUCT, streamed", () => {
  it("writes an answer past 64 MiB to -o FILE.nt whole: the same triples, nothing held back", async () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024 * 1024);
    const file = join(dir, "big.nt");
    const result = await runKg(["--endpoint", `${base}/big`, "sparql", everything, "-o", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`wrote 600,000 triples as ntriples to ${file}`);
    // Canonical N-Triples in, canonical N-Triples out: the very bytes.
    expect(readFileSync(file, "utf8") === big).toBe(true);
  }, 120_000);

  it("prints Turtle on stdout with only the prefixes it uses, the same triples as sent", async () => {
    const result = await runKg(["--endpoint", `${base}/small`, "sparql", everything]);
    expect(result.code, result.stderr).toBe(0);
    const printed = new Parser().parse(result.stdout);
    expect(printed).toHaveLength(20_000);
    const asLines = (quads: Quad[]) => quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType === "Literal" ? JSON.stringify([q.object.value, q.object.language, q.object.datatype.value]) : q.object.value}`).sort();
    expect(asLines(printed)).toEqual(asLines(new Parser({ format: "N-Triples" }).parse(small)));
    // kg's well-known prefixes, declared where first used: xsd for the years, none of the unused ones (skos, owl, ...).
    expect(result.stdout).toMatch(/^@prefix xsd: <http:\/\/www\.w3\.org\/2001\/XMLSchema#>\.$/m);
    expect(result.stdout).not.toMatch(/@prefix (skos|owl|prov):/);
    expect(result.stdout).toContain('"1902"^^xsd:gYear');
    // Sorted before writing (the whole answer is one batch): each subject once, its type first, as "a".
    expect(result.stdout.match(/^<http:\/\/example\.org\/entity\/e7> /gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/^<http:\/\/example\.org\/entity\/e7> a <http:\/\/example\.org\/ontology#Company>;$/m);
  }, 60_000);

  it("reads the endpoint's Turtle (its prefixes, blank nodes, a relative IRI against the endpoint's URL) and writes N-Triples", async () => {
    const result = await runKg(["--endpoint", `${base}/turtle`, "sparql", "--format", "ntriples", everything]);
    expect(result.code, result.stderr).toBe(0);
    const quads = new Parser({ format: "N-Triples" }).parse(result.stdout);
    expect(quads).toHaveLength(6);
    expect(quads.some((q) => q.object.value === `${base}/relative/thing`)).toBe(true);
    expect(quads.filter((q) => q.subject.termType === "BlankNode")).toHaveLength(1);
  }, 60_000);

  it("a connection lost mid-answer: exit 1, a message that says so, and no -o file (an existing one unchanged)", async () => {
    const file = join(dir, "broken.nt");
    const fresh = await runKg(["--endpoint", `${base}/broken`, "sparql", everything, "-o", file]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/the answer of http:\/\/127\.0\.0\.1:\d+\/broken broke off after [\d.]+ (kB|MB) of the answer: .*; nothing was written to ".*broken\.nt"/);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, "kept\n");
    const again = await runKg(["--endpoint", `${base}/broken`, "sparql", everything, "-o", file]);
    expect(again.code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("kept\n");
    expect(leftovers()).toEqual([]);
    const printed = await runKg(["--endpoint", `${base}/broken`, "sparql", "--format", "ntriples", everything]);
    expect(printed.code).toBe(1);
    expect(printed.stderr).toMatch(/broke off after .*; the [\d,]+ triples printed above are not the whole answer/);
    // What was printed is whole triples, each one sent.
    const sent = new Set(lines(small));
    expect(lines(printed.stdout).every((line) => sent.has(line))).toBe(true);
  }, 60_000);

  it("an endpoint that stalls mid-answer is stopped by --endpoint-timeout, saying how much had come", async () => {
    const file = join(dir, "stalled.ttl");
    const result = await runKg(["--endpoint", `${base}/stalls`, "--endpoint-timeout", "1", "sparql", everything, "-o", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/did not answer within 1 s \(timeout\) after [\d.]+ (kB|MB) of the answer; .*nothing was written to/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("Ctrl-C mid-answer stops it, says so, and writes no -o file", async () => {
    const file = join(dir, "interrupted.nt");
    const stalled = new Promise<void>((resolve) => (onStall = resolve));
    const child = spawn(process.execPath, [kgBin, "--endpoint", `${base}/stalls`, "sparql", everything, "-o", file], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await stalled;
    // The part sent has reached kg once the server has written it all; a little later kg has read it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT");
    const code = await closed;
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/the query to http:\/\/127\.0\.0\.1:\d+\/stalls was cancelled after [\d.]+ (kB|MB) of the answer; nothing was written to/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it("a stop by the caller mid-answer (the local store's time limit) is said in the caller's words", async () => {
    const file = join(dir, "stopped.nt");
    const stalled = new Promise<void>((resolve) => (onStall = resolve));
    const cancel = new AbortController();
    const answer = await new SparqlEndpoint({ url: `${base}/stalls` }).queryStreaming(everything, { signal: cancel.signal });
    const stopReason = () => (cancel.signal.aborted ? "kg sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS)" : undefined);
    const printing = printAnswer(answer, undefined, 1000, {}, base, file, stopReason).catch((error: unknown) => error);
    await stalled;
    cancel.abort();
    const failure = await printing;
    expect(failure).toBeInstanceOf(SparqlEndpointError);
    expect((failure as SparqlEndpointError).kind).toBe("usage");
    expect((failure as Error).message).toBe(`kg sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS); nothing was written to ${JSON.stringify(file)}`);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("a malformed line mid-answer is named with its line, and nothing is written", async () => {
    const file = join(dir, "nonsense.nt");
    const result = await runKg(["--endpoint", `${base}/nonsense`, "sparql", everything, "-o", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/malformed answer from http:\/\/127\.0\.0\.1:\d+\/nonsense: .*line 20001/);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it("refuses a table format for a graph before reading it", async () => {
    const result = await runKg(["--endpoint", `${base}/big`, "sparql", "--format", "csv", everything]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CONSTRUCT gives a graph: use --format turtle (the default) or ntriples");
  }, 60_000);
});
