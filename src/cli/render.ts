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
export function renderEdge(graph: GraphIndex, e: number, from: number, indent: string, maxEvidence = Infinity, usualSource?: string): string {
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
    const named = item.sourceLabel && item.source !== usualSource && !place.includes(item.sourceLabel);
    const source = named ? ` · ${shorten(item.sourceLabel, 60)}` : "";
    const date = item.date ? ` [${item.date}]` : "";
    lines.push(`${deeper}— ${place}${date}${source}`);
  }
  if (evidence.length > maxEvidence) lines.push(`${deeper}(+${evidence.length - maxEvidence} more quotes)`);
  return lines.join("\n");
}

/** The source most of these edges' quotes come from, so listings name only the others. */
export function usualSource(graph: GraphIndex, edges: Iterable<number>): { iri: string; label: string } | undefined {
  const counts = new Map<string, { label: string; count: number }>();
  for (const e of edges) {
    for (const item of graph.evidence(e)) {
      const entry = counts.get(item.source) ?? { label: item.sourceLabel, count: 0 };
      entry.count++;
      counts.set(item.source, entry);
    }
  }
  let best: { iri: string; label: string; count: number } | undefined;
  for (const [iri, { label, count }] of counts) if (!best || count > best.count) best = { iri, label, count };
  return best && { iri: best.iri, label: best.label };
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
