// The seeded 10k-node / 50k-edge graph on which Node and the browser both time ForceAtlas2, built identically in each.
import Graph from "graphology";

export const FA2_BENCH_NODES = 10_000;
export const FA2_BENCH_EDGES = 50_000;
export const FA2_BENCH_SEED = 7;

/** mulberry32: small, fast and the same sequence in every JavaScript engine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Preferential attachment: each edge's target is drawn from the endpoints of earlier edges half the time, so degrees
 * follow a power law with a few hubs, like the knowledge graph's (China, the brief). Positions are seeded too, since
 * ForceAtlas2's cost per iteration depends on where the nodes are (Barnes-Hut tree depth).
 */
export function fa2BenchGraph(nodes = FA2_BENCH_NODES, edges = FA2_BENCH_EDGES, seed = FA2_BENCH_SEED): Graph {
  const random = seededRandom(seed);
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`, { x: random() * 1000, y: random() * 1000, size: 4 });
  const endpoints: number[] = [];
  const pick = () => (endpoints.length > 0 && random() < 0.5 ? endpoints[Math.floor(random() * endpoints.length)] : Math.floor(random() * nodes));
  while (graph.size < edges) {
    const source = Math.floor(random() * nodes);
    const target = pick();
    if (source === target || graph.hasEdge(`n${source}`, `n${target}`)) continue;
    graph.addEdge(`n${source}`, `n${target}`);
    endpoints.push(source, target);
  }
  return graph;
}

/** A fingerprint of structure and starting positions, so a run can show both sides laid out the same graph. */
export function graphFingerprint(graph: Graph): string {
  let hash = 2166136261;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  };
  graph.forEachNode((node, attrs) => mix(`${node}:${attrs.x}:${attrs.y};`));
  graph.forEachEdge((_edge, _attrs, source, target) => mix(`${source}-${target};`));
  return `${graph.order}/${graph.size}/${(hash >>> 0).toString(16)}`;
}

/** The starting positions, to put the graph back before each timed run. */
export function positionsOf(graph: Graph): Float64Array {
  const positions = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_node, attrs) => {
    positions[i++] = attrs.x;
    positions[i++] = attrs.y;
  });
  return positions;
}

export function restorePositions(graph: Graph, positions: Float64Array): void {
  let i = 0;
  graph.updateEachNodeAttributes((_node, attrs) => {
    attrs.x = positions[i++];
    attrs.y = positions[i++];
    return attrs;
  });
}
