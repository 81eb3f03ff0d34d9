// Paths on an endpoint: both ends' frontiers expanded in turn into a fetched subgraph until the core's findPaths answer is certain.
import type { GraphIndex } from "../graph/types.ts";
import type { Direction } from "../query/neighbourhood.ts";
import { findPaths, type Path, type PathOptions } from "../query/path.ts";
import { isEvent } from "../query/explain-event.ts";
import { SparqlEndpointError, type SparqlEndpoint } from "./sparql-endpoint.ts";
import { iris, noneMatches, type RemoteOptions } from "./sparql-remote-common.ts";
import { remoteTermIds } from "./sparql-remote-names.ts";
import { fetchDetails } from "./sparql-remote-details.ts";
import { NOT_A_STATEMENT, RemoteSubgraph } from "./sparql-remote-subgraph.ts";
import { filterIris, linkFilterClauses } from "./sparql-remote-link-filter.ts";

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
  /** Hops fetched in full around each end. */
  radii: [number, number];
  /** Every path of this many hops or fewer is in `graph`: the radii's sum, and one more when the frontiers were joined. */
  knownHops: number;
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
  // Predicates given as IRIs (as kg resolves them) are filtered by the store: a hub's other links are not sent.
  const sub = new RemoteSubgraph(endpoint, options, { predicates: filterIris(options.predicates), excludePredicates: filterIris(options.excludePredicates) });
  const sides = [from, to].map((end, i) => ({
    seen: new Set([end]),
    frontier: [end],
    radius: 0,
    direction: (directed ? (i === 0 ? "out" : "in") : "both") as Direction,
    /** Rows this side's hops fetched, and the nodes they expanded: what a frontier node has cost on average. */
    rows: 0,
    expanded: 0,
    /** The links the frontier's next hop would fetch, counted by the store; undefined: not counted (yet). */
    cost: undefined as number | undefined,
    /** Whether the frontier changed since it was counted. */
    uncounted: false,
  }));
  await sub.describe([from, to]);
  if (from !== to && maxLength > 0) {
    const counts = [await linkCount(sub, [from], sides[0].direction), await linkCount(sub, [to], sides[1].direction)];
    if (counts.every((count) => count !== undefined)) counts.forEach((count, i) => (sides[i].cost = count));
  }
  // Frontiers joined by bridge() since the last hop: every path one hop longer than the radii is then fetched too.
  let bridged = false;
  const covered = () => sides[0].radius + sides[1].radius + (bridged ? 1 : 0);
  // Each round expands the side whose next hop should fetch fewer rows: a hub's end is left for last while the
  // other side's ball grows toward it (a hub of 98,558 links spent the whole budget when expanded first).
  const nextCost = (side: (typeof sides)[number]) => side.cost ?? (side.expanded === 0 ? 1 : side.frontier.length * (side.rows / side.expanded));
  let answer = await settled(sub, from, to, options, false);
  const complete = () => {
    if (answer.paths.length === 0) return false;
    const needed = options.allShortest ? answer.paths[0] : answer.paths[Math.min(k, answer.paths.length) - 1];
    return answer.paths.length >= (options.allShortest ? 1 : k) && needed.steps.length <= covered();
  };
  while (from !== to && !complete() && !sub.truncated) {
    if (covered() >= maxLength) break;
    if (sides.some((side) => side.frontier.length === 0)) break;
    const [small, large] = sides[0].frontier.length <= sides[1].frontier.length ? sides : [sides[1], sides[0]];
    // A hub's end joined to the other side's frontier in a query or a few, where expanding either costs its links.
    if (!bridged && small.frontier.length <= BRIDGE_SMALL && large.frontier.length <= BRIDGE_LARGE) {
      // Directed, the joining link goes from `from`'s frontier to `to`'s.
      await sub.bridge(small.frontier, large.frontier, !directed ? "both" : small === sides[0] ? "out" : "in", BRIDGE_BATCH);
      if (!sub.truncated) bridged = true;
      answer = await settled(sub, from, to, options, false);
      continue;
    }
    // A frontier that holds a hub costs the hub's links, which an average over the nodes expanded so far cannot
    // foresee (a frontier of 16 nodes, one of them a hub, spent 49,040 rows of the budget): small ones are counted.
    for (const side of sides) {
      if (!side.uncounted) continue;
      side.uncounted = false;
      side.cost = side.frontier.length <= COUNTED_FRONTIER ? await linkCount(sub, side.frontier, side.direction) : undefined;
    }
    const side = nextCost(sides[0]) <= nextCost(sides[1]) ? sides[0] : sides[1];
    const rowsBefore = sub.rows;
    const reached = await sub.expandLinks(side.frontier, side.direction);
    side.rows += sub.rows - rowsBefore;
    side.expanded += side.frontier.length;
    side.frontier = [...reached].filter((iri) => !side.seen.has(iri));
    side.uncounted = true;
    for (const iri of side.frontier) side.seen.add(iri);
    // A hop cut short by the row budget is not counted: the radii say how far every path is known.
    if (!sub.truncated) side.radius++;
    bridged = false;
    answer = await settled(sub, from, to, options, false);
  }
  answer = await settled(sub, from, to, options, true);
  if (answer.paths.length > 0 && (await fetchEvents(sub, answer))) answer = await settled(sub, from, to, options, true);
  return { ...answer, fetchTruncated: sub.truncated, rows: sub.rows, radii: [sides[0].radius, sides[1].radius], knownHops: covered() };
}

/**
 * Frontiers joined by one bridge: the smaller (at most BRIDGE_SMALL) named whole in each query, the larger (at most
 * BRIDGE_LARGE) BRIDGE_BATCH at a time, which a POST carries: at most 50 queries, each answered by the few links found.
 */
const BRIDGE_SMALL = 100;
const BRIDGE_LARGE = 20_000;
const BRIDGE_BATCH = 400;

/** Frontiers of at most this many nodes are counted before choosing a side, COUNT_BATCH nodes a COUNT query. */
const COUNTED_FRONTIER = 4000;
const COUNT_BATCH = 400;

/**
 * How many links expandLinks would fetch for the nodes in the direction: a COUNT query (a row) per COUNT_BATCH nodes;
 * undefined when the store refuses one.
 */
async function linkCount(sub: RemoteSubgraph, nodes: readonly string[], direction: Direction): Promise<number | undefined> {
  const patterns: string[] = [];
  if (direction !== "in") patterns.push(`{ ?x ?p ?o . FILTER(!isLiteral(?o))${linkFilterClauses(sub.walkFilter, "?o")} }`);
  if (direction !== "out") patterns.push(`{ ?s ?p ?x . ${NOT_A_STATEMENT}${linkFilterClauses(sub.walkFilter, "?s")} }`);
  let total = 0;
  for (let i = 0; i < nodes.length; i += COUNT_BATCH) {
    const values = `VALUES ?x { ${iris(nodes.slice(i, i + COUNT_BATCH))} }`;
    try {
      const result = await sub.endpoint.select(`SELECT (COUNT(*) AS ?n) WHERE { ${values} ${patterns.join(" UNION ")} }`, { signal: sub.options.signal, maxRows: 1 });
      sub.rows += 1;
      const count = Number(result.bindings[0]?.n?.value);
      if (!Number.isFinite(count)) return undefined;
      total += count;
    } catch (error) {
      if (error instanceof SparqlEndpointError && error.kind === "http") return undefined;
      throw error;
    }
  }
  return total;
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
