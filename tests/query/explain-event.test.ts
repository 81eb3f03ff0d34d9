// Paths through events read as sentences about the event: who gave what to whom, where and when.
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/cli/graph.ts";
import { explainPath } from "../../src/query/explain.ts";
import { eventSentence } from "../../src/query/explain-event.ts";
import { resolveNode } from "../../src/query/names.ts";
import { findPaths } from "../../src/query/path.ts";

describe("event sentences", async () => {
  const { graph: g } = await loadGraph(undefined);
  const n = (name: string) => resolveNode(g, name);

  it("says who did what with which item, to whom, where and when", () => {
    expect(eventSentence(g, n("Dahua’s donation of temperature screening cameras to Lebanon’s Ministry of Health"))).toBe(
      "Dahua donated Dahua AI-enabled temperature screening cameras to Lebanon’s Ministry of Health at Lebanon in March and April 2020",
    );
    // The text names no one who deployed the cameras: the sentence is passive.
    expect(eventSentence(g, n("Deployment of Dahua’s cameras at Beirut Airport"))).toBe(
      "Dahua AI-enabled temperature screening cameras were deployed at Lebanon and Beirut Airport in March and April 2020",
    );
    expect(eventSentence(g, n("Xi Jinping’s endorsement of the smart city concept (2015)"))).toBe(
      "Xi Jinping endorsed Smart city on the occasion of National urbanisation convention (2015) in 2015",
    );
    expect(eventSentence(g, n("Huawei"))).toBeUndefined();
  });

  it("reads a path through an event as one sentence about it, then the event's role", () => {
    const donation = n("Huawei’s donation of video conference equipment to the Kenyan government");
    const path = findPaths(g, n("Huawei"), n("Kenya"), { k: 10 }).find((p) => p.nodes.includes(donation));
    expect(path).toBeDefined();
    const [first, second] = explainPath(g, path!);
    expect(first).toMatch(/^Huawei donated Video conference equipment to Kenyan government at Kenya in March and April 2020 — "/);
    expect(second).toMatch(/^That donation was at Kenya — "Kenya \(donation to Kenyan government\)" \(Anti-epidemic tools, p\. 3\)\.$/);
  });
});
