// The coverage table (graph-data/COVERAGE.md) is the script's current output, and no sentence of the brief is unexplained.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { COVERAGE_FILE, buildCoverage } from "../../src/data-prep/coverage-files.ts";
import { coverageOf, sentencesOf, spanOf } from "../../src/data-prep/coverage.ts";

const root = resolve(import.meta.dirname, "../..");
const { coverage, markdown } = buildCoverage(root);
const brief = readFileSync(resolve(root, "graph-data/sources/euiss-brief-2020-10.txt"), "utf8");
const row = (id: string) => coverage.rows.find((r) => r.sentence.id === id)!;

describe("coverage of the brief", () => {
  it("COVERAGE.md is the current output of npm run data:coverage", () => {
    expect(readFileSync(resolve(root, COVERAGE_FILE), "utf8")).toBe(markdown);
  });

  it("leaves no sentence with neither relations nor a reason, and every quote placed", () => {
    expect(coverage.problems).toEqual([]);
    expect(coverage.rows.every((r) => r.relations.length > 0 || r.reason)).toBe(true);
  });

  it("splits sentences where the text does, not at i.e., p.3 or etc.", () => {
    const sentences = sentencesOf(brief);
    expect(sentences.map((s) => brief.slice(s.start, s.end))).toEqual(sentences.map((s) => s.text));
    expect(row("9.2").sentence.text).toMatch(/^China has made the smart city part of its national development strategy: .*adopted in March 2016\.$/);
    expect(row("19.3").sentence.text).toContain("i.e. investments supporting the rapid development of 5G base stations");
    expect(row("63.6").sentence.text).toMatch(/\(see diagram on p\.3\)\.$/);
    expect(row("12.1").sentence.text).toMatch(/etc\.\)\.$/);
    expect(row("15.1").sentence.text).toMatch(/\?$/);
  });

  it("draws relations from the sentence their quotes are in", () => {
    expect(row("18.5").relations).toContain("huawei suppliesTo kenyan-government");
    expect(row("57.1").relations).toContain("huawei suppliesTo kenyan-government");
    // "Drones" occurs four times; its position puts the table's mention on the table's column heading only.
    expect(row("56.1").relations).toEqual(["anti-epidemic-technologies-table mentions drones"]);
    expect(row("26.1").relations).toEqual([]);
    expect(row("26.1").reason?.reason).toBe("heading");
  });

  it("reports an unexplained sentence, a stale reason, an unknown reason and an ambiguous quote", () => {
    const text = "Huawei donated cameras. Nobody knows why. Huawei again.\nHeading";
    const evidence = [
      { relation: "huawei supplies cameras", quote: "Huawei donated cameras" },
      { relation: "x y huawei", quote: "Huawei" },
    ];
    const reasons = "1.3\tevaluative\tan aside\tSomething else entirely\n2.1\tbogus\tnote\tHeading\n";
    const { rows, problems } = coverageOf(text, evidence, reasons);
    expect(rows.map((r) => r.sentence.id)).toEqual(["1.1", "1.2", "1.3", "2.1"]);
    expect(rows[0].relations).toEqual(["huawei supplies cameras"]);
    expect(problems).toEqual([
      'coverage-reasons.tsv:2: unknown reason "bogus" (one of heading, byline, evaluative, rhetorical, attribute, general, fragment)',
      'x y huawei: quote "Huawei" occurs 2 times and has no oa:TextPositionSelector',
      'sentence 1.2 has no relation and no reason: "Nobody knows why.…"',
      'reason for 1.3: reviewed for "Something else entirely", the sentence now opens "Huawei again."',
      'sentence 1.3 has no relation and no reason: "Huawei again.…"',
      'sentence 2.1 has no relation and no reason: "Heading…"',
    ]);
    expect(spanOf({ relation: "r", quote: "Huawei", position: { start: 42, end: 48 } }, text)).toEqual({ start: 42, end: 48 });
    expect(spanOf({ relation: "r", quote: "Huawei", position: { start: 1, end: 7 } }, text)).toMatch(/does not hold/);
  });
});
