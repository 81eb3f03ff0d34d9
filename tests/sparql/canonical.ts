// Test helper: order-free forms of the query JSON, so answers from a fetched subgraph (other node and edge ids) compare with local ones.
import type { EdgeJson, NeighbourhoodJson, PathJson } from "../../src/query/json.ts";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function canonicalEdge<E extends EdgeJson>(edge: E): E {
  const evidence = [...edge.evidence].sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b)));
  return { ...edge, evidence };
}

/** Nodes sorted by IRI, edges by (source, predicate, target), evidence by content. */
export function canonicalNeighbourhood(json: NeighbourhoodJson): NeighbourhoodJson {
  return {
    center: [...json.center].sort(byText),
    nodes: [...json.nodes].map((n) => ({ ...n, types: [...n.types].sort(byText) })).sort((a, b) => byText(a.iri, b.iri)),
    edges: json.edges.map(canonicalEdge).sort((a, b) => byText(`${a.source} ${a.predicate} ${a.target}`, `${b.source} ${b.predicate} ${b.target}`)),
    truncated: json.truncated,
  };
}

/** A path with its evidence in a fixed order; paths sorted by length, then by their node IRIs. */
export function canonicalPaths(paths: readonly PathJson[]): PathJson[] {
  return paths
    .map((path) => ({
      ...path,
      nodes: path.nodes.map((n) => ({ ...n, types: [...n.types].sort(byText) })),
      edges: path.edges.map(canonicalEdge),
    }))
    .sort((a, b) => a.nodes.length - b.nodes.length || byText(a.nodes.map((n) => n.iri).join(" "), b.nodes.map((n) => n.iri).join(" ")));
}
