// Paths and neighbourhoods on an endpoint around a hub of thousands of links (a real Virtuoso, a generated Turtle file): the walk must not spend its row budget on the hub.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { findPaths } from "../../src/query/path.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
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
 * One spoke in a hundred is an ex:Special, and one in 150 is also funded by the hub (ex:funds): what filters pick;
 * ex:leaf2 is near one of those (spoke151).
 */
function hubTurtle(): string {
  const lines = [`@prefix ex: <${EX}> .`, `@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .`];
  for (let i = 0; i < SPOKES; i++) {
    lines.push(`ex:hub ex:links ex:spoke${i} .`, `ex:spoke${i} rdfs:label "Spoke ${i}" .`);
    if (i % 2 === 0) lines.push(`ex:spoke${i} ex:backTo ex:hub .`);
    if (i % 100 === 3) lines.push(`ex:spoke${i} a ex:Special .`);
    if (i % 150 === 1) lines.push(`ex:hub ex:funds ex:spoke${i} .`);
  }
  lines.push(`ex:hub rdfs:label "Hub" .`, `ex:hub ex:links ex:via .`, `ex:via rdfs:label "Via" .`, `ex:via ex:reaches ex:leaf .`);
  lines.push(`ex:leaf rdfs:label "Leaf" .`, `ex:leaf ex:near ex:spoke7 .`);
  lines.push(`ex:leaf2 rdfs:label "Leaf 2" .`, `ex:leaf2 ex:near ex:spoke151 .`);
  // ex:start links to 16 nodes, one of them a second hub (3,000 links), ex:goal to 20 cheap ones. Two paths of 3
  // hops (start → sI → gI ← goal) and one of 4 (start → s3 → mid → g3 ← goal) join them.
  lines.push(`ex:start rdfs:label "Start" .`, `ex:goal rdfs:label "Goal" .`, `ex:start ex:links ex:hub2 .`);
  for (let i = 0; i < SPOKES; i++) lines.push(`ex:hub2 ex:links ex:far${i} .`);
  for (let i = 1; i <= 15; i++) lines.push(`ex:start ex:links ex:s${i} .`, `ex:s${i} rdfs:label "S${i}" .`);
  for (let i = 1; i <= 20; i++) lines.push(`ex:goal ex:links ex:g${i} .`, `ex:g${i} rdfs:label "G${i}" .`, `ex:g${i} ex:links ex:end${i} .`);
  lines.push(`ex:s1 ex:near ex:g1 .`, `ex:s2 ex:near ex:g2 .`, `ex:s3 ex:near ex:mid .`, `ex:mid rdfs:label "Mid" .`, `ex:mid ex:near ex:g3 .`);
  return lines.join("\n") + "\n";
}

/** The same file read locally: what the endpoint's answers must equal. */
let local: GraphIndex;
/** Paths as their nodes' labels, to compare the endpoint's with the local ones. */
const shown = (graph: GraphIndex, paths: readonly { nodes: readonly number[] }[]) => paths.map((path) => path.nodes.map((n) => graph.label(n)).join(" → "));

beforeAll(async () => {
  const file = join(folder, "hubs.ttl");
  const turtle = hubTurtle();
  writeFileSync(file, turtle);
  local = projectGraph(await loadDataset([{ text: turtle, name: "hubs.ttl", format: "turtle" }]));
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

  it("tells the rows fetched so far after each page, ending at the answer's count", async () => {
    const seen: number[] = [];
    const answer = await remoteNeighbourhood(endpoint, [`${EX}hub`], { depth: 1, limit: 50, maxRows: 1000, pageSize: 100, onRows: (rows) => seen.push(rows) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(answer.rows);
  });

  it("counts the links of a frontier that holds a hub before expanding it, and expands the cheaper side", async () => {
    // After one hop on each side, 16 nodes cost 16 rows a node on average and 20 nodes 20: the estimate chose the
    // 16, whose hub took the whole budget before the third path (of 4 hops) could be known.
    const answer = await remotePaths(endpoint, `${EX}start`, `${EX}goal`, { k: 3, maxRows: 1000 });
    expect(answer.fetchTruncated).toBe(false);
    const expected = findPaths(local, local.nodeByIri(`${EX}start`), local.nodeByIri(`${EX}goal`), { k: 3 });
    expect(shown(answer.graph, answer.paths)).toEqual(shown(local, expected));
    expect(shown(local, expected)).toEqual(["Start → S1 → G1 → Goal", "Start → S2 → G2 → Goal", "Start → S3 → Mid → G3 → Goal"]);
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

describe("filters the store applies to a hub's links", () => {
  const hub = `${EX}hub`;
  const labels = (graph: GraphIndex, nodes: readonly number[]) => nodes.map((n) => graph.label(n)).sort();

  it("gives the hub's neighbours of a class from the 30 links that lead to one, within 300 rows", async () => {
    // Filtered only locally, the walk fetched all 4,521 of the hub's links and stopped at the budget.
    const answer = await remoteNeighbourhood(endpoint, [hub], { classes: [`${EX}Special`], maxRows: 300 });
    expect(answer.fetchTruncated).toBe(false);
    const expected = neighbourhood(local, [local.nodeByIri(hub)], { classes: [local.dataset.terms.iriId(`${EX}Special`)] });
    expect(expected.nodes.length).toBe(31);
    expect(labels(answer.graph, answer.result.nodes.map((n) => n.node))).toEqual(labels(local, expected.nodes.map((n) => n.node)));
    expect(answer.result.edges.length).toBe(expected.edges.length);
  });

  it("gives the hub's neighbours by one predicate from the 20 links that have it, within 300 rows", async () => {
    const answer = await remoteNeighbourhood(endpoint, [hub], { predicates: [`${EX}funds`], maxRows: 300 });
    expect(answer.fetchTruncated).toBe(false);
    const funds = local.dataset.terms.iriId(`${EX}funds`);
    const expected = neighbourhood(local, [local.nodeByIri(hub)], { predicates: [funds] });
    expect(expected.nodes.length).toBe(21);
    expect(labels(answer.graph, answer.result.nodes.map((n) => n.node))).toEqual(labels(local, expected.nodes.map((n) => n.node)));
    for (const edge of answer.result.edges) expect(answer.graph.dataset.terms.key(answer.graph.edgePredicates[edge])).toBe(`${EX}funds`);
  });

  it("keeps a class filter by label working as before: every link fetched, the answer the same", async () => {
    const answer = await remoteNeighbourhood(endpoint, [hub], { classes: ["Special"], maxRows: 10_000 });
    expect(answer.fetchTruncated).toBe(false);
    expect(answer.rows).toBeGreaterThan(4_500);
    expect(answer.result.nodes.length).toBe(31);
  });

  it("finds a path that keeps to the predicates asked for, through the hub", async () => {
    const predicates = [`${EX}funds`, `${EX}near`];
    const answer = await remotePaths(endpoint, hub, `${EX}leaf2`, { k: 3, predicates, maxRows: 300 });
    expect(answer.fetchTruncated).toBe(false);
    const ids = predicates.map((iri) => local.dataset.terms.iriId(iri));
    const expected = findPaths(local, local.nodeByIri(hub), local.nodeByIri(`${EX}leaf2`), { k: 3, predicates: ids });
    expect(shown(answer.graph, answer.paths)).toEqual(shown(local, expected));
    expect(shown(local, expected)).toEqual(["Hub → Spoke 151 → Leaf 2"]);
  });
});
