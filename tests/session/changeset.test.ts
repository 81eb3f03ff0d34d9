// A changeset is checked against the part of the data changesetData reads: the same duplicates and conflicts as the whole.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { changesetData, changesetIssues, type ChangesetIssues } from "../../src/session/changeset.ts";
import { fixturePath, loadFiles, parseText, repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl") && f !== "shapes.ttl").map((f) => join(repoRoot, dir, f));
const header = `@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix oa: <http://www.w3.org/ns/oa#> . @prefix kg: <https://w3id.org/smartcity-kg/ontology#> .
@prefix kgr: <https://w3id.org/smartcity-kg/resource/> . @prefix kge: <https://w3id.org/smartcity-kg/evidence/> .
`;
const kge = "https://w3id.org/smartcity-kg/evidence/", kgr = "https://w3id.org/smartcity-kg/resource/";
const evidence = (iri: string, s: string, p: string, o: string, quote?: string) =>
  `${iri} a rdf:Statement ; rdf:subject ${s} ; rdf:predicate ${p} ; rdf:object ${o} ; prov:wasDerivedFrom kgr:euiss-brief-2020-10` +
  (quote === undefined ? " .\n" : ` ; oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ${JSON.stringify(quote)} ] .\n`);

/** Changesets hitting each kind of issue, with what the whole data gives: lines that each issue contains, in order. */
const cases: [string, string, { duplicates: string[]; conflicts: string[] }][] = [
  ["a duplicate whose quote is in a selector with an IRI of its own, described at the end of the data",
    evidence("kge:near", "kgr:acme-far", "kg:cooperatesWith", "kgr:china", "Acme works with China from afar."),
    { duplicates: [`${kge}near: the data has this evidence already (${kge}far-quote)`], conflicts: [] }],
  ["the same relation and source without the quote the data has", evidence("kge:no-quote", "kgr:acme-far", "kg:cooperatesWith", "kgr:china"), { duplicates: [], conflicts: [] }],
  ["a duplicate of bundled evidence under another IRI", evidence("kge:copy", "kgr:chinese-central-government", "kg:focusesOn", "kgr:smart-city",
    "the Chinese government considers smart cities a national and international priority"),
  { duplicates: [`${kge}copy: the data has this evidence already (${kge}chinese-central-government-focuses-on-smart-city-2)`], conflicts: [] }],
  // The changeset also describes the evidence listed last (a locator the data lacks: no conflict), so it is read twice.
  ["evidence the data states twice: the one listed last is named", evidence("_:mine", "kgr:china", "kg:promotes", "kgr:safe-city", "China promotes safe cities.") +
    "kge:twice-stated kg:locator \"Summary\" .\n",
  { duplicates: [`: the data has this evidence already (${kge}twice-stated): "China promotes safe cities."`], conflicts: [] }],
  ["a duplicate of evidence whose subject the data writes as a literal", evidence("kge:iri-subject", "kgr:kenya", "kg:promotes", "kgr:smart-city"),
    { duplicates: [`${kge}iri-subject: the data has this evidence already (${kge}literal-subject): ""`], conflicts: [] }],
  ["a label of a bundled entity, another and the same", 'kgr:china skos:prefLabel "PRC"@en .\nkgr:kenya skos:prefLabel "Kenya"@en .\n',
    { duplicates: [], conflicts: [`${kgr}china: http://www.w3.org/2004/02/skos/core#prefLabel is "China" in the data, "PRC" in the changeset`] }],
  ["a label the data gives twice, one of them and another", 'kgr:twice-named skos:prefLabel "Second name"@en .\nkgr:twice-named skos:prefLabel "Third name"@en .\n',
    { duplicates: [], conflicts: [`${kgr}twice-named: http://www.w3.org/2004/02/skos/core#prefLabel is "First name", "Second name" in the data, "Second name", "Third name" in the changeset`] }],
  ["another object for existing evidence, and the same subject", "kge:china-aspires-to-lead-smart-city rdf:object kgr:safe-city ; rdf:subject kgr:china .\n", {
    duplicates: [],
    conflicts: [`${kge}china-aspires-to-lead-smart-city: http://www.w3.org/1999/02/22-rdf-syntax-ns#object is <${kgr}smart-city> in the data, <${kgr}safe-city> in the changeset`],
  }],
];

const expectLines = (actual: string[], expected: string[], what: string) => {
  expect(actual, what).toHaveLength(expected.length);
  expected.forEach((line, k) => expect(actual[k], what).toContain(line));
};

describe("a changeset checked against the part of the data it reads", () => {
  let data: Dataset;
  beforeAll(async () => {
    // The fixture's two halves lie on either side of the bundled graph: what a check needs is spread through the data.
    data = await loadFiles([fixturePath("changeset", "first.ttl"), ...turtleIn("ontology"), ...turtleIn("graph-data"), fixturePath("changeset", "last.ttl")]);
  }, 60_000);

  it("gives the duplicates and conflicts the whole data gives, reading a small part of it", async () => {
    const whole = [...data.quads()];
    for (const [what, turtle, expected] of cases) {
      const changes = [...(await parseText(header + turtle)).quads()];
      const before: ChangesetIssues = changesetIssues(whole, changes);
      expectLines(before.duplicates, expected.duplicates, what);
      expectLines(before.conflicts, expected.conflicts, what);
      const part = changesetData(data, changes);
      expect(changesetIssues(part, changes), what).toEqual(before);
      expect(part.length, what).toBeLessThan(data.size / 10);
    }
  });

  it("gives the same issues for every changeset at once", async () => {
    const changes = [...(await parseText(header + cases.map(([, turtle]) => turtle).join(""))).quads()];
    const before = changesetIssues([...data.quads()], changes);
    expect(before.duplicates).toHaveLength(4);
    expect(before.conflicts).toHaveLength(3);
    expect(changesetIssues(changesetData(data, changes), changes)).toEqual(before);
  });
});
