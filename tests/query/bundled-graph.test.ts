// Queries on the bundled graph (ontology/*.ttl + graph-data/*.ttl): paths carry verbatim quotes, hubs can be avoided.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { kg } from "../../src/rdf/vocab.ts";
import { explainPath } from "../../src/query/explain.ts";
import { pathsToJson } from "../../src/query/json.ts";
import { resolveNode } from "../../src/query/names.ts";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { findPaths, type Path } from "../../src/query/path.ts";
import { loadFiles, repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f));

async function loadBundled(): Promise<GraphIndex> {
  const files = [...turtleIn("ontology"), ...turtleIn("graph-data")];
  expect(files.some((f) => f.includes("graph-data"))).toBe(true);
  return projectGraph(await loadFiles(files));
}

/** The cleaned source text of each source document IRI, read through its kg:cleanedText. */
function sourceTexts(g: GraphIndex): Map<string, string> {
  const texts = new Map<string, string>();
  const ds = g.dataset;
  const cleaned = ds.terms.iriId(kg.cleanedText);
  for (const q of ds.match(undefined, cleaned)) {
    const path = ds.terms.value(ds.objects[q]);
    texts.set(ds.terms.key(ds.subjects[q]), readFileSync(join(repoRoot, "graph-data", path), "utf8"));
  }
  return texts;
}

/** Normalised whitespace, so a quote across a line break still matches. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("the bundled graph", async () => {
  const g = await loadBundled();
  const texts = sourceTexts(g);
  const quotedHops = (path: Path) =>
    path.steps.every((step) => g.evidence(step.edge).some((e) => e.quote !== "" && flat(texts.get(e.source) ?? "").includes(flat(e.quote))));

  it("connects Huawei to Kenya by a path whose every hop quotes the source verbatim", () => {
    const paths = findPaths(g, resolveNode(g, "Huawei"), resolveNode(g, "Kenya"), { k: 3 });
    expect(paths.length).toBeGreaterThan(0);
    const quoted = paths.filter(quotedHops);
    expect(quoted.length).toBeGreaterThan(0);
    for (const sentence of explainPath(g, quoted[0])) expect(sentence).toMatch(/ — ".+" \(.+\)\.$/);
  });

  it("connects DJI to the Digital Silk Road, whose only links are China and the BRI", () => {
    const from = resolveNode(g, "DJI"), to = resolveNode(g, "Digital Silk Road");
    const [shortest] = findPaths(g, from, to);
    expect(shortest).toBeDefined();
    expect(quotedHops(shortest)).toBe(true);
    const china = resolveNode(g, "China");
    const bri = resolveNode(g, "Belt and Road Initiative");
    const gateways = new Set(neighbourhood(g, [to]).nodes.map((x) => x.node));
    gateways.delete(to);
    if ([...gateways].every((n) => n === china || n === bri)) {
      // Every way in passes China or the BRI, so avoiding both leaves no path: absence is an empty list.
      expect(findPaths(g, from, to, { excludeNodes: [china, bri], maxLength: 20 })).toEqual([]);
    }
  });

  it("cites both pages of a quote that crosses a page break (pp. 1, 2), in explanations and JSON", () => {
    const from = resolveNode(g, "Digital Silk Road"), to = resolveNode(g, "Belt and Road Initiative");
    const [direct] = findPaths(g, from, to, { maxLength: 1 });
    expect(direct).toBeDefined();
    const evidence = g.evidence(direct.steps[0].edge).find((e) => e.quote.includes("as well as its derivative"));
    expect(evidence).toMatchObject({ page: 1, pages: [1, 2] });
    expect(explainPath(g, direct)[0]).toContain(", pp. 1, 2)");
    expect(pathsToJson(g, [direct]).paths[0].edges[0].evidence.find((e) => e.quote === evidence!.quote)).toMatchObject({ page: 1, pages: [1, 2] });
  });

  it("routes Huawei to Kenya around the hub China", () => {
    const china = resolveNode(g, "China");
    const paths = findPaths(g, resolveNode(g, "Huawei"), resolveNode(g, "Kenya"), { k: 3, excludeNodes: [china] });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.nodes).not.toContain(china);
  });

  it("lists Dahua's neighbours over evidenced relations, no evidence or schema nodes among them", () => {
    const result = neighbourhood(g, [resolveNode(g, "Dahua")]);
    expect(result.nodes.length).toBeGreaterThan(1);
    for (const { node } of result.nodes) {
      expect(g.isSchema(node)).toBe(false);
      expect(g.iri(node)).not.toMatch(/\/evidence\//);
    }
    for (const e of result.edges) expect(g.evidence(e).length).toBeGreaterThan(0);
  });

  it("attaches every evidence node to a relation", () => {
    expect(g.unattachedEvidenceCount).toBe(0);
  });
});
