// Sources as data and relations authored from a quote: quads, places, and validation against the bundled shapes.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectGraph } from "../../src/graph/project.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import type { NamedText } from "../../src/rdf/validate.ts";
import { prefixes } from "../../src/rdf/vocab.ts";
import {
  AuthoringError, entityIri, evidenceIri, placeAt, placeQuote, quadsToTurtle, relationQuads, type RelationDraft,
} from "../../src/session/authoring.ts";
import { validateAddition } from "../../src/session/authoring-validate.ts";
import { newSource, readSources, sourceQuads } from "../../src/session/source-model.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import { repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f));
const read = (path: string): NamedText => ({ name: path.slice(repoRoot.length + 1), text: readFileSync(path, "utf8") });
const files = [...turtleIn("ontology").filter((f) => basename(f) !== "shapes.ttl"), ...turtleIn("graph-data")].map(read);
const shapes = read(join(repoRoot, "ontology", "shapes.ttl"));
const bundledTexts = Object.fromEntries(readdirSync(join(repoRoot, "graph-data", "sources")).map((f) => [`sources/${f}`, readFileSync(join(repoRoot, "graph-data", "sources", f), "utf8")]));

const reportText = [
  "Smart cities abroad",
  "Huawei has donated video conference equipment to the Kenyan government.",
  "\fMarket notes",
  "Dahua works with the Kenyan government. Dahua works with the Kenyan government.",
].join("\n");
const kgr = prefixes.kgr, kg = prefixes.kg;

const source = newSource(
  { title: "A test report on smart cities", authors: ["Ana Lyst"], publisher: "Test Press", date: "2024-05", licence: "https://creativecommons.org/licenses/by/4.0/", format: "text/plain", text: reportText },
  () => false,
);

function draft(over: Partial<RelationDraft> = {}): RelationDraft {
  const quote = "Dahua works with the Kenyan government.";
  const place = placeQuote(reportText, quote, { at: reportText.lastIndexOf(quote) });
  return {
    subject: kgr + "dahua", predicate: kg + "cooperatesWith", object: kgr + "kenyan-government", source: source.iri, quote, place,
    locator: place.heading ?? "", by: "Ana Lyst", at: "2026-12-04T14:00:00Z", status: "accepted", ...over,
  };
}

describe("source model", () => {
  it("states a new source as a prov:Entity with its metadata, hash and text path", async () => {
    expect(source.iri).toBe(kgr + "source-a-test-report-on-smart-cities");
    expect(source.textPath).toBe("sources/source-a-test-report-on-smart-cities.txt");
    expect(source.sha256).toBe(sha256Hex(reportText));
    const turtle = await quadsToTurtle(sourceQuads(source));
    expect(turtle).toContain("prov:Entity");
    expect(turtle).toContain(`dcterms:identifier "sha256:${source.sha256}"`);
    expect(turtle).toContain('"2024-05"^^xsd:gYearMonth');
    expect(turtle).toContain("dcterms:license <https://creativecommons.org/licenses/by/4.0/>");
  });

  it("picks a free slug and refuses a bad date or no title", () => {
    const taken = new Set(["source-a-test-report-on-smart-cities"]);
    const second = newSource({ title: "A test report on smart cities", authors: [], text: "x" }, (slug) => taken.has(slug));
    expect(second.iri).toBe(kgr + "source-a-test-report-on-smart-cities-2");
    expect(() => newSource({ title: "T", authors: [], date: "May 2024", text: "x" }, () => false)).toThrow(/YYYY-MM/);
    expect(() => newSource({ title: " ", authors: [], text: "x" }, () => false)).toThrow(/title/);
  });

  it("reads the bundled brief and an added source the same way", async () => {
    const added = { name: "added.ttl", text: await quadsToTurtle(sourceQuads(source)) };
    const graph = projectGraph(await loadDataset([...files, added].map((f) => ({ name: f.name, text: f.text }))));
    const sources = readSources(graph);
    const brief = sources.find((s) => s.iri === kgr + "euiss-brief-2020-10")!;
    expect(brief.textPath).toBe("sources/euiss-brief-2020-10.txt");
    expect(brief.authors.sort()).toEqual(["Alice Ekman", "Cristina de Esperanza Picardo"]);
    expect(brief.date).toBe("2020-05");
    expect(brief.publisher).toMatch(/European Union Institute for Security Studies|EUISS/);
    const mine = sources.find((s) => s.iri === source.iri)!;
    expect(mine).toMatchObject({ title: source.title, authors: ["Ana Lyst"], publisher: "Test Press", date: "2024-05", sha256: source.sha256, format: "text/plain" });
  });
});

describe("placing a quote", () => {
  it("gives position, context, page and the heading above", () => {
    const place = placeQuote(reportText, "video conference equipment");
    expect(reportText.slice(place.start, place.end)).toBe("video conference equipment");
    expect(place.prefix).toBe("road\nHuawei has donated ");
    expect(place.pages).toEqual([1]);
    expect(place.heading).toBe("Smart cities abroad");
    expect(placeAt(reportText, reportText.indexOf("Dahua"), reportText.indexOf("Dahua") + 5).pages).toEqual([2]);
  });

  it("refuses a quote that is not verbatim, says where it departs, and asks which of several", () => {
    expect(() => placeQuote(reportText, "Huawei has donated video equipment")).toThrow(/not verbatim.*Huawei has donated video ⟨here⟩equipment/);
    expect(() => placeQuote(reportText, "Dahua works with the Kenyan government.")).toThrow(AuthoringError);
    expect(() => placeQuote(reportText, "Dahua works with the Kenyan government.")).toThrow(/occurs 2 times/);
    expect(() => placeQuote(reportText, "Huawei", { page: 2 })).toThrow(/not on page 2 \(it is on page 1\)/);
  });
});

describe("authored relations", () => {
  let base: NamedText[];
  let texts: Record<string, string>;
  beforeAll(async () => {
    base = [...files, { name: "added.ttl", text: await quadsToTurtle(sourceQuads(source)) }];
    texts = { ...bundledTexts, [source.textPath]: reportText };
  });

  it("writes the relation, evidence with both selectors, page, who, when and status", async () => {
    const d = draft();
    const evidence = evidenceIri(d, () => false);
    expect(evidence).toBe(prefixes.kge + "dahua-cooperates-with-kenyan-government");
    const turtle = await quadsToTurtle(relationQuads(d, evidence));
    for (const expected of ["kgr:dahua kg:cooperatesWith kgr:kenyan-government", "oa:TextQuoteSelector", "oa:TextPositionSelector", 'oa:exact "Dahua works with the Kenyan government."',
      "kg:page 2", 'foaf:name "Ana Lyst"', "prov:generatedAtTime", "dcterms:dateAccepted", 'kg:locator "Market notes"']) {
      expect(turtle).toContain(expected);
    }
    const proposed = await quadsToTurtle(relationQuads(draft({ status: "proposed" }), evidence));
    expect(proposed).not.toContain("dateAccepted");
  });

  it("passes the SHACL shapes and the quote checks when valid", async () => {
    const d = draft();
    const problems = await validateAddition({ files: base, shapes, sourceTexts: texts }, relationQuads(d, evidenceIri(d, () => false)));
    expect(problems).toEqual([]);
  }, 60_000);

  it("says why an invalid one is refused", async () => {
    const input = { files: base, shapes, sourceTexts: texts };
    // A position that does not hold the quote (the quote is elsewhere too), an undeclared predicate, an unlabelled new entity.
    const wrong = draft({ predicate: kg + "madeUpRelation", place: { ...draft().place, start: 0, end: 39 } });
    const newbie = { iri: entityIri("New Body", () => false), classIri: kg + "Organisation", label: "" };
    const problems = await validateAddition(input, relationQuads({ ...wrong, object: newbie.iri }, evidenceIri(wrong, () => false), [newbie]));
    const kinds = problems.map((p) => p.kind).sort();
    expect(kinds).toContain("quote-not-in-source");
    expect(kinds).toContain("undeclared-term");
    expect(kinds).toContain("shacl");
    expect(problems.find((p) => p.kind === "quote-not-in-source")!.message).toMatch(/position 0-39 holds/);
    expect(problems.find((p) => p.kind === "shacl")!.message).toMatch(/prefLabel/);
  }, 60_000);
});
