// What colour and size stand for (session appearance): class or class-group colours, and node sizes from betweenness or PageRank of the graph shown.
import { MultiDirectedGraph, UndirectedGraph } from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { Appearance, SizeBy } from "../session/layout.ts";
import { OTHER_COLOUR, sizeForDegree } from "./view-attributes.ts";
import type { ClassGroup } from "./view-graph.ts";

/**
 * Paul Tol's "muted" scheme: nine colours chosen to stay apart for the common colour-vision deficiencies and in
 * print; the biggest groups get the mid tones, so the darkest colours mark few nodes. Groups past the ninth share
 * OTHER_COLOUR, and the legend says so.
 */
export const GROUP_PALETTE = ["#44aa99", "#88ccee", "#ddcc77", "#cc6677", "#117733", "#332288", "#aa4499", "#999933", "#882255"];

/** A group as the legend shows it in "colour by group": its colour, or `shared` when it has the colour of "other groups". */
export interface GroupKey extends ClassGroup {
  colour: string;
  shared: boolean;
}

/** Each group's colour: the analyst's choice for the group, else the palette's by size, else the shared grey. */
export function groupKeys(groups: readonly ClassGroup[], overrides: Readonly<Record<string, string>>): GroupKey[] {
  return groups.map((g, i) => {
    const chosen = Object.hasOwn(overrides, g.iri) ? overrides[g.iri] : undefined;
    const colour = chosen ?? GROUP_PALETTE[i] ?? OTHER_COLOUR;
    return { ...g, colour, shared: !chosen && i >= GROUP_PALETTE.length };
  });
}

/**
 * Class IRI → colour as drawn. By class: the palette's colours with the analyst's class colours over them. By group:
 * every class takes its group's colour.
 */
export function effectiveColours(base: ReadonlyMap<string, string>, appearance: Appearance, groups: readonly ClassGroup[]): Map<string, string> {
  if (appearance.colourBy !== "group" || groups.length === 0) return new Map([...base, ...Object.entries(appearance.colours)]);
  const colours = new Map<string, string>();
  for (const key of groupKeys(groups, appearance.colours)) for (const cls of key.classes) colours.set(cls, key.colour);
  return colours;
}

/**
 * A metric for each shown node. Betweenness ignores relation direction (as path queries do by default: a broker
 * sits on paths either way) and counts each pair of neighbours once however many relations join them; PageRank
 * follows the relations' direction, each relation one vote.
 */
export function metricValues(nodes: readonly string[], edges: readonly (readonly [string, string])[], metric: Exclude<SizeBy, "degree">): Map<string, number> {
  if (metric === "betweenness") {
    const graph = new UndirectedGraph();
    for (const n of nodes) graph.addNode(n);
    for (const [s, t] of edges) if (s !== t) graph.mergeEdge(s, t);
    return new Map(Object.entries(betweenness(graph)));
  }
  const directed = new MultiDirectedGraph();
  for (const n of nodes) directed.addNode(n);
  for (const [s, t] of edges) directed.addEdge(s, t);
  return new Map(Object.entries(pagerank(directed, { getEdgeWeight: null })));
}

/** Node sizes from a metric on the same square-root scale as sizes from degree (largest value, largest size). */
export function metricSizes(values: ReadonlyMap<string, number>): Map<string, number> {
  let max = 0;
  for (const v of values.values()) max = Math.max(max, v);
  const sizes = new Map<string, number>();
  for (const [node, v] of values) sizes.set(node, sizeForDegree(v, max, values.size));
  return sizes;
}
