// Pure producers `(args) => (state) => state` for every change the workbench makes to its session.
import type {
  Direction,
  Filters,
  NeighbourhoodResultView,
  PathOptions,
  PathResultView,
  Selection,
  SessionState,
  SparqlQueryRecord,
  YearRange,
} from "./types.ts";
import { IRI_MAX, int, obj, SessionFileError, str, stripUserinfo, validate, type ObjectSchema } from "./schema.ts";

export type Producer = (state: SessionState) => SessionState;

/** A new session's path options: informative order first, as the path evaluation chose (README); files without a rank keep shortest. */
export const defaultPathOptions: PathOptions = {
  k: 3,
  maxLength: 6,
  directed: false,
  excludePredicates: [],
  excludeClasses: [],
  excludeNodes: [],
  rank: "informative",
};

export function getEmptySession(): SessionState {
  return {
    selection: { kind: "none" },
    filters: { hiddenClasses: [], hiddenPredicates: [], hiddenNodes: [], dateRange: null, showSchema: false },
    path: { from: null, to: null, options: { ...defaultPathOptions }, status: "idle", results: [], chosen: -1, message: "" },
    neighbourhood: {
      centers: [],
      depth: 1,
      direction: "both",
      classes: [],
      predicates: [],
      mode: "highlight",
      status: "idle",
      result: null,
      message: "",
    },
    focus: "none",
    view: { edgeLabels: false, hovered: null },
    added: { nodes: [], edges: [] },
  };
}

const toggled = (list: readonly string[], item: string): string[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

const union = (list: readonly string[], items: readonly string[]): string[] => {
  const seen = new Set(list);
  const out = [...list];
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
};

const withFilters = (patch: Partial<Filters>): Producer => (state) => ({
  ...state,
  filters: { ...state.filters, ...patch },
});

// Selection and hover

/**
 * Most nodes one selection holds: every undo snapshot carries the selection, and 200 snapshots of a few thousand
 * IRIs would outgrow a session file. Selecting more keeps the first ones (the workbench says so).
 */
export const MAX_SELECTION = 1_000;

/** The nodes a selection holds, in the order picked (none for an edge). */
export function selectedNodes(selection: Selection): string[] {
  return selection.kind === "node" ? [selection.node] : selection.kind === "nodes" ? selection.nodes : [];
}

/** The selection of these nodes: none, one `node`, or `nodes` (two or more, unique, at most MAX_SELECTION). */
export function nodeSelection(nodes: readonly string[]): Selection {
  const unique = union([], nodes).slice(0, MAX_SELECTION);
  if (unique.length === 0) return { kind: "none" };
  if (unique.length === 1) return { kind: "node", node: unique[0] };
  return { kind: "nodes", nodes: unique };
}

export const selectNode = (node: string): Producer => (state) => ({ ...state, selection: { kind: "node", node } });
/** Selects exactly these nodes (a plain click on one; "select all shown"; a marquee). */
export const selectNodes = (nodes: readonly string[]): Producer => (state) => ({ ...state, selection: nodeSelection(nodes) });
/** Adds nodes to the node selection (an edge selection is replaced). */
export const addToSelection = (nodes: readonly string[]): Producer => (state) => ({
  ...state,
  selection: nodeSelection([...selectedNodes(state.selection), ...nodes]),
});
/** Shift/Ctrl/Cmd-click: a selected node leaves the selection, another joins it. */
export const toggleNodeSelected = (node: string): Producer => (state) => {
  const current = selectedNodes(state.selection);
  return { ...state, selection: nodeSelection(current.includes(node) ? current.filter((n) => n !== node) : [...current, node]) };
};
/** Takes nodes out of the selection (hidden, or no longer in the view). */
export const deselectNodes = (nodes: readonly string[]): Producer => (state) => {
  const current = selectedNodes(state.selection);
  const gone = new Set(nodes);
  if (!current.some((n) => gone.has(n))) return state;
  return { ...state, selection: nodeSelection(current.filter((n) => !gone.has(n))) };
};
export const selectEdge = (edge: string): Producer => (state) => ({ ...state, selection: { kind: "edge", edge } });
export const clearSelection = (): Producer => (state) =>
  state.selection.kind === "none" ? state : { ...state, selection: { kind: "none" } };
/** A display input with a hovered node; the store never holds one (hover is transient: `SessionStore.hover`). */
export const hoverNode = (node: string | null): Producer => (state) =>
  state.view.hovered === node ? state : { ...state, view: { ...state.view, hovered: node } };
export const setEdgeLabels = (on: boolean): Producer => (state) => ({ ...state, view: { ...state.view, edgeLabels: on } });

// Filters

export const toggleClass = (cls: string): Producer => (state) =>
  withFilters({ hiddenClasses: toggled(state.filters.hiddenClasses, cls) })(state);
export const setHiddenClasses = (classes: string[]): Producer => withFilters({ hiddenClasses: [...classes] });
/**
 * Hides or shows a predicate's relations. `replaced` maps old predicate IRIs to their replacements (ontology/migration.ttl):
 * showing a predicate that a session or link hid under its old name takes the old name out too, else it stayed hidden.
 */
export const togglePredicate = (predicate: string, replaced: Readonly<Record<string, string>> = {}): Producer => (state) => {
  const hidden = state.filters.hiddenPredicates;
  const naming = hidden.filter((p) => p === predicate || replaced[p] === predicate);
  return withFilters({ hiddenPredicates: naming.length > 0 ? hidden.filter((p) => !naming.includes(p)) : [...hidden, predicate] })(state);
};
/** The predicates a hidden-predicate filter hides: each as named, and the replacement of an old name. */
export function hiddenPredicatesNow(hidden: readonly string[], replaced: Readonly<Record<string, string>>): Set<string> {
  return new Set(hidden.flatMap((p) => (replaced[p] === undefined ? [p] : [p, replaced[p]])));
}
/** Hides nodes; hidden selected nodes are deselected, since the details would describe something not shown. */
export const hideNodes = (nodes: readonly string[]): Producer => (state) =>
  deselectNodes(nodes)(withFilters({ hiddenNodes: union(state.filters.hiddenNodes, nodes) })(state));
export const showAllNodes = (): Producer => withFilters({ hiddenNodes: [] });
export const setDateRange = (range: YearRange | null): Producer =>
  withFilters({ dateRange: range && range.from > range.to ? { from: range.to, to: range.from } : range });
export const setShowSchema = (on: boolean): Producer => withFilters({ showSchema: on });
export const resetFilters = (): Producer => (state) => ({ ...state, filters: { ...getEmptySession().filters, showSchema: state.filters.showSchema } });

// Path query

export const setPathEnds = (from: string | null, to: string | null): Producer => (state) => ({
  ...state,
  path: { ...state.path, from, to },
});
export const setPathOptions = (options: Partial<PathOptions>): Producer => (state) => {
  const merged = { ...state.path.options, ...options };
  // Bounds the UI also enforces; kept here so a restored or scripted session cannot ask for nonsense.
  merged.k = clampInt(merged.k, 1, 20);
  merged.maxLength = clampInt(merged.maxLength, 1, 12);
  return { ...state, path: { ...state.path, options: merged } };
};
/** The path state without a connection's terminals: a path query's results are paths again. */
function asPaths(path: SessionState["path"]): SessionState["path"] {
  const { terminals: _terminals, ...rest } = path;
  return rest;
}
export const pathStarted = (): Producer => (state) => ({
  ...state,
  path: { ...asPaths(state.path), status: "running", results: [], chosen: -1, message: "" },
});
/** Stores results; the first is chosen and drives the highlight, or the message says why there is none. */
export const pathFinished = (results: PathResultView[], message = ""): Producer => (state) => ({
  ...state,
  path: { ...asPaths(state.path), status: "done", results, chosen: results.length > 0 ? 0 : -1, message },
  focus: results.length > 0 ? "path" : state.focus === "path" ? "none" : state.focus,
});
export const pathFailed = (message: string): Producer => (state) => ({
  ...state,
  path: { ...asPaths(state.path), status: "error", results: [], chosen: -1, message },
  focus: state.focus === "path" ? "none" : state.focus,
});
export const choosePath = (index: number): Producer => (state) =>
  index < 0 || index >= state.path.results.length ? state : { ...state, path: { ...state.path, chosen: index }, focus: "path" };

// Neighbourhood query

export const setNeighbourhoodCenters = (centers: string[]): Producer => (state) => ({
  ...state,
  neighbourhood: { ...state.neighbourhood, centers: union([], centers) },
});
export const addNeighbourhoodCenter = (center: string): Producer => (state) =>
  setNeighbourhoodCenters(union(state.neighbourhood.centers, [center]))(state);
export const removeNeighbourhoodCenter = (center: string): Producer => (state) =>
  setNeighbourhoodCenters(state.neighbourhood.centers.filter((c) => c !== center))(state);
export interface NeighbourhoodOptionsPatch {
  depth?: number;
  direction?: Direction;
  classes?: string[];
  predicates?: string[];
  mode?: "only" | "highlight";
}
export const setNeighbourhoodOptions = (patch: NeighbourhoodOptionsPatch): Producer => (state) => {
  const merged = { ...state.neighbourhood, ...patch };
  merged.depth = clampInt(merged.depth, 1, 3);
  return { ...state, neighbourhood: merged };
};
export const neighbourhoodStarted = (): Producer => (state) => ({
  ...state,
  neighbourhood: { ...state.neighbourhood, status: "running", result: null, message: "" },
});
export const neighbourhoodFinished = (result: NeighbourhoodResultView, message = ""): Producer => (state) => ({
  ...state,
  neighbourhood: { ...state.neighbourhood, status: "done", result, message },
  focus: "neighbourhood",
});
export const neighbourhoodFailed = (message: string): Producer => (state) => ({
  ...state,
  neighbourhood: { ...state.neighbourhood, status: "error", result: null, message },
  focus: state.focus === "neighbourhood" ? "none" : state.focus,
});

/** Esc: drop the selection first; pressed again, drop the query highlight too. */
export const clearSelectionOrQuery = (): Producer => (state) => {
  if (state.selection.kind !== "none") return clearSelection()(state);
  if (state.focus !== "none") return { ...state, focus: "none", path: { ...state.path, chosen: -1 } };
  return state;
};
export const setFocus = (focus: SessionState["focus"]): Producer => (state) => ({ ...state, focus });

// What is displayed beyond the overview

export const addToView = (nodes: readonly string[], edges: readonly string[]): Producer => (state) => ({
  ...state,
  added: { nodes: union(state.added.nodes, nodes), edges: union(state.added.edges, edges) },
});

// SPARQL queries run in the panel

/** Caps on the SPARQL queries a session keeps: every undo snapshot carries the list, so it stays short. */
export const SPARQL_LIMITS = { maxQueries: 20, maxQueryLength: 10_000 } as const;

/** One kept query, as the session file and the producer check it. */
export const sparqlQuerySchema: ObjectSchema = obj(
  {
    query: str(SPARQL_LIMITS.maxQueryLength, { doc: "the query text as it was run" }),
    target: str(IRI_MAX, {
      pattern: /^(?:local|https?:\/\/[^\s?#]+)$/,
      patternName: '"local" or an endpoint URL (http or https, no query string)',
      doc: '"local" (the loaded data) or the endpoint URL, without credentials',
    }),
    rows: int(0, 1_000_000_000, "rows, true/false as 1/0, or triples it returned (absent when it failed)"),
  },
  ["rows"],
);

/** Where a query ran, as a session keeps it: "local", or the endpoint URL without credentials, query string or fragment. */
export function sparqlTarget(endpointUrl: string | null | undefined): string {
  if (!endpointUrl) return "local";
  return stripUserinfo(endpointUrl).replace(/[?#].*$/s, "");
}

/**
 * Keeps a query the analyst ran, newest first (a repeat moves to the front). The text is checked like a session
 * file's (length, control characters, no `user:password@` URL): a query that could not be saved is refused here,
 * with a SessionFileError saying where and why, rather than making the next save fail.
 */
export const recordSparqlQuery = (run: SparqlQueryRecord): Producer => (state) => {
  const at = "sparql.queries[0]";
  const candidate: SparqlQueryRecord = { query: run.query, target: sparqlTarget(run.target === "local" ? null : run.target) };
  if (run.rows !== undefined) candidate.rows = run.rows;
  const checked = validate<SparqlQueryRecord>(candidate, sparqlQuerySchema, at);
  if (checked.query.trim() === "") throw new SessionFileError(`${at}.query`, "an empty query is not kept", "missing-field");
  const rest = (state.sparql?.queries ?? []).filter((q) => q.query !== checked.query || q.target !== checked.target);
  return { ...state, sparql: { queries: [checked, ...rest].slice(0, SPARQL_LIMITS.maxQueries) } };
};

/** A new dataset was loaded: ids of edges may have changed, so query results and selections of edges go. */
export const datasetReplaced = (): Producer => (state) => {
  const empty = getEmptySession();
  return {
    ...state,
    selection: state.selection.kind === "edge" ? { kind: "none" } : state.selection,
    path: { ...state.path, status: "idle", results: [], chosen: -1, message: "" },
    neighbourhood: { ...state.neighbourhood, status: "idle", result: null, message: "" },
    focus: "none",
    added: { nodes: state.added.nodes, edges: [] },
    view: { ...state.view, hovered: empty.view.hovered },
  };
};

function clampInt(value: number, min: number, max: number): number {
  const n = Number.isFinite(value) ? Math.round(value) : min;
  return Math.min(max, Math.max(min, n));
}
