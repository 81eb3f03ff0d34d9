// Path scores on an endpoint: the degrees of a path's entities and the frequencies of its predicates counted in the whole store, not in the fetched part.
import type { GraphIndex } from "../graph/types.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import type { Path } from "../query/path-types.ts";
import { genericCost, hubCost, scoreOfCosts, type PathScore } from "../query/path-score.ts";
import { rdf } from "../rdf/vocab.ts";
import type { SparqlEndpoint } from "./sparql-endpoint.ts";
import { iriRef } from "./sparql-query.ts";
import { iris, type RemoteOptions } from "./sparql-remote-common.ts";

// What the projection (graph/project-scan.ts) leaves out of the edges: classes, link attributes, literals, the
// empty list, and reified statements (evidence) on either end.
const notEdgePredicates = [rdf.type, ...defaultProjection.linkPredicates].map(iriRef).join(", ");
const ignored = defaultProjection.ignoredObjects.map(iriRef).join(", ");
const metaPredicates = defaultProjection.metaPredicates.map(iriRef).join(" ");
const notMeta = (v: string) => `FILTER NOT EXISTS { VALUES ?meta { ${metaPredicates} } ${v} ?meta ?stated }`;
const edgeFilter = (p: string, o: string) => `FILTER(!isLiteral(${o}) && ${p} NOT IN (${notEdgePredicates})${ignored ? ` && ${o} NOT IN (${ignored})` : ""})`;

/**
 * The score of each path (query/path-score.ts) as the whole store would give it: one COUNT query for the degrees of
 * the paths' intermediate entities and one for the frequencies of their predicates (each batched by the batch
 * size), so a score over an endpoint equals the local one on the same data. Triples stated in several named graphs
 * count once, as locally. A path through a blank node has none (undefined): no query can name the node.
 */
export async function remotePathScores(endpoint: SparqlEndpoint, graph: GraphIndex, paths: readonly Path[], options: RemoteOptions = {}): Promise<(PathScore | undefined)[]> {
  const blank = (n: number) => graph.dataset.terms.isBlank(graph.nodeTerm(n));
  const nodes = [...new Set(paths.flatMap((path) => path.nodes.slice(1, -1).filter((n) => !blank(n)).map((n) => graph.iri(n))))];
  const predicates = [...new Set(paths.flatMap((path) => path.steps.map((step) => graph.dataset.terms.key(graph.edgePredicates[step.edge]))))];
  const degree = await counts(endpoint, nodes, options, (batch) => `SELECT ?n (COUNT(*) AS ?count) WHERE {
  { SELECT DISTINCT ?n ?p ?o WHERE { VALUES ?n { ${batch} } ?n ?p ?o . ${edgeFilter("?p", "?o")} ${notMeta("?o")} } }
  UNION
  { SELECT DISTINCT ?n ?p ?s WHERE { VALUES ?n { ${batch} } ?s ?p ?n . ${edgeFilter("?p", "?n")} ${notMeta("?s")} } }
} GROUP BY ?n`);
  const frequency = await counts(endpoint, predicates, options, (batch) => `SELECT ?n (COUNT(*) AS ?count) WHERE {
  { SELECT DISTINCT ?n ?s ?o WHERE { VALUES ?n { ${batch} } ?s ?n ?o . ${edgeFilter("?n", "?o")} ${notMeta("?s")} ${notMeta("?o")} } }
} GROUP BY ?n`);
  return paths.map((path) => path.nodes.slice(1, -1).some(blank) ? undefined : scoreOfCosts(
    path.nodes.slice(1, -1).map((n) => hubCost(degree.get(graph.iri(n)) ?? 0)),
    path.steps.map((step) => genericCost(frequency.get(graph.dataset.terms.key(graph.edgePredicates[step.edge])) ?? 1)),
  ));
}

/** One row per IRI (its count), asked batchSize IRIs at a time. */
async function counts(endpoint: SparqlEndpoint, list: readonly string[], options: RemoteOptions, query: (batch: string) => string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const size = options.batchSize ?? 40;
  for (let i = 0; i < list.length; i += size) {
    const batch = list.slice(i, i + size);
    const answer = await endpoint.select(query(iris(batch)), { signal: options.signal, maxRows: batch.length });
    for (const row of answer.bindings) {
      if (row.n?.type === "uri" && row.count !== undefined) result.set(row.n.value, Number(row.count.value));
    }
  }
  return result;
}
