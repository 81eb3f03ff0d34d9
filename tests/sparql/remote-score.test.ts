// Path scores over an endpoint (counted in the whole store) equal the local ones, on a small graph served by the embedded engine over HTTP.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { pathsToJson } from "../../src/query/json.ts";
import { findPaths } from "../../src/query/path.ts";
import { scorePath } from "../../src/query/path-score.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { createEmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import { SparqlEndpoint } from "../../src/sparql/sparql-endpoint.ts";
import { remotePathScores, remotePaths } from "../../src/sparql/sparql-remote.ts";

const ex = "http://example.org/";
// A hub with many neighbours; a predicate used often (ex:partOf) and others used once or twice; what is not an edge
// (a class, a link, a literal, the empty list, a reified statement with its selector); triples stated in a named
// graph too; a path through a blank node.
const trig = `
@prefix ex: <${ex}> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix oa: <http://www.w3.org/ns/oa#> .
ex:a ex:partOf ex:hub ; ex:knows ex:c ; ex:via _:m ; skos:prefLabel "A" .
ex:b ex:partOf ex:hub ; ex:via _:m .
ex:c ex:partOf ex:hub ; ex:fundedBy ex:b ; a ex:Thing ; skos:exactMatch <http://other.example/c> ; ex:list rdf:nil ; skos:prefLabel "C" .
ex:d ex:partOf ex:hub ; ex:knows ex:e . ex:e ex:partOf ex:hub . ex:f ex:partOf ex:hub .
ex:st1 rdf:subject ex:a ; rdf:predicate ex:partOf ; rdf:object ex:hub ; ex:about ex:c ; oa:hasSelector [ oa:exact "a is part of hub" ] .
ex:g { ex:c ex:partOf ex:hub . ex:c ex:fundedBy ex:b . }
`;

let server: Server;
let endpoint: SparqlEndpoint;
let graph: GraphIndex;

beforeAll(async () => {
  const dataset = await loadDataset([{ name: "scores.trig", text: trig, format: "trig" }]);
  graph = projectGraph(dataset);
  const engine = await createEmbeddedSparql(dataset);
  server = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://localhost").searchParams.get("query");
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const answer = engine.query(query ?? new URLSearchParams(body).get("query") ?? "");
      if (answer.form !== "select") throw new Error("expected SELECT");
      res.writeHead(200, { "content-type": "application/sparql-results+json" });
      res.end(JSON.stringify({ head: { vars: answer.result.vars }, results: { bindings: answer.result.bindings } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = new SparqlEndpoint({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql` });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("path scores over an endpoint", () => {
  it("equal the local scores: degrees and predicate uses of the whole store, not of the part fetched", async () => {
    const local = findPaths(graph, graph.nodeByIri(`${ex}a`), graph.nodeByIri(`${ex}b`), { k: 50 });
    const localScores = new Map(local.map((p) => [p.nodes.map((n) => graph.iri(n)).join(" "), scorePath(graph, p)]));
    const answer = await remotePaths(endpoint, `${ex}a`, `${ex}b`, { k: 3 });
    expect(answer.fetchTruncated).toBe(false);
    const scores = await remotePathScores(endpoint, answer.graph, answer.paths);
    const seen = answer.paths.map((p, i) => [p.nodes.map((n) => answer.graph.iri(n)).join(" "), scores[i]] as const);
    const named = seen.filter(([nodes]) => !nodes.includes("_:"));
    // Through the hub (degree 6; the reified statement's rdf:object is not an edge) and through c (degree 3).
    expect(named.map(([nodes]) => nodes).sort()).toEqual([`${ex}a ${ex}c ${ex}b`, `${ex}a ${ex}hub ${ex}b`]);
    expect(localScores.get(`${ex}a ${ex}hub ${ex}b`)?.hub).toBe(Math.round(Math.log2(6) * 100) / 100);
    expect(localScores.get(`${ex}a ${ex}c ${ex}b`)?.hub).toBe(Math.round(Math.log2(3) * 100) / 100);
    for (const [nodes, score] of named) expect(score, nodes).toEqual(localScores.get(nodes));
    // The fetched part holds fewer of the hub's neighbours than the store: its own score would be lower.
    const viaHub = answer.paths.findIndex((p) => p.nodes.some((n) => answer.graph.iri(n) === `${ex}hub`));
    expect(scorePath(answer.graph, answer.paths[viaHub]).hub).toBeLessThan(scores[viaHub]!.hub);
    // A path through a blank node (which no query can name) has no score, in JSON too.
    const blank = seen.findIndex(([nodes]) => nodes.includes("_:"));
    expect(blank).toBeGreaterThanOrEqual(0);
    expect(scores[blank]).toBeUndefined();
    const json = pathsToJson(answer.graph, answer.paths, scores).paths;
    expect(json[blank]).not.toHaveProperty("score");
    expect(json[viaHub].score).toEqual(scores[viaHub]);
  });
});
