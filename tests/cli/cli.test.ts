// The kg command line as a user runs it: real processes over fixture graphs and the bundled data, checking output and exit codes.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fixture, repoRoot, runKg } from "./run-kg.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import type { Dataset } from "../../src/rdf/dataset.ts";

const mini = fixture("cli", "mini.ttl");
const ontology = resolve(repoRoot, "ontology", "smartcity.ttl");
/** The mini graph with the ontology, so classes and predicates have their labels. */
const miniData = ["--data", mini, ontology];
const iri = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;

async function loadFiles(...files: string[]): Promise<Dataset> {
  return loadDataset(await Promise.all(files.map(async (name) => ({ name, text: await readFile(name, "utf8") }))));
}

/** The bundled graph's files, as kg loads them by default. */
function bundledFiles(): string[] {
  const ttl = (dir: string) => readdirSync(resolve(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).sort().map((f) => resolve(repoRoot, dir, f));
  return [...ttl("ontology"), ...ttl("graph-data")];
}

describe("kg --help", () => {
  it("lists every command", async () => {
    const result = await runKg(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["path", "neighbours", "find", "stats", "export", "validate"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\s+\\S`, "m"));
    }
    expect(result.stdout).toContain("--data FILE");
  });

  it("explains each command's options", async () => {
    const path = await runKg(["path", "--help"]);
    expect(path.code).toBe(0);
    expect(path.stdout).toMatch(/^Usage: kg path <from> <to> \[options\]/);
    for (const option of ["--k N", "--all", "--max-length L", "--directed", "--predicates", "--exclude-predicates", "--exclude ", "--exclude-classes", "--json", "--turtle"]) {
      expect(path.stdout).toContain(option);
    }
    const neighbours = await runKg(["neighbours", "-h"]);
    expect(neighbours.code).toBe(0);
    for (const option of ["--depth D", "--direction out|in|both", "--classes", "--predicates", "--limit N"]) expect(neighbours.stdout).toContain(option);
    for (const command of ["find", "stats", "export", "validate"]) {
      const result = await runKg([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: kg ${command}`);
    }
  });

  it("rejects an unknown command with a suggestion (exit 2)", async () => {
    const result = await runKg(["pth", "DJI", "Huawei"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "pth" (did you mean "path"?)');
  });

  it("rejects an unknown option with a suggestion (exit 2)", async () => {
    const result = await runKg(["path", "DJI", "Huawei", "--max-lenght", "3", ...miniData]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option --max-lenght (did you mean --max-length?)");
  });
});

describe("kg stats", () => {
  it("counts the fixture's triples, entities, relations and evidence", async () => {
    const result = await runKg(["stats", "--json", "--data", mini]);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout);
    const dataset = await loadFiles(mini);
    expect(stats.triples).toBe(dataset.size);
    // 13 entities (publication included), 8 relations, each with exactly one evidence node.
    expect(stats.entities).toBe(13);
    expect(stats.edges).toBe(8);
    expect(stats.edgesWithEvidence).toBe(8);
    expect(stats.evidence).toBe(8);
    expect(stats.classes.find((c: { iri: string }) => c.iri.endsWith("#Company")).count).toBe(3);
    expect(stats.predicates.find((p: { iri: string }) => p.iri.endsWith("#donatesTo")).count).toBe(3);
  });

  it("prints a readable summary of the bundled graph", async () => {
    const result = await runKg(["stats"], { cwd: tmpdir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\d,]+ triples in \d+ files/);
    expect(result.stdout).toMatch(/^[\d,]+ relations, [\d,]+ with evidence/m);
  });
});

describe("kg find", () => {
  it("finds an entity by an alternative name and shows its CURIE", async () => {
    const result = await runKg(["find", "Kenyan", "government", ...miniData]);
    expect(result.code).toBe(0);
    const first = result.stdout.split("\n")[0];
    expect(first).toMatch(/^Government of Kenya\s+kgr:government-of-kenya\s+government\s+\(as "Kenyan government"\)$/);
  });

  it("tolerates a typo and prints JSON hits", async () => {
    const result = await runKg(["find", "Hauwei", "--json", ...miniData]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.query).toBe("Hauwei");
    expect(json.hits[0]).toMatchObject({ iri: iri("huawei"), label: "Huawei", kind: "fuzzy" });
    expect(json.hits[0].types).toEqual(["https://w3id.org/smartcity-kg/ontology#Company"]);
  });

  it("leaves classes out unless --schema asks for them", async () => {
    const entities = await runKg(["find", "health", "--json", ...miniData]);
    const iris = JSON.parse(entities.stdout).hits.map((hit: { iri: string }) => hit.iri);
    expect(iris).toContain(iri("ministry-of-health-pakistan"));
    expect(iris).not.toContain("https://w3id.org/smartcity-kg/ontology#HealthCodeSystem");
    const schema = await runKg(["find", "health", "--schema", "--json", ...miniData]);
    expect(JSON.parse(schema.stdout).hits.map((hit: { iri: string }) => hit.iri)).toContain("https://w3id.org/smartcity-kg/ontology#HealthCodeSystem");
  });

  it("says so when nothing matches, and exits 0", async () => {
    const result = await runKg(["find", "zzzqqq", "--data", mini]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No label matches "zzzqqq"');
  });
});

describe("kg path on the fixture graph", () => {
  it("prints each hop on its own line with the quote and locator beneath", async () => {
    const result = await runKg(["path", "DJI", "Digital Silk Road", ...miniData]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("DJI → Digital Silk Road: 1 path");
    // Informative by default (the evaluation's choice): each path shows its score.
    expect(result.stdout).toContain("1. DJI → China → Digital Silk Road  (2 hops; score ");
    expect((await runKg(["path", "DJI", "Digital Silk Road", "--rank", "shortest", ...miniData])).stdout).toContain("1. DJI → China → Digital Silk Road  (2 hops)\n");
    const hop1 = lines.findIndex((line) => line === "   DJI —located in→ China");
    expect(hop1).toBeGreaterThan(0);
    expect(lines[hop1 + 1]).toBe("       “DJI – China’s global leader in the industry”");
    expect(lines[hop1 + 2]).toBe("       — Covid-19: an opportunity to promote Chinese technologies, p. 2");
    const hop2 = lines.findIndex((line) => line === "   China —promotes through→ Digital Silk Road");
    expect(hop2).toBeGreaterThan(hop1);
    expect(lines[hop2 + 1]).toMatch(/^ {7}“under the banner of the ‘Belt & Road Initiative’/);
    expect(lines).toContain("Quotes are from EUISS Brief 10/2020 unless another source is named.");
  });

  it("shows a hop travelled against the relation's direction with a reversed arrow", async () => {
    const result = await runKg(["path", "Government of Kenya", "Ministry of Health of Pakistan", ...miniData]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("   Government of Kenya ←donates to— Huawei");
    expect(result.stdout).toContain("   Huawei —donates to→ Ministry of Health of Pakistan");
  });

  it("--json has the stable shape, field by field", async () => {
    const result = await runKg(["path", "kgr:dji", "kgr:digital-silk-road", "--json", ...miniData]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["paths"]);
    expect(json.paths).toHaveLength(1);
    const [path] = json.paths;
    expect(Object.keys(path).sort()).toEqual(["edges", "explanation", "nodes", "score"]);
    expect(path.nodes).toEqual([
      { iri: iri("dji"), label: "DJI", types: ["https://w3id.org/smartcity-kg/ontology#Company"] },
      { iri: iri("china"), label: "China", types: ["https://w3id.org/smartcity-kg/ontology#Country"] },
      { iri: iri("digital-silk-road"), label: "Digital Silk Road", types: ["https://w3id.org/smartcity-kg/ontology#Initiative"] },
    ]);
    expect(path.edges).toHaveLength(2);
    const [first, second] = path.edges;
    expect(first).toEqual({
      source: iri("dji"),
      target: iri("china"),
      predicate: "https://w3id.org/smartcity-kg/ontology#locatedIn",
      predicateLabel: "located in",
      direction: "forward",
      evidence: [{
        quote: "DJI – China’s global leader in the industry",
        source: iri("euiss-brief-2020-10"),
        locator: "Covid-19: an opportunity to promote Chinese technologies",
        page: 2,
      }],
      sources: [{ iri: iri("euiss-brief-2020-10"), label: "EUISS Brief 10/2020" }],
    });
    expect(second.source).toBe(iri("china"));
    expect(second.target).toBe(iri("digital-silk-road"));
    expect(second.direction).toBe("forward");
    expect(second.evidence[0].locator).toBe("Introduction");
    expect(path.explanation).toHaveLength(2);
    expect(path.explanation[0]).toContain("DJI located in China");
  });

  it("--json marks a hop against the relation as backward, keeping the triple's real subject and object", async () => {
    const result = await runKg(["path", "Government of Kenya", "Huawei", "--json", ...miniData]);
    const edge = JSON.parse(result.stdout).paths[0].edges[0];
    expect(edge).toMatchObject({ source: iri("huawei"), target: iri("government-of-kenya"), direction: "backward" });
  });

  it("--turtle prints the path's triples and evidence as Turtle that our loader reads back", async () => {
    const result = await runKg(["path", "DJI", "Digital Silk Road", "--turtle", ...miniData]);
    expect(result.code).toBe(0);
    const dataset = await loadDataset([{ name: "path.ttl", text: result.stdout }]);
    const triples = [...dataset.quads()].map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    expect(triples).toContain(`${iri("dji")} https://w3id.org/smartcity-kg/ontology#locatedIn ${iri("china")}`);
    expect(triples).toContain(`${iri("china")} https://w3id.org/smartcity-kg/ontology#promotesThrough ${iri("digital-silk-road")}`);
    expect(triples.some((t) => t.endsWith("DJI – China’s global leader in the industry"))).toBe(true);
    // Relations off the path stay out.
    expect(triples.some((t) => t.includes("donatesTo"))).toBe(false);
  });

  it("k paths: --k limits how many, --all gives every shortest one", async () => {
    const two = await runKg(["path", "Huawei", "Dahua", "--json", "--k", "2", ...miniData]);
    expect(two.code).toBe(0);
    // Huawei and Dahua share no neighbour in the fixture: no path at all, an empty list.
    expect(JSON.parse(two.stdout)).toEqual({ paths: [] });
    const all = await runKg(["path", "DJI", "Digital Silk Road", "--all", "--json", ...miniData]);
    expect(JSON.parse(all.stdout).paths).toHaveLength(1);
  });

  it("no path is a success that says which option to loosen", async () => {
    const directed = await runKg(["path", "Kenyan government", "Huawei", "--directed", ...miniData]);
    expect(directed.code).toBe(0);
    expect(directed.stdout).toContain("No path between Government of Kenya and Huawei within 6 hops, directed.");
    expect(directed.stdout).toContain("drop --directed");

    const short = await runKg(["path", "DJI", "Digital Silk Road", "--max-length", "1", ...miniData]);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain("raise --max-length to 2");

    const excluded = await runKg(["path", "DJI", "Digital Silk Road", "--exclude", "China", ...miniData]);
    expect(excluded.code).toBe(0);
    expect(excluded.stdout).toContain("drop --exclude: then a connection of 2 hops exists");

    const isolated = await runKg(["path", "Alice Ekman", "Huawei", ...miniData]);
    expect(isolated.code).toBe(0);
    expect(isolated.stdout).toContain("not connected in this graph");
  });

  it("filters by predicate and excludes classes", async () => {
    const byPredicate = await runKg(["path", "DJI", "Digital Silk Road", "--predicates", "kg:donatesTo", ...miniData]);
    expect(byPredicate.stdout).toContain("No path between DJI and Digital Silk Road");
    const byClass = await runKg(["path", "DJI", "Digital Silk Road", "--exclude-classes", "country", ...miniData]);
    expect(byClass.stdout).toContain("drop --exclude-classes: then a connection of 2 hops exists");
    const allowed = await runKg(["path", "DJI", "Digital Silk Road", "--predicates", "located in,promotes through", ...miniData]);
    expect(allowed.stdout).toContain("1. DJI → China → Digital Silk Road");
  });

  it("an unknown name exits 2 with a did-you-mean", async () => {
    const result = await runKg(["path", "Hauwei", "Kenyan government", ...miniData]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('unknown node "Hauwei" (did you mean "Huawei"?)');
  });

  it("an ambiguous name exits 2 listing the candidates", async () => {
    const result = await runKg(["path", "Ministry of Health", "Huawei", ...miniData]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"Ministry of Health" is ambiguous; it names 2 entities:');
    // One a line, with the CURIE to type instead.
    expect(result.stderr).toMatch(/^ {2}kgr:ministry-of-health-lebanon {2,}Ministry of Health of Lebanon$/m);
    expect(result.stderr).toMatch(/^ {2}kgr:ministry-of-health-pakistan {2,}Ministry of Health of Pakistan$/m);
    expect(result.stderr).toMatch(/^Name one of them by its CURIE or IRI, e\.g\. kgr:ministry-of-health-(lebanon|pakistan) \(kg find shows their classes\)\.$/m);
  });

  it("a bad option value exits 2", async () => {
    const result = await runKg(["path", "DJI", "China", "--k", "zero", ...miniData]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--k must be an integer from 1 to 100");
  });
});

describe("kg neighbours", () => {
  it("lists relations with their evidence and the entities reached", async () => {
    const result = await runKg(["neighbours", "Huawei", ...miniData]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Huawei (company): 2 related entities within 1 hop, 2 relations");
    expect(result.stdout).toContain("  Huawei —donates to→ Government of Kenya\n      “Huawei has donated video conference equipment to the Kenyan government”");
  });

  it("--json has the stable shape with depths", async () => {
    const result = await runKg(["neighbours", "DJI", "--depth", "2", "--direction", "out", "--json", ...miniData]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).sort()).toEqual(["center", "edges", "nodes", "truncated"]);
    expect(json.center).toEqual([iri("dji")]);
    expect(json.truncated).toBe(false);
    const depths = Object.fromEntries(json.nodes.map((n: { iri: string; depth: number }) => [n.iri, n.depth]));
    expect(depths).toEqual({
      [iri("dji")]: 0,
      [iri("china")]: 1,
      [iri("dji-disinfection-drones")]: 1,
      [iri("digital-silk-road")]: 2,
      [iri("spain")]: 2,
    });
    for (const node of json.nodes) expect(Object.keys(node).sort()).toEqual(["depth", "iri", "label", "types"]);
    expect(json.edges).toHaveLength(4);
    for (const edge of json.edges) {
      expect(Object.keys(edge).sort()).toEqual(["evidence", "predicate", "predicateLabel", "source", "sources", "target"]);
      expect(edge.evidence.length).toBe(1);
    }
  });

  it("--direction in, --classes and --limit narrow the result", async () => {
    const incoming = await runKg(["neighbours", "China", "--direction", "in", "--json", ...miniData]);
    expect(JSON.parse(incoming.stdout).nodes.map((n: { iri: string }) => n.iri)).toEqual([iri("china"), iri("dji")]);
    const countries = await runKg(["neighbours", "DJI", "--depth", "2", "--classes", "Country", "--json", ...miniData]);
    const reached = JSON.parse(countries.stdout).nodes.map((n: { iri: string }) => n.iri);
    expect(reached).toContain(iri("china"));
    expect(reached).not.toContain(iri("dji-disinfection-drones"));
    const limited = await runKg(["neighbours", "DJI", "--depth", "2", "--limit", "2", "--json", ...miniData]);
    const cut = JSON.parse(limited.stdout);
    expect(cut.nodes).toHaveLength(2);
    expect(cut.truncated).toBe(true);
  });

  it("--turtle re-parses with our loader", async () => {
    const result = await runKg(["neighbours", "Huawei", "--turtle", ...miniData]);
    expect(result.code).toBe(0);
    const dataset = await loadDataset([{ name: "n.ttl", text: result.stdout }]);
    const objects = [...dataset.quads()].filter((q) => q.predicate.value.endsWith("#donatesTo")).map((q) => q.object.value).sort();
    expect(objects).toEqual([iri("government-of-kenya"), iri("ministry-of-health-pakistan")]);
  });

  it("rejects a bad --direction (exit 2)", async () => {
    const result = await runKg(["neighbours", "Huawei", "--direction", "up", ...miniData]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--direction must be out, in or both");
  });
});

describe("kg export", () => {
  it("Turtle and N-Triples re-parse to as many triples as the dataset has", async () => {
    const dataset = await loadFiles(mini, ontology);
    for (const format of ["turtle", "ntriples"]) {
      const result = await runKg(["export", "--format", format, ...miniData]);
      expect(result.code).toBe(0);
      const back = await loadDataset([{ name: `export.${format === "turtle" ? "ttl" : "nt"}`, text: result.stdout }]);
      expect(back.size).toBe(dataset.size);
    }
  });

  it("-o writes a file, in the format of its extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-export-"));
    const out = join(dir, "mini.nt");
    const result = await runKg(["export", "-o", out, "--data", mini]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    const back = await loadDataset([{ name: out, text }]);
    expect(back.size).toBe((await loadFiles(mini)).size);
    // N-Triples: one triple a line, no prefixes.
    expect(text).not.toContain("@prefix");
    expect(text.trim().split("\n")).toHaveLength(back.size);
  });

  it("warns that Turtle loses graph names and suggests TriG, which keeps them", async () => {
    const data = ["--data", fixture("cli", "named-graphs.trig")];
    const turtle = await runKg(["export", ...data]);
    expect(turtle.code).toBe(0);
    expect(turtle.stderr).toContain("2 named graphs");
    expect(turtle.stderr).toContain("--format trig");
    const trig = await runKg(["export", "--format", "trig", ...data]);
    expect(trig.stderr).toBe("");
    const back = await loadDataset([{ name: "x.trig", text: trig.stdout }]);
    expect(back.hasNamedGraphs).toBe(true);
  });

  it("exports the whole bundled graph by default", async () => {
    const dataset = await loadFiles(...bundledFiles());
    const result = await runKg(["export", "--format", "ntriples"], { cwd: tmpdir() });
    expect(result.code).toBe(0);
    const back = await loadDataset([{ name: "all.nt", text: result.stdout }]);
    expect(back.size).toBe(dataset.size);
  });
});

describe("--data", () => {
  it("works before and after the command, and repeated", async () => {
    const before = await runKg(["--data", mini, "stats", "--json"]);
    const after = await runKg(["stats", "--json", "--data", mini]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout).triples).toBe(JSON.parse(after.stdout).triples);
    const repeated = await runKg(["--data", mini, "stats", "--json", "--data", ontology]);
    const both = await runKg(["stats", "--json", "--data", mini, ontology]);
    expect(JSON.parse(repeated.stdout).triples).toBe(JSON.parse(both.stdout).triples);
    expect(JSON.parse(both.stdout).triples).toBe((await loadFiles(mini, ontology)).size);
  });

  it("a malformed file exits 1 with file:line:column", async () => {
    const bad = fixture("cli", "malformed.ttl");
    const result = await runKg(["path", "a", "b", "--data", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5:27: `));
    expect(result.stdout).toBe("");
  });

  it("reports loading progress and a summary on stderr when a load is slow (threshold lowered to 0), with --progress off a terminal", async () => {
    const quiet = await runKg(["stats", "--json", "--data", mini, ontology], { env: { KG_PROGRESS_DELAY_MS: "0" } });
    expect(quiet.stderr).toBe("");
    const result = await runKg(["--progress", "stats", "--json", "--data", mini, ontology], { env: { KG_PROGRESS_DELAY_MS: "0" } });
    expect(result.code).toBe(0);
    const total = (await loadFiles(mini, ontology)).size.toLocaleString("en-US");
    expect(result.stderr).toMatch(/^loading (mini|smartcity)\.ttl: [\d,]+ quads( \([\d,]+ quads\/s\))?…$/m);
    expect(result.stderr).toMatch(new RegExp(`^loaded ${total} quads from 2 files in [\\d.]+ s$`, "m"));
    // The results stay clean on stdout.
    expect(JSON.parse(result.stdout).triples).toBe(JSON.parse((await runKg(["stats", "--json", "--data", mini, ontology])).stdout).triples);
  });

  it("reports an export's progress with --progress: characters written, a rate, a summary; the file as without it", async () => {
    const folder = mkdtempSync(join(tmpdir(), "kg-export-progress-"));
    try {
      const env = { KG_PROGRESS_DELAY_MS: "0" };
      const shown = await runKg(["--progress", "export", "--format", "ntriples", "-o", join(folder, "a.nt"), "--data", mini], { env });
      const quiet = await runKg(["export", "--format", "ntriples", "-o", join(folder, "b.nt"), "--data", mini], { env });
      expect([shown.code, quiet.code]).toEqual([0, 0]);
      expect(shown.stderr).toMatch(/^writing ntriples: [\d.]+ M characters in [\d.]+ s$/m);
      expect(quiet.stderr).not.toMatch(/writing ntriples/);
      expect(readFileSync(join(folder, "a.nt"), "utf8")).toBe(readFileSync(join(folder, "b.nt"), "utf8"));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("a missing file is a usage error (exit 2)", async () => {
    const result = await runKg(["stats", "--data", "no-such-file.ttl"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read "no-such-file.ttl"');
  });
});

describe("kg on the bundled graph", () => {
  it("answers how Huawei is connected to Kenya, with evidence for every hop", async () => {
    const result = await runKg(["path", "Huawei", "Kenya", "--json"], { cwd: tmpdir() });
    // stderr may carry a progress line on a slow machine, never a warning or an error.
    expect(result.stderr).not.toMatch(/error|warning/i);
    expect(result.code).toBe(0);
    const { paths } = JSON.parse(result.stdout);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].nodes[0].label).toBe("Huawei");
    for (const edge of paths[0].edges) expect(edge.evidence.length).toBeGreaterThan(0);
  });

  it("answers how DJI is connected to the Digital Silk Road in readable text", async () => {
    const result = await runKg(["path", "DJI", "Digital Silk Road"], { cwd: tmpdir() });
    expect(result.stderr).not.toMatch(/error|warning/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^DJI → Digital Silk Road: \d+ paths?/);
    // Every hop line (arrow) is followed by a quote line.
    const lines = result.stdout.split("\n");
    const hops = lines.map((line, i) => [line, i] as const).filter(([line]) => /^ {3}\S.*(—.+→|←.+—) /.test(line));
    expect(hops.length).toBeGreaterThan(0);
    for (const [, i] of hops) expect(lines[i + 1]).toMatch(/^ {7}“/);
  });
});
