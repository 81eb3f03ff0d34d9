// Paths and neighbourhoods on an endpoint around a hub of thousands of links (a real Virtuoso, a generated Turtle file): the walk must not spend its row budget on the hub.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparqlEndpoint } from "../../src/sparql/sparql-endpoint.ts";
import { remoteNeighbourhood, remotePaths } from "../../src/sparql/sparql-remote.ts";
import { startVirtuoso, type VirtuosoServer } from "./virtuoso.ts";

const EX = "http://example.org/hubs/";
const SPOKES = 3000;
let server: VirtuosoServer | undefined;
let endpoint: SparqlEndpoint;
const folder = mkdtempSync(join(tmpdir(), "kg-hubs-"));

/**
 * ex:hub links to 3,000 spokes (half of them pointing back); ex:leaf is two hops from it (leaf → via → spoke7 ←
 * hub is three) and one from ex:via, which ex:hub links to directly: so the shortest path hub → leaf has 2 hops.
 */
function hubTurtle(): string {
  const lines = [`@prefix ex: <${EX}> .`, `@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .`];
  for (let i = 0; i < SPOKES; i++) {
    lines.push(`ex:hub ex:links ex:spoke${i} .`, `ex:spoke${i} rdfs:label "Spoke ${i}" .`);
    if (i % 2 === 0) lines.push(`ex:spoke${i} ex:backTo ex:hub .`);
  }
  lines.push(`ex:hub rdfs:label "Hub" .`, `ex:hub ex:links ex:via .`, `ex:via rdfs:label "Via" .`, `ex:via ex:reaches ex:leaf .`);
  lines.push(`ex:leaf rdfs:label "Leaf" .`, `ex:leaf ex:near ex:spoke7 .`);
  return lines.join("\n") + "\n";
}

beforeAll(async () => {
  const file = join(folder, "hubs.ttl");
  writeFileSync(file, hubTurtle());
  server = await startVirtuoso([file], { graph: `${EX}graph` });
  endpoint = new SparqlEndpoint({ url: `${server.endpoint}?default-graph-uri=${encodeURIComponent(`${EX}graph`)}`, timeoutMs: 30_000 });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe("a hub on the endpoint", () => {
  it("finds the path from the hub to a leaf without walking the hub's 4,500 links first", async () => {
    // Expanding the hub first (as before) took the whole budget of 1,000 rows and found nothing.
    const answer = await remotePaths(endpoint, `${EX}hub`, `${EX}leaf`, { k: 2, maxRows: 1000 });
    expect(answer.fetchTruncated).toBe(false);
    expect(answer.rows).toBeLessThan(200);
    const shown = answer.paths.map((path) => path.nodes.map((n) => answer.graph.label(n)).join(" → "));
    expect(shown).toEqual(["Hub → Via → Leaf", "Hub → Spoke 7 → Leaf"]);
    expect(answer.knownHops).toBeGreaterThanOrEqual(2);
  });

  it("gives a hub's neighbourhood cut at its node limit, not at the row budget", async () => {
    // Pages of 100 rows: the walk stops after the page that reaches more than 50 nodes.
    const answer = await remoteNeighbourhood(endpoint, [`${EX}hub`], { depth: 1, limit: 50, maxRows: 1000, pageSize: 100 });
    expect(answer.fetchTruncated).toBe(false);
    expect(answer.result.truncated).toBe(true);
    expect(answer.result.nodes.length).toBe(50);
    // Every node kept is a neighbour with its label, every relation kept joins the hub to one.
    const labels = answer.result.nodes.map((n) => answer.graph.label(n.node));
    expect(labels[0]).toBe("Hub");
    for (const label of labels.slice(1)) expect(label).toMatch(/^(Spoke \d+|Via)$/);
    expect(answer.result.edges.length).toBeGreaterThanOrEqual(49);
  });
});
