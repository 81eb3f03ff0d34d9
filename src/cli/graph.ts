// Loads the graph a query command works on and turns the names and lists its options carry into ids.
import type { GraphIndex } from "../graph/types.ts";
import { projectGraph } from "../graph/project.ts";
import { resolveNode, resolveTerm } from "../query/names.ts";
import { loadData } from "./load.ts";

export interface LoadedGraph {
  graph: GraphIndex;
  files: string[];
}

export async function loadGraph(dataFiles: readonly string[] | undefined, baseIRI?: string): Promise<LoadedGraph> {
  const { dataset, files } = await loadData(dataFiles, baseIRI);
  return { graph: projectGraph(dataset), files };
}

export function resolveNodes(graph: GraphIndex, names: readonly string[]): number[] {
  return names.map((name) => resolveNode(graph, name));
}

export function resolveTerms(graph: GraphIndex, names: readonly string[], kind: "predicate" | "class"): number[] {
  return names.map((name) => resolveTerm(graph, name, kind));
}
