// Runs the W3C RDF 1.1 Turtle test suite through our loader and our Turtle writer (load, export, re-parse, compare).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset, RdfSyntaxError } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { fixturePath, isomorphic, readAssumedTestBase, readManifest, shuffledNQuads, turtleTestBase, type ManifestEntry } from "../helpers/rdf.ts";

const suiteDir = fixturePath("w3c-rdf11-turtle");
const manifestPath = join(suiteDir, "manifest.ttl");

type Outcome = { entry: ManifestEntry; passed: boolean; reason?: string };

let assumedTestBase: string | undefined;

async function loadTest(path: string, format: "turtle" | "ntriples") {
  return loadDataset([{ name: path, text: readFileSync(path, "utf8"), format, baseIRI: turtleTestBase(path, assumedTestBase) }]);
}

async function runEntry(entry: ManifestEntry): Promise<Outcome> {
  try {
    switch (entry.kind) {
      case "TestTurtleEval": {
        const loaded = await loadTest(entry.action, "turtle");
        const expected = await loadTest(entry.result!, "ntriples");
        if (!isomorphic(loaded, expected)) return { entry, passed: false, reason: "loaded graph differs from the expected N-Triples" };
        const exported = writeTurtle(loaded);
        const reparsed = await loadDataset([{ name: `${entry.name} (exported)`, text: exported, format: "turtle" }]);
        if (!isomorphic(reparsed, expected)) return { entry, passed: false, reason: `exported Turtle re-parses to a different graph:\n${exported}` };
        // The export must not depend on triple order or blank node labels: shuffle, relabel, compare bytes.
        for (const seed of [1, 2, 3]) {
          const variant = await loadDataset([{ name: `${entry.name} (shuffled)`, text: shuffledNQuads(loaded, seed), format: "nquads" }]);
          if (writeTurtle(variant, { prefixes: loaded.prefixes }) !== writeTurtle(loaded, { prefixes: loaded.prefixes })) {
            return { entry, passed: false, reason: `export differs after shuffling and relabelling (seed ${seed})` };
          }
        }
        return { entry, passed: true };
      }
      case "TestTurtlePositiveSyntax":
        await loadTest(entry.action, "turtle");
        return { entry, passed: true };
      case "TestTurtleNegativeSyntax":
      case "TestTurtleNegativeEval":
        try {
          await loadTest(entry.action, "turtle");
          return { entry, passed: false, reason: "loaded without error" };
        } catch (error) {
          if (!(error instanceof RdfSyntaxError)) return { entry, passed: false, reason: `rejected with ${String(error)}, not an RdfSyntaxError` };
          // The place must exist in the file: a line of it, and a column on that line (or just past its end).
          const lines = readFileSync(entry.action, "utf8").replace(/^\ufeff/, "").split(/\r\n|\n|\r/);
          const onLine = error.line >= 1 && error.line <= lines.length && error.column >= 1 && error.column <= lines[error.line - 1].length + 1;
          if (!onLine) return { entry, passed: false, reason: `location outside the file: ${error.message}` };
          if (error.file !== entry.action) return { entry, passed: false, reason: `error names ${error.file}, not the file` };
          return { entry, passed: true };
        }
      default:
        return { entry, passed: false, reason: `unknown test kind ${entry.kind}` };
    }
  } catch (error) {
    return { entry, passed: false, reason: String(error) };
  }
}

// Eval tests also check that the export is byte-identical for shuffled, relabelled copies of the input.
describe("W3C RDF 1.1 Turtle test suite", () => {
  it("finds the vendored suite at tests/fixtures/w3c-rdf11-turtle", () => {
    expect(existsSync(manifestPath), `missing ${manifestPath}`).toBe(true);
  });

  it("passes every eval, positive syntax and negative syntax test", async () => {
    assumedTestBase = await readAssumedTestBase(manifestPath);
    const entries = await readManifest(manifestPath);
    expect(entries.length).toBeGreaterThan(300);
    const outcomes: Outcome[] = [];
    for (const entry of entries) outcomes.push(await runEntry(entry));
    const count = (kinds: string[]) => outcomes.filter((o) => kinds.includes(o.entry.kind)).length;
    const failed = outcomes.filter((o) => !o.passed);
    console.log(
      `W3C Turtle: ${outcomes.length - failed.length} passed, ${failed.length} failed ` +
        `(eval ${count(["TestTurtleEval"])}, positive syntax ${count(["TestTurtlePositiveSyntax"])}, ` +
        `negative ${count(["TestTurtleNegativeSyntax", "TestTurtleNegativeEval"])})`,
    );
    expect(failed.map((o) => `${o.entry.name} [${o.entry.kind}]: ${o.reason}`)).toEqual([]);
  });
});
