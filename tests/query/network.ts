// Shared loader for the query tests: the network fixture projected once per test file, and name shorthands.
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { resolveNode, resolveTerm } from "../../src/query/names.ts";
import { fixturePath, loadFiles } from "../helpers/rdf.ts";

export async function loadNetwork(): Promise<GraphIndex> {
  return projectGraph(await loadFiles([fixturePath("query", "network.ttl")]));
}

/** Shorthands over one graph: node ids by name, predicate/class term ids by name, labels of node lists. */
export function helpers(g: GraphIndex) {
  return {
    n: (name: string) => resolveNode(g, name),
    p: (name: string) => resolveTerm(g, name, "predicate"),
    c: (name: string) => resolveTerm(g, name, "class"),
    labels: (nodes: number[]) => nodes.map((node) => g.label(node)),
  };
}
