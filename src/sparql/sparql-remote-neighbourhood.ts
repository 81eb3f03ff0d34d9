// A neighbourhood on an endpoint: the frontier expanded level by level into a fetched subgraph, then the core's neighbourhood.
import type { GraphIndex } from "../graph/types.ts";
import { neighbourhood, type Direction, type Neighbourhood } from "../query/neighbourhood.ts";
import type { SparqlEndpoint } from "./sparql-endpoint.ts";
import { noneMatches, type RemoteOptions } from "./sparql-remote-common.ts";
import { remoteTermIds } from "./sparql-remote-names.ts";
import { fetchDetails } from "./sparql-remote-details.ts";
import { RemoteSubgraph } from "./sparql-remote-subgraph.ts";
import { filterIris } from "./sparql-remote-link-filter.ts";

export interface RemoteNeighbourhoodOptions extends RemoteOptions {
  depth?: number;
  direction?: Direction;
  /** Nodes at most (centers included); default 500. */
  limit?: number;
  /**
   * Class and predicate IRIs, CURIEs or labels. IRIs and CURIEs filter the links the store sends; labels are resolved
   * against the fetched part, so with one of them every link of a node is fetched (resolveRemoteTerms gives IRIs).
   */
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
 * The neighbourhood of the centers (IRIs) to a depth: the frontier is expanded level by level (only the links of its
 * nodes, in the direction asked; with a class filter, the classes of every node reached), the core's neighbourhood
 * runs on what was fetched, so depth, limit and filters mean what they mean locally, and then the nodes and
 * relations it keeps get their labels, classes and evidence (solved again if a class takes a node out). At a hub
 * of thousands of relations, fetching evidence and labels for all of them spent the row budget at the first hop.
 */
export async function remoteNeighbourhood(endpoint: SparqlEndpoint, centers: readonly string[], options: RemoteNeighbourhoodOptions = {}): Promise<RemoteNeighbourhood> {
  const depth = options.depth ?? 1;
  const direction = options.direction ?? "both";
  const limit = options.limit ?? 500;
  // Filters given as IRIs (as kg resolves them) are applied by the store: at a hub, the links they drop are not sent.
  const predicateIris = filterIris(options.predicates);
  const classIris = filterIris(options.classes);
  const sub = new RemoteSubgraph(endpoint, options, { predicates: predicateIris, classes: classIris, passing: centers });
  const seen = new Set<string>(centers);
  let frontier = [...seen];
  // The core keeps the first `limit` nodes its walk reaches, so once the links fetched reach more, the rest of a
  // hub's are not fetched; a filter by label is applied only here, so it lets every link come.
  const filteredHere = (predicateIris === undefined && (options.predicates ?? []).length > 0) || (classIris === undefined && (options.classes ?? []).length > 0);
  const enough = filteredHere ? undefined : (reached: ReadonlySet<string>) => {
    let added = 0;
    for (const iri of reached) if (!seen.has(iri)) added++;
    return seen.size + added > limit;
  };
  for (let level = 0; level < depth && frontier.length > 0 && !sub.truncated; level++) {
    const reached = await sub.expandLinks(frontier, direction, enough);
    frontier = [...reached].filter((iri) => !seen.has(iri));
    for (const iri of frontier) seen.add(iri);
    // The core stops at `limit` nodes; going further would fetch what it cannot show. (Filtered only here, `seen`
    // holds nodes the filter drops, so it says nothing of how many the core keeps.)
    if (!filteredHere && seen.size > limit) break;
  }
  await sub.describe(centers);
  if ((options.classes ?? []).length > 0) await sub.types(seen);
  for (;;) {
    const graph = sub.graph();
    const centerIds = centers.map((iri) => graph.nodeByIri(iri)).filter((n) => n >= 0);
    const result = neighbourhood(graph, centerIds, {
      depth,
      direction,
      limit,
      classes: noneMatches(remoteTermIds(graph, options.classes ?? [], "class")),
      predicates: noneMatches(remoteTermIds(graph, options.predicates ?? [], "predicate")),
    });
    // Once the budget is spent nothing more can come; else what came may change the answer, which is then solved again.
    if (sub.truncated || !(await fetchDetails(sub, graph, result.nodes.map((n) => n.node), result.edges))) {
      return { graph, result, fetchTruncated: sub.truncated, rows: sub.rows };
    }
  }
}
