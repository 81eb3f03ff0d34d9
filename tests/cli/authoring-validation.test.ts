// kg relation add / source add validate an addition on the part of the loaded graph its checks read: the same problems
// as validating every data file as before, with the files as kg gives them (an ontology file apart, or one file).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authoringContext, validationInput, type AuthoringContext } from "../../src/cli/authoring-context.ts";
import { documentBase } from "../../src/cli/load.ts";
import { readSourceText, textDirectories } from "../../src/cli/source-store.ts";
import { cleanedTextPaths, type NamedText, type Problem } from "../../src/rdf/validate.ts";
import { validateAddition, type AuthoredValidation } from "../../src/session/authoring-validate.ts";
import { additions, reportText } from "../helpers/authoring-additions.ts";
import { fixturePath, repoRoot } from "../helpers/rdf.ts";
import { runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-authoring-validation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const turtleIn = (d: string) => readdirSync(join(repoRoot, d)).filter((f) => f.endsWith(".ttl") && f !== "shapes.ttl").map((f) => join(repoRoot, d, f));
const fixture = join(dir, "subgraph.ttl");
/** The bundled ontology and data files with the fixture as a data file of its own. */
const manyFiles = () => [...turtleIn("ontology"), ...turtleIn("graph-data"), fixture];

/** What kg validated an addition on before: every data file read as text, and every source text the data names. */
async function everyFile(ctx: AuthoringContext): Promise<AuthoredValidation> {
  const files: NamedText[] = ctx.files.map((path) => ({ name: path, text: readFileSync(path, "utf8"), baseIRI: documentBase(path) }));
  const sourceTexts: Record<string, string> = {};
  for (const path of await cleanedTextPaths(files)) {
    const found = await readSourceText(path, textDirectories(ctx.store, ctx.files));
    if (found) sourceTexts[path] = found.text;
  }
  const shapes = join(repoRoot, "ontology", "shapes.ttl");
  return { files, shapes: { name: "ontology/shapes.ttl", text: readFileSync(shapes, "utf8"), baseIRI: documentBase(shapes) }, sourceTexts };
}

/** The lines kg prints for the problems; blank node labels depend on parse order, so all read `_:b`. */
const printed = (problems: readonly Problem[]) => problems.map((p) => `${p.kind}: ${p.message}`.replace(/_:[\w-]+/g, "_:b")).sort();

async function bothWays(ctx: AuthoringContext, added: readonly RDF.Quad[]) {
  const before = await validateAddition(await everyFile(ctx), added);
  const now = await validateAddition(await validationInput(ctx, added), added);
  return { before: printed(before), now: printed(now) };
}

const preexisting = "domain-range: kgr:acme kg:locatedIn kgr:open-data-idea: the object should be a kg:Place (it is kg:Concept)";

describe("kg authoring validates an addition on its subgraph", () => {
  beforeAll(() => {
    copyFileSync(fixturePath("authoring", "subgraph.ttl"), fixture);
    mkdirSync(join(dir, "sources"));
    writeFileSync(join(dir, "sources", "subgraph-report.txt"), reportText);
  });

  it("reports what validating every file reported, the data files' problems of a new subject among them", async () => {
    const ctx = await authoringContext(join(dir, "store"), { dataFiles: manyFiles() });
    let withPreexisting = 0;
    for (const [what, added] of additions(ctx.graph.dataset)) {
      const { before, now } = await bothWays(ctx, added);
      expect(now, what).toEqual(before);
      // kgr:acme's kg:locatedIn in the fixture (a data file) is checked: a problem of every addition about kgr:acme.
      if (before.includes(preexisting)) withPreexisting++;
    }
    expect(withPreexisting).toBeGreaterThan(3);
  }, 300_000);

  it("reports what validating the one file reported when it declares the ontology and holds the data", async () => {
    const one = join(dir, "all.ttl");
    writeFileSync(one, [...turtleIn("ontology"), fixture].map((path) => readFileSync(path, "utf8")).join("\n"));
    const ctx = await authoringContext(join(dir, "store"), { dataFiles: [one] });
    for (const [what, added] of additions(ctx.graph.dataset)) {
      const { before, now } = await bothWays(ctx, added);
      expect(now, what).toEqual(before);
      expect(now, what).not.toContain(preexisting);
    }
  }, 300_000);

  it("kg relation add lists a new subject's problems in the data files and adds nothing", async () => {
    const result = await runKg(["relation", "add", "--source", "kgr:harbour-notes", "--quote", "Acme works with the Harbour City council on street lighting.",
      "kgr:acme", "kg:cooperatesWith", "kgr:harbour-city-council", "--by", "Ana Lyst", "--into", join(dir, "store"), "--data", ...manyFiles()]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toEqual([
      preexisting,
      "missing-evidence: kgr:acme kg:locatedIn kgr:open-data-idea has no evidence node (rdf:Statement with a quote)",
    ]);
    expect(result.stderr).toContain("kg relation add: 2 problems; nothing added");
    expect(readdirSync(dir).map((f) => basename(f))).not.toContain("store");
  }, 120_000);
});
