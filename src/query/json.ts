// The CLI's stable JSON for paths and neighbourhoods: IRIs, labels, types, and each edge with its evidence.
import type { GraphIndex } from "../graph/types.ts";
import { explainPath, relationPhrase } from "./explain.ts";
import type { Neighbourhood } from "./neighbourhood.ts";
import type { Path } from "./path.ts";
import { scorePath, type PathScore } from "./path-score.ts";
import { edgeSources, evidenceCell, type SourceRef } from "./corroboration.ts";

export interface NodeJson {
  iri: string;
  label: string;
  /** Class IRIs. */
  types: string[];
}

export interface EvidenceJson {
  quote: string;
  /** The source document's IRI. */
  source: string;
  locator: string;
  page?: number;
  /** Every page, when the quote crosses a page break. */
  pages?: number[];
  date?: string;
  /** The table row and column, for evidence from a table cell (kg:CellEvidence). */
  row?: number;
  column?: string;
  /** Another source that says the opposite. */
  disagreement?: string;
  /** Who stated it, for an analyst's relation. */
  by?: string;
}

export interface EdgeJson {
  /** The triple's real subject and object, whatever the direction of travel. */
  source: string;
  target: string;
  predicate: string;
  predicateLabel: string;
  evidence: EvidenceJson[];
  /** The distinct sources of the evidence: how many sources state the relation, and which. */
  sources: SourceRef[];
}

export interface PathEdgeJson extends EdgeJson {
  /** "forward" when the path travels the edge from its subject to its object. */
  direction: "forward" | "backward";
}

export interface PathJson {
  nodes: NodeJson[];
  edges: PathEdgeJson[];
  /** One sentence per edge, in travel order (an array, so callers choose how to join them). */
  explanation: string[];
  /**
   * How informative the path is (lower is more): hops + hub + generic penalties (query/path-score.ts). Absent only
   * over an endpoint for a path through a blank node, whose degree no query can ask for.
   */
  score?: PathScore;
}

export interface PathsJson {
  paths: PathJson[];
}

export interface NeighbourhoodJson {
  center: string[];
  nodes: (NodeJson & { depth: number })[];
  edges: EdgeJson[];
  truncated: boolean;
}

export function nodeToJson(g: GraphIndex, n: number): NodeJson {
  const terms = g.dataset.terms;
  return { iri: g.iri(n), label: g.label(n), types: g.classes(n).map((c) => terms.key(c)) };
}

export function edgeToJson(g: GraphIndex, e: number): EdgeJson {
  return {
    source: g.iri(g.edgeSources[e]),
    target: g.iri(g.edgeTargets[e]),
    predicate: g.dataset.terms.key(g.edgePredicates[e]),
    predicateLabel: relationPhrase(g, g.edgePredicates[e]),
    evidence: g.evidence(e).map((item) => {
      const json: EvidenceJson = { quote: item.quote, source: item.source, locator: item.locator };
      if (item.page !== undefined) json.page = item.page;
      if (item.pages !== undefined) json.pages = item.pages;
      if (item.date !== undefined) json.date = item.date;
      const cell = evidenceCell(g, item.statement);
      if (cell) Object.assign(json, cell);
      if (item.disagreement !== undefined) json.disagreement = item.disagreement;
      if (item.by !== undefined) json.by = item.by;
      return json;
    }),
    sources: edgeSources(g, e),
  };
}

/**
 * The paths as JSON. `scores`, one per path, replace the scores computed on g: a graph that is only part of the
 * data (an endpoint's fetched subgraph) has other degrees and predicate frequencies than the whole; an undefined
 * one leaves the path without a score.
 */
export function pathsToJson(g: GraphIndex, paths: Path[], scores?: readonly (PathScore | undefined)[]): PathsJson {
  return {
    paths: paths.map((path, i) => {
      const json: PathJson = {
        nodes: path.nodes.map((n) => nodeToJson(g, n)),
        edges: path.steps.map((step) => ({ ...edgeToJson(g, step.edge), direction: step.forward ? "forward" : "backward" })),
        explanation: explainPath(g, path),
      };
      const score = scores === undefined ? scorePath(g, path) : scores[i];
      if (score !== undefined) json.score = score;
      return json;
    }),
  };
}

export function neighbourhoodToJson(g: GraphIndex, n: Neighbourhood): NeighbourhoodJson {
  return {
    center: n.centers.map((c) => g.iri(c)),
    nodes: n.nodes.map(({ node, depth }) => ({ ...nodeToJson(g, node), depth })),
    edges: n.edges.map((e) => edgeToJson(g, e)),
    truncated: n.truncated,
  };
}
