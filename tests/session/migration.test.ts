// Model-1 IRIs keep working on the issue-15 graph: kg names, session replay and share links read ontology/migration.ttl.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { currentIri, currentTermIds, currentTriple, replacementsOf } from "../../src/query/replacements.ts";
import { resolveTerm } from "../../src/query/names.ts";
import { replaySession } from "../../src/session/replay.ts";
import { parseSessionFile } from "../../src/session/format.ts";
import { decodeShareState, encodeShareState, getEmptySession, stateFromShare } from "../../src/session/index.ts";
import { DataService } from "../../src/workbench/data-service.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { bundledFiles, bundledGraph, kgr, readSessionFixture, repoRoot } from "./fixtures.ts";

const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

describe("the migration map", () => {
  it("maps each old predicate to its replacement, inverse ones marked", async () => {
    const g = await bundledGraph();
    expect(currentIri(g, kg("donatesTo"))).toBe(kg("suppliesTo"));
    expect(currentIri(g, kg("exportsOrDonates"))).toBe(kg("supplies"));
    expect(currentIri(g, kg("usedIn"))).toBe(kg("deployedAt"));
    expect(replacementsOf(g).get(kg("includes"))).toEqual({ iri: kg("isPartOf"), inverse: true });
    expect(currentIri(g, kg("suppliesTo"))).toBe(kg("suppliesTo"));
    // Deprecated with no replacement: not in the map, so nothing is silently rewritten.
    expect(replacementsOf(g).has(kg("endorsedAt"))).toBe(false);
    const includes = { source: kgr("smart-city"), predicate: kg("includes"), target: kgr("parking") };
    expect(currentTriple(g, includes)).toEqual({ source: kgr("parking"), predicate: kg("isPartOf"), target: kgr("smart-city") });
    expect(currentTermIds(g, [kg("donatesTo")])).toEqual([g.dataset.terms.iriId(kg("suppliesTo"))]);
  });

  it("follows a chain of replacements and stops on a cycle", async () => {
    const text = `@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix dcterms: <http://purl.org/dc/terms/> . @prefix ex: <https://example.org/> .
      ex:a owl:deprecated true ; dcterms:isReplacedBy ex:b . ex:b owl:deprecated true ; owl:inverseOf ex:c .
      ex:x owl:deprecated true ; dcterms:isReplacedBy ex:y . ex:y owl:deprecated true ; dcterms:isReplacedBy ex:x .
      ex:s ex:c ex:o .`;
    const g = projectGraph(await loadDataset([{ name: "chain.ttl", text }]));
    expect(replacementsOf(g).get("https://example.org/a")).toEqual({ iri: "https://example.org/c", inverse: true });
    expect(["https://example.org/x", "https://example.org/y"]).toContain(currentIri(g, "https://example.org/x"));
  });
});

describe("kg names", () => {
  it("an old predicate IRI, CURIE or local name resolves to the predicate that replaced it", async () => {
    const g = await bundledGraph();
    const supplies = g.dataset.terms.iriId(kg("suppliesTo"));
    expect(resolveTerm(g, kg("donatesTo"), "predicate")).toBe(supplies);
    expect(resolveTerm(g, "kg:donatesTo", "predicate")).toBe(supplies);
    expect(resolveTerm(g, "donatesTo", "predicate")).toBe(supplies);
    expect(resolveTerm(g, "kg:includes", "predicate")).toBe(g.dataset.terms.iriId(kg("isPartOf")));
  });
});

describe("session replay", () => {
  const model1 = () => parseSessionFile(readSessionFixture("huawei-kenya.model1.session.json"));

  it("a session recorded with model-1 IRIs replays: renamed relations are no difference, model changes are named", async () => {
    const report = replaySession(model1(), await bundledGraph());
    const why = report.steps.flatMap((s) => s.why).join("\n");
    // Recorded as kg:donatesTo, found now as kg:suppliesTo: the same relation.
    expect(why).not.toContain("ontology#donatesTo");
    // The table's hedged Huawei → Kenya relation is an event node now: an honest difference.
    expect(why).toContain("—<https://w3id.org/smartcity-kg/ontology#promotedOrDonatedTo>→ Kenya");
    expect(report.steps.length).toBeGreaterThan(0);
  });

  it("without the migration map the same replay reports the renamed relation as gone", async () => {
    const files = bundledFiles().filter((f) => f !== "ontology/migration.ttl");
    const dataset = await loadDataset(files.map((name) => ({ name, text: readFileSync(resolve(repoRoot, name), "utf8") })));
    const why = replaySession(model1(), projectGraph(dataset)).steps.flatMap((s) => s.why).join("\n");
    expect(why).toContain("ontology#donatesTo>→ Kenyan government");
  });

  it("a neighbourhood filtered by an old predicate finds the relations of its replacement", async () => {
    const file = model1();
    const step = file.history.find((entry) => entry.action.kind === "neighbourhood");
    if (!step || step.action.kind !== "neighbourhood") throw new Error("fixture: the session has a neighbourhood step");
    step.action.params = { ...step.action.params, centers: [kgr("huawei")], depth: 1, direction: "out", predicates: [kg("donatesTo")], classes: [] };
    step.recorded = undefined;
    const replayed = replaySession(file, await bundledGraph()).steps.find((s) => s.entry.id === step.id)!;
    expect(replayed.result?.edges.map((e) => e.predicate)).toEqual([kg("suppliesTo"), kg("suppliesTo")]);
  });
});

describe("share links", () => {
  it("a link made with an old predicate re-runs its neighbourhood with the new one", async () => {
    const state = getEmptySession();
    const made = { ...state, neighbourhood: { ...state.neighbourhood, centers: [kgr("huawei")], depth: 1, direction: "out" as const, predicates: [kg("donatesTo")] } };
    const opened = stateFromShare(decodeShareState(encodeShareState(made)));
    expect(opened.neighbourhood.predicates).toEqual([kg("donatesTo")]);
    const service = new DataService();
    await service.load(bundledFiles().map((name) => ({ name, text: readFileSync(resolve(repoRoot, name), "utf8") })), true);
    const { result, graph } = service.neighbourhood({ ...opened.neighbourhood, limit: 100 });
    expect(result.nodes.map((n) => n.node).sort()).toEqual([kgr("huawei"), kgr("kenyan-government"), kgr("pakistani-ministry-of-health")]);
    expect(graph.edges.every((e) => e.predicate === kg("suppliesTo"))).toBe(true);
  });
});
