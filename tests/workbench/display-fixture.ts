// The workbench's mini fixture as the page shows it: the data service, its overview in a graphology graph, and the reducers over it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { DataService } from "../../src/workbench/data-service.ts";
import {
  classColours,
  displayContext,
  edgeDisplay,
  indexParallelEdges,
  nodeDisplay,
  sizeForDegree,
  type EdgeAttributes,
  type NodeAttributes,
} from "../../src/workbench/display.ts";
import type { SessionState } from "../../src/session/index.ts";

export interface DisplayFixture {
  service: DataService;
  graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>;
  colours: Map<string, string>;
  /** What the node reducer draws for `key` in `state`. */
  node(state: SessionState, key: string): ReturnType<typeof nodeDisplay>;
  edge(state: SessionState, key: string): ReturnType<typeof edgeDisplay>;
  /** The key of the edge source -predicate-> target. */
  edgeBetween(source: string, target: string, predicate: string): string;
}

export async function loadDisplayFixture(): Promise<DisplayFixture> {
  const service = new DataService();
  const text = readFileSync(resolve(import.meta.dirname, "../fixtures/workbench/mini.ttl"), "utf8");
  const summary = await service.load([{ name: "mini.ttl", text }], true);
  const colours = classColours(summary.classes.map((c) => c.iri));
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  const view = service.overview(100, false).graph;
  view.nodes.forEach((n, i) => graph.addNode(n.key, { ...n, x: i, y: i, size: sizeForDegree(n.degree, 4, view.nodes.length) }));
  for (const e of view.edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { predicate: e.predicate, label: e.label, year: e.year, dates: e.dates });
  indexParallelEdges(graph);
  const lookup = {
    hasNode: (n: string) => graph.hasNode(n),
    neighbors: (n: string) => graph.neighbors(n),
    extremities: (e: string) => graph.extremities(e) as [string, string],
  };
  return {
    service,
    graph,
    colours,
    node: (state, key) => nodeDisplay(key, graph.getNodeAttributes(key), displayContext(state, lookup, colours)),
    edge: (state, key) => edgeDisplay(key, graph.getEdgeAttributes(key), graph.extremities(key) as [string, string], displayContext(state, lookup, colours)),
    edgeBetween: (source, target, predicate) => graph.filterEdges(source, target, (_, a) => a.predicate === predicate)[0],
  };
}
