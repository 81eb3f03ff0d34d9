// The projection of the benchmark generator's synthetic data matches the generator's own counts.
import { describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { parseText } from "../helpers/rdf.ts";

describe("projectGraph on generated data", () => {
  for (const seed of [3, 11]) {
    it(`gives one node per entity and one edge per relation, every evidence attached (seed ${seed})`, async () => {
      const { text, stats } = generateTurtle({ triples: 10_000, seed });
      const g = projectGraph(await parseText(text));
      let instances = 0;
      for (let n = 0; n < g.nodeCount; n++) if (!g.isSchema(n)) instances++;
      let instanceEdges = 0, edgesWithEvidence = 0;
      for (let e = 0; e < g.edgeCount; e++) {
        if (!g.isSchema(g.edgeSources[e])) instanceEdges++;
        if (g.evidenceOffsets[e + 1] > g.evidenceOffsets[e]) edgesWithEvidence++;
      }
      expect(instances).toBe(stats.entities + stats.sources);
      expect(instanceEdges).toBe(stats.relations);
      expect(g.evidenceTerms.length).toBe(stats.evidence);
      expect(edgesWithEvidence).toBeGreaterThan(0);
      expect(edgesWithEvidence).toBeLessThanOrEqual(stats.evidence);
      expect(g.unattachedEvidenceCount).toBe(0);
      for (let n = 0; n < g.nodeCount; n++) expect(g.iri(n)).not.toMatch(/^_:|\/evidence\//);
    });
  }
});
