// The workbench session's typed state: plain JSON (strings, numbers, arrays), so it can be saved, restored and undone.
import type { Evidence } from "../graph/types.ts";
import type { AuthoredRef, RejectedCandidate } from "./authored.ts";

/**
 * What the details panel shows: nothing, a node (by IRI), several nodes (shift-click; always two or more, in the
 * order picked, so one node is always `node`) or an edge (by graphology key `e<id>`).
 */
export type Selection =
  | { kind: "none" }
  | { kind: "node"; node: string }
  | { kind: "nodes"; nodes: string[] }
  | { kind: "edge"; edge: string };

/** The evidence of one relation as the workbench shows it: the graph's Evidence, plus the text file it quotes. */
export interface EvidenceView extends Evidence {
  /** The cleaned source text file, relative to graph-data/ (e.g. "sources/euiss-brief-2020-10.txt"), when known. */
  text?: string;
}

/** An inclusive range of years; edges dated outside it are hidden (undated edges as `Filters.hideUndated` says). */
export interface YearRange {
  from: number;
  to: number;
}

export interface Filters {
  /** Class IRIs whose nodes are hidden (a node is hidden when its colour class is). */
  hiddenClasses: string[];
  /** Predicate IRIs whose edges are hidden. */
  hiddenPredicates: string[];
  /** Node IRIs the analyst hid. */
  hiddenNodes: string[];
  dateRange: YearRange | null;
  /** Whether classes and properties are drawn (by default only when the data has no instances). */
  showSchema: boolean;
  /** Relations by source (issue 16; absent: the default). Source IRIs whose relations are hidden unless another source states them. */
  hiddenSources?: string[];
  /** Only relations stated by at least this many sources (absent: 1). */
  minSources?: number;
  /** Relations coloured by their source, one colour for several (absent: false). */
  colourBySource?: boolean;
  /** Relations without any date hidden (issue 14's timeline; absent: shown). */
  hideUndated?: boolean;
}

export interface PathOptions {
  k: number;
  maxLength: number;
  directed: boolean;
  excludePredicates: string[];
  excludeClasses: string[];
  excludeNodes: string[];
  /** Path order: fewest hops (absent: "shortest") or most informative first (issue 18). */
  rank?: "shortest" | "informative";
  /** Only relations dated within (by evidence or event): "2020", "2020-03", "2020-03-15". */
  fromDate?: string;
  toDate?: string;
  /** Event class IRIs: events of other kinds are avoided. */
  eventKinds?: string[];
  /** Source IRIs: only relations one of them states (absent or empty: any source; kg path --source). */
  sources?: string[];
  /** Only relations that at least this many distinct sources state (absent: 1; kg path --min-sources). */
  minSources?: number;
}

/** How informative a path is (lower is more): hops plus hub and generic-relation penalties. */
export interface PathScoreView {
  total: number;
  hops: number;
  hub: number;
  generic: number;
}

/** One step of a path: the edge walked, whether along or against its direction, and its evidence. */
export interface PathStepView {
  edge: string;
  forward: boolean;
  from: string;
  to: string;
  predicate: string;
  predicateLabel: string;
  evidence: EvidenceView[];
}

export interface PathResultView {
  nodes: string[];
  nodeLabels: string[];
  steps: PathStepView[];
  /** One plain-language sentence per step. */
  explanation: string[];
  score?: PathScoreView;
}

export type QueryStatus = "idle" | "running" | "done" | "error";

export interface PathQuery {
  from: string | null;
  to: string | null;
  options: PathOptions;
  status: QueryStatus;
  results: PathResultView[];
  /** Index of the result shown on the graph, or -1. */
  chosen: number;
  /** Why nothing was found, or what failed, in words. */
  message: string;
  /** Set when the results are a connection of these entities (one tree, its relations as steps), not paths. */
  terminals?: string[];
}

export type Direction = "out" | "in" | "both";

export interface NeighbourhoodResultView {
  centers: string[];
  nodes: { node: string; depth: number }[];
  edges: string[];
  truncated: boolean;
  /** The node cap the answer ran with (an endpoint's is smaller than the loaded data's); absent in older sessions. */
  limit?: number;
}

export interface NeighbourhoodQuery {
  centers: string[];
  depth: number;
  direction: Direction;
  /** Class IRIs to keep (empty: all). */
  classes: string[];
  /** Predicate IRIs to follow (empty: all). */
  predicates: string[];
  /** Show only the neighbourhood, or highlight it within the whole view. */
  mode: "only" | "highlight";
  status: QueryStatus;
  result: NeighbourhoodResultView | null;
  message: string;
}

/** Which query result drives the highlighting on the graph. */
export type Focus = "none" | "path" | "neighbourhood";

export interface ViewSettings {
  edgeLabels: boolean;
  /**
   * Null in the store and in files: the node under the pointer is transient (`SessionStore.hovered`), no step and
   * no autosave. The field stays so that session files keep their shape; the display is handed the hover here.
   */
  hovered: string | null;
  /** The analyst's ForceAtlas2 settings for layout runs (absent: inferred from the graph). */
  forceAtlas2?: ForceAtlas2Choice;
}

/** What the Layout controls set of ForceAtlas2 (layout-settings.ts has the bounds). */
export interface ForceAtlas2Choice {
  scalingRatio: number;
  gravity: number;
  linLogMode: boolean;
  adjustSizes: boolean;
}

/** One SPARQL query the analyst ran in the SPARQL panel. */
export interface SparqlQueryRecord {
  query: string;
  /** "local" (the loaded data) or the endpoint's URL, never with credentials. */
  target: string;
  /** Rows (SELECT), 1/0 (ASK) or triples (CONSTRUCT/DESCRIBE) it returned; absent when it failed. */
  rows?: number;
}

export interface SessionState {
  selection: Selection;
  filters: Filters;
  path: PathQuery;
  neighbourhood: NeighbourhoodQuery;
  focus: Focus;
  view: ViewSettings;
  /** Nodes and edges added to the displayed graph beyond the overview (search picks, expansions, query results). */
  added: { nodes: string[]; edges: string[] };
  /** SPARQL queries run, newest first (absent in sessions that never ran one). */
  sparql?: { queries: SparqlQueryRecord[] };
  /** The analyst's additions in the data at this step, oldest first (issue 17; absent: none). */
  authored?: AuthoredRef[];
  /** Candidate relations the analyst rejected (absent: none). */
  rejected?: RejectedCandidate[];
}
