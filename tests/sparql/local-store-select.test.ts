// kg sparql --engine virtuoso writes a SELECT answer from kg's local Virtuoso store row by row as it arrives: --format json and csv (stdout and -o) give the rows Oxigraph gives.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { runKg } from "../cli/run-kg.ts";

const work = mkdtempSync(join(tmpdir(), "kg-store-select-"));
const env = { KG_CACHE_DIR: join(work, "cache") };
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Term {
  type: string;
  value: string;
  "xml:lang"?: string;
  datatype?: string;
}

const xsdString = "http://www.w3.org/2001/XMLSchema#string";

/** A row as text both engines agree on: blank node labels differ between stores, xsd:string may be left unsaid. */
function rowKey(vars: string[], row: Record<string, Term>): string {
  return JSON.stringify(vars.map((v) => {
    const term = row[v];
    if (term === undefined) return null;
    if (term.type === "bnode") return ["bnode"];
    return [term.type, term.value, term["xml:lang"] ?? "", term.datatype === xsdString ? "" : term.datatype ?? ""];
  }));
}

function jsonRows(text: string): string[] {
  const answer = JSON.parse(text) as { head: { vars: string[] }; results: { bindings: Record<string, Term>[] } };
  expect(answer.head.vars).toEqual(["s", "p", "o"]);
  return answer.results.bindings.map((row) => rowKey(answer.head.vars, row)).sort();
}

function csvRows(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...rows] = parse(text, { relaxColumnCount: false }) as string[][];
  expect(header).toEqual(["s", "p", "o"]);
  return rows.map((row) => JSON.stringify(row.map((cell) => (cell.startsWith("_:") ? "_:" : cell)))).sort();
}

describe("kg sparql --engine virtuoso, a SELECT answer", () => {
  it("is written row by row as it arrives, as JSON and CSV: the rows Oxigraph answers", async () => {
    const data = join(work, "generated.ttl");
    writeFileSync(data, generateTurtle({ triples: 20_000, seed: 11 }).text);
    const everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    const run = (engine: string, format: string, more: string[] = []) => runKg(["--data", data, "sparql", "--engine", engine, "--limit", "100000", "--format", format, everything, ...more], { env });

    const embeddedJson = await run("oxigraph", "json");
    expect(embeddedJson.code, embeddedJson.stderr).toBe(0);
    const reference = jsonRows(embeddedJson.stdout);
    expect(reference.length).toBeGreaterThanOrEqual(20_000);

    const file = join(work, "answer.json");
    const written = await run("virtuoso", "json", ["-o", file]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).not.toContain("showing the first");
    // Megabytes of JSON: many pieces from the server, each row written as it came.
    expect(readFileSync(file).length).toBeGreaterThan(3_000_000);
    expect(jsonRows(readFileSync(file, "utf8"))).toEqual(reference);
    // Virtuoso's "typed-literal" is written as SPARQL 1.1's "literal".
    expect(readFileSync(file, "utf8")).not.toContain("typed-literal");

    const [storeCsv, embeddedCsv] = await Promise.all([run("virtuoso", "csv"), run("oxigraph", "csv")]);
    expect(storeCsv.code, storeCsv.stderr).toBe(0);
    expect(embeddedCsv.code, embeddedCsv.stderr).toBe(0);
    expect(csvRows(storeCsv.stdout)).toEqual(csvRows(embeddedCsv.stdout));

    // The row limit still holds, and says so.
    const limited = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "--limit", "500", "--format", "csv", everything], { env });
    expect(limited.code, limited.stderr).toBe(0);
    expect(csvRows(limited.stdout)).toHaveLength(500);
    expect(limited.stderr).toContain("kg sparql: showing the first 500 rows; there are more");
  }, 300_000);
});
