// A query that passes Node's heap: kg sparql runs it in a watched child (cli/supervise.ts) and ends with its own message, not V8's fatal error.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { StderrRelay } from "../../src/cli/supervise.ts";
import { kgBin, repoRoot, runKg } from "./run-kg.ts";

// The bundled graph (about 18,600 triples) joined with itself and sorted: ORDER BY keeps every row, ~350M of them.
const SORTED_CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f";

describe("kg sparql past Node's heap", () => {
  it("stops with kg's message and exit 1, without V8's fatal report", async () => {
    const result = await runKg(["sparql", "--engine", "comunica", SORTED_CROSS_PRODUCT], { env: { NODE_OPTIONS: "--max-old-space-size=160" } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^kg sparql: the query needed more memory than Node's heap allows \([\d,]+ MB\) and was stopped; nothing was answered\.\nGive kg more with NODE_OPTIONS=--max-old-space-size=\d+ /m);
    expect(result.stderr).not.toContain("FATAL ERROR");
    expect(result.stderr).not.toContain("Last few GCs");
    expect(result.stdout).toBe("");
  }, 120_000);

  it("passes a query's answer, its stderr and its exit code through", async () => {
    const ok = await runKg(["--progress", "sparql", "--engine", "comunica", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Company }"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^\?n\n-+\n\d+\n1 row\n$/);
    expect(ok.stderr).toContain("kg sparql: answered by Comunica");
    const refused = await runKg(["sparql", "SELECT ?x WHERE { ?x ?y }"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
  }, 60_000);

  it("passes Ctrl-C sent to kg on to the query, which stops", async () => {
    const child = spawn(process.execPath, [kgBin, "sparql", "--engine", "comunica", "--timeout", "600", SORTED_CROSS_PRODUCT], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", (exitCode) => resolve(exitCode)));
    expect(code, stderr).toBe(130);
  }, 60_000);
});

describe("the stderr relay", () => {
  it("holds back V8's report even when its first line is cut between two chunks, and writes all else at once", () => {
    const written: string[] = [];
    const relay = new StderrRelay((text) => written.push(text));
    relay.push("loading 10 quads\rloaded\n<--- Last few");
    expect(written.join("")).toBe("loading 10 quads\rloaded\n");
    relay.push(" GCs --->\n[1:0x1] Mark-Compact\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n");
    relay.push("----- Native stack trace -----\n");
    relay.end();
    expect(written.join("")).toBe("loading 10 quads\rloaded\n");
    expect(relay.held).toMatch(/^<--- Last few GCs --->\n[\s\S]*heap out of memory\n----- Native stack trace -----\n$/);

    const plain: string[] = [];
    const other = new StderrRelay((text) => plain.push(text));
    other.push("a line ending in <");
    other.push("- not a marker\n");
    other.end();
    expect(plain.join("")).toBe("a line ending in <- not a marker\n");
    expect(other.held).toBeUndefined();
  });
});
