// kg loading more than Node's heap holds stops with its own message (what was read, how to give Node more), not V8's fatal error.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { runKg } from "./run-kg.ts";

describe("kg with a heap too small for its --data file", () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "kg-heap-"));
    file = join(dir, "big.ttl");
    // About 36 MB of Turtle: more than a 32 MB heap keeps as terms, far less than the default heap.
    writeFileSync(file, generateTurtle({ triples: 800_000, seed: 3 }).text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the load with kg's message naming the heap and the way to raise it, and exit code 1", async () => {
    const result = await runKg(["--data", file, "stats"], { env: { NODE_OPTIONS: "--max-old-space-size=32" } });
    expect(result.stderr).not.toContain("FATAL ERROR");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kg: .*big\.ttl: cannot be read: it needs more memory than Node's heap allows \([\d,]+ of 32 MB kept after reading [\d,]+ bytes\); kg stopped here rather than let Node end it with a crash\. Give Node more: NODE_OPTIONS=--max-old-space-size=8192 kg/m);
    expect(result.stdout).toBe("");
  }, 120_000);

  it("loads the same file with Node's default heap", async () => {
    const result = await runKg(["--data", file, "stats"]);
    expect(result.stderr).not.toContain("heap");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/800,0\d\d/);
  }, 120_000);
});
