// Paths on an endpoint: both ends' frontiers expanded in turn into a fetched subgraph until the core's findPaths answer is certain.
import type { GraphIndex } from "../graph/types.ts";
import type { Direction } from "../query/neighbourhood.ts";
import { findPaths, type Path, type PathOptions } from "../query/path.ts";
import { isEvent } from "../query/explain-event.ts";
import type { SparqlEndpoint } from "./sparql-endpoint.ts";
import { noneMatches, type RemoteOptions } from "./sparql-remote-common.ts";
import { remoteTermIds } from "./sparql-remote-names.ts";
import { fetchDetails } from "./sparql-remote-details.ts";
import { RemoteSubgraph } from "./sparql-remote-subgraph.ts";

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
  /** Hops fetched in full around each end: every path of r1 + r2 hops or fewer is in `graph`. */
  radii: [number, number];
}

/**
 * Paths between two IRIs by bidirectional frontier expansion: each round expands the smaller frontier by one hop
 * (bounded, paged queries for the links alone) and runs the core's findPaths on what was fetched. With radii r1 and
 * r2 fetched around the ends, every path of length <= r1 + r2 is present, so the search stops once the k-th path
 * found (or the shortest, for all shortest) is that short, when the lengths reach maxLength, or when a side has
 * nowhere to go. Labels, classes and evidence are fetched only for the nodes and relations the paths take: at the
 * hubs of a large store, fetching them for every node reached spent the row budget before the second hop.
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
  let answer = await settled(sub, from, to, options, false);
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
    const reached = await sub.expandLinks(side.frontier, side.direction);
    side.frontier = [...reached].filter((iri) => !side.seen.has(iri));
    for (const iri of side.frontier) side.seen.add(iri);
    // A hop cut short by the row budget is not counted: the radii say how far every path is known.
    if (!sub.truncated) side.radius++;
    answer = await settled(sub, from, to, options, false);
  }
  answer = await settled(sub, from, to, options, true);
  if (answer.paths.length > 0 && (await fetchEvents(sub, answer))) answer = await settled(sub, from, to, options, true);
  return { ...answer, fetchTruncated: sub.truncated, rows: sub.rows, radii: [sides[0].radius, sides[1].radius] };
}

/**
 * The core's paths on what was fetched, once every node they take is described (its classes decide whether a class
 * filter lets it pass, and whether it is a node at all) and, with `details`, every relation they take has its
 * evidence and its predicate its label. What is fetched may change the answer, so it is solved again until nothing
 * new comes.
 */
async function settled(sub: RemoteSubgraph, from: string, to: string, options: RemotePathOptions, details: boolean): Promise<{ graph: GraphIndex; paths: Path[] }> {
  for (;;) {
    const answer = solve(sub, from, to, options);
    const { graph, paths } = answer;
    if (sub.truncated) return answer;
    const edges = details ? paths.flatMap((path) => path.steps.map((step) => step.edge)) : undefined;
    if (!(await fetchDetails(sub, graph, paths.flatMap((path) => path.nodes), edges))) return answer;
  }
}

/**
 * What explanations need of the events on the paths, as the whole graph has it: the class hierarchy that makes
 * them events, their roles (who, what, to whom, where, on which occasion) and those nodes' labels. Says whether it
 * fetched any role. The search is answered again on the grown subgraph: every path it could take was there
 * already, so only the order among equally short ones may change.
 */
async function fetchEvents(sub: RemoteSubgraph, answer: { graph: GraphIndex; paths: Path[] }): Promise<boolean> {
  await sub.superclasses();
  const graph = sub.graph();
  const onPaths = new Set(answer.paths.flatMap((path) => path.nodes.map((n) => answer.graph.iri(n))));
  const events = [...onPaths].filter((iri) => {
    const n = graph.nodeByIri(iri);
    return n >= 0 && !graph.dataset.terms.isBlank(graph.nodeTerm(n)) && isEvent(graph, n);
  });
  if (events.length === 0) return false;
  await sub.expand(events, "out");
  await sub.describeMentioned();
  return true;
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
