// kg sparql --engine virtuoso writes a CONSTRUCT answer from kg's local Virtuoso store as it arrives: every triple, as N-Triples or Turtle, the graph the embedded engine answers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { runKg } from "../cli/run-kg.ts";
import { isomorphic } from "../helpers/rdf.ts";

const work = mkdtempSync(join(tmpdir(), "kg-store-stream-"));
const env = { KG_CACHE_DIR: join(work, "cache") };
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("kg sparql --engine virtuoso, a graph answer", () => {
  it("is written whole as it arrives, to -o FILE.nt and as Turtle to stdout: the graph Oxigraph answers", async () => {
    const data = join(work, "generated.ttl");
    const generated = generateTurtle({ triples: 60_000, seed: 7 });
    writeFileSync(data, generated.text);
    const everything = "CONSTRUCT WHERE { ?s ?p ?o }";
    const file = join(work, "answer.nt");
    const written = await runKg(["--data", data, "sparql", "--engine", "virtuoso", everything, "-o", file], { env });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe("");
    const fromStore = new Parser({ format: "N-Triples" }).parse(readFileSync(file, "utf8"));
    expect(written.stderr).toContain(`wrote ${fromStore.length.toLocaleString("en-US")} triples as ntriples to ${file}`);
    // Several megabytes: many pieces from the server, each parsed and written as it came.
    expect(readFileSync(file).length).toBeGreaterThan(5_000_000);
    // Oxigraph, like Virtuoso, writes decimals in canonical form (477.3 for the data's 477.30): its answer is the reference.
    const embedded = await runKg(["--data", data, "sparql", "--engine", "oxigraph", "--format", "ntriples", everything], { env });
    expect(embedded.code, embedded.stderr).toBe(0);
    const fromOxigraph = new Parser({ format: "N-Triples" }).parse(embedded.stdout);
    expect(fromOxigraph.length).toBeGreaterThanOrEqual(60_000);
    expect(fromStore).toHaveLength(fromOxigraph.length);
    expect(isomorphic(fromStore, fromOxigraph)).toBe(true);

    const turtle = await runKg(["--data", data, "sparql", "--engine", "virtuoso", everything], { env });
    expect(turtle.code, turtle.stderr).toBe(0);
    expect(turtle.stdout).toMatch(/^@prefix kg: <https:\/\/w3id\.org\/smartcity-kg\/ontology#>\.$/m);
    expect(isomorphic(new Parser().parse(turtle.stdout), fromOxigraph)).toBe(true);
  }, 300_000);
});
