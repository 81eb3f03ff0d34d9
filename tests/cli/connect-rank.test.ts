// kg connect and kg path --rank as a user runs them: a real process over the mini fixture graph.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fixture, repoRoot, runKg } from "./run-kg.ts";
import { loadDataset } from "../../src/rdf/parse.ts";

const miniData = ["--data", fixture("cli", "mini.ttl"), resolve(repoRoot, "ontology", "smartcity.ttl")];

describe("kg connect", () => {
  it("prints the connecting tree with quotes, as JSON, and as Turtle that parses", async () => {
    const text = await runKg(["connect", "DJI", "Digital Silk Road", "Spain", ...miniData]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^DJI, Digital Silk Road, Spain: connected by \d+ relations through /);
    const json = JSON.parse((await runKg(["connect", "DJI", "Digital Silk Road", "Spain", "--json", ...miniData])).stdout);
    expect(Object.keys(json).sort()).toEqual(["edges", "explanation", "nodes", "terminals", "unreached"]);
    expect(json.edges.length).toBe(json.nodes.length - 1);
    expect(json.unreached).toEqual([]);
    const turtle = await runKg(["connect", "DJI", "Digital Silk Road", "Spain", "--turtle", ...miniData]);
    const dataset = await loadDataset([{ name: "out.ttl", text: turtle.stdout }]);
    for (const edge of json.edges) {
      expect([...dataset.quads()].some((q) => q.subject.value === edge.source && q.predicate.value === edge.predicate && q.object.value === edge.target)).toBe(true);
    }
  });

  it("names what it cannot connect and which option to drop", async () => {
    const result = await runKg(["connect", "DJI", "Digital Silk Road", "--exclude", "China", ...miniData]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("not connected (under these options)");
    expect(result.stdout).toContain("drop --exclude: then a connection of 2 relations exists");
    const apart = await runKg(["connect", "DJI", "Digital Silk Road", "Kenyan government", ...miniData]);
    expect(apart.stdout).toMatch(/^DJI, Digital Silk Road: connected by 2 relations through China/);
    expect(apart.stdout).toContain("Not connected to the others: Government of Kenya.");
    const usage = await runKg(["connect", "DJI", ...miniData]);
    expect(usage.code).toBe(2);
  });
});

describe("kg connect --rank informative", () => {
  it("joins the entities by the tree that avoids hubs, with its score, in text and JSON (bundled graph)", async () => {
    const names = ["Italy", "Spain", "Philippines", "Kenya"];
    const text = await runKg(["connect", ...names, "--rank", "informative"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Italy, Spain, Philippines, Kenya: connected by \d+ relations through .*Municipalities in Spain, Italy and the Philippines/);
    expect(text.stdout).toMatch(/\(score [\d.]+ = \d+ relations \+ hubs [\d.]+ \+ generic relations [\d.]+; lower says more\)/);
    const [informative, byHops] = await Promise.all([
      runKg(["connect", ...names, "--rank", "informative", "--json"]).then((r) => JSON.parse(r.stdout)),
      runKg(["connect", ...names, "--json"]).then((r) => JSON.parse(r.stdout)),
    ]);
    const huawei = "https://w3id.org/smartcity-kg/resource/huawei";
    expect(byHops.nodes.map((node: { iri: string }) => node.iri)).toContain(huawei);
    expect(informative.nodes.map((node: { iri: string }) => node.iri)).not.toContain(huawei);
    expect(byHops.score).toBeUndefined();
    const { total, hops, hub, generic } = informative.score;
    expect(hops).toBe(informative.edges.length);
    expect(total).toBeCloseTo(hops + hub + generic, 1);
    const bad = await runKg(["connect", ...names, "--rank", "best"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--rank must be shortest or informative");
  });
});

describe("kg path --rank", () => {
  it("shows each path's score and parts, in text and JSON", async () => {
    const text = await runKg(["path", "DJI", "Digital Silk Road", "--rank", "informative", ...miniData]);
    expect(text.stdout).toMatch(/1\. DJI → China → Digital Silk Road {2}\(2 hops; score [\d.]+ = 2 hops \+ hubs [\d.]+ \+ generic relations [\d.]+\)/);
    const json = JSON.parse((await runKg(["path", "DJI", "Digital Silk Road", "--json", "--rank", "informative", ...miniData])).stdout);
    const { total, hops, hub, generic } = json.paths[0].score;
    expect(hops).toBe(2);
    expect(total).toBeCloseTo(hops + hub + generic, 1);
    const bad = await runKg(["path", "DJI", "Digital Silk Road", "--rank", "best", ...miniData]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--rank must be shortest or informative");
  });
});

describe("kg session replay of a connect step", () => {
  it("re-runs it on the bundled graph and prints the tree it finds", async () => {
    const file = JSON.parse(readFileSync(fixture("session", "huawei-kenya.session.json"), "utf8"));
    const step = file.history[1];
    const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
    step.action = { kind: "connect", params: { terminals: [kgr("huawei"), kgr("kenya"), kgr("digital-silk-road")], options: step.action.params.options } };
    file.state.focus = "path";
    file.cursor = 1;
    const path = join(mkdtempSync(join(tmpdir(), "kg-connect-")), "connect.session.json");
    writeFileSync(path, JSON.stringify(file));
    const result = await runKg(["session", "replay", path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Huawei, Kenya, Digital Silk Road: connected by \d+ relations/);
  });
});

