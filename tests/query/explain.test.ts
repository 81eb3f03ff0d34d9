// Explanations: one sentence per hop, in the triple's true direction, with quote and locator when there is evidence.
import { describe, expect, it } from "vitest";
import { explainPath, relationPhrase } from "../../src/query/explain.ts";
import { findPaths } from "../../src/query/path.ts";
import { helpers, loadNetwork } from "./network.ts";

describe("explainPath", async () => {
  const g = await loadNetwork();
  const { n, p } = helpers(g);

  it("states each hop with its quote, locator and page", () => {
    const [path] = findPaths(g, n("Huawei"), n("Kenya"));
    expect(explainPath(g, path)).toEqual([
      'Huawei donates to Government of Kenya — "Huawei has donated video conference equipment to the Kenyan government" ' +
        "(Covid-19: an opportunity to promote Chinese technologies, p. 2).",
      `Government of Kenya governs Kenya — "the Kenyan government" (Towards urban decoupling? China's smart city ambitions at the time of Covid-19).`,
    ]);
  });

  it("reads a hop travelled backwards in the triple's direction", () => {
    const [path] = findPaths(g, n("Kenya"), n("Huawei"));
    const sentences = explainPath(g, path);
    expect(sentences[0]).toMatch(/^Government of Kenya governs Kenya — /);
    expect(sentences[1]).toMatch(/^Huawei donates to Government of Kenya — /);
  });

  it("handles edges without evidence and predicates without labels", () => {
    const [path] = findPaths(g, n("DJI"), n("Digital Silk Road"), { excludeNodes: [n("China")] });
    expect(explainPath(g, path)).toEqual([
      "DJI attends World Internet Conference.",
      "World Internet Conference is organised by Cyberspace Administration of China.",
      "Cyberspace Administration of China promotes Digital Silk Road.",
    ]);
    expect(relationPhrase(g, p("kg:attends"))).toBe("attends");
  });

  it("explains nothing for a zero-length path", () => {
    expect(explainPath(g, { nodes: [n("Huawei")], steps: [] })).toEqual([]);
  });
});
