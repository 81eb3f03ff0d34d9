// Builds a graphology graph of only the selected nodes and edges, for display and layout (no display attributes).
import { MultiDirectedGraph } from "graphology";
import type { GraphIndex } from "./types.ts";

export interface NodeAttributes {
  label: string;
  /** Class IRIs. */
  classes: string[];
  schema: boolean;
}

export interface EdgeAttributes {
  /** Predicate IRI. */
  predicate: string;
  label: string;
}

export interface GraphSelection {
  nodes: Iterable<number>;
  edges: Iterable<number>;
}

/** The graphology key of node n: its IRI, or `_:label` for a blank node. */
export function nodeKey(index: GraphIndex, n: number): string {
  return index.iri(n);
}

/** The graphology key of edge e. */
export function edgeKey(e: number): string {
  return `e${e}`;
}

/**
 * A MultiDirectedGraph of the selection; an edge's end nodes are added when the selection lacks them, so no
 * selected edge is dropped. Positions, colours and sizes belong to the layout and reducers, not here.
 */
export function toGraphology(
  index: GraphIndex,
  selection: GraphSelection,
): MultiDirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const terms = index.dataset.terms;
  const addNode = (n: number) => {
    const key = nodeKey(index, n);
    if (!graph.hasNode(key)) {
      graph.addNode(key, { label: index.label(n), classes: index.classes(n).map((c) => terms.key(c)), schema: index.isSchema(n) });
    }
    return key;
  };
  for (const n of selection.nodes) addNode(n);
  for (const e of selection.edges) {
    const key = edgeKey(e);
    if (graph.hasEdge(key)) continue;
    const source = addNode(index.edgeSources[e]);
    const target = addNode(index.edgeTargets[e]);
    graph.addDirectedEdgeWithKey(key, source, target, {
      predicate: terms.key(index.edgePredicates[e]),
      label: index.termLabel(index.edgePredicates[e]),
    });
  }
  return graph;
}
