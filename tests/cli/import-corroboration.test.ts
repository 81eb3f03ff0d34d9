// kg import as a user runs it (report, file written, bad input refused), and kg path / neighbours with the sources of each relation.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot, runKg } from "./run-kg.ts";

const aigs = (name: string) => resolve(repoRoot, "graph-data/aigs", name);
const importArgs = [
  "import", aigs("carnegie_aigs_2022_irene-glez.csv"), "--metadata", aigs("aigs-2022.csv-metadata.json"),
  aigs("carnegie_aigs_silviagara.csv"), "--metadata", aigs("aigs-2019.csv-metadata.json"),
  "--rules", aigs("import-rules.json"), "--alignment", aigs("alignment.tsv"),
];

describe("kg import", () => {
  it("prints rows imported, repaired, matched and unmatched, and writes the bundled file's content", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "kg-import-")), "aigs.ttl");
    // Into another file, the bundled graph already has the entities graph-data/aigs.ttl created: refused, never made twice.
    const twice = await runKg([...importArgs, "-o", out]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/alignment\.tsv:\d+: country "Algeria": \S+\/algeria already exists in the graph; mark it existing/);
    expect(existsSync(out)).toBe(false);
    // Against the graph without that file, the import gives the committed file's triples.
    const ttl = (dir: string) => readdirSync(resolve(repoRoot, dir)).filter((f) => f.endsWith(".ttl") && f !== "aigs.ttl").map((f) => resolve(repoRoot, dir, f));
    const result = await runKg([...importArgs, "-o", out, "--data", ...ttl("ontology"), ...ttl("graph-data")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("carnegie-aigs-2022 (carnegie_aigs_2022_irene-glez.csv): 97 rows read, 97 imported, 0 unmatched");
    expect(result.stdout).toContain("carnegie-aigs-2019 (carnegie_aigs_silviagara.csv): 77 rows read, 77 imported, 0 unmatched");
    expect(result.stdout).toContain("repaired: 3 cells in 3 rows");
    expect(result.stdout).toContain("company names: 102 matched (3 existing entities, 93 new, 6 other spellings), 1 reviewed as no entity, 0 unmatched");
    expect(result.stdout).toContain("disagreements: 5");
    // Same triples as the committed file (the first lines name the command and its -o path).
    const body = (text: string) => text.split("\n").slice(2).join("\n");
    expect(body(readFileSync(out, "utf8"))).toBe(body(readFileSync(resolve(repoRoot, "graph-data/aigs.ttl"), "utf8")));
  });

  it("refuses bad metadata with the file and the key, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-import-"));
    const metadata = join(dir, "bad.csv-metadata.json");
    const json = JSON.parse(readFileSync(aigs("aigs-2022.csv-metadata.json"), "utf8"));
    json.url = aigs("carnegie_aigs_2022_irene-glez.csv");
    json.tableSchema.colums = json.tableSchema.columns;
    writeFileSync(metadata, JSON.stringify(json));
    const out = join(dir, "out.ttl");
    const result = await runKg(["import", "--metadata", metadata, "--rules", aigs("import-rules.json"), "--alignment", aigs("alignment.tsv"), "-o", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${metadata}: unknown CSVW property "tableSchema.colums"`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("corroboration on the command line", () => {
  it("kg path Huawei Ecuador explains the hop with each source's row", async () => {
    const result = await runKg(["path", "Huawei", "Ecuador", "-k", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Huawei —supplies AI surveillance technology to→ Ecuador  (stated by 2 sources)");
    expect(result.stdout).toMatch(/— row 56 \(Ecuador\), “Company 1” \[2022\]/);
    expect(result.stdout).toMatch(/— row 17 \(Ecuador\), “Company 1” \[2019\]/);
    expect(result.stdout).toMatch(/Carnegie AI Global Surveillance Index, 20(19|22)/);
  });

  it("--source and --min-sources constrain paths and neighbourhoods; an unknown source is a usage error", async () => {
    const byBrief = await runKg(["path", "Huawei", "Kenya", "-k", "1", "--source", "kgr:euiss-brief-2020-10", "--json"]);
    expect(byBrief.code).toBe(0);
    const [path] = JSON.parse(byBrief.stdout).paths;
    expect(path.edges.length).toBeGreaterThan(1);
    for (const edge of path.edges) expect(edge.sources.map((s: { iri: string }) => s.iri)).toContain("https://w3id.org/smartcity-kg/resource/euiss-brief-2020-10");
    const none = await runKg(["path", "Huawei", "Kenya", "--min-sources", "3"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("drop --min-sources 3: then a connection of 1 hop exists");
    const neighbours = await runKg(["neighbours", "Huawei", "--source", "kgr:carnegie-aigs-2019", "--json"]);
    const json = JSON.parse(neighbours.stdout);
    expect(json.edges.every((e: { sources: { iri: string }[] }) => e.sources.some((s) => s.iri.endsWith("carnegie-aigs-2019")))).toBe(true);
    expect(json.edges.find((e: { target: string }) => e.target.endsWith("/ecuador")).evidence[0]).toMatchObject({ row: 17, column: "Company 1", quote: "Huawei" });
    const unknown = await runKg(["path", "Huawei", "Kenya", "--source", "Kenya"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--source "Kenya" (Kenya) states no relation; sources:');
  });

  it("SPARQL reaches the same corroboration: the sources are in the data", async () => {
    const query = `SELECT ?country (COUNT(DISTINCT ?source) AS ?sources) WHERE {
      ?ev rdf:subject kgr:huawei ; rdf:predicate kg:suppliesSurveillanceTechnologyTo ; rdf:object ?c ; prov:wasDerivedFrom ?source .
      ?c skos:prefLabel ?l . BIND(STR(?l) AS ?country) } GROUP BY ?country HAVING (COUNT(DISTINCT ?source) >= 2) ORDER BY ?country`;
    const result = await runKg(["sparql", query, "--format", "json"]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout).results.bindings as { country: { value: string }; sources: { value: string } }[];
    expect(rows.map((r) => r.country.value)).toContain("Ecuador");
    expect(rows.every((r) => r.sources.value === "2")).toBe(true);
  });

  it("refuses the source constraints with --endpoint instead of ignoring them", async () => {
    for (const args of [["path", "Huawei", "Kenya", "--min-sources", "2"], ["neighbours", "Huawei", "--source", "kgr:carnegie-aigs-2019"]]) {
      const result = await runKg(["--endpoint", "http://127.0.0.1:9/sparql", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(`kg ${args[0]}: --min-sources and --source are not available with --endpoint yet`);
    }
  });

  it("refuses the ranking and the evidence constraints of kg path with --endpoint instead of ignoring them", async () => {
    for (const [option, value] of [["--rank", "informative"], ["--from-date", "2020"], ["--to-date", "2021"], ["--event-kinds", "Donation"]]) {
      const result = await runKg(["--endpoint", "http://127.0.0.1:9/sparql", "path", "Huawei", "Kenya", option, value]);
      expect(result.code, option).toBe(2);
      expect(result.stderr).toContain(`kg path: ${option === "--rank" ? "--rank informative" : option} is not available with --endpoint yet`);
    }
    // The default ranking is what the endpoint search does: not refused (the unreachable endpoint fails instead).
    const shortest = await runKg(["--endpoint", "http://127.0.0.1:9/sparql", "path", "Huawei", "Kenya", "--rank", "shortest"]);
    expect(shortest.stderr).not.toContain("not available with --endpoint");
  });
});
