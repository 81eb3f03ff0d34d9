// kg stats: what the loaded graph holds: triples, entities, relations, evidence, and counts per class and predicate.
import type { Command } from "../command.ts";
import { print, printJson } from "../command.ts";
import { flag } from "../args.ts";
import { curie, table, thousands } from "../format.ts";
import type { GraphIndex } from "../../graph/types.ts";

export interface GraphStats {
  files: string[];
  triples: number;
  namedGraphs: boolean;
  /** Entity nodes (not classes, properties or shapes). */
  entities: number;
  schemaNodes: number;
  /** Relations between two entities. */
  edges: number;
  /** Edges touching a class, property or shape (subClassOf, domain, shape structure). */
  schemaEdges: number;
  edgesWithEvidence: number;
  evidence: number;
  classes: { iri: string; label: string; count: number }[];
  predicates: { iri: string; label: string; count: number }[];
}

export const statsCommand: Command = {
  spec: {
    name: "stats",
    summary: "count triples, entities, relations and evidence, per class and per predicate",
    arguments: "",
    minPositionals: 0,
    maxPositionals: 0,
    details: `Prints the size of the loaded graph: triples, entity nodes, relations (edges) and how many of them
have evidence, then the number of entities of each class and of relations with each predicate.
--json prints {"files","triples","namedGraphs","entities","schemaNodes","edges","schemaEdges","edgesWithEvidence",
"evidence","classes":[{"iri","label","count"}],"predicates":[{"iri","label","count"}]}.`,
    options: {
      json: { type: "boolean", help: "print JSON instead of text" },
    },
  },

  async run(parsed, context) {
    const { loadGraph } = await import("../graph.ts");
    const { graph, files } = await loadGraph(context.dataFiles, context.baseIRI);
    const stats = graphStats(graph, files);
    if (flag(parsed, "json")) printJson(stats);
    else print(statsText(stats, graph));
    return 0;
  },
};

export function graphStats(graph: GraphIndex, files: string[]): GraphStats {
  const classCounts = new Map<number, number>();
  let entities = 0;
  let schemaNodes = 0;
  for (let n = 0; n < graph.nodeCount; n++) {
    if (graph.isSchema(n)) {
      schemaNodes++;
      continue;
    }
    entities++;
    for (const c of graph.classes(n)) classCounts.set(c, (classCounts.get(c) ?? 0) + 1);
  }
  const predicateCounts = new Map<number, number>();
  // Evidence term ids straight from the index: building Evidence objects for every edge is slow on big graphs.
  const evidence = new Set<number>();
  let edgesWithEvidence = 0;
  let schemaEdges = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    if (graph.isSchema(graph.edgeSources[e]) || graph.isSchema(graph.edgeTargets[e])) {
      schemaEdges++;
      continue;
    }
    const p = graph.edgePredicates[e];
    predicateCounts.set(p, (predicateCounts.get(p) ?? 0) + 1);
    const from = graph.evidenceOffsets[e], to = graph.evidenceOffsets[e + 1];
    if (to > from) edgesWithEvidence++;
    for (let i = from; i < to; i++) evidence.add(graph.evidenceTerms[i]);
  }
  const terms = graph.dataset.terms;
  const counted = (counts: Map<number, number>) =>
    [...counts]
      .map(([term, count]) => ({ iri: terms.value(term), label: graph.termLabel(term), count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    files,
    triples: graph.dataset.size,
    namedGraphs: graph.dataset.hasNamedGraphs,
    entities,
    schemaNodes,
    edges: graph.edgeCount - schemaEdges,
    schemaEdges,
    edgesWithEvidence,
    evidence: evidence.size,
    classes: counted(classCounts),
    predicates: counted(predicateCounts),
  };
}

const count = thousands;

function statsText(stats: GraphStats, graph: GraphIndex): string {
  const lines = [
    `${count(stats.triples)} triples in ${count(stats.files.length)} file${stats.files.length === 1 ? "" : "s"}${stats.namedGraphs ? " (with named graphs)" : ""}`,
    `${count(stats.entities)} entities, ${count(stats.schemaNodes)} classes/properties/shapes (${count(stats.schemaEdges)} schema edges)`,
    `${count(stats.edges)} relations, ${count(stats.edgesWithEvidence)} with evidence (${count(stats.evidence)} evidence nodes)`,
  ];
  if (stats.classes.length > 0) {
    lines.push("", "Entities per class:");
    lines.push(table(stats.classes.map((c) => [count(c.count).padStart(6), c.label, curie(c.iri, graph.prefixes)])));
  }
  if (stats.predicates.length > 0) {
    lines.push("", "Relations per predicate:");
    lines.push(table(stats.predicates.map((p) => [count(p.count).padStart(6), p.label, curie(p.iri, graph.prefixes)])));
  }
  return lines.join("\n");
}
