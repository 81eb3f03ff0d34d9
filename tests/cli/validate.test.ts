// kg validate on the bundled data (must be clean) and on small fixtures that each break one rule of docs/data-model.md.
import { describe, expect, it } from "vitest";
import { tmpdir } from "node:os";
import { fixture, repoRoot, runKg } from "./run-kg.ts";
import { resolve } from "node:path";

const ontology = resolve(repoRoot, "ontology", "smartcity.ttl");

/** Validates the fixture together with the real ontology (and the real shapes). */
function validateFixture(name: string) {
  return runKg(["validate", "--data", ontology, fixture("validate", name)]);
}

/** The problem lines of kg validate's output: `file: subject: kind: message`. */
function problemLines(stdout: string): string[] {
  return stdout.split("\n").filter((line) => /: (syntax|shacl|quote-not-in-source|undeclared-term|domain-range|missing-evidence|dangling-evidence): /.test(line));
}

describe("kg validate on the bundled graph", () => {
  it("finds no problem in ontology/ and graph-data/ and says what it checked", async () => {
    const result = await runKg(["validate"], { cwd: tmpdir() });
    expect(result.stdout + result.stderr).toMatch(/^valid: \d+ files?, [\d,]+ triples, [\d,]+ evidence quotes? checked$/m);
    expect(result.code).toBe(0);
    const quotes = Number(/([\d,]+) evidence quote/.exec(result.stdout)![1].replace(/,/g, ""));
    expect(quotes).toBeGreaterThan(0);
  });
});

describe("kg validate on broken fixtures", () => {
  it("accepts a fixture that follows the data model", async () => {
    const result = await validateFixture("valid.ttl");
    expect(result.stdout).toMatch(/^valid: 2 files, [\d,]+ triples, 1 evidence quote checked$/m);
    expect(result.code).toBe(0);
  });

  const cases: { file: string; kind: string; subject: string; message: RegExp }[] = [
    { file: "missing-label.ttl", kind: "shacl", subject: "kgr:huawei", message: /skos:prefLabel/ },
    { file: "two-english-labels.ttl", kind: "shacl", subject: "kgr:government-of-kenya", message: /skos:prefLabel/ },
    { file: "quote-not-in-source.ttl", kind: "quote-not-in-source", subject: "kge:huawei-donates-to-government-of-kenya", message: /"Huawei gave video conference equipment to the Kenyan government" is not verbatim in sources\/brief-excerpt\.txt/ },
    { file: "quote-wrong-position.ttl", kind: "quote-not-in-source", subject: "kge:huawei-donates-to-government-of-kenya", message: /position 76-82 holds "uawei," in sources\/brief-excerpt\.txt, not the quote "Huawei"/ },
    { file: "quote-wrong-context.ttl", kind: "quote-not-in-source", subject: "kge:huawei-donates-to-government-of-kenya", message: /oa:prefix or oa:suffix of "Huawei" does not surround 183-189/ },
    { file: "event-without-item.ttl", kind: "shacl", subject: "kgr:something-sent-abroad", message: /prov:used: An action needs at least one item/ },
    { file: "undeclared-property.ttl", kind: "undeclared-term", subject: "kgr:huawei", message: /property kg:sponsors is not declared/ },
    { file: "undeclared-class.ttl", kind: "undeclared-term", subject: "kgr:huawei", message: /class kg:TelecomGiant is not declared/ },
    { file: "domain-range.ttl", kind: "domain-range", subject: "kgr:huawei", message: /kgr:huawei kg:memberOf kgr:government-of-kenya: the object should be a kg:TechnologyGroup or kg:CompanyGroup \(it is kg:Government\)/ },
    { file: "missing-evidence.ttl", kind: "missing-evidence", subject: "kgr:dji", message: /kgr:dji kg:promotedOrDonatedTo kgr:spain has no evidence/ },
    { file: "dangling-evidence.ttl", kind: "dangling-evidence", subject: "kge:huawei-donates-to-government-of-kenya", message: /kgr:huawei kg:suppliesTo kgr:government-of-kenya, which the data does not state/ },
  ];

  for (const { file, kind, subject, message } of cases) {
    it(`reports ${kind} for ${file}, attributed to the file and subject, and exits 1`, async () => {
      const result = await validateFixture(file);
      expect(result.code).toBe(1);
      const lines = problemLines(result.stdout);
      expect(lines).toHaveLength(1);
      const [line] = lines;
      expect(line.startsWith(`${fixture("validate", file)}: ${subject}: ${kind}: `)).toBe(true);
      expect(line).toMatch(message);
      expect(result.stdout).toMatch(new RegExp(`^1 problem \\(1 ${kind}\\)`, "m"));
    });
  }

  it("notes a quote found twice with no position selector, and still exits 0", async () => {
    const result = await validateFixture("ambiguous-quote.ttl");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${fixture("validate", "ambiguous-quote.ttl")}: kge:huawei-donates-to-government-of-kenya: ambiguous-quote: quote "Huawei" occurs more than once in sources/brief-excerpt.txt and has no oa:TextPositionSelector saying which`,
    );
  });

  it("reports malformed Turtle with file:line:column and exits 1", async () => {
    const result = await validateFixture("malformed.ttl");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${fixture("validate", "malformed.ttl")}:15:1: syntax: Expected punctuation`);
  });

  it("keeps the blank nodes (quote selectors) of different files apart", async () => {
    // Each file's blank nodes are labelled from b0 on; merged naively, one file's selectors would take another's quotes.
    // mini.ttl is written with model-1 terms (kg:donatesTo): the migration map declares them, so they still validate,
    // with a note naming the replacement.
    const result = await runKg(["validate", "--data", ontology, resolve(repoRoot, "ontology", "migration.ttl"), fixture("validate", "valid.ttl"), fixture("cli", "mini.ttl")]);
    expect(result.stdout).toMatch(/^valid: 4 files, [\d,]+ triples, 9 evidence quotes checked$/m);
    expect(result.stdout).toContain(`${fixture("cli", "mini.ttl")}: kgr:huawei: deprecated-term: kg:donatesTo is deprecated; use kg:suppliesTo`);
    expect(result.code).toBe(0);
  });

  it("notes ontology properties that no triple uses or only one does, leaves out deprecated ones, and still exits 0", async () => {
    const result = await runKg(["validate", "--data", fixture("validate", "usage-ontology.ttl"), fixture("validate", "usage-data.ttl")]);
    expect(result.code).toBe(0);
    const notes = result.stdout.split("\n").filter((line) => /: (unused|once-used)-property: /.test(line));
    expect(notes).toEqual([
      `${fixture("validate", "usage-ontology.ttl")}: kg:onceTo: once-used-property: kg:onceTo is used by one triple only (<https://example.org/a> kg:onceTo <https://example.org/b>); merge it into a broader property unless its meaning is its own`,
      `${fixture("validate", "usage-ontology.ttl")}: kg:neverTo: unused-property: kg:neverTo is declared but no data triple uses it`,
    ]);
    expect(result.stdout).toMatch(/^2 notes \(1 once-used-property, 1 unused-property\), not errors$/m);
    expect(result.stdout).toMatch(/^valid: 2 files, /m);
  });

  it("reports every problem of several broken files, each under its own file", async () => {
    const result = await runKg(["validate", "--data", ontology, fixture("validate", "undeclared-class.ttl"), "--data", fixture("validate", "two-english-labels.ttl")]);
    expect(result.code).toBe(1);
    const lines = problemLines(result.stdout);
    expect(lines.some((line) => line.startsWith(`${fixture("validate", "undeclared-class.ttl")}: kgr:huawei: undeclared-term:`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${fixture("validate", "two-english-labels.ttl")}: kgr:government-of-kenya: shacl:`))).toBe(true);
  });
});
