// Human-readable rendering shared by path and neighbours (local and --endpoint): one relation per line with its evidence beneath (Turtle subgraphs: query-output.ts).
import type { GraphIndex } from "../graph/types.ts";
import type { Path } from "../query/path.ts";
import type { PathScore } from "../query/path-score.ts";
import type { Connection } from "../query/connect.ts";
import type { Neighbourhood } from "../query/neighbourhood.ts";
import { evidencePlace, relationPhrase } from "../query/explain.ts";
import { pathChain } from "../query/path-chain.ts";
import { edgeSources, statedBy } from "../query/corroboration.ts";
import { warn } from "./command.ts";
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
  // Corroboration: how many sources state the relation, when more than one does.
  const sourceCount = edgeSources(graph, e).length;
  const lines = [sourceCount > 1 ? `${line}  (${statedBy(sourceCount)})` : line];
  const evidence = graph.evidence(e);
  const deeper = `${indent}    `;
  if (evidence.length === 0) lines.push(`${deeper}(no evidence recorded)`);
  for (const item of evidence.slice(0, maxEvidence)) {
    if (item.quote) lines.push(wrap(`“${item.quote}”`, deeper));
    const place = evidencePlace(item);
    const named = item.sourceLabel && item.source !== usualSource && !place.includes(item.sourceLabel);
    const source = named ? ` · ${shorten(item.sourceLabel, 60)}` : "";
    const date = item.date ? ` [${item.date}]` : "";
    lines.push(`${deeper}— ${place}${date}${source}${item.by ? ` · stated by ${item.by}` : ""}`);
    if (item.disagreement) lines.push(wrap(`≠ disputed: ${item.disagreement}`, deeper));
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

/** Paths one after another: the chain of labels, then each hop with its quotes beneath. */
export function pathsText(graph: GraphIndex, paths: Path[], scores?: PathScore[]): string {
  const first = paths[0];
  const ends = `${graph.label(first.nodes[0])} → ${graph.label(first.nodes[first.nodes.length - 1])}`;
  const lines = [`${ends}: ${paths.length} path${paths.length === 1 ? "" : "s"}`];
  const usual = usualSource(graph, paths.flatMap((path) => path.steps.map((step) => step.edge)));
  paths.forEach((path, i) => {
    const hops = path.steps.length;
    const score = scores?.[i];
    // Lower is more informative; the parts say why a path ranks where it does.
    const scoreText = score ? `; score ${score.total} = ${score.hops} hops + hubs ${score.hub} + generic relations ${score.generic}` : "";
    lines.push("", `${i + 1}. ${pathChain(path.nodes.map((n) => graph.label(n)), path.steps.map((s) => s.forward))}  (${hops} hop${hops === 1 ? "" : "s"}${scoreText})`);
    path.steps.forEach((step, j) => lines.push(renderEdge(graph, step.edge, path.nodes[j], "   ", Infinity, usual?.iri)));
  });
  if (usual) lines.push("", `Quotes are from ${usual.label} unless another source is named.`);
  return lines.join("\n");
}

/** A connecting tree: who is joined through which entities, then each relation with its quotes. */
export function connectionText(graph: GraphIndex, c: Connection, score?: PathScore): string {
  const names = c.terminals.map((t) => graph.label(t)).join(", ");
  const joined = c.terminals.filter((t) => !c.unreached.includes(t));
  const lines: string[] = [];
  if (joined.length < 2) lines.push(`${names}: not connected (under these options).`);
  else {
    const terminals = new Set(c.terminals);
    const via = c.nodes.filter((n) => !terminals.has(n)).map((n) => graph.label(n));
    lines.push(`${joined.map((t) => graph.label(t)).join(", ")}: connected by ${c.edges.length} relation${c.edges.length === 1 ? "" : "s"}${via.length ? ` through ${via.join(", ")}` : ""}`);
    if (score) lines.push(`(score ${score.total} = ${score.hops} relations + hubs ${score.hub} + generic relations ${score.generic}; lower says more)`);
    const usual = usualSource(graph, c.edges);
    lines.push("");
    for (const e of c.edges) lines.push(renderEdge(graph, e, graph.edgeSources[e], "   ", Infinity, usual?.iri));
    if (usual) lines.push("", `Quotes are from ${usual.label} unless another source is named.`);
  }
  if (c.unreached.length > 0 && joined.length >= 2) lines.push("", `Not connected to the others: ${c.unreached.map((t) => graph.label(t)).join(", ")}.`);
  return lines.join("\n");
}

/** A neighbourhood as relations fanning out from the centers (at most two quotes each), then the entities by depth. */
export function neighbourhoodText(graph: GraphIndex, result: Neighbourhood, depth: number): string {
  const centers = result.centers.map((c) => withTypes(graph, c)).join(", ");
  const others = result.nodes.filter((n) => n.depth > 0);
  const lines = [`${centers}: ${others.length} related entit${others.length === 1 ? "y" : "ies"} within ${depth} hop${depth === 1 ? "" : "s"}, ${result.edges.length} relation${result.edges.length === 1 ? "" : "s"}`];
  if (result.truncated) lines.push(`(cut at --limit ${result.nodes.length} entities: raise --limit or narrow with --classes / --predicates)`);
  const depthOf = new Map(result.nodes.map((n) => [n.node, n.depth]));
  // Read each relation from its end nearer a center, so the listing fans out from the centers.
  const ordered = [...result.edges].map((e) => {
    const s = graph.edgeSources[e], t = graph.edgeTargets[e];
    const from = (depthOf.get(s) ?? 0) <= (depthOf.get(t) ?? 0) ? s : t;
    return { e, from, depth: depthOf.get(from) ?? 0 };
  }).sort((a, b) => a.depth - b.depth || graph.label(a.from).localeCompare(graph.label(b.from)) || a.e - b.e);
  const usual = usualSource(graph, result.edges);
  for (const { e, from } of ordered) lines.push(renderEdge(graph, e, from, "  ", 2, usual?.iri));
  if (others.length > 0) {
    lines.push("", "Entities:");
    for (const { node, depth: d } of others) lines.push(`  ${d}  ${withTypes(graph, node)}`);
  }
  if (usual) lines.push("", `Quotes are from ${usual.label} unless another source is named.`);
  return lines.join("\n");
}

/** "Label (class, class)" for a node. */
function withTypes(graph: GraphIndex, n: number): string {
  const types = graph.classes(n).map((c) => graph.termLabel(c));
  return types.length > 0 ? `${graph.label(n)} (${types.join(", ")})` : graph.label(n);
}

/** Turtle has no graph names: say so, and how to keep them. */
export function warnNamedGraphs(count: number): void {
  if (count === 0) return;
  warn(`kg: warning: the data has ${count} named graph${count === 1 ? "" : "s"}; Turtle cannot name graphs, so their triples are merged into one. Use --format trig to keep them.`);
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
