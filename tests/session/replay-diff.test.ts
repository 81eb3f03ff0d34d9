// Replay of the real session on the bundled graph (nothing differs) and on changed data (the changes are named); diff of sessions.
import { describe, expect, it } from "vitest";
import { replaySession } from "../../src/session/replay.ts";
import {
  diffSessions,
  isEmptyDiff,
  parseSessionFile,
  record,
  sessionContent,
  setEdgeNote,
  setNodeNote,
  setSessionNote,
  snapshotOf,
  historyOf,
  toSessionFile,
  type SessionFile,
} from "../../src/session/index.ts";
import { bundledFiles, bundledGraph, kgr, loadGraph, readSessionFixture } from "./fixtures.ts";

const real = () => parseSessionFile(readSessionFixture("huawei-kenya.session.json"));

describe("replay", () => {
  it("finds on the bundled graph exactly what the workbench recorded", async () => {
    const file = real();
    const report = replaySession(file, await bundledGraph());
    expect(report.steps.map((s) => s.entry.action.kind)).toEqual(["path", "neighbourhood"]);
    for (const step of report.steps) {
      expect(step.why).toEqual([]);
      expect(step.differs).toBe(false);
      expect(step.result?.nodes.length).toBeGreaterThan(1);
    }
    const path = report.steps[0];
    expect(path.result?.paths?.map((p) => p.nodes)).toEqual(file.state.path.results.map((r) => r.nodes));
    // The session's focus is the neighbourhood (run last), so that is the final result.
    expect(report.final?.entry.action.kind).toBe("neighbourhood");
    expect(report.final?.run?.kind).toBe("neighbourhood");
  });

  it("names what changed when the data changed", async () => {
    // Without the Covid-19 relations (Huawei's donation to the Kenyan government) and with DJI partnering with Kenya.
    const files = [...bundledFiles().filter((f) => !f.endsWith("relations-covid19.ttl")), "tests/fixtures/session/changed-data.ttl"];
    const report = replaySession(real(), await loadGraph(files));
    const [path, nb] = report.steps;
    expect(path.differs).toBe(true);
    expect(path.why.join("\n")).toContain("relations no longer found: Huawei <https://w3id.org/smartcity-kg/resource/huawei> —<https://w3id.org/smartcity-kg/ontology#suppliesTo>→ Kenyan government");
    expect(nb.differs).toBe(true);
    expect(nb.why).toContain("nodes found now but not recorded: Kenya <https://w3id.org/smartcity-kg/resource/kenya>");
    expect(nb.why.join("\n")).toContain("relations found now but not recorded: DJI <https://w3id.org/smartcity-kg/resource/dji> —<https://w3id.org/smartcity-kg/ontology#partnersWith>→ Kenya");
  });

  it("flags a step whose nodes are gone instead of failing", async () => {
    const file = real();
    const entry = file.history[1];
    if (entry.action.kind !== "path") throw new Error("fixture: step 1 is the path query");
    entry.action.params.to = kgr("atlantis");
    const report = replaySession(file, await bundledGraph());
    expect(report.steps[0].differs).toBe(true);
    expect(report.steps[0].result).toBeNull();
    expect(report.steps[0].why).toEqual(["node not in the data: <https://w3id.org/smartcity-kg/resource/atlantis>"]);
    expect(report.steps[1].differs).toBe(false);
  });

  it("completes a neighbourhood recorded by edge keys only from its snapshot, else compares its nodes", async () => {
    const graph = await bundledGraph();
    const changed = await loadGraph([...bundledFiles(), "tests/fixtures/session/changed-data.ttl"]);
    const byKeys = real();
    byKeys.history[3].recorded = { ...byKeys.history[3].recorded!, edges: [] };
    expect(replaySession(byKeys, graph).steps[1]).toMatchObject({ differs: false, checked: "all" });
    const onChanged = replaySession(byKeys, changed).steps[1];
    expect(onChanged.checked).toBe("all");
    expect(onChanged.why.join("\n")).toContain("relations found now but not recorded: DJI <https://w3id.org/smartcity-kg/resource/dji> —<https://w3id.org/smartcity-kg/ontology#partnersWith>→ Kenya");
    delete byKeys.history[3].snapshot;
    const nodesOnly = replaySession(byKeys, graph).steps[1];
    expect(nodesOnly).toMatchObject({ differs: false, checked: "nodes" });
    expect(replaySession(byKeys, changed).steps[1].why).toEqual(["nodes found now but not recorded: Kenya <https://w3id.org/smartcity-kg/resource/kenya>"]);
  });

  it("checks that what an expansion showed is still found", async () => {
    const file = real();
    // Expanding Huawei showed (among others) the Kenyan government, which the Covid-19 relations connect it to. Since
    // the Carnegie AIGS import Huawei has over 50 neighbours (the index's countries), so the expansion asks for 200.
    file.history.splice(4, 0, {
      id: "h99",
      at: "2026-11-20T09:04:30.000Z",
      label: "Expand Huawei",
      action: { kind: "expand", params: { node: kgr("huawei"), limit: 200 } },
      recorded: { nodes: [kgr("kenyan-government"), kgr("huawei-donation-to-kenyan-government")], edges: [], truncated: false },
    });
    file.cursor++;
    const same = replaySession(file, await bundledGraph()).steps.find((s) => s.entry.id === "h99")!;
    expect(same).toMatchObject({ differs: false, checked: "subset" });
    const withoutCovid = await loadGraph(bundledFiles().filter((f) => !f.endsWith("relations-covid19.ttl")));
    const gone = replaySession(file, withoutCovid).steps.find((s) => s.entry.id === "h99")!;
    expect(gone.differs).toBe(true);
    expect(gone.why).toEqual(["nodes no longer found: Kenyan government <https://w3id.org/smartcity-kg/resource/kenyan-government>"]);
  });

  it("replays only up to the cursor", async () => {
    const file = real();
    file.cursor = 2;
    const report = replaySession(file, await bundledGraph());
    expect(report.steps.map((s) => s.index)).toEqual([1]);
  });
});

describe("diff", () => {
  /** The real session, then more work: a note changed, one added, one removed, a node added to the view. */
  function laterSession(file: SessionFile): SessionFile {
    const snapshot = snapshotOf(file);
    const edgeKey = Object.keys(snapshot.notes.edges)[0];
    const [source, predicate, target] = edgeKey.split(" ");
    let notes = setSessionNote("Donations, and police partnerships too.")(snapshot.notes);
    notes = setNodeNote(kgr("dji"), "Drones to Spain and Italy.")(notes);
    notes = setEdgeNote({ source, predicate, target }, "")(notes);
    const state = { ...snapshot.state, added: { ...snapshot.state.added, nodes: [...snapshot.state.added.nodes, kgr("pakistan")] } };
    const next = { ...snapshot, notes, state };
    const history = record(historyOf(file), { kind: "add-nodes", params: { nodes: [kgr("pakistan")] } }, next);
    return toSessionFile({ ...file, history, ...next, name: "Huawei and Kenya, day 2" });
  }

  it("is empty between a session and itself", () => {
    expect(isEmptyDiff(diffSessions(real(), real()))).toBe(true);
  });

  it("lists nodes, relations and notes added, removed and changed", () => {
    const a = real();
    const b = laterSession(real());
    const d = diffSessions(a, b);
    expect(d.nodes.added).toEqual([kgr("pakistan")]);
    expect(d.nodes.removed).toEqual([]);
    expect(d.notes.added.map((n) => [n.target, n.key])).toEqual([["node", kgr("dji")]]);
    expect(d.notes.removed.map((n) => n.target)).toEqual(["edge"]);
    expect(d.notes.changed.map((n) => [n.target, n.after])).toEqual([["session", "Donations, and police partnerships too."]]);
    const back = diffSessions(b, a);
    expect(back.nodes.removed).toEqual([kgr("pakistan")]);
    expect(back.notes.removed.map((n) => n.key)).toEqual([kgr("dji")]);
  });

  it("compares relations by triple, not by edge key", () => {
    const a = real();
    const b = real();
    // The same relations under other edge ids (as after loading the data in another order).
    const renumber = (key: string) => `e${Number(key.slice(1)) + 100000}`;
    b.edges = Object.fromEntries(Object.entries(b.edges).map(([k, t]) => [renumber(k), t]));
    b.state.added.edges = b.state.added.edges.map(renumber);
    if (b.state.neighbourhood.result) b.state.neighbourhood.result.edges = b.state.neighbourhood.result.edges.map(renumber);
    expect(isEmptyDiff(diffSessions(a, b))).toBe(true);
    // Dropping the neighbourhood result removes its relations.
    b.state.neighbourhood.result = null;
    b.state.added.edges = [];
    const d = diffSessions(a, b);
    expect(d.edges.removed.length).toBeGreaterThan(0);
    expect(d.edges.removed.every((t) => t.source === kgr("dji") || t.target === kgr("dji"))).toBe(true);
    expect(sessionContent(a).edges.length).toBeGreaterThan(sessionContent(b).edges.length);
  });
});
