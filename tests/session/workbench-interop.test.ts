// A session recorded the way the workbench records it (its controller, its data service, on the bundled graph) saves, reads back and replays with no false differences.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  actions,
  createSessionStore,
  describeSource,
  neighbourhoodStarted,
  nodeReferences,
  parseSessionFile,
  pathStarted,
  serializeSession,
  setNeighbourhoodCenters,
  setPathEnds,
  setPathOptions,
  toSessionFile,
  type EdgeTriple,
} from "../../src/session/index.ts";
import { replaySession } from "../../src/session/replay.ts";
import { DataService } from "../../src/workbench/data-service.ts";
import { SessionController } from "../../src/workbench/session-controller.ts";
import { bundledFiles, bundledGraph, kgr, loadGraph, repoRoot } from "./fixtures.ts";

const limits = { expand: 150, neighbourhood: 1500 };

describe("a session as the workbench records it", () => {
  it("saves, reads back and replays on the bundled graph with nothing differing, and flags changed data", async () => {
    const files = bundledFiles();
    const service = new DataService();
    await service.load(files.map((name) => ({ name, text: readFileSync(join(repoRoot, name), "utf8") })), true);
    const index = service.loaded!.index;
    const store = createSessionStore();
    const controller = new SessionController(store, { positions: () => ({}), camera: () => ({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }), labelOf: (iri) => index.label(index.nodeByIri(iri)) });
    const inView = new Set<string>();
    const show = (nodes: string[]) => nodes.filter((n) => !inView.has(n) && inView.add(n));

    // A path query, as the path panel runs it.
    store.apply(setPathOptions({ k: 2 }), setPathEnds(kgr("huawei"), kgr("kenya")), pathStarted());
    const query = { from: kgr("huawei"), to: kgr("kenya"), options: store.get().path.options };
    const path = service.path(query.from, query.to, query.options);
    store.dispatch(actions.runPath(query, { results: path.paths }, { nodes: show(path.graph.nodes.map((n) => n.key)), edges: path.graph.edges.map((e) => e.key) }));
    // A neighbourhood.
    store.apply(setNeighbourhoodCenters([kgr("dji")]), neighbourhoodStarted());
    const params = { centers: [kgr("dji")], depth: 1, direction: "both" as const, classes: [], predicates: [], limit: limits.neighbourhood };
    const nb = service.neighbourhood(params);
    store.dispatch(actions.runNeighbourhood({ ...params, mode: "highlight" }, { result: nb.result, relations: nb.graph.edges.map(({ source, predicate, target }) => ({ source, predicate, target })) }, { nodes: show(nb.graph.nodes.map((n) => n.key)), edges: nb.result.edges }));
    // A double-click expansion of Kenya.
    const expanded = service.expand(kgr("kenya"), limits.expand);
    store.dispatch(actions.expand(kgr("kenya"), limits.expand, { nodes: show(expanded.nodes.map((n) => n.key)), edges: expanded.edges.map((e) => e.key) }));

    expect(controller.history.entries.map((e) => e.action.kind)).toEqual(["start", "path", "neighbourhood", "expand"]);
    const snapshot = controller.snapshot();
    const file = toSessionFile({
      name: "Recorded by the workbench",
      sources: files.map((name) => describeSource(name, readFileSync(join(repoRoot, name), "utf8"), "bundled")),
      history: controller.history,
      ...snapshot,
    });
    // The edge table and labels, as the workbench adds them when saving.
    const edges: Record<string, EdgeTriple> = {};
    const keys = new Set([...snapshot.state.added.edges, ...controller.history.entries.flatMap((e) => e.snapshot?.state.neighbourhood.result?.edges ?? [])]);
    for (const key of keys) {
      const e = Number(key.slice(1));
      edges[key] = { source: index.iri(index.edgeSources[e]), predicate: index.dataset.terms.key(index.edgePredicates[e]), target: index.iri(index.edgeTargets[e]) };
    }
    const labels = Object.fromEntries([...nodeReferences(file).keys()].map((iri) => [iri, index.label(index.nodeByIri(iri))]));
    const text = serializeSession({ ...file, edges, labels });

    const back = parseSessionFile(text);
    const replay = replaySession(back, await bundledGraph());
    expect(replay.steps.map((s) => [s.entry.action.kind, s.checked, s.differs, s.why])).toEqual([
      ["path", "all", false, []],
      ["neighbourhood", "all", false, []],
      ["expand", "subset", false, []],
    ]);
    // DJI partnering with Kenya changes the neighbourhood of DJI; the expansion of Kenya still finds what it showed.
    const changed = replaySession(back, await loadGraph([...files, "tests/fixtures/session/changed-data.ttl"]));
    expect(changed.steps.map((s) => s.differs)).toEqual([false, true, false]);
  });
});
