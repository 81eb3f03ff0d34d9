// Read-only by default against a Virtuoso whose anonymous SPARQL user may write: the parser's guard, not the store, keeps the data.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparqlEndpoint, SparqlEndpointError } from "../../src/sparql/sparql-endpoint.ts";
import { fixture, runKg } from "../cli/run-kg.ts";
import { startVirtuoso, type VirtuosoServer } from "./virtuoso.ts";

const graph = "http://example.org/guarded";
const scratch = "http://example.org/scratch";
let server: VirtuosoServer | undefined;
let endpoint: SparqlEndpoint;
/** Stands for an attacker's server: counts the requests a LOAD would make the store send it. */
let attacker: Server;
let attackerUrl: string;
let attackerHits = 0;

beforeAll(async () => {
  attacker = createServer((_req, res) => {
    attackerHits++;
    res.writeHead(200, { "content-type": "text/turtle" });
    res.end("<http://attacker.example/s> <http://attacker.example/p> <http://attacker.example/o> .\n");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/payload.ttl`;
  server = await startVirtuoso([fixture("cli", "mini.ttl")], { graph, allowUpdates: true });
  endpoint = new SparqlEndpoint({ url: server.endpoint, timeoutMs: 30_000 });
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
});

async function triplesIn(name: string): Promise<number> {
  const result = await endpoint.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${name}> { ?s ?p ?o } }`);
  return Number(result.bindings[0].n.value);
}

describe("a Virtuoso that grants SPARQL_UPDATE to its anonymous user", () => {
  it("does write when asked explicitly: kg sparql --allow-update", async () => {
    const insert = `INSERT DATA { GRAPH <${scratch}> { <http://example.org/a> <http://example.org/b> "written" } }`;
    const sent = await runKg(["--endpoint", server!.endpoint, "sparql", "--allow-update", insert]);
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^Update sent to http:\/\/127\.0\.0\.1:\d+\/sparql: INSERT DATA\.$/m);
    expect(await triplesIn(scratch)).toBe(1);
  });

  it("keeps the graph when kg sparql gets an update disguised by a prefix named ask:", async () => {
    const before = await triplesIn(graph);
    expect(before).toBeGreaterThan(50);
    const disguised = `PREFIX ask: <http://x/> DELETE WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
    const refused = await runKg(["--endpoint", server!.endpoint, "sparql", disguised]);
    expect(await triplesIn(graph)).toBe(before);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/no updates\); this is an update: DELETE WHERE/);
    expect(refused.stderr).toMatch(/Add --allow-update to send it/);
  });

  it("never lets the store fetch an attacker's URL through LOAD", async () => {
    const load = `PREFIX ask: <http://x/>\nLOAD <${attackerUrl}> INTO GRAPH <${graph}>`;
    const refused = await runKg(["--endpoint", server!.endpoint, "sparql", load]);
    expect(attackerHits).toBe(0);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/this is an update: LOAD/);
  });

  it("refuses the same text through the client the workbench uses, before sending it", async () => {
    const before = await triplesIn(graph);
    for (const text of [
      `PREFIX ask: <http://x/> DELETE WHERE { GRAPH <${graph}> { ?s ?p ?o } }`,
      `PREFIX construct: <http://x/> WITH <${graph}> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }`,
      `# SELECT * WHERE { ?s ?p ?o }\nCLEAR GRAPH <${graph}>`,
      `SELECT * WHERE { ?s ?p ?o } ; DROP GRAPH <${graph}>`,
    ]) {
      const error = await endpoint.query(text).then(() => undefined, (e: unknown) => e);
      expect(error, text).toBeInstanceOf(SparqlEndpointError);
      expect((error as SparqlEndpointError).kind).toBe("usage");
    }
    expect(await triplesIn(graph)).toBe(before);
  });

  it("runs a read query whose prefix is named delete:", async () => {
    const read = "PREFIX delete: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?label WHERE { <https://w3id.org/smartcity-kg/resource/china> delete:prefLabel ?label }";
    const answer = await runKg(["--endpoint", server!.endpoint, "sparql", read]);
    expect(answer.stderr).toBe("");
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/^China @en$/m);
  });

  it("refuses --allow-update without an endpoint (the embedded engine works on a copy)", async () => {
    const result = await runKg(["--data", fixture("cli", "mini.ttl"), "sparql", "--allow-update", "CLEAR ALL"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--allow-update needs --endpoint/);
  });
});
