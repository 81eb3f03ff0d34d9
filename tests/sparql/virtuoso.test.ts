// The remote search, neighbourhood and path queries against a real Virtuoso loaded with the bundled graph give the local core's answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledDataFiles, loadData } from "../../src/cli/load.ts";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { neighbourhoodToJson, pathsToJson, type EdgeJson, type PathJson } from "../../src/query/json.ts";
import { neighbourhood, type NeighbourhoodOptions } from "../../src/query/neighbourhood.ts";
import { resolveNode, searchIndexOf } from "../../src/query/names.ts";
import { findPaths, type PathOptions } from "../../src/query/path.ts";
import { searchLabels } from "../../src/query/search.ts";
import { createEmbeddedSparql, type EmbeddedSparql } from "../../src/sparql/sparql-embedded.ts";
import { SparqlEndpoint } from "../../src/sparql/sparql-endpoint.ts";
import { remoteNeighbourhood, remotePathScores, remotePaths, remoteSearch, resolveRemoteNode, resolveRemoteTerms } from "../../src/sparql/sparql-remote.ts";
import { NameResolutionError, resolveTerm } from "../../src/query/names.ts";
import { runKg } from "../cli/run-kg.ts";
import { canonicalNeighbourhood, canonicalPaths } from "./canonical.ts";
import { startVirtuoso, type VirtuosoServer } from "./virtuoso.ts";

let server: VirtuosoServer | undefined;
let endpoint: SparqlEndpoint;
let graph: GraphIndex;
let embedded: EmbeddedSparql;

beforeAll(async () => {
  const [{ dataset }, started] = await Promise.all([loadData(undefined), startVirtuoso(bundledDataFiles())]);
  server = started;
  endpoint = new SparqlEndpoint({ url: started.endpoint, timeoutMs: 30_000 });
  graph = projectGraph(dataset);
  embedded = await createEmbeddedSparql(dataset);
});

afterAll(async () => {
  await server?.stop();
});

const iriOf = (name: string) => graph.iri(resolveNode(graph, name));
const KGR = "https://w3id.org/smartcity-kg/resource/";

function localNeighbourhood(names: string[], options: NeighbourhoodOptions = {}) {
  return neighbourhoodToJson(graph, neighbourhood(graph, names.map((n) => resolveNode(graph, n)), options));
}

async function viaEndpoint(names: string[], options: NeighbourhoodOptions = {}) {
  const answer = await remoteNeighbourhood(endpoint, names.map(iriOf), { depth: options.depth, direction: options.direction, limit: options.limit });
  expect(answer.fetchTruncated).toBe(false);
  return neighbourhoodToJson(answer.graph, answer.result);
}

function localPaths(from: string, to: string, options: PathOptions) {
  return pathsToJson(graph, findPaths(graph, resolveNode(graph, from), resolveNode(graph, to), options)).paths;
}

async function remotePathsJson(from: string, to: string, options: Omit<PathOptions, "predicates" | "excludePredicates" | "excludeClasses" | "excludeNodes">) {
  const answer = await remotePaths(endpoint, iriOf(from), iriOf(to), options);
  expect(answer.fetchTruncated).toBe(false);
  return pathsToJson(answer.graph, answer.paths, await remotePathScores(endpoint, answer.graph, answer.paths)).paths;
}

/**
 * A remote path read on the local graph: the same relations (by subject, predicate and object) travelled the same
 * way, as JSON; so its evidence, explanation and score must equal the remote ones.
 */
function localReading(path: PathJson): PathJson {
  const steps = path.edges.map((edge) => {
    const s = graph.nodeByIri(edge.source), t = graph.nodeByIri(edge.target);
    const found = [...graph.outEdgeIds.subarray(graph.outOffsets[s], graph.outOffsets[s + 1])]
      .find((e) => graph.edgeTargets[e] === t && graph.dataset.terms.key(graph.edgePredicates[e]) === edge.predicate);
    expect(found, `${edge.source} ${edge.predicate} ${edge.target} in the local graph`).toBeDefined();
    return { edge: found!, forward: edge.direction === "forward" };
  });
  return pathsToJson(graph, [{ nodes: path.nodes.map((n) => graph.nodeByIri(n.iri)), steps }]).paths[0];
}

/**
 * A k at a length boundary of the local answer (path k+1 longer than path k), so the k shortest are one set whatever
 * the order of ties; the last such boundary among the 10 shortest.
 */
function boundaryK(from: string, to: string, options: PathOptions): number {
  const ranked = localPaths(from, to, { ...options, k: 10 });
  const k = ranked.findLastIndex((path, i) => i > 0 && path.edges.length > ranked[i - 1].edges.length);
  expect(k, `a length boundary among the 10 shortest from ${from} to ${to}`).toBeGreaterThan(0);
  return k;
}

const nodeSequences = (paths: readonly PathJson[]) => paths.map((p) => p.nodes.map((n) => n.iri).join(" ")).sort();

describe("the bundled graph in Virtuoso", () => {
  it("holds the same triples as the local dataset (entities and evidence)", async () => {
    const query = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a rdf:Statement ; rdf:subject ?s }";
    const remote = await endpoint.select(`PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n${query}`);
    const local = embedded.query(query);
    expect(local.form).toBe("select");
    const count = (value: string | undefined) => Number(value);
    expect(count(remote.bindings[0].n.value)).toBeGreaterThan(100);
    if (local.form === "select") expect(count(remote.bindings[0].n.value)).toBe(count(local.result.bindings[0].n.value));
  });

  it("answers a SELECT like the embedded engine", async () => {
    const query = "SELECT ?company ?label WHERE { ?company a kg:Company ; skos:prefLabel ?label } ORDER BY ?company";
    const local = embedded.query(query);
    const remote = await endpoint.query(`PREFIX kg: <https://w3id.org/smartcity-kg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n${query}`);
    if (local.form !== "select" || remote.form !== "select") throw new Error("expected SELECT results");
    const rows = (bindings: typeof local.result.bindings) => bindings.map((b) => `${b.company.value} ${b.label.value}`);
    expect(rows(remote.result.bindings)).toEqual(rows(local.result.bindings));
    expect(rows(local.result.bindings)).toContain("https://w3id.org/smartcity-kg/resource/huawei Huawei");
  });

  it("answers ASK as a boolean (Virtuoso's own ASK JSON included)", async () => {
    expect(await endpoint.ask("ASK { <https://w3id.org/smartcity-kg/resource/huawei> ?p ?o }")).toBe(true);
    expect(await endpoint.ask("ASK { <https://w3id.org/smartcity-kg/resource/no-such-thing> ?p ?o }")).toBe(false);
  });
});

describe("search on the endpoint", () => {
  it('finds Huawei for "Hua", first, as the local search does', async () => {
    const remote = await remoteSearch(endpoint, "Hua", { limit: 10 });
    const local = searchLabels(searchIndexOf(graph), "Hua", { limit: 10, includeSchema: false });
    expect(remote[0].iri).toBe(iriOf("Huawei"));
    expect(graph.iri(local[0].node)).toBe(remote[0].iri);
    expect(remote[0]).toMatchObject({ label: "Huawei", kind: "prefix", types: ["https://w3id.org/smartcity-kg/ontology#Company"] });
    // Every exact, prefix and word hit of the local search is found remotely too.
    const remoteIris = new Set(remote.map((hit) => hit.iri));
    for (const hit of local.filter((h) => h.kind !== "fuzzy")) expect(remoteIris).toContain(graph.iri(hit.node));
  });

  it("matches words inside labels and alternative labels, and respects the limit", async () => {
    const remote = await remoteSearch(endpoint, "safe city", { limit: 5 });
    expect(remote.length).toBe(5);
    for (const hit of remote) expect(hit.matched.toLowerCase()).toContain("safe city");
    expect(await remoteSearch(endpoint, "zzqx no such words", { limit: 5 })).toEqual([]);
  });

  it("finds an accented label (Mazarrón) with or without its accents and in any case, as the local search does (virtuoso-opensource#705)", async () => {
    const mazarron = iriOf("Mazarrón");
    for (const text of ["Mazarrón", "mazarrón", "MAZARRÓN", "Mazarr", "mazarron", "MAZARRON"]) {
      const local = searchLabels(searchIndexOf(graph), text, { limit: 5, includeSchema: false });
      const remote = await remoteSearch(endpoint, text, { limit: 5 });
      expect(graph.iri(local[0].node), `local search for ${text}`).toBe(mazarron);
      expect(remote[0]?.iri, `endpoint search for ${text}`).toBe(mazarron);
      expect(remote[0]).toMatchObject({ label: "Mazarrón", kind: local[0].kind });
    }
    // Names resolve the same way (path and neighbours ends).
    expect(await resolveRemoteNode(endpoint, "mazarron")).toBe(mazarron);
    expect(await resolveRemoteNode(endpoint, "MAZARRÓN")).toBe(mazarron);
  });

  it("resolves names like the local resolver, with suggestions for a typo", async () => {
    for (const name of ["Huawei", "kenya", "kgr:dahua", "Digital Silk Road"]) {
      expect(await resolveRemoteNode(endpoint, name)).toBe(iriOf(name));
    }
    const error = await resolveRemoteNode(endpoint, "Hauwei").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameResolutionError);
    expect((error as NameResolutionError).reason).toBe("unknown");
    expect((error as NameResolutionError).candidates.map((c) => c.iri)).toContain(iriOf("Huawei"));
  });
});

describe("predicate and class names on the endpoint", () => {
  it("resolves local names, labels and CURIEs to the terms the local resolver finds", async () => {
    const predicates = ["donatesTo", "body of", "kg:promotedOrDonatedTo"];
    const expected = predicates.map((name) => graph.dataset.terms.key(resolveTerm(graph, name, "predicate")));
    expect(await resolveRemoteTerms(endpoint, predicates, "predicate")).toEqual(expected);
    expect(await resolveRemoteTerms(endpoint, ["Country"], "class")).toEqual([graph.dataset.terms.key(resolveTerm(graph, "Country", "class"))]);
    const error = await resolveRemoteTerms(endpoint, ["Countyr"], "class").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NameResolutionError);
    expect((error as NameResolutionError).kind).toBe("class");
  });

  it("refuses a mistyped CURIE or IRI as an unknown name, as the local commands do (it was a filter that matched nothing)", async () => {
    for (const [name, kind] of [["kg:donatesToo", "predicate"], ["kg:Compny", "class"], ["<https://w3id.org/smartcity-kg/ontology#nope>", "predicate"]] as const) {
      const error = await resolveRemoteTerms(endpoint, [name], kind).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(NameResolutionError);
      expect((error as NameResolutionError).message).toBe(`query/names: unknown ${kind} "${name}"`);
    }
    // An old term the store still declares (ontology/migration.ttl) names its replacement, as locally.
    expect(await resolveRemoteTerms(endpoint, ["kg:donatesTo"], "predicate")).toEqual(["https://w3id.org/smartcity-kg/ontology#suppliesTo"]);
    const url = server!.endpoint;
    for (const args of [
      ["path", "Huawei", "Kenya", "--exclude-predicates", "kg:donatesToo"],
      ["neighbours", "Huawei", "--classes", "kg:Compny"],
    ]) {
      const [local, remote] = await Promise.all([runKg(args), runKg(["--endpoint", url, ...args])]);
      expect(local.code, args.join(" ")).toBe(2);
      expect(remote.code, args.join(" ")).toBe(2);
      expect(remote.stderr.split("\n")[0], args.join(" ")).toBe(local.stderr.split("\n")[0]);
    }
  });

  it("says in one line that an IRI with a > in it names nothing, instead of a stack trace", async () => {
    const result = await runKg(["--endpoint", server!.endpoint, "path", "<https://w3id.org/smartcity-kg/resource/x>y>", "Kenya"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^query\/names: unknown node "<https:\/\/w3id\.org\/smartcity-kg\/resource\/x>y>"/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("filters neighbourhoods and paths by them as the local commands do", async () => {
    const url = server!.endpoint;
    for (const args of [
      // Huawei's ministries: since the data model names recipients, its countries are two hops away.
      ["neighbours", "Huawei", "--classes", "Ministry", "--json"],
      ["neighbours", "Huawei", "--predicates", "donates to", "--json"],
      // Locally the default order is informative; over an endpoint only shortest is offered: compare like with like.
      ["path", "Huawei", "Kenya", "--predicates", "donatesTo,bodyOf", "--json", "--rank", "shortest"],
      ["path", "Huawei", "Kenya", "--exclude", "Kenyan police", "--exclude-classes", "Country", "--max-length", "4", "--json", "--rank", "shortest"],
    ]) {
      const [local, remote] = await Promise.all([runKg(args), runKg(["--endpoint", url, ...args])]);
      expect(remote.code, `${args.join(" ")}: ${remote.stderr}`).toBe(0);
      const [a, b] = [JSON.parse(local.stdout), JSON.parse(remote.stdout)];
      if (args[0] === "path") {
        expect(a.paths.length).toBeGreaterThan(0);
        expect(canonicalPaths(b.paths), args.join(" ")).toEqual(canonicalPaths(a.paths));
      } else {
        expect(a.nodes.length).toBeGreaterThan(1);
        expect(canonicalNeighbourhood(b), args.join(" ")).toEqual(canonicalNeighbourhood(a));
      }
    }
  });
});

describe("neighbourhoods on the endpoint", () => {
  it("gives the neighbours of Dahua with the local nodes, edges and evidence", async () => {
    const local = localNeighbourhood(["Dahua"]);
    const remote = await viaEndpoint(["Dahua"]);
    expect(local.nodes.length).toBeGreaterThan(5);
    expect(canonicalNeighbourhood(remote)).toEqual(canonicalNeighbourhood(local));
    // Dahua's donation to Lebanon's Ministry of Health, with the table's quote, as the local graph has it.
    const lebanon = remote.edges.find((e) => e.source === iriOf("Dahua") && e.target === `${KGR}lebanese-ministry-of-health`);
    expect(lebanon?.evidence[0].quote).toContain("Dahua has donated cameras");
  });

  it("pages and batches: tiny pages and batches give the same answer", async () => {
    const local = localNeighbourhood(["Dahua"], { depth: 2 });
    const answer = await remoteNeighbourhood(endpoint, [iriOf("Dahua")], { depth: 2, pageSize: 7, batchSize: 3 });
    expect(answer.fetchTruncated).toBe(false);
    expect(canonicalNeighbourhood(neighbourhoodToJson(answer.graph, answer.result))).toEqual(canonicalNeighbourhood(local));
  });

  it("marks the answer truncated when the row budget runs out", async () => {
    const answer = await remoteNeighbourhood(endpoint, [iriOf("China")], { depth: 2, maxRows: 50, pageSize: 20 });
    expect(answer.fetchTruncated).toBe(true);
    expect(answer.rows).toBeLessThanOrEqual(50);
  });

  it("walks only the links of a hub, so a small row budget still gives the local neighbourhood with its evidence", async () => {
    // China at depth 2 reaches 190 nodes, cut at 60: fetching the evidence of every relation walked and the labels
    // of every node reached took 10,043 rows (on a 20M-triple store a hub's first hop passed the 50,000-row budget).
    const answer = await remoteNeighbourhood(endpoint, [iriOf("China")], { depth: 2, limit: 60, maxRows: 4000 });
    expect(answer.fetchTruncated).toBe(false);
    const remote = neighbourhoodToJson(answer.graph, answer.result);
    expect(remote.nodes.length).toBe(60);
    expect(remote.truncated).toBe(true);
    // Which 60 a cut keeps follows node order, which differs from the local graph's: so the same nodes, relations,
    // labels, classes and evidence as the local graph reads them.
    const node = (iri: string) => graph.nodeByIri(iri);
    const edge = (e: EdgeJson) => [...graph.outEdgeIds.subarray(graph.outOffsets[node(e.source)], graph.outOffsets[node(e.source) + 1])]
      .find((id) => graph.edgeTargets[id] === node(e.target) && graph.dataset.terms.key(graph.edgePredicates[id]) === e.predicate)!;
    const localReading = neighbourhoodToJson(graph, {
      centers: remote.center.map(node),
      nodes: remote.nodes.map((n) => ({ node: node(n.iri), depth: n.depth })),
      edges: remote.edges.map(edge),
      truncated: true,
    });
    expect(canonicalNeighbourhood(remote)).toEqual(canonicalNeighbourhood(localReading));
    expect(remote.edges.filter((e) => e.evidence.length > 0).length).toBeGreaterThan(20);
  });

  it("agrees at depth 2, outwards only, and for several centers", async () => {
    for (const [names, options] of [
      [["Dahua"], { depth: 2 }],
      [["Huawei"], { depth: 1, direction: "out" }],
      [["Kenya"], { depth: 1, direction: "in" }],
      [["Huawei", "DJI"], { depth: 1 }],
    ] as const) {
      const local = localNeighbourhood([...names], options);
      const remote = await viaEndpoint([...names], options);
      expect(canonicalNeighbourhood(remote), `${names.join(", ")} ${JSON.stringify(options)}`).toEqual(canonicalNeighbourhood(local));
    }
  });
});

describe("paths on the endpoint", () => {
  it("finds Huawei → Kenya with the local paths and quotes", async () => {
    const k = boundaryK("Huawei", "Kenya", {});
    expect(k).toBeGreaterThan(1);
    const local = localPaths("Huawei", "Kenya", { k });
    const remote = await remotePathsJson("Huawei", "Kenya", { k });
    expect(canonicalPaths(remote)).toEqual(canonicalPaths(local));
    // Two hops since the data model names who received what: through the Kenyan government, the police, the donation.
    expect(remote.map((p) => p.nodes.map((n) => n.label))).toContainEqual(["Huawei", "Kenyan government", "Kenya"]);
    const quotes = remote.flatMap((p) => p.edges.flatMap((e) => e.evidence.map((x) => x.quote)));
    expect(quotes).toContain("Huawei has donated video conference equipment to the Kenyan government and the Pakistani Ministry of Health.");
  });

  it("gives every shortest path of longer connections, directed or not", async () => {
    for (const [from, to, options] of [
      ["DJI", "Digital Silk Road", { allShortest: true }],
      ["Dahua", "Kenya", { allShortest: true }],
      ["Huawei", "Lebanon", { allShortest: true, maxLength: 8 }],
      ["Huawei", "Kenya", { directed: true, k: boundaryK("Huawei", "Kenya", { directed: true }) }],
    ] as const) {
      const local = localPaths(from, to, options);
      const remote = await remotePathsJson(from, to, options);
      const what = `${from} → ${to} ${JSON.stringify(options)}`;
      expect(local.length, what).toBeGreaterThan(0);
      // Between two nodes joined by several relations (China → Belt and Road Initiative: promotes through, member of)
      // a path takes the one with the lowest edge id, which depends on the order the terms were read in: the fetched
      // subgraph may take another. So: the same node sequences, and each remote path as the local graph reads it.
      expect(nodeSequences(remote), what).toEqual(nodeSequences(local));
      expect(canonicalPaths(remote), what).toEqual(canonicalPaths(remote.map(localReading)));
    }
  });

  it("walks only the links between hubs, so a small row budget still finds the local paths with their evidence", async () => {
    // Dahua → Kenya takes three hops through hubs (Huawei, China). Fetching every reached node's labels and every
    // relation's evidence took 6,199 rows; on a 20M-triple store two hubs' second hop passed the 50,000-row budget.
    for (const [from, to, options] of [["Dahua", "Kenya", { allShortest: true }], ["Huawei", "Kenya", { k: boundaryK("Huawei", "Kenya", {}) }]] as const) {
      const local = localPaths(from, to, options);
      const answer = await remotePaths(endpoint, iriOf(from), iriOf(to), { ...options, maxRows: 1500 });
      const what = `${from} → ${to} ${JSON.stringify(options)}`;
      expect(answer.fetchTruncated, what).toBe(false);
      expect(answer.rows, what).toBeLessThanOrEqual(1500);
      const remote = pathsToJson(answer.graph, answer.paths, await remotePathScores(endpoint, answer.graph, answer.paths)).paths;
      expect(local.length, what).toBeGreaterThan(0);
      expect(nodeSequences(remote), what).toEqual(nodeSequences(local));
      // Labels, classes and quotes of what the paths take, as the local graph reads the same relations.
      expect(canonicalPaths(remote), what).toEqual(canonicalPaths(remote.map(localReading)));
      expect(remote.flatMap((p) => p.edges.flatMap((e) => e.evidence)).length, what).toBeGreaterThan(0);
    }
  });

  it("says no path (an empty list) when the length bound allows none", async () => {
    const local = localPaths("DJI", "Digital Silk Road", { maxLength: 1 });
    expect(local).toEqual([]);
    expect(await remotePathsJson("DJI", "Digital Silk Road", { maxLength: 1 })).toEqual([]);
  });
});

describe("kg --endpoint", () => {
  it("answers find, path and neighbours --json as the local commands do", async () => {
    const url = server!.endpoint;
    for (const args of [["find", "Hua", "--json"], ["path", "Huawei", "Kenya", "--json", "--rank", "shortest"], ["neighbours", "Dahua", "--json"]]) {
      const [local, remote] = await Promise.all([runKg(args), runKg(["--endpoint", url, ...args])]);
      expect(remote.stderr, args.join(" ")).toBe("");
      expect(remote.code).toBe(0);
      const [a, b] = [JSON.parse(local.stdout), JSON.parse(remote.stdout)];
      if (args[0] === "find") expect(b.hits.map((h: { iri: string }) => h.iri).slice(0, 3)).toEqual(a.hits.map((h: { iri: string }) => h.iri).slice(0, 3));
      else if (args[0] === "path") expect(canonicalPaths(b.paths)).toEqual(canonicalPaths(a.paths));
      else expect(canonicalNeighbourhood(b)).toEqual(canonicalNeighbourhood(a));
    }
  });

  it("counts over a UNION as the embedded engine does (kg's row limit once cut each branch to 1,001 before Virtuoso counted)", async () => {
    const url = server!.endpoint;
    const count = async (query: string, ...where: string[]) => {
      const result = await runKg([...where, "sparql", "--format", "csv", query]);
      expect(result.code, result.stderr).toBe(0);
      return Number(result.stdout.trim().split("\n")[1]);
    };
    const triples = await count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--endpoint", url);
    expect(triples).toBeGreaterThan(2000);
    const union = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { ?o ?p ?s } }";
    expect(await count(union, "--endpoint", url)).toBe(2 * triples);
    const local = await count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    expect(await count(union)).toBe(2 * local);
  });

  it("says how far a path is known when the row budget (--endpoint-rows) stops the search, and refuses a budget that is not a count", async () => {
    const url = server!.endpoint;
    const cut = await runKg(["--endpoint", url, "path", "Dahua", "Kenya", "--endpoint-rows", "3"]);
    expect(cut.code, cut.stderr).toBe(0);
    expect(cut.stderr).toMatch(/stopped fetching from .* after \d+ rows \(the row budget; --endpoint-rows N raises it\)/);
    expect(cut.stdout).toMatch(/^No path (of \d hops? or fewer|found) between Dahua and Kenya on .*; the search stopped at its row budget, so (a path|a longer one) \(up to 6 hops\) may exist: raise the budget with --endpoint-rows N\.$/m);
    const raised = await runKg(["--endpoint", url, "--endpoint-rows=5000", "path", "Dahua", "Kenya", "--json", "--rank", "shortest"]);
    expect(raised.stderr).toBe("");
    expect(JSON.parse(raised.stdout).paths.length).toBeGreaterThan(0);
    for (const bad of ["0", "1e3", "-5", "10000001"]) {
      const refused = await runKg(["--endpoint", url, "path", "Dahua", "Kenya", `--endpoint-rows=${bad}`]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr, bad).toContain(`kg: --endpoint-rows must be a whole number from 1 to 10000000, got "${bad}"`);
    }
  });

  it("shows the rows a walk has fetched on stderr with --progress, and its total at the end", async () => {
    const url = server!.endpoint;
    const shown = await runKg(["--endpoint", url, "--progress", "neighbours", "China", "--depth", "2"], { env: { KG_PROGRESS_DELAY_MS: "0" } });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(/^fetching from http:\/\/127\.0\.0\.1:\d+\/sparql: [\d,]+ rows/m);
    const total = /^fetched ([\d,]+) rows from http:\/\/127\.0\.0\.1:\d+\/sparql in \d+\.\d s$/m.exec(shown.stderr);
    expect(Number(total?.[1].replace(/,/g, ""))).toBeGreaterThan(1000);
  });

  it("runs SPARQL on the endpoint: a table, Turtle for DESCRIBE, true for ASK", async () => {
    const url = server!.endpoint;
    const table = await runKg(["--endpoint", url, "sparql", "SELECT ?l WHERE { kgr:huawei skos:prefLabel ?l }"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Huawei @en");
    const ask = await runKg(["sparql", "--endpoint", url, "ASK { kgr:dahua-temperature-screening-cameras kg:deployedAt kgr:beirut-airport }"]);
    expect(ask.stdout.trim()).toBe("true");
    const turtle = await runKg(["--endpoint", url, "sparql", "CONSTRUCT { kgr:dahua ?p ?o } WHERE { kgr:dahua ?p ?o }"]);
    expect(turtle.code).toBe(0);
    expect(turtle.stdout).toMatch(/kgr:dahua a kg:Company/);
    const bad = await runKg(["--endpoint", url, "sparql", "SELECT ?x WHERE { ?x nope:p ?y }"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/answered HTTP 400.*nope/s);
  });
});
