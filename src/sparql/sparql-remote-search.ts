// Label search on an endpoint: REGEX over labels and alt labels, paged until enough entities, ranked like the local search.
import { rdf } from "../rdf/vocab.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import { nodeToJson, type NodeJson } from "../query/json.ts";
import type { SearchKind } from "../query/search.ts";
import { normaliseText } from "../query/text.ts";
import type { SparqlBinding, SparqlEndpoint } from "./sparql-endpoint.ts";
import { iriRef, stringLiteral } from "./sparql-query.ts";
import { altLabelPredicates, compare, foldedPattern, iris, labelPredicates, type RemoteOptions } from "./sparql-remote-common.ts";
import { RemoteSubgraph } from "./sparql-remote-subgraph.ts";

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
