// kg session replay | diff | report as a user runs them: real processes, real session fixtures, exit codes 0 / 1 / 2.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fixture, repoRoot, runKg } from "./run-kg.ts";
import { loadDataset } from "../../src/rdf/parse.ts";

const session = (name: string) => fixture("session", name);
const real = session("huawei-kenya.session.json");
const tmp = () => mkdtempSync(join(tmpdir(), "kg-session-"));

/** The bundled graph without the Covid-19 relations, plus a relation the session never saw: data that changed. */
function changedData(): string[] {
  const ttl = (dir: string) => readdirSync(resolve(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).sort().map((f) => resolve(repoRoot, dir, f));
  return [...ttl("ontology"), ...ttl("graph-data").filter((f) => !f.endsWith("relations-covid19.ttl")), session("changed-data.ttl")];
}

describe("kg session replay", () => {
  it("re-runs the queries on the bundled graph: nothing differs, and the final result is printed as kg neighbours does", async () => {
    const result = await runKg(["session", "replay", real]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("The data is the session's own (13 files, same content).");
    expect(result.stdout).toContain('Replayed 2 queries of "Huawei and Kenya": every result is as recorded.');
    expect(result.stdout).toMatch(/✓ same\s+1\. Path Huawei → Kenya/);
    expect(result.stdout).toMatch(/✓ same\s+3\. Neighbourhood of DJI \(1 hop, both\)/);
    const neighbours = await runKg(["neighbours", "DJI"]);
    expect(result.stdout).toContain(neighbours.stdout.trim());
  });

  it("--json gives the steps and the final result in kg neighbours --json's shape", async () => {
    const result = await runKg(["session", "replay", real, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.session).toBe("Huawei and Kenya");
    expect(json.data).toMatchObject({ same: true, missing: [], extra: [] });
    expect(json.steps.map((s: { kind: string; differs: boolean }) => [s.kind, s.differs])).toEqual([["path", false], ["neighbourhood", false]]);
    const neighbours = JSON.parse((await runKg(["neighbours", "DJI", "--json"])).stdout);
    expect(json.final).toEqual({ kind: "neighbourhood", ...neighbours });
  });

  it("--turtle prints the final result's triples as Turtle (step flags on stderr)", async () => {
    const result = await runKg(["session", "replay", real, "--turtle"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("every result is as recorded");
    const dataset = await loadDataset([{ name: "replay.ttl", text: result.stdout }]);
    expect(dataset.size).toBeGreaterThan(20);
    expect(result.stdout).toContain("kgr:dji");
  });

  it("flags each step whose result differs on changed data, with what differs (exit 0: it ran)", async () => {
    const result = await runKg(["session", "replay", real, "--data", ...changedData()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`The data is not the session's: not loaded now (or changed): graph-data/relations-covid19.ttl; new or changed: ${session("changed-data.ttl")}.`);
    expect(result.stdout).toContain("2 differ from what was recorded");
    expect(result.stdout).toMatch(/✗ DIFFERS\s+1\. Path Huawei → Kenya/);
    expect(result.stdout).toContain("relations no longer found: Huawei <https://w3id.org/smartcity-kg/resource/huawei> —<https://w3id.org/smartcity-kg/ontology#suppliesTo>→ Kenyan government");
    expect(result.stdout).toContain("nodes found now but not recorded: Kenya <https://w3id.org/smartcity-kg/resource/kenya>");
    const json = JSON.parse((await runKg(["session", "replay", real, "--json", "--data", ...changedData()])).stdout);
    expect(json.steps.every((s: { differs: boolean }) => s.differs)).toBe(true);
    expect(json.final.nodes.map((n: { iri: string }) => n.iri)).toContain("https://w3id.org/smartcity-kg/resource/kenya");
  });

  it("names session nodes the data lacks, with the nearest labels, and still runs", async () => {
    const result = await runKg(["session", "replay", session("unknown-nodes.session.json")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('kg session: 2 nodes of the session are not in the data: <https://w3id.org/smartcity-kg/resource/huawie> (nearest: "Huawei"');
    expect(result.stderr).toContain('<https://w3id.org/smartcity-kg/resource/kenia> (nearest: "Kenya"');
  });

  it("migrates an older session and replays it", async () => {
    const result = await runKg(["session", "replay", session("v0-draft.session.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("(nothing recorded to compare)");
  });

  const bad: [string, string][] = [
    ["corrupted.session.json", "corrupted.session.json: not JSON ("],
    ["future-version.session.json", "future-version.session.json: version: 7 is newer than the version this build reads (3)"],
    ["wrong-format.session.json", "wrong-format.session.json: format: not a smartcity-kg session"],
    ["prototype-key.session.json", 'prototype-key.session.json: notes.nodes["__proto__"]: the key "__proto__" is not allowed'],
    ["credentials-url.session.json", "credentials-url.session.json: sources[0].name: a URL with a user name or password"],
    ["bad-type.session.json", "bad-type.session.json: history[3].action.params.depth: expected a number, got a string"],
  ];
  for (const [name, message] of bad) {
    it(`refuses ${name} with where and what (exit 1)`, async () => {
      const result = await runKg(["session", "replay", session(name)]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`kg session: ${session(name)}`);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain("unexpected error");
    });
  }

  it("refuses an oversize file without reading it (exit 1)", async () => {
    const file = join(tmp(), "huge.session.json");
    writeFileSync(file, readFileSync(real, "utf8").replace('"name": "Huawei and Kenya"', `"name": "${"x".repeat(21 * 1024 * 1024)}"`));
    const result = await runKg(["session", "replay", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/huge\.session\.json: the file is 21\.\d MB, larger than the 20 MB a session may be/);
  });

  it("treats wrong arguments as usage errors (exit 2)", async () => {
    const missing = await runKg(["session", "replay", "no-such.session.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('kg session: cannot read "no-such.session.json": no such file');
    const unknown = await runKg(["session", "rewind", real]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('kg session: unknown action "rewind"; expected replay, diff or report');
    expect((await runKg(["session", "diff", real])).code).toBe(2);
    expect((await runKg(["session", "replay", real, "--json", "--turtle"])).code).toBe(2);
  });

  it("is listed in kg --help", async () => {
    const result = await runKg(["--help"]);
    expect(result.stdout).toMatch(/^ {2}session\s+replay a saved workbench session/m);
  });
});

describe("kg session diff", () => {
  it("lists what one session has and the other has not", async () => {
    // The real session against its hostile twin: other name, notes and labels, same queries.
    const result = await runKg(["session", "diff", real, session("hostile.session.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Nodes added: none");
    expect(result.stdout).toContain("Notes changed: 2");
    expect(result.stdout).toContain("Queries only in the second: none");
    const json = JSON.parse((await runKg(["session", "diff", real, session("hostile.session.json"), "--json"])).stdout);
    expect(json.notes.changed.map((n: { target: string }) => n.target).sort()).toEqual(["node", "session"]);
    expect(json.nodes).toEqual({ added: [], removed: [] });
  });

  it("lists relations removed by triple", async () => {
    const dir = tmp();
    const file = JSON.parse(readFileSync(real, "utf8"));
    file.state.neighbourhood.result = null;
    file.state.added.edges = [];
    file.state.added.nodes = [];
    writeFileSync(join(dir, "smaller.session.json"), JSON.stringify(file));
    const json = JSON.parse((await runKg(["session", "diff", real, join(dir, "smaller.session.json"), "--json"])).stdout);
    expect(json.edges.removed).toContainEqual({ source: "https://w3id.org/smartcity-kg/resource/dji", predicate: "https://w3id.org/smartcity-kg/ontology#specialisesIn", target: "https://w3id.org/smartcity-kg/resource/drone-industry" });
    expect(json.edges.added).toEqual([]);
    const text = (await runKg(["session", "diff", real, join(dir, "smaller.session.json")])).stdout;
    expect(text).toContain("DJI (kgr:dji) —kg:specialisesIn→ Drone industry (kgr:drone-industry)");
  });

  it("refuses a bad second file (exit 1)", async () => {
    const result = await runKg(["session", "diff", real, session("future-version.session.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("future-version.session.json: version: 7 is newer");
  });
});

describe("kg session report", () => {
  it("writes one self-contained HTML file with the quotes and the Turtle", async () => {
    const out = join(tmp(), "report.html");
    const result = await runKg(["session", "report", real, "-o", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`kg session: wrote ${out}`);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h1>Huawei and Kenya</h1>");
    expect(html).toContain("Huawei has donated video conference equipment to the Kenyan government");
    expect(html).toContain("Turtle of the final subgraph");
    expect(html).toContain("kgr:huawei");
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes a hostile session: no tag is injected", async () => {
    const result = await runKg(["session", "report", session("hostile.session.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/<script/i);
    expect(result.stdout).toContain("&lt;/title&gt;&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;");
    expect(result.stdout).toContain("&lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;");
  });

  it("adds a PNG of the view, and refuses a file that is not one (exit 2)", async () => {
    const dir = tmp();
    const png = join(dir, "view.png");
    // A 1×1 PNG.
    writeFileSync(png, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==", "base64"));
    const ok = await runKg(["session", "report", real, "--image", png]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('src="data:image/png;base64,iVBORw0KGgo');
    writeFileSync(join(dir, "fake.png"), "<svg onload=alert(1)>");
    const fake = await runKg(["session", "report", real, "--image", join(dir, "fake.png")]);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain("is not a PNG file");
  });
});
