// kg sparql's CONSTRUCT answers come from the engine in pieces and are written in pieces (stdout or a file), the same bytes as the one-string writer gave.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { main } from "../../src/cli/main.ts";
import { printAnswer } from "../../src/cli/sparql-print.ts";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { prefixes as wellKnown } from "../../src/rdf/vocab.ts";
import { startComunicaRunner } from "../../src/sparql/sparql-comunica.ts";
import { createEmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import type { SparqlAnswer } from "../../src/sparql/sparql-endpoint.ts";
import { isomorphic } from "../helpers/rdf.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-sparql-construct-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataFile = join(dir, "generated-40k.ttl");
const everything = "CONSTRUCT WHERE { ?s ?p ?o }";

/** kg run in this process, every write to stdout kept as its own piece (so the test sees how the text was written). */
function kgInProcess(args: readonly string[]): Promise<{ code: number; writes: string[]; stderr: string }> {
  return capture(() => main(args));
}

let dataset: Dataset;
let answer: SparqlAnswer;
/**
 * What kg sparql printed before, for each engine's answer: the answer parsed from one string, then writeTurtle's one
 * string (the engines differ: Oxigraph writes decimals in canonical form, 477.3 for the data's 477.30).
 */
const expected: Record<string, string> = {};
const answered: Record<string, Dataset> = {};

async function oneStringTurtle(engine: string, text: string): Promise<void> {
  answered[engine] = await loadDataset([{ name: "answer", text, format: "turtle" }]);
  expected[engine] = writeTurtle(answered[engine], { prefixes: { ...wellKnown, ...dataset.prefixes } });
}

beforeAll(async () => {
  writeFileSync(dataFile, generateTurtle({ triples: 40_000, seed: 2 }).text);
  dataset = await loadDataset([{ name: dataFile, text: readFileSync(dataFile, "utf8"), format: "turtle" }]);
  const runner = startComunicaRunner(dataset, { timeoutMs: 120_000, raiseHint: "" });
  answer = await runner.query(everything);
  runner.close();
  const oxigraph = (await createEmbeddedSparql(dataset)).query(everything);
  if (answer.form !== "construct" || oxigraph.form !== "construct") throw new Error(answer.form);
  await oneStringTurtle("comunica", answer.parts.join(""));
  await oneStringTurtle("oxigraph", oxigraph.parts.join(""));
}, 120_000);

describe("kg sparql CONSTRUCT in pieces", () => {
  it("Comunica gives the answer as N-Triples in several pieces of whole lines, together the whole graph", async () => {
    if (answer.form !== "construct") throw new Error(answer.form);
    expect(answer.parts.length).toBeGreaterThan(1);
    for (const part of answer.parts) {
      expect(part.endsWith("\n")).toBe(true);
      // A piece passes 1 Mi characters by at most the line that crossed it.
      expect(part.length).toBeLessThan((1 << 20) + 2_000);
    }
    const quads = new Parser({ format: "N-Triples" }).parse(answer.parts.join(""));
    expect(isomorphic(quads, dataset)).toBe(true);
  });

  it.each(["comunica", "oxigraph"])("kg sparql --engine %s writes the Turtle to stdout in several writes, together the one-string text", async (engine) => {
    expect(expected[engine].length).toBeGreaterThan(1 << 20);
    const { code, writes } = await kgInProcess(["--data", dataFile, "sparql", "--engine", engine, everything]);
    expect(code).toBe(0);
    expect(writes.length).toBeGreaterThan(1);
    for (const piece of writes) expect(piece.length).toBeLessThan(expected[engine].length);
    expect(writes.join("")).toBe(expected[engine]);
    expect(isomorphic(new Parser().parse(writes.join("")), answered[engine])).toBe(true);
  }, 120_000);

  it("kg sparql -o FILE writes the same bytes to the file, all or nothing, and says how many triples", async () => {
    const file = join(dir, "answer.ttl");
    const { code, writes, stderr } = await kgInProcess(["--data", dataFile, "sparql", "--engine", "comunica", everything, "-o", file]);
    expect(code).toBe(0);
    expect(writes).toEqual([]);
    expect(stderr).toContain(`wrote ${answered.comunica.size.toLocaleString("en-US")} triples as turtle to ${file}`);
    expect(readFileSync(file, "utf8")).toBe(expected.comunica);
    const missing = join(dir, "no-such-folder", "answer.ttl");
    const failed = await capture(() => printAnswer(answer, undefined, 1000, dataset.prefixes, undefined, missing));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`kg sparql: cannot write ${JSON.stringify(missing)}: its folder does not exist`);
  }, 120_000);

  it("kg sparql -o rows.csv writes a SELECT as SPARQL CSV (the extension chooses), nothing to stdout", async () => {
    const file = join(dir, "rows.csv");
    const query = "SELECT DISTINCT ?s WHERE { ?s a ?class FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 3";
    const { code, writes } = await kgInProcess(["--data", dataFile, "sparql", "--engine", "oxigraph", query, "-o", file]);
    expect(code).toBe(0);
    expect(writes).toEqual([]);
    const typed = new Set<string>();
    for (const q of dataset.quads()) if (q.subject.termType === "NamedNode" && q.predicate.value === "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") typed.add(q.subject.value);
    const subjects = [...typed].sort().slice(0, 3);
    expect(readFileSync(file, "utf8")).toBe(`s\r\n${subjects.join("\r\n")}\r\n`);
  }, 120_000);
});

/** Runs `run` with every write to stdout kept as its own piece, and stderr. */
async function capture(run: () => Promise<number>): Promise<{ code: number; writes: string[]; stderr: string }> {
  const writes: string[] = [], stderr: string[] = [];
  const { write: writeOut } = process.stdout, { write: writeErr } = process.stderr;
  const into = (list: string[]) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    list.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = into(writes);
  process.stderr.write = into(stderr);
  try {
    return { code: await run(), writes, stderr: stderr.join("") };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}
