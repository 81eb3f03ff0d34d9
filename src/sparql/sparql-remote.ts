// Search, neighbourhoods and paths against a SPARQL endpoint: bounded, paged queries fetch only the part of the store an
// answer needs into a local Dataset, and the core's projection and queries answer on it, so the JSON is the local JSON.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import { DatasetBuilder, type Dataset } from "../rdf/dataset.ts";
import { oa, prefixes as wellKnownPrefixes, rdf } from "../rdf/vocab.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import { projectGraph } from "../graph/project.ts";
import type { GraphIndex } from "../graph/types.ts";
import { neighbourhood, type Direction, type Neighbourhood } from "../query/neighbourhood.ts";
import { findPaths, type Path, type PathOptions } from "../query/path.ts";
import { nodeToJson, type NodeJson } from "../query/json.ts";
import type { SearchKind } from "../query/search.ts";
import { normaliseText } from "../query/text.ts";
import { SparqlEndpointError, type SparqlBinding, type SparqlEndpoint, type SparqlTermJson } from "./sparql-endpoint.ts";
import { iriRef, stringLiteral } from "./sparql-query.ts";
import { altLabelPredicates, compare, foldedPattern, iris, labelPredicates, type RemoteOptions } from "./sparql-remote-common.ts";
import { remoteTermIds } from "./sparql-remote-names.ts";

export { foldedPattern, type RemoteOptions } from "./sparql-remote-common.ts";
export { expandName, remoteTermIds, resolveRemoteNode, resolveRemoteTerms } from "./sparql-remote-names.ts";

const linkPredicates = new Set(defaultProjection.linkPredicates);

/**
 * The fetched part of a store: quads gathered by bounded, paged SELECT queries (never CONSTRUCT, whose blank node
 * labels are per response), with the bookkeeping of which nodes were expanded which way and described.
 */
export class RemoteSubgraph {
  private readonly quads: RDF.Quad[] = [];
  private readonly quadKeys = new Set<string>();
  private readonly expandedOut = new Set<string>();
  private readonly expandedIn = new Set<string>();
  private readonly described = new Set<string>();
  /** IRIs met as subjects or objects of relations, as predicates, classes or evidence sources: to describe. */
  private readonly mentioned = new Set<string>();
  private readonly blanks = new Map<string, RDF.BlankNode>();
  private readonly pageSize: number;
  private readonly batchSize: number;
  private readonly maxRows: number;
  rows = 0;
  truncated = false;

  constructor(readonly endpoint: SparqlEndpoint, readonly options: RemoteOptions = {}) {
    this.pageSize = options.pageSize ?? 1000;
    this.batchSize = options.batchSize ?? 40;
    this.maxRows = options.maxRows ?? 50_000;
  }

  get size(): number {
    return this.quads.length;
  }

  /**
   * Runs `SELECT vars WHERE { body } ORDER BY vars` page by page (LIMIT/OFFSET), until a short page or the row budget;
   * the budget sets `truncated`.
   */
  async selectPaged(vars: string, body: string, onRows: (rows: SparqlBinding[]) => void): Promise<void> {
    for (let offset = 0; ; offset += this.pageSize) {
      if (this.rows >= this.maxRows) {
        this.truncated = true;
        return;
      }
      const page = Math.min(this.pageSize, this.maxRows - this.rows);
      const query = `SELECT ${vars} WHERE {\n${body}\n}\nORDER BY ${vars}\nLIMIT ${page}${offset > 0 ? ` OFFSET ${offset}` : ""}`;
      let result: Awaited<ReturnType<SparqlEndpoint["select"]>>;
      try {
        result = await this.endpoint.select(query, { signal: this.options.signal, maxRows: page });
      } catch (error) {
        // Some stores refuse deep pages of a sorted result (Virtuoso sorts at most 10 000 rows): keep what came.
        if (offset > 0 && error instanceof SparqlEndpointError && error.kind === "http") {
          this.truncated = true;
          return;
        }
        throw error;
      }
      this.rows += result.bindings.length;
      onRows(result.bindings);
      if (result.bindings.length < page) return;
      if (page < this.pageSize) {
        this.truncated = true;
        return;
      }
    }
  }

  private async inBatches(nodes: Iterable<string>, run: (batch: string[]) => Promise<void>): Promise<void> {
    const list = [...nodes];
    for (let i = 0; i < list.length && !this.truncated; i += this.batchSize) await run(list.slice(i, i + this.batchSize));
  }

  private term(t: SparqlTermJson, blankScope: string): RDF.Term | undefined {
    switch (t.type) {
      case "uri":
        return DataFactory.namedNode(t.value);
      case "bnode": {
        // Stores keep a blank node's label within a response; the scope keeps unrelated responses' labels apart.
        const key = `${blankScope}|${t.value}`;
        let node = this.blanks.get(key);
        if (node === undefined) {
          node = DataFactory.blankNode(`r${this.blanks.size}`);
          this.blanks.set(key, node);
        }
        return node;
      }
      case "literal":
      case "typed-literal": {
        const language = t["xml:lang"];
        if (language) return DataFactory.literal(t.value, language);
        if (t.datatype) return DataFactory.literal(t.value, DataFactory.namedNode(t.datatype));
        return DataFactory.literal(t.value);
      }
      default:
        return undefined;
    }
  }

  private add(s: RDF.Term | undefined, p: RDF.Term | undefined, o: RDF.Term | undefined): void {
    if (s === undefined || p === undefined || o === undefined) return;
    if (s.termType === "Literal" || p.termType !== "NamedNode") return;
    const key = `${s.termType}:${s.value}|${p.value}|${o.termType}:${o.value}:${(o as RDF.Literal).language ?? ""}:${(o as RDF.Literal).datatype?.value ?? ""}`;
    if (this.quadKeys.has(key)) return;
    this.quadKeys.add(key);
    this.quads.push(DataFactory.quad(s as RDF.Quad_Subject, p as RDF.Quad_Predicate, o as RDF.Quad_Object));
    if (o.termType === "NamedNode") {
      if (p.value === rdf.type) this.mentioned.add(o.value);
      else if (!linkPredicates.has(p.value)) this.mentioned.add(o.value);
    }
    if (s.termType === "NamedNode") this.mentioned.add(s.value);
    this.mentioned.add(p.value);
  }

  /**
   * Fetches every triple of the nodes in the given direction (out: the node is the subject; in: the object, evidence
   * statements excepted), and the evidence of those triples. Returns the IRIs of the nodes they lead to.
   */
  async expand(nodes: Iterable<string>, direction: Direction): Promise<Set<string>> {
    const reached = new Set<string>();
    const out = direction !== "in" ? [...nodes].filter((n) => !this.expandedOut.has(n)) : [];
    const into = direction !== "out" ? [...nodes].filter((n) => !this.expandedIn.has(n)) : [];
    const keep = (rows: SparqlBinding[], scope: string, far: "s" | "o") => {
      for (const row of rows) {
        const p = row.p?.value;
        this.add(this.term(row.s, scope), this.term(row.p, scope), this.term(row.o, scope));
        const other = row[far];
        if (other?.type === "uri" && p !== rdf.type && !linkPredicates.has(p ?? "")) reached.add(other.value);
      }
    };
    await this.inBatches(out, async (batch) => {
      for (const n of batch) this.expandedOut.add(n);
      await this.selectPaged("?s ?p ?o", `VALUES ?s { ${iris(batch)} }\n?s ?p ?o .`, (rows) => keep(rows, "out", "o"));
      await this.fetchEvidence(batch, "subject");
      for (const n of batch) this.described.add(n);
    });
    await this.inBatches(into, async (batch) => {
      for (const n of batch) this.expandedIn.add(n);
      // Evidence statements point at entities too (rdf:subject, prov:wasDerivedFrom): they are fetched as evidence.
      await this.selectPaged("?s ?p ?o", `VALUES ?o { ${iris(batch)} }\n?s ?p ?o .\nFILTER NOT EXISTS { ?s ${iriRef(rdf.subject)} ?statedSubject }`, (rows) => keep(rows, "in", "s"));
      await this.fetchEvidence(batch, "object");
    });
    return reached;
  }

  /** The reified statements (with their selectors) whose rdf:subject or rdf:object is one of the nodes. */
  private async fetchEvidence(nodes: string[], role: "subject" | "object"): Promise<void> {
    const link = role === "subject" ? rdf.subject : rdf.object;
    const body = `VALUES ?n { ${iris(nodes)} }\n?st ${iriRef(link)} ?n .\n{ ?st ?f ?v } UNION { ?st ${iriRef(oa.hasSelector)} ?sel . ?sel ?f ?v }`;
    await this.selectPaged("?st ?sel ?f ?v", body, (rows) => {
      for (const row of rows) {
        // A statement's triples all come here: describing it again would only repeat them.
        this.described.add(row.st.value);
        const statement = this.term(row.st, "evidence");
        if (row.sel !== undefined) {
          const selector = this.term(row.sel, `selector ${row.st.value}`);
          this.add(statement, DataFactory.namedNode(oa.hasSelector), selector);
          this.add(selector, this.term(row.f, "evidence"), this.term(row.v, `selector ${row.st.value}`));
        } else if (!(row.f.value === oa.hasSelector && row.v.type === "bnode")) {
          this.add(statement, this.term(row.f, "evidence"), this.term(row.v, "evidence"));
        }
      }
    });
  }

  /** Labels, descriptions and classes (literal and rdf:type triples) of every mentioned IRI not yet expanded outwards. */
  async describeMentioned(): Promise<void> {
    const pending = [...this.mentioned].filter((iri) => !this.described.has(iri));
    await this.describe(pending);
  }

  async describe(nodes: Iterable<string>): Promise<void> {
    const pending = [...nodes].filter((iri) => !this.described.has(iri));
    await this.inBatches(pending, async (batch) => {
      for (const n of batch) this.described.add(n);
      const body = `VALUES ?s { ${iris(batch)} }\n?s ?p ?o .\nFILTER(isLiteral(?o) || ?p = ${iriRef(rdf.type)})`;
      await this.selectPaged("?s ?p ?o", body, (rows) => {
        for (const row of rows) this.add(this.term(row.s, "describe"), this.term(row.p, "describe"), this.term(row.o, "describe"));
      });
    });
  }

  /** The fetched quads as a Dataset, with the well-known prefixes for CURIEs and Turtle. */
  dataset(): Dataset {
    const builder = new DatasetBuilder(undefined, Math.max(1024, this.quads.length));
    builder.addPrefixes(wellKnownPrefixes);
    for (const quad of this.quads) builder.addQuad(quad);
    return builder.freeze();
  }

  graph(): GraphIndex {
    return projectGraph(this.dataset());
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Search

export interface RemoteSearchHit extends NodeJson {
  matched: string;
  kind: SearchKind;
}

export interface RemoteSearchOptions extends RemoteOptions {
  limit?: number;
  /** Whether classes, properties and other schema resources may be hits; default false. */
  includeSchema?: boolean;
}

const kindOrder: Record<SearchKind, number> = { exact: 0, prefix: 1, word: 2, fuzzy: 3 };

/**
 * Label search over the endpoint: labels and alt labels that start with the text, then labels with a word that
 * does (case-insensitive REGEX with LIMIT, paged until `limit` entities), ranked exact, prefix, word, then shorter
 * labels first. No typo tolerance: a store cannot rank edit distances cheaply.
 */
export async function remoteSearch(endpoint: SparqlEndpoint, text: string, options: RemoteSearchOptions = {}): Promise<RemoteSearchHit[]> {
  const limit = options.limit ?? 10;
  const wanted = text.trim();
  const key = normaliseText(wanted);
  if (key === "" || limit <= 0) return [];
  const sub = new RemoteSubgraph(endpoint, { ...options, pageSize: Math.min(options.pageSize ?? 200, 200) });
  const best = new Map<string, { matched: string; kind: SearchKind }>();
  const schemaFilter = options.includeSchema
    ? ""
    : `FILTER NOT EXISTS { ?s ${iriRef(rdf.type)} ?schemaClass . FILTER(?schemaClass IN (${defaultProjection.schemaClasses.map(iriRef).join(", ")})) }`;
  const patterns = [`^${foldedPattern(wanted)}`, `[^A-Za-z0-9]${foldedPattern(wanted)}`];
  for (const pattern of patterns) {
    if (best.size >= limit) break;
    const body = [
      `VALUES ?lp { ${iris([...labelPredicates, ...altLabelPredicates])} }`,
      "?s ?lp ?m .",
      `FILTER(isLiteral(?m) && REGEX(?m, ${stringLiteral(pattern)}, "i"))`,
      schemaFilter,
    ].join("\n");
    const done = new AbortController();
    const stopWhenEnough = (rows: SparqlBinding[]) => {
      for (const row of rows) {
        if (row.s.type !== "uri") continue;
        const kind = matchKind(key, normaliseText(row.m.value));
        const previous = best.get(row.s.value);
        if (previous === undefined || kindOrder[kind] < kindOrder[previous.kind]) best.set(row.s.value, { matched: row.m.value, kind });
      }
      if (best.size >= limit * 3) done.abort();
    };
    // Shorter matches first, so the first pages hold the closest labels.
    await pagedUntil(sub, "?s ?m", body, "STRLEN(STR(?m)) ?m ?s", stopWhenEnough, done.signal);
  }
  if (best.size === 0) return [];
  await sub.describe(best.keys());
  const graph = sub.graph();
  const hits: RemoteSearchHit[] = [];
  for (const [iri, hit] of best) {
    const n = graph.nodeByIri(iri);
    if (n < 0) continue;
    hits.push({ ...nodeToJson(graph, n), matched: hit.matched, kind: hit.kind });
  }
  hits.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.matched.length - b.matched.length || compare(a.label, b.label) || compare(a.iri, b.iri));
  return hits.slice(0, limit);
}

/** Like RemoteSubgraph.selectPaged with an explicit ORDER BY, stopping early when `stop` is aborted. */
async function pagedUntil(sub: RemoteSubgraph, vars: string, body: string, orderBy: string, onRows: (rows: SparqlBinding[]) => void, stop: AbortSignal): Promise<void> {
  const pageSize = sub.options.pageSize ?? 200;
  const maxPages = 10;
  for (let page = 0; page < maxPages && !stop.aborted; page++) {
    const query = `SELECT DISTINCT ${vars} WHERE {\n${body}\n}\nORDER BY ${orderBy}\nLIMIT ${pageSize}${page > 0 ? ` OFFSET ${page * pageSize}` : ""}`;
    const result = await sub.endpoint.select(query, { signal: sub.options.signal, maxRows: pageSize });
    onRows(result.bindings);
    if (result.bindings.length < pageSize) return;
  }
}

function matchKind(query: string, matched: string): SearchKind {
  if (matched === query) return "exact";
  if (matched.startsWith(query)) return "prefix";
  if (` ${matched}`.includes(` ${query}`)) return "word";
  return "fuzzy";
}

// ---------------------------------------------------------------------------------------------------------------
// Neighbourhood

export interface RemoteNeighbourhoodOptions extends RemoteOptions {
  depth?: number;
  direction?: Direction;
  /** Nodes at most (centers included); default 500. */
  limit?: number;
  /** Class and predicate IRIs, CURIEs or labels (labels are resolved against the fetched part). */
  classes?: readonly string[];
  predicates?: readonly string[];
}

export interface RemoteNeighbourhood {
  /** The fetched part, projected: pass it with `result` to neighbourhoodToJson or the CLI's renderers. */
  graph: GraphIndex;
  result: Neighbourhood;
  /** Whether the row budget stopped the fetch (the answer may lack nodes the store has). */
  fetchTruncated: boolean;
  rows: number;
}

/**
 * The neighbourhood of the centers (IRIs) to a depth: the frontier is expanded level by level (all triples of its
 * nodes, in the direction asked, with their evidence), the last level is only described (labels, classes), and
 * the core's neighbourhood runs on what was fetched, so depth, limit and filters mean what they mean locally.
 */
export async function remoteNeighbourhood(endpoint: SparqlEndpoint, centers: readonly string[], options: RemoteNeighbourhoodOptions = {}): Promise<RemoteNeighbourhood> {
  const depth = options.depth ?? 1;
  const direction = options.direction ?? "both";
  const limit = options.limit ?? 500;
  const sub = new RemoteSubgraph(endpoint, options);
  const seen = new Set<string>(centers);
  let frontier = [...seen];
  for (let level = 0; level < depth && frontier.length > 0 && !sub.truncated; level++) {
    const reached = await sub.expand(frontier, direction);
    frontier = [...reached].filter((iri) => !seen.has(iri));
    for (const iri of frontier) seen.add(iri);
    // The core stops at `limit` nodes; going further would fetch what it cannot show.
    if (seen.size > limit) break;
  }
  await sub.describe(centers);
  await sub.describeMentioned();
  const graph = sub.graph();
  const centerIds = centers.map((iri) => graph.nodeByIri(iri)).filter((n) => n >= 0);
  const result = neighbourhood(graph, centerIds, {
    depth,
    direction,
    limit,
    classes: noneMatches(remoteTermIds(graph, options.classes ?? [], "class")),
    predicates: noneMatches(remoteTermIds(graph, options.predicates ?? [], "predicate")),
  });
  return { graph, result, fetchTruncated: sub.truncated, rows: sub.rows };
}

/** Filters whose values are all absent from the fetched part must match nothing, not (as an empty list would) everything. */
function noneMatches(ids: number[]): number[] {
  return ids.length > 0 && ids.every((id) => id < 0) ? [-1] : ids.filter((id) => id >= 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

export interface RemotePathOptions extends RemoteOptions, Omit<PathOptions, "predicates" | "excludePredicates" | "excludeClasses" | "excludeNodes"> {
  predicates?: readonly string[];
  excludePredicates?: readonly string[];
  excludeClasses?: readonly string[];
  /** IRIs of intermediate nodes to avoid. */
  excludeNodes?: readonly string[];
}

export interface RemotePaths {
  graph: GraphIndex;
  paths: Path[];
  /** Whether the row budget stopped the search before the answer was certain to be complete. */
  fetchTruncated: boolean;
  rows: number;
  /** Hops expanded from each end. */
  radii: [number, number];
}

/**
 * Paths between two IRIs by bidirectional frontier expansion: each round expands the smaller frontier by one hop
 * (bounded, paged queries) and runs the core's findPaths on what was fetched. With radii r1 and r2 fetched around
 * the ends, every path of length <= r1 + r2 is present, so the search stops once the k-th path found (or the
 * shortest, for all shortest) is that short, when the lengths reach maxLength, or when a side has nowhere to go.
 */
export async function remotePaths(endpoint: SparqlEndpoint, from: string, to: string, options: RemotePathOptions = {}): Promise<RemotePaths> {
  const k = options.k ?? 1;
  const maxLength = options.maxLength ?? 6;
  const directed = options.directed ?? false;
  const sub = new RemoteSubgraph(endpoint, options);
  const sides = [
    { seen: new Set([from]), frontier: [from], radius: 0, direction: (directed ? "out" : "both") as Direction },
    { seen: new Set([to]), frontier: [to], radius: 0, direction: (directed ? "in" : "both") as Direction },
  ];
  await sub.describe([from, to]);
  let answer: { graph: GraphIndex; paths: Path[] } = solve(sub, from, to, options);
  const complete = () => {
    const covered = sides[0].radius + sides[1].radius;
    if (answer.paths.length === 0) return false;
    const needed = options.allShortest ? answer.paths[0] : answer.paths[Math.min(k, answer.paths.length) - 1];
    return answer.paths.length >= (options.allShortest ? 1 : k) && needed.steps.length <= covered;
  };
  while (from !== to && !complete() && !sub.truncated) {
    if (sides[0].radius + sides[1].radius >= maxLength) break;
    if (sides.some((side) => side.frontier.length === 0)) break;
    const side = sides[0].frontier.length <= sides[1].frontier.length ? sides[0] : sides[1];
    const reached = await sub.expand(side.frontier, side.direction);
    side.frontier = [...reached].filter((iri) => !side.seen.has(iri));
    for (const iri of side.frontier) side.seen.add(iri);
    side.radius++;
    await sub.describeMentioned();
    answer = solve(sub, from, to, options);
  }
  return { ...answer, fetchTruncated: sub.truncated, rows: sub.rows, radii: [sides[0].radius, sides[1].radius] };
}

function solve(sub: RemoteSubgraph, from: string, to: string, options: RemotePathOptions): { graph: GraphIndex; paths: Path[] } {
  const graph = sub.graph();
  const a = graph.nodeByIri(from), b = graph.nodeByIri(to);
  if (a < 0 || b < 0) return { graph, paths: [] };
  const nodes = (list: readonly string[] | undefined) => (list ?? []).map((iri) => graph.nodeByIri(iri)).filter((n) => n >= 0);
  const predicates = noneMatches(remoteTermIds(graph, options.predicates ?? [], "predicate"));
  if (predicates.length === 1 && predicates[0] < 0) return { graph, paths: [] };
  const paths = findPaths(graph, a, b, {
    k: options.k,
    allShortest: options.allShortest,
    limit: options.limit,
    maxLength: options.maxLength,
    directed: options.directed,
    predicates,
    excludePredicates: remoteTermIds(graph, options.excludePredicates ?? [], "predicate").filter((id) => id >= 0),
    excludeClasses: remoteTermIds(graph, options.excludeClasses ?? [], "class").filter((id) => id >= 0),
    excludeNodes: nodes(options.excludeNodes),
  });
  return { graph, paths };
}
