// What an answer drawn from a fetched subgraph shows, fetched for it alone: its nodes' labels and classes, its relations' evidence and their predicates' labels.
import type { GraphIndex } from "../graph/types.ts";
import type { RemoteSubgraph } from "./sparql-remote-subgraph.ts";

/**
 * Describes the answer's nodes (literals and classes) and, when its edges are given, fetches their evidence by exact
 * triple, their predicates' labels and what that evidence names (sources, selectors). `graph` is a projection of
 * `sub`. Says whether anything new came: a class can take a node out of an answer, which must then be solved again.
 */
export async function fetchDetails(sub: RemoteSubgraph, graph: GraphIndex, nodes: Iterable<number>, edges?: Iterable<number>): Promise<boolean> {
  const size = sub.size;
  // Blank nodes cannot be named in a query; what the walk fetched of them is all there is.
  const named = (n: number) => !graph.dataset.terms.isBlank(graph.nodeTerm(n));
  await sub.describe(new Set([...nodes].filter(named).map((n) => graph.iri(n))));
  if (edges !== undefined) {
    const list = [...edges];
    const predicate = (e: number) => graph.dataset.terms.value(graph.edgePredicates[e]);
    await sub.evidenceOf(list.filter((e) => named(graph.edgeSources[e]) && named(graph.edgeTargets[e]))
      .map((e) => [graph.iri(graph.edgeSources[e]), predicate(e), graph.iri(graph.edgeTargets[e])] as const));
    await sub.describe(new Set(list.map(predicate)));
    await sub.describeMentioned();
  }
  return sub.size > size;
}
