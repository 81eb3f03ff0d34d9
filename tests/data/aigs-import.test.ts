// kg import on the real Carnegie AIGS files (tests/fixtures/aigs): the counts it reports, repairs, disagreements, alignment checks, and graph-data/aigs.ttl as its current output.
import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runImport, type ImportFiles } from "../../src/cli/import/run-import.ts";
import { bundledDataFiles } from "../../src/cli/load.ts";

const root = resolve(import.meta.dirname, "../..");
const aigs = (name: string) => resolve(root, "graph-data/aigs", name);
const fixture = (name: string) => resolve(root, "tests/fixtures/aigs", name);
const output = resolve(root, "graph-data/aigs.ttl");

const files: ImportFiles = {
  csvFiles: [fixture("carnegie_aigs_2022_irene-glez.csv"), fixture("carnegie_aigs_silviagara.csv")],
  metadataFiles: [aigs("aigs-2022.csv-metadata.json"), aigs("aigs-2019.csv-metadata.json")],
  rulesFile: aigs("import-rules.json"),
  alignmentFile: aigs("alignment.tsv"),
  graphFiles: bundledDataFiles().filter((file) => resolve(file) !== output),
};
const imported = await runImport(files);
const { result } = imported;

describe("kg import of the Carnegie AI Global Surveillance Index", () => {
  it("reads and imports every row of both vintages", () => {
    expect(result.tables.map((t) => [t.source.split("/").pop(), t.rows, t.imported, t.unmatchedRows.length, t.evidence])).toEqual([
      ["carnegie-aigs-2022", 97, 97, 0, 273],
      ["carnegie-aigs-2019", 77, 77, 0, 286],
    ]);
    expect(imported.report).toContain("  carnegie-aigs-2022 (carnegie_aigs_2022_irene-glez.csv): 97 rows read, 97 imported, 0 unmatched; 273 cells state a relation");
  });

  it("repairs the two corrupted cells and the prose list, and says so", () => {
    expect(result.repairs.map((r) => [r.source.split("/").pop(), r.rownum, r.column, r.rule, r.to])).toEqual([
      ["carnegie-aigs-2022", 90, "Other Countries", "regime-labels-in-names", "South Korea, Sweden, Russia"],
      ["carnegie-aigs-2022", 96, "Country", "regime-labels-in-names", "United States of America"],
      ["carnegie-aigs-2019", 13, "unnamed column 24", "list-final-and", "Yixin"],
    ]);
    expect(imported.report).toContain("repaired: 3 cells in 3 rows");
    // The repaired USA row joins the brief's United States, and its evidence keeps the cell as written.
    const usa = result.relations.filter((r) => r.object.endsWith("/united-states"));
    expect(usa.length).toBeGreaterThan(0);
    const fromRepaired = usa.flatMap((r) => r.evidence).filter((e) => e.source.endsWith("2022"));
    expect(fromRepaired.every((e) => e.repairs.some((text) => text.includes("UnitElectoral Democracy States of AmeriClosed Autocracy")))).toBe(true);
  });

  it("matches every name through the reviewed alignment: counts of existing, new, other spellings and unmatched", () => {
    const counts = Object.fromEntries(result.names.map((n) => [n.kind, [n.existing.length, n.created.length, n.alias.length, n.none.length, n.unmatched.length]]));
    expect(counts).toEqual({ company: [3, 93, 6, 1, 0], country: [10, 87, 0, 0, 0] });
    expect(result.names.find((n) => n.kind === "company")!.existing).toEqual(["Dahua", "Huawei", "SenseTime"]);
    expect(result.newEntities).toHaveLength(180);
    expect(imported.report).toContain("country names: 97 matched (10 existing entities, 87 new, 0 other spellings), 0 reviewed as no entity, 0 unmatched");
  });

  it("keeps the two vintages as two sources and records their five Belt and Road disagreements", () => {
    expect(result.relations).toHaveLength(314);
    const bySources = result.relations.map((r) => new Set(r.evidence.map((e) => e.source)).size);
    expect(bySources.filter((n) => n === 2)).toHaveLength(244);
    expect(result.disagreements.map((d) => d.subject.split("/").pop())).toEqual(["argentina", "myanmar", "hong-kong", "israel", "mauritius"]);
    const argentina = result.relations.find((r) => r.subject.endsWith("/argentina") && r.predicate.endsWith("#memberOfInitiative"))!;
    expect(argentina.evidence.map((e) => e.source.split("/").pop())).toEqual(["carnegie-aigs-2022"]);
    expect(argentina.evidence[0].disagreement).toMatch(/2019 \(row 2, “ BRI Member\?”: empty\) does not mark Argentina/);
  });

  it("compares the vendor lists only where the omitting list is complete: the 2022 copy's lists that fill Company 5 may be cut", () => {
    // Every vendor the 2022 copy lists is in the 2019 list of the same country; the 37 vendors of 2019 lists missing from
    // 2022 lists are all in rows that fill Company 5 (South Korea's starts in Company 2), so none is a disagreement.
    expect(result.lists.disagreements).toHaveLength(0);
    expect([result.lists.skippedCut, result.lists.skippedIncomplete]).toEqual([37, 0]);
    // The 20 countries only the 2022 update has are not compared (different coverage is not a disagreement).
    expect(result.lists.oneSourceOnly).toHaveLength(20);
    expect(result.lists.oneSourceOnly).toContain("Poland");
    expect(imported.report).toContain("list disagreements: 0 names listed by one source and omitted by another's complete list; omissions not counted: 37 where the other list may be cut, 0 where it names unnamed items; 20 row entities in one source only, not compared");
  });

  it("records a vendor one vintage lists and the other's complete list omits, on the listing vintage's evidence", async () => {
    // Without the 2022 cut in the rules, a 2022 list counts as complete unless it names "Mult" (vendors left unnamed):
    // 13 of the 37 omissions become disagreements, the 24 from the lists of China, Russia, Saudi Arabia and the USA do not.
    const dir = mkdtempSync(join(tmpdir(), "aigs-"));
    const rules = join(dir, "import-rules.json");
    const json = JSON.parse(readFileSync(files.rulesFile, "utf8"));
    delete json.relations[0].listsCutAt;
    writeFileSync(rules, JSON.stringify(json));
    const { result: uncut, report } = await runImport({ ...files, rulesFile: rules });
    expect(uncut.lists.disagreements).toHaveLength(13);
    expect([uncut.lists.skippedCut, uncut.lists.skippedIncomplete]).toEqual([0, 24]);
    expect(report).toContain("list disagreements: 13 names listed by one source and omitted by another's complete list; omissions not counted: 0 where the other list may be cut, 24 where it names unnamed items; 20 row entities in one source only, not compared");
    // A cut named at a column the rule does not read is refused, not ignored.
    json.relations[0].listsCutAt = { "https://w3id.org/smartcity-kg/resource/carnegie-aigs-2022": "company6" };
    writeFileSync(rules, JSON.stringify(json));
    await expect(runImport({ ...files, rulesFile: rules })).rejects.toThrow(/relations\[0\]: listsCutAt maps a source to one of the rule's columns/);
    const hanwha = uncut.relations.find((r) => r.subject.endsWith("/hanwha-techwin") && r.object.endsWith("/south-korea"))!;
    expect(hanwha.evidence.map((e) => [e.source.split("/").pop(), e.disagreement])).toEqual([[
      "carnegie-aigs-2019",
      "Carnegie AI Global Surveillance Index, 2022 update (row 90, “Company 2” to “Company 5”: Korea Telecom, SK Telecom, LG Uplus, Axxonsoft) does not list Hanwha Techwin for South Korea",
    ]]);
  });

  it("gives Huawei → Ecuador evidence from a row and column of each vintage", () => {
    const relation = result.relations.find((r) => r.subject.endsWith("/huawei") && r.object.endsWith("/ecuador"))!;
    expect(relation.evidence.map((e) => [e.source.split("/").pop(), e.rownum, e.column, e.cellValue])).toEqual([
      ["carnegie-aigs-2022", 56, "Company 1", "Huawei"],
      ["carnegie-aigs-2019", 17, "Company 1", "Huawei"],
    ]);
  });

  it("graph-data/aigs.ttl is the import's current output (npm run data:aigs)", async () => {
    const again = await runImport({ ...files, csvFiles: [aigs("carnegie_aigs_2022_irene-glez.csv"), aigs("carnegie_aigs_silviagara.csv")], output });
    expect(again.turtle.split("\n").slice(2)).toEqual(imported.turtle.split("\n").slice(2));
    expect(readFileSync(output, "utf8").split("\n").slice(2)).toEqual(again.turtle.split("\n").slice(2));
    // The project's copies of the source files are the fixtures, byte for byte.
    for (const name of ["carnegie_aigs_2022_irene-glez.csv", "carnegie_aigs_silviagara.csv"]) expect(readFileSync(aigs(name))).toEqual(readFileSync(fixture(name)));
  });

  it("reports a name the alignment does not list, and draws no relation for it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aigs-"));
    const alignment = join(dir, "alignment.tsv");
    writeFileSync(alignment, readFileSync(files.alignmentFile, "utf8").split("\n").filter((line) => !line.startsWith("company\tZTE\t")).join("\n"));
    const { result: without, report } = await runImport({ ...files, alignmentFile: alignment });
    const company = without.names.find((n) => n.kind === "company")!;
    expect(company.unmatched.map((u) => u.name)).toEqual(["ZTE"]);
    expect(report.some((line) => line.startsWith('  unmatched: "ZTE" ('))).toBe(true);
    expect(without.relations.some((r) => r.subject.endsWith("/zte"))).toBe(false);
  });

  it("refuses to create an entity the graph already has, and an existing one it lacks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aigs-"));
    const alignment = join(dir, "alignment.tsv");
    const lines = readFileSync(files.alignmentFile, "utf8").split("\n");
    writeFileSync(alignment, lines.map((line) => line.replace(/^(company\tHuawei\tkgr:huawei\t)existing/, "$1new")).join("\n"));
    await expect(runImport({ ...files, alignmentFile: alignment })).rejects.toThrow(/kgr:huawei|resource\/huawei already exists in the graph/);
    writeFileSync(alignment, lines.map((line) => line.replace(/^(country\tEcuador\tkgr:ecuador\t)new/, "$1existing")).join("\n"));
    await expect(runImport({ ...files, alignmentFile: alignment })).rejects.toThrow(/ecuador is not in the graph \(status existing\)/);
  });
});
