// The layout worker's ForceAtlas2 loop, its noverlap and the page's position writer, in Node: same positions as graphology's own.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Graph, { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import { DataService, layOut } from "../../src/workbench/data-service.ts";
import { Fa2Loop, NODE_FLOATS, type Fa2Request } from "../../src/workbench/fa2-loop.ts";
import { applyPositions } from "../../src/workbench/fa2-supervisor.ts";
import { layoutSettings } from "../../src/workbench/fa2-settings.ts";
import { untangle, untangleMatrix } from "../../src/workbench/untangle.ts";

let base: Graph;

/** The fixture's overview with the worker's first-layout start positions: a real view graph. */
beforeAll(async () => {
  const service = new DataService();
  await service.load([{ name: "mini.ttl", text: readFileSync(resolve(import.meta.dirname, "../fixtures/workbench/mini.ttl"), "utf8") }], true);
  const view = service.overview(100, false).graph;
  layOut(view);
  base = new MultiDirectedGraph();
  for (const node of view.nodes) base.addNode(node.key, { x: node.x, y: node.y, size: 4 });
  for (const edge of view.edges) base.addDirectedEdgeWithKey(edge.key, edge.source, edge.target);
});

function startRequest(graph: Graph, run = 1): Fa2Request {
  const matrices = graphToByteArrays(graph, () => 1);
  return { type: "start", run, nodes: matrices.nodes.buffer as ArrayBuffer, edges: matrices.edges.buffer as ArrayBuffer, settings: layoutSettings(graph) };
}

/** A loop whose slices are exactly one iteration (a zero-length slice still runs one). */
const oneIterationLoop = () => new Fa2Loop(0, () => 0);

describe("Fa2Loop (the layout worker's loop)", () => {
  it("reaches exactly the positions of graphology's synchronous ForceAtlas2 after as many iterations", () => {
    const loop = oneIterationLoop();
    loop.handle(startRequest(base));
    let last = loop.slice();
    for (let i = 1; i < 25; i++) last = loop.slice();
    expect(last?.iterations).toBe(25);
    const expected = base.copy();
    forceAtlas2.assign(expected, { iterations: 25, settings: layoutSettings(base), getEdgeWeight: null });
    const xy = Array.from(last!.xy);
    const want: number[] = [];
    expected.forEachNode((_, a) => want.push(Math.fround(a.x as number), Math.fround(a.y as number)));
    expect(xy).toEqual(want);
    // And the layout moved: the test would pass vacuously on a frozen loop otherwise.
    const start: number[] = [];
    base.forEachNode((_, a) => start.push(Math.fround(a.x as number), Math.fround(a.y as number)));
    expect(xy).not.toEqual(start);
  });

  it("keeps fixed nodes where they are", () => {
    const graph = base.copy();
    const pinned = graph.nodes()[0];
    graph.setNodeAttribute(pinned, "fixed", true);
    const before = graph.getNodeAttributes(pinned);
    const loop = oneIterationLoop();
    loop.handle(startRequest(graph));
    for (let i = 0; i < 10; i++) loop.slice();
    const xy = loop.slice()!.xy;
    expect([xy[0], xy[1]]).toEqual([Math.fround(before.x as number), Math.fround(before.y as number)]);
  });

  it("stops on its run's stop, ignores a stale one, and starts over on a new start", () => {
    const loop = oneIterationLoop();
    expect(loop.slice()).toBeNull();
    loop.handle(startRequest(base, 1));
    loop.slice();
    loop.handle(startRequest(base, 2));
    expect(loop.slice()).toMatchObject({ run: 2, iterations: 1 });
    loop.handle({ type: "stop", run: 1 });
    expect(loop.running).toBe(true);
    loop.handle({ type: "stop", run: 2 });
    expect(loop.running).toBe(false);
    expect(loop.slice()).toBeNull();
  });

  it("runs iterations back to back until its slice is used up", () => {
    let clock = 0;
    const loop = new Fa2Loop(10, () => clock++);
    loop.handle(startRequest(base));
    // now() is read once to set the deadline and once after each iteration: 0 → deadline 10, iterations at 1..10.
    expect(loop.slice()?.iterations).toBe(10);
    expect(loop.slice()?.xy.length).toBe((startRequest(base) as { nodes: ArrayBuffer }).nodes.byteLength / 4 / NODE_FLOATS * 2);
  });
});

describe("applyPositions (the page's side)", () => {
  it("writes x, y in graph order in a single graph update", () => {
    const graph = base.copy();
    const xy = new Float32Array(graph.order * 2).map((_, i) => i);
    let updates = 0;
    graph.on("eachNodeAttributesUpdated", () => updates++);
    expect(applyPositions(graph, xy)).toBe(true);
    expect(updates).toBe(1);
    graph.nodes().forEach((node, n) => expect([graph.getNodeAttribute(node, "x"), graph.getNodeAttribute(node, "y")]).toEqual([2 * n, 2 * n + 1]));
  });

  it("refuses positions for a graph that has since changed size", () => {
    const graph = base.copy();
    const xy = new Float32Array(graph.order * 2);
    graph.addNode("https://example.org/new", { x: 5, y: 5 });
    expect(applyPositions(graph, xy)).toBe(false);
    expect(graph.getNodeAttribute("https://example.org/new", "x")).toBe(5);
  });
});

describe("untangle (noverlap in one go)", () => {
  /** The fixture's nodes squeezed into a small box, so that they overlap. */
  const squeezed = () => {
    const graph = base.copy();
    graph.forEachNode((node, a) => graph.mergeNodeAttributes(node, { x: (a.x as number) / 50, y: (a.y as number) / 50, size: 4 }));
    return graph;
  };
  const settings = { ratio: 1.15, margin: 1, speed: 3 };

  it("reaches graphology-layout-noverlap's positions for the same settings and iterations", () => {
    const graph = squeezed();
    const result = untangle({ settings, maxIterations: 40, budgetMs: 60_000 }, untangleMatrix(graph, (_n, a) => a.size ?? 1));
    const expected = graph.copy();
    noverlap.assign(expected, { maxIterations: 40, settings });
    const want: number[] = [];
    expected.forEachNode((_, a) => want.push(Math.fround(a.x as number), Math.fround(a.y as number)));
    expect(Array.from(result.xy)).toEqual(want);
    const before: number[] = [];
    graph.forEachNode((_, a) => before.push(Math.fround(a.x as number), Math.fround(a.y as number)));
    expect(Array.from(result.xy)).not.toEqual(before);
  });

  it("stops when the time budget is spent, after at least one pass", () => {
    let clock = 0;
    const result = untangle({ settings, maxIterations: 500, budgetMs: 3 }, untangleMatrix(squeezed(), () => 4), () => clock++);
    expect(result.iterations).toBe(3);
    expect(result.converged).toBe(false);
  });

  it("says when nothing overlaps any more", () => {
    const result = untangle({ settings, maxIterations: 500, budgetMs: 60_000 }, untangleMatrix(squeezed(), () => 0.01));
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(500);
  });
});
