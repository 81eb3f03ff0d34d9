// The bounded subgraph an addition is validated on gives the same problems as validating the whole graph.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import type { NamedText, Problem } from "../../src/rdf/validate.ts";
import { additionSubgraph, subgraphDocuments } from "../../src/session/authoring-subgraph.ts";
import { validateAddition } from "../../src/session/authoring-validate.ts";
import { additions, reportPath, reportText } from "../helpers/authoring-additions.ts";
import { fixturePath, repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl") && f !== "shapes.ttl").map((f) => join(repoRoot, dir, f));
const read = (path: string): NamedText => ({ name: path, text: readFileSync(path, "utf8") });
const shapes = read(join(repoRoot, "ontology", "shapes.ttl"));
const texts: Record<string, string> = {
  ...Object.fromEntries(readdirSync(join(repoRoot, "graph-data", "sources")).map((f) => [`sources/${f}`, readFileSync(join(repoRoot, "graph-data", "sources", f), "utf8")])),
  [reportPath]: reportText,
};
const fixture = read(fixturePath("authoring", "subgraph.ttl"));

/** Problems comparable across runs: blank node labels depend on parse order, so all read `_:b`. */
const comparable = (problems: readonly Problem[]) =>
  problems.map((p) => JSON.stringify({ ...p, subject: p.subject?.replace(/_:\S+/g, "_:b"), message: p.message.replace(/_:[\w-]+/g, "_:b") })).sort();
const kinds = (problems: readonly Problem[]) => [...new Set(problems.map((p) => p.kind))].sort();

/** The old check (the whole graph as one Turtle text) and the new one (the subgraph), on one addition. */
async function bothWays(dataset: Dataset, added: readonly RDF.Quad[]) {
  const input = (text: string) => ({ files: [{ name: "data", text }], shapes, sourceTexts: texts });
  const whole = await validateAddition(input(writeTurtle(dataset)), added);
  const bounded = await validateAddition({ files: subgraphDocuments(dataset, added).files, shapes, sourceTexts: texts }, added);
  return { whole, bounded, size: additionSubgraph(dataset, added).length };
}

describe("validating an addition on its subgraph", () => {
  let bundled: Dataset;
  let small: Dataset;
  beforeAll(async () => {
    bundled = await loadDataset([...turtleIn("ontology"), ...turtleIn("graph-data")].map(read).concat(fixture));
    // Without an owl:Ontology declaration the data is checked as data too: pre-existing problems of a new subject count.
    const undeclared = turtleIn("ontology").map(read).map((f) => ({ ...f, text: f.text.replace(/ a owl:Ontology/g, " a owl:Thing") }));
    small = await loadDataset([...undeclared, fixture]);
  }, 60_000);

  it("gives the whole graph's problems for each kind of addition, on the bundled graph", async () => {
    for (const [what, added, expected] of additions(bundled)) {
      const { whole, bounded, size } = await bothWays(bundled, added);
      expect(kinds(whole), what).toEqual(expected);
      expect(comparable(bounded), what).toEqual(comparable(whole));
      expect(size, what).toBeLessThan(bundled.size / 10);
    }
  }, 300_000);

  it("gives the whole graph's problems when the data declares no ontology and is checked as data", async () => {
    let preexisting = 0;
    for (const [what, added] of additions(small)) {
      const { whole, bounded } = await bothWays(small, added);
      expect(comparable(bounded), what).toEqual(comparable(whole));
      // kgr:acme kg:locatedIn kgr:open-data-idea is in the data: a problem of every addition whose subject is kgr:acme.
      if (whole.some((p) => p.kind === "domain-range" && p.message.includes("kg:locatedIn kgr:open-data-idea"))) preexisting++;
    }
    expect(preexisting).toBeGreaterThan(3);
  }, 300_000);
});
