// Path and connect queries as a session states them (IRIs) turned into query options (ids), and a connection kept as a path result.
import type { GraphIndex } from "../graph/types.ts";
import { connect } from "../query/connect.ts";
import { applyConstraints } from "../query/path-constraints.ts";
import { withSourceConstraints } from "../query/corroboration.ts";
import type { Path, PathOptions as QueryOptions } from "../query/path-types.ts";
import type { Producer } from "./producers.ts";
import type { PathOptions, PathResultView } from "./types.ts";

/** The query options of a session's path options; `termIds` maps predicate/class IRIs to term ids (as its caller does). */
export function queryOptions(g: GraphIndex, o: PathOptions, termIds: (iris: readonly string[]) => number[]): QueryOptions {
  const base: QueryOptions = {
    k: o.k,
    maxLength: o.maxLength,
    directed: o.directed,
    excludePredicates: termIds(o.excludePredicates),
    excludeClasses: termIds(o.excludeClasses),
    excludeNodes: o.excludeNodes.map((iri) => g.nodeByIri(iri)).filter((n) => n >= 0),
    rank: o.rank ?? "shortest",
  };
  const eventKinds = termIds(o.eventKinds ?? []);
  const dated = applyConstraints(g, { fromDate: o.fromDate, toDate: o.toDate, eventKinds }, base);
  return withSourceConstraints(g, { minSources: o.minSources, sources: o.sources }, dated);
}

/**
 * The tree joining the terminals, as one path-shaped result: its nodes (terminals first) and its relations as
 * steps, each travelled from subject to object. Unreached terminals are returned beside it.
 */
export function connectAsPath(g: GraphIndex, terminals: readonly string[], o: PathOptions, termIds: (iris: readonly string[]) => number[]): { path: Path | null; unreached: string[] } {
  const ids = terminals.map((iri) => g.nodeByIri(iri));
  const missing = terminals.filter((_, i) => ids[i] < 0);
  if (missing.length > 0) return { path: null, unreached: missing };
  const c = connect(g, ids, queryOptions(g, o, termIds));
  const unreached = c.unreached.map((n) => g.iri(n));
  if (c.edges.length === 0) return { path: null, unreached };
  const first = new Set(c.terminals);
  const nodes = [...c.terminals.filter((t) => !c.unreached.includes(t)), ...c.nodes.filter((n) => !first.has(n))];
  return { path: { nodes, steps: c.edges.map((edge) => ({ edge, forward: true })) }, unreached };
}

/** Stores a connection (one tree, or none with the reason) in the path state, marked with its terminals. */
export const connectFinished = (terminals: readonly string[], results: PathResultView[], message = ""): Producer => (state) => ({
  ...state,
  path: { ...state.path, status: "done", results, chosen: results.length > 0 ? 0 : -1, message, terminals: [...terminals] },
  focus: results.length > 0 ? "path" : state.focus === "path" ? "none" : state.focus,
});

export const connectFailed = (terminals: readonly string[], message: string): Producer => (state) => ({
  ...state,
  path: { ...state.path, status: "error", results: [], chosen: -1, message, terminals: [...terminals] },
  focus: state.focus === "path" ? "none" : state.focus,
});
