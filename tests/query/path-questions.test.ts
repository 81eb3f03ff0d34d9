// The path evaluation's question set: at least 30 questions, every quote verbatim in the cleaned brief, every argued path in the graph.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestions } from "../../bench/path-eval.ts";
import { loadGraph } from "../../src/cli/graph.ts";
import { resolveNode } from "../../src/query/names.ts";
import { repoRoot } from "../helpers/rdf.ts";

describe("bench/path-questions.json", async () => {
  const file = loadQuestions();
  const source = readFileSync(join(repoRoot, file.source), "utf8");
  const { graph: g } = await loadGraph(undefined);

  it("asks at least 30 distinct questions, each with an argued connection", () => {
    expect(file.questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(file.questions.map((q) => q.id)).size).toBe(file.questions.length);
    for (const q of file.questions) expect(q.argued.length, q.id).toBeGreaterThan(0);
  });

  it("quotes the brief verbatim", () => {
    for (const q of file.questions) {
      for (const { quotes } of q.argued) {
        expect(quotes.length, q.id).toBeGreaterThan(0);
        for (const quote of quotes) expect(source.includes(quote), `${q.id}: ${quote}`).toBe(true);
      }
    }
  });

  it("names entities of the bundled graph, and each argued path runs from A to B along its relations", () => {
    for (const q of file.questions) {
      for (const { path } of q.argued) {
        expect([path[0], path[path.length - 1]], q.id).toEqual([q.from, q.to]);
        const nodes = path.map((name) => resolveNode(g, name));
        expect(new Set(nodes).size, q.id).toBe(nodes.length);
        for (let i = 0; i + 1 < nodes.length; i++) {
          const [a, b] = [nodes[i], nodes[i + 1]];
          let joined = false;
          for (let j = g.outOffsets[a]; j < g.outOffsets[a + 1]; j++) if (g.edgeTargets[g.outEdgeIds[j]] === b) joined = true;
          for (let j = g.inOffsets[a]; j < g.inOffsets[a + 1]; j++) if (g.edgeSources[g.inEdgeIds[j]] === b) joined = true;
          expect(joined, `${q.id}: ${path[i]} — ${path[i + 1]}`).toBe(true);
        }
      }
    }
  });
});
