// Human-readable rendering shared by path and neighbours: one relation per line with its evidence beneath, and Turtle subgraphs.
import type { GraphIndex } from "../graph/types.ts";
import { evidencePlace, relationPhrase } from "../query/explain.ts";
import { subgraphQuads } from "../query/subgraph.ts";
import { namedGraphsIn, writeTurtle } from "../rdf/serialize.ts";
import { print, warn } from "./command.ts";
import { wrap } from "./format.ts";

/**
 * Edge e read from node `from`: `A —predicate→ B` along the edge, `A ←predicate— B` against it, then each
 * evidence quote and where it is in the source, indented beneath.
 */
export function renderEdge(graph: GraphIndex, e: number, from: number, indent: string, maxEvidence = Infinity): string {
  const source = graph.edgeSources[e];
  const target = graph.edgeTargets[e];
  const phrase = relationPhrase(graph, graph.edgePredicates[e]);
  const forward = from === source;
  const line = forward
    ? `${indent}${graph.label(source)} —${phrase}→ ${graph.label(target)}`
    : `${indent}${graph.label(target)} ←${phrase}— ${graph.label(source)}`;
  const lines = [line];
  const evidence = graph.evidence(e);
  const deeper = `${indent}    `;
  if (evidence.length === 0) lines.push(`${deeper}(no evidence recorded)`);
  for (const item of evidence.slice(0, maxEvidence)) {
    if (item.quote) lines.push(wrap(`“${item.quote}”`, deeper));
    const place = evidencePlace(item);
    const source = item.sourceLabel && !place.includes(item.sourceLabel) ? ` · ${shorten(item.sourceLabel, 48)}` : "";
    const date = item.date ? ` [${item.date}]` : "";
    lines.push(`${deeper}— ${place}${date}${source}`);
  }
  if (evidence.length > maxEvidence) lines.push(`${deeper}(+${evidence.length - maxEvidence} more quotes)`);
  return lines.join("\n");
}

/** Prints the triples of the nodes and edges, with their evidence, as Turtle (named graphs are merged, with a warning). */
export function printSubgraphTurtle(graph: GraphIndex, nodes: Iterable<number>, edges: Iterable<number>): void {
  const quads = subgraphQuads(graph, { nodes, edges });
  warnNamedGraphs(namedGraphsIn(graph.dataset, quads).length);
  print(writeTurtle(graph.dataset, { quads }));
}

/** Turtle has no graph names: say so, and how to keep them. */
export function warnNamedGraphs(count: number): void {
  if (count === 0) return;
  warn(`kg: warning: the data has ${count} named graph${count === 1 ? "" : "s"}; Turtle cannot name graphs, so their triples are merged into one. Use --format trig to keep them.`);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
