// kg neighbours/path/connect write a subgraph's Turtle piece by piece (stdout or -o), the same bytes as the one-string writer gave.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { main } from "../../src/cli/main.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { subgraphQuads } from "../../src/query/subgraph.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { isomorphic } from "../helpers/rdf.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-subgraph-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataFile = join(dir, "generated-100k.ttl");

/** kg run in this process, every write to stdout kept as its own piece (so the test sees how the text was written). */
async function kgInProcess(args: readonly string[]): Promise<{ code: number; writes: string[]; stderr: string }> {
  const writes: string[] = [], stderr: string[] = [];
  const { write: writeOut } = process.stdout, { write: writeErr } = process.stderr;
  const capture = (into: string[]) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture(writes);
  process.stderr.write = capture(stderr);
  try {
    return { code: await main(args), writes, stderr: stderr.join("") };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

let graph: GraphIndex;
let hub = "";
/** An entity two hops from the hub, for kg path and kg connect. */
let farther = "";
/** What the one-string path (writeTurtle of the subgraph's quads, as kg printed before) gives for the hub's 2 hops. */
let expected = "";
let expectedQuads: number[] = [];

beforeAll(async () => {
  writeFileSync(dataFile, generateTurtle({ triples: 100_000, seed: 1 }).text);
  const dataset = await loadDataset([{ name: dataFile, text: readFileSync(dataFile, "utf8"), format: "turtle" }]);
  graph = projectGraph(dataset);
  let top = -1;
  for (let n = 0; n < graph.nodeCount; n++) if (!graph.isSchema(n) && (top < 0 || graph.degree(n) > graph.degree(top))) top = n;
  hub = graph.iri(top);
  const result = neighbourhood(graph, [top], { depth: 2, limit: 100_000 });
  farther = graph.iri(result.nodes.find((entry) => entry.depth === 2)!.node);
  expectedQuads = subgraphQuads(graph, { nodes: result.nodes.map((entry) => entry.node), edges: result.edges });
  expected = writeTurtle(dataset, { quads: expectedQuads });
}, 120_000);

describe("subgraph exports are written in pieces", () => {
  it("the hub's 2-hop neighbourhood is large enough to need several 1 Mi-character pieces", () => {
    expect(expected.length).toBeGreaterThan(1 << 20);
  });

  it("kg neighbours --turtle writes stdout in several writes, together the one-string text", async () => {
    const { code, writes } = await kgInProcess(["--data", dataFile, "neighbours", hub, "--depth", "2", "--limit", "100000", "--turtle"]);
    expect(code).toBe(0);
    expect(writes.length).toBeGreaterThan(1);
    for (const piece of writes) expect(piece.length).toBeLessThan(expected.length);
    expect(writes.join("")).toBe(expected);
  }, 120_000);

  it("kg neighbours -o FILE.ttl writes the same bytes, which n3 reads back to the subgraph's triples", async () => {
    const file = join(dir, "hub.ttl");
    const { code, stderr, writes } = await kgInProcess(["--data", dataFile, "neighbours", hub, "--depth", "2", "--limit", "100000", "-o", file]);
    expect(code).toBe(0);
    expect(writes.join("")).toBe("");
    expect(stderr).toContain(`wrote ${expectedQuads.length.toLocaleString("en-US")} quads as turtle to ${file}`);
    const written = readFileSync(file, "utf8");
    expect(written).toBe(expected);
    const parsed = new Parser({ format: "text/turtle" }).parse(written);
    expect(parsed.length).toBe(expectedQuads.length);
    expect(isomorphic(parsed, expectedQuads.map((q) => graph.dataset.quad(q)))).toBe(true);
  }, 120_000);

  it("kg path and kg connect -o FILE.ttl write what their --turtle prints", async () => {
    for (const command of [["path", hub, farther, "--k", "3"], ["connect", hub, farther]]) {
      const file = join(dir, `${command[0]}.ttl`);
      const printed = await kgInProcess(["--data", dataFile, ...command, "--turtle"]);
      const written = await kgInProcess(["--data", dataFile, ...command, "-o", file]);
      expect([printed.code, written.code]).toEqual([0, 0]);
      expect(printed.writes.join("")).toContain("kg:");
      expect(readFileSync(file, "utf8")).toBe(printed.writes.join(""));
    }
  }, 120_000);
});
