// Runs the W3C RDF 1.1 Turtle test suite through the kg command line (main(argv) in-process, plus real processes).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { fixturePath, isomorphic, readAssumedTestBase, readManifest, turtleTestBase, type ManifestEntry } from "../helpers/rdf.ts";
import { runKg, type KgResult } from "./run-kg.ts";

const manifestPath = join(fixturePath("w3c-rdf11-turtle"), "manifest.ttl");

/**
 * Runs kg in this process with stdout and stderr captured: the whole suite as 313 processes would take minutes on
 * two cores. The bin itself is exercised by the spawned cases below.
 */
async function kgInProcess(args: readonly string[]): Promise<KgResult> {
  const stdout: string[] = [], stderr: string[] = [];
  const { write: writeOut } = process.stdout, { write: writeErr } = process.stderr;
  const capture = (into: string[]) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

/** `file:line:column: detail` at the start of a line of kg's stderr. */
const located = /^(.+):(\d+):(\d+): (.+)$/m;

/** Why a negative test's error does not point into its file, or undefined when it does. */
function placeProblem(result: KgResult, file: string): string | undefined {
  const match = located.exec(result.stderr);
  if (!match) return `no file:line:column in ${JSON.stringify(result.stderr)}`;
  const [, name, lineText, columnText] = match;
  if (name !== file) return `error names ${name}, not ${file}`;
  const lines = readFileSync(file, "utf8").replace(/^\ufeff/, "").split(/\r\n|\n|\r/);
  const line = Number(lineText), column = Number(columnText);
  const inside = line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1;
  return inside ? undefined : `place ${line}:${column} is not in the file (${lines.length} lines)`;
}

async function readNTriples(text: string, name: string) {
  return loadDataset([{ name, text, format: "ntriples" }]);
}

/** Runs one manifest entry through kg; undefined when it passes, else why not. */
async function problemWith(entry: ManifestEntry, base: string): Promise<string | undefined> {
  switch (entry.kind) {
    case "TestTurtleEval": {
      const result = await kgInProcess(["--data", entry.action, "--base", base, "export", "--format", "ntriples"]);
      if (result.code !== 0) return `exit ${result.code}: ${result.stderr.trim()}`;
      // Reading the output as N-Triples also checks it is N-Triples: n3 refuses relative IRIs there.
      const exported = await readNTriples(result.stdout, `${entry.name} (kg export)`);
      const expected = await loadDataset([{ name: entry.result!, text: readFileSync(entry.result!, "utf8"), format: "ntriples", baseIRI: base }]);
      return isomorphic(exported, expected) ? undefined : `exported graph differs from ${entry.result}:\n${result.stdout}`;
    }
    case "TestTurtlePositiveSyntax": {
      const result = await kgInProcess(["--data", entry.action, "--base", base, "export", "--format", "ntriples"]);
      if (result.code !== 0) return `exit ${result.code}: ${result.stderr.trim()}`;
      await readNTriples(result.stdout, `${entry.name} (kg export)`);
      return undefined;
    }
    case "TestTurtleNegativeSyntax":
    case "TestTurtleNegativeEval": {
      const result = await kgInProcess(["--data", entry.action, "--base", base, "export", "--format", "ntriples"]);
      if (result.code !== 1) return `exit ${result.code}, not 1: ${result.stderr.trim()}`;
      if (result.stdout !== "") return `wrote output for a document it refused: ${result.stdout}`;
      return placeProblem(result, entry.action);
    }
    default:
      return `unknown test kind ${entry.kind}`;
  }
}

describe("W3C RDF 1.1 Turtle test suite through kg", () => {
  let entries: ManifestEntry[] = [];
  let assumedTestBase: string | undefined;
  beforeAll(async () => {
    assumedTestBase = await readAssumedTestBase(manifestPath);
    entries = await readManifest(manifestPath);
  });

  it("holds the whole suite: 219 positive and 94 negative tests", () => {
    const positive = entries.filter((e) => e.kind === "TestTurtleEval" || e.kind === "TestTurtlePositiveSyntax").length;
    const negative = entries.filter((e) => e.kind === "TestTurtleNegativeSyntax" || e.kind === "TestTurtleNegativeEval").length;
    expect({ positive, negative }).toEqual({ positive: 219, negative: 94 });
  });

  it("exports every eval test's graph as N-Triples, loads every positive one, refuses every negative one at a place in the file", async () => {
    const failures: string[] = [];
    for (const entry of entries) {
      const problem = await problemWith(entry, turtleTestBase(entry.action, assumedTestBase));
      if (problem) failures.push(`${entry.name} [${entry.kind}]: ${problem}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("without --base, exports every positive test as valid N-Triples (relative IRIs resolved against the file: URL)", async () => {
    const failures: string[] = [];
    for (const entry of entries.filter((e) => e.kind === "TestTurtleEval" || e.kind === "TestTurtlePositiveSyntax")) {
      const result = await kgInProcess(["--data", entry.action, "export", "--format", "ntriples"]);
      if (result.code !== 0) failures.push(`${entry.name}: exit ${result.code}: ${result.stderr.trim()}`);
      else {
        try {
          await readNTriples(result.stdout, `${entry.name} (kg export)`);
        } catch (error) {
          failures.push(`${entry.name}: not N-Triples: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("kg on an empty document and on relative IRIs (real processes through runKg, except where said)", () => {
  const dir = mkdtempSync(join(tmpdir(), "kg-base-"));
  const empty = join(dir, "empty.ttl");
  const relative = join(dir, "relative.ttl");
  writeFileSync(empty, "");
  writeFileSync(relative, "@prefix : <#> .\n[] :x :y .\n");
  const fileIri = pathToFileURL(relative).href;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads an empty Turtle file as an empty graph (W3C turtle-syntax-file-01)", async () => {
    const exported = await runKg(["--data", empty, "export", "--format", "ntriples"]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim()).toBe("");
    const stats = await runKg(["stats", "--data", empty]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^0 triples in 1 file$/m);
  });

  it("runs every command on the empty graph (in process): no match, unknown names, valid, no results", async () => {
    const on = (...args: string[]) => kgInProcess(["--data", empty, ...args]);
    const find = await on("find", "Huawei");
    expect([find.code, find.stdout]).toEqual([0, expect.stringMatching(/^No label matches "Huawei"/)]);
    for (const args of [["path", "Huawei", "Kenya"], ["neighbours", "Huawei"]]) {
      const result = await on(...args);
      expect([result.code, result.stderr], args.join(" ")).toEqual([2, expect.stringMatching(/^query\/names: unknown node "Huawei"/)]);
    }
    const validate = await on("validate");
    expect([validate.code, validate.stdout]).toEqual([0, expect.stringMatching(/^valid: 1 file, 0 triples/)]);
    const select = await on("sparql", "SELECT * WHERE { ?s ?p ?o }");
    expect([select.code, select.stdout]).toEqual([0, expect.stringMatching(/^No results/)]);
    const construct = await on("sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }");
    expect([construct.code, construct.stdout.trim()]).toEqual([0, ""]);
    for (const format of ["turtle", "nquads", "trig"]) {
      const result = await on("export", "--format", format);
      expect([result.code, result.stdout.trim(), result.stderr], format).toEqual([0, "", ""]);
    }
  });

  it("resolves relative IRIs against the file's file: URL, as rapper does", async () => {
    const result = await runKg(["--data", relative, "export", "--format", "ntriples"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(new RegExp(`^_:\\S+ <${escape(`${fileIri}#x`)}> <${escape(`${fileIri}#y`)}> \\.$`));
  });

  it("resolves them against --base, before or after the command, in every format", async () => {
    const nt = await runKg(["--data", relative, "--base", "http://example.org/doc", "export", "--format", "ntriples"]);
    expect(nt.code).toBe(0);
    expect(nt.stdout.trim()).toMatch(/^_:\S+ <http:\/\/example\.org\/doc#x> <http:\/\/example\.org\/doc#y> \.$/);
    for (const format of ["turtle", "nquads", "trig"]) {
      const result = await runKg(["export", "--format", format, "--data", relative, "--base=http://example.org/doc"]);
      expect(result.code).toBe(0);
      const dataset = await loadDataset([{ name: `export.${format}`, text: result.stdout, format: format as "turtle" }]);
      expect([...dataset.quads()].map((q) => [q.predicate.value, q.object.value])).toEqual([["http://example.org/doc#x", "http://example.org/doc#y"]]);
    }
  });

  it("refuses a relative --base, which would leave relative IRIs in the output", async () => {
    const result = await runKg(["--data", relative, "--base", "doc/", "export", "--format", "ntriples"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/--base must be an absolute IRI .*"doc\/"/);
  });
});

describe("an endpoint's Turtle answer (in process, against a local HTTP server)", () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    // Answers every query with Turtle holding relative IRIs, as a CONSTRUCT answer may.
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/turtle" });
        res.end("@prefix : <#> .\n:s :p <o> .\n");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("resolves its relative IRIs against the endpoint's URL, without the query string (it may hold a key)", async () => {
    const result = await kgInProcess(["--endpoint", `${endpoint}?apikey=secret-key`, "sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/apikey|secret-key|\*\*\*/);
    // Read back with no base: it loads only if every IRI in it is absolute.
    const dataset = await loadDataset([{ name: "answer.ttl", text: result.stdout }]);
    expect([...dataset.quads()].map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([[`${endpoint}#s`, `${endpoint}#p`, "http://127.0.0.1:" + new URL(endpoint).port + "/o"]]);
  });

  it("refuses --base beside --endpoint", async () => {
    const result = await kgInProcess(["--endpoint", endpoint, "--base", "http://example.org/", "sparql", "ASK { ?s ?p ?o }"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kg: --base is for --data files; an --endpoint's answers resolve against its URL/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
