// Mentions of known entities, candidate relations, predicate fit and text places, on the bundled graph and the brief.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphIndex } from "../../src/graph/types.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { candidateRelations } from "../../src/query/candidates.ts";
import { findMentions, nameDictionary, type NameDictionary } from "../../src/query/mentions.ts";
import { resolveNode } from "../../src/query/names.ts";
import { nodeClassIris, predicateSchema, rankPredicates, type PredicateSchema } from "../../src/query/predicate-fit.ts";
import { headingAbove, pageAt, pageStarts, pagesOf, quoteContext, sentences } from "../../src/query/source-text.ts";
import { prefixes } from "../../src/rdf/vocab.ts";

const kg = { suppliesTo: prefixes.kg + "suppliesTo", deployedAt: prefixes.kg + "deployedAt" };
import { loadFiles, repoRoot } from "../helpers/rdf.ts";

const turtleIn = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f));
const brief = readFileSync(join(repoRoot, "graph-data", "sources", "euiss-brief-2020-10.txt"), "utf8");

let graph: GraphIndex;
let dictionary: NameDictionary;
let schema: PredicateSchema;
beforeAll(async () => {
  graph = projectGraph(await loadFiles([...turtleIn("ontology"), ...turtleIn("graph-data")]));
  dictionary = nameDictionary(graph);
  schema = predicateSchema(graph);
});

const node = (name: string) => resolveNode(graph, name);
const names = (text: string) => findMentions(dictionary, text).map((m) => m.text);

describe("mentions", () => {
  it("finds labels and alternative labels as whole words, the longest name first", () => {
    const text = "Under the ‘Belt & Road Initiative’ (BRI) and the Digital Silk Road, Huawei sold to the Kenyan government.";
    expect(names(text)).toEqual(["Belt & Road Initiative", "BRI", "Digital Silk Road", "Huawei", "Kenyan government"]);
    const mentions = findMentions(dictionary, text);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions[3].nodes).toEqual([node("Huawei")]);
  });

  it("is case-aware: plain names in any case, acronyms only as written; never inside a word", () => {
    expect(names("huawei and HUAWEI and Huawei")).toEqual(["huawei", "HUAWEI", "Huawei"]);
    expect(names("the bri and the BRI")).toEqual(["BRI"]);
    expect(names("Huaweis and DJIs and fabric")).toEqual([]);
  });

  it("finds the entities of the brief where its evidence quotes them", () => {
    const mentions = findMentions(dictionary, brief);
    const at = brief.indexOf("Huawei has donated video conference equipment to the Kenyan government");
    const inSentence = mentions.filter((m) => m.start >= at && m.end <= at + 75).map((m) => m.text);
    expect(inSentence).toEqual(["Huawei", "Video conference equipment".toLowerCase(), "Kenyan government"]);
  });
});

describe("predicate fit", () => {
  it("offers the predicates whose domain and range fit first, unfit ones after", () => {
    const ranked = rankPredicates(schema, nodeClassIris(graph, node("Huawei")), nodeClassIris(graph, node("Kenyan government")));
    const firstUnfit = ranked.findIndex((p) => !p.fits);
    expect(firstUnfit).toBeGreaterThan(0);
    expect(ranked.slice(firstUnfit).every((p) => !p.fits)).toBe(true);
    const suppliesTo = ranked.findIndex((p) => p.iri === kg.suppliesTo);
    const deployedAt = ranked.findIndex((p) => p.iri === kg.deployedAt);
    expect(ranked[suppliesTo].fits).toBe(true);
    expect(ranked[deployedAt].fits).toBe(false);
    expect(suppliesTo).toBeLessThan(firstUnfit);
  });

  it("follows the class hierarchy: a country is an actor, not an organisation", () => {
    const ranked = rankPredicates(schema, nodeClassIris(graph, node("China")), nodeClassIris(graph, node("Kenya")));
    expect(ranked.find((p) => p.iri === prefixes.kg + "promotes")?.fits).toBe(true);
    expect(ranked.find((p) => p.iri === kg.suppliesTo)?.fits).toBe(false);
  });
});

describe("predicate fit with owl:unionOf domains", () => {
  it("reads a union of classes as the domain or range", () => {
    const isPartOf = prefixes.kg + "isPartOf";
    const publication = [prefixes.kg + "Publication"], country = [prefixes.kg + "Country"];
    const fitFor = (s: string[], o: string[]) => rankPredicates(schema, s, o).find((p) => p.iri === isPartOf)!;
    expect(fitFor(publication, publication)).toMatchObject({ fits: true, specific: true });
    expect(fitFor(country, country).fits).toBe(false);
  });
});

describe("candidate relations", () => {
  it("proposes pairs from sentences naming two known entities, with the exact quote, context and place", () => {
    const text = "Introduction\nHuawei has donated video conference equipment to the Kenyan government. Nothing else here.";
    const candidates = candidateRelations(graph, schema, dictionary, text);
    const pair = candidates.find((c) => c.subject === node("Huawei") && c.object === node("Kenyan government"));
    expect(pair).toBeDefined();
    expect(pair!.quote).toBe("Huawei has donated video conference equipment to the Kenyan government.");
    expect(text.slice(pair!.start, pair!.end)).toBe(pair!.quote);
    expect(pair!.prefix).toBe("Introduction\n");
    expect(pair!.suffix).toBe(" Nothing else here.");
    expect(pair!.locator).toBe("Introduction");
    expect(pair!.predicates[0].fits).toBe(true);
    expect(pair!.known).toContain(graph.termLabel(graph.dataset.terms.iriId(kg.suppliesTo)));
  });

  it("ranks pairs with a fitting predicate and no relation yet above known ones", () => {
    const text = "Huawei has donated video conference equipment to the Kenyan government. Dahua works with Kenya.";
    const candidates = candidateRelations(graph, schema, dictionary, text);
    const newPair = candidates.findIndex((c) => [c.subject, c.object].includes(node("Dahua")) && [c.subject, c.object].includes(node("Kenya")));
    const knownPair = candidates.findIndex((c) => c.subject === node("Huawei") && c.object === node("Kenyan government"));
    expect(candidates[newPair].known).toEqual([]);
    expect(newPair).toBeLessThan(knownPair);
    for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1].score).toBeGreaterThanOrEqual(candidates[i].score);
  });

  it("finds candidates in the whole brief, each quote verbatim at its place", () => {
    const candidates = candidateRelations(graph, schema, dictionary, brief, { limit: 1000 });
    expect(candidates.length).toBeGreaterThan(100);
    for (const c of candidates) expect(brief.slice(c.start, c.end)).toBe(c.quote);
  });
});

describe("source text", () => {
  const paged = "Title\nFirst page text.\fSecond page. It has two sentences.\fThird";

  it("numbers pages by form feeds", () => {
    expect(pageAt(paged, 0)).toBe(1);
    expect(pageAt(paged, paged.indexOf("Second"))).toBe(2);
    expect(pageAt(paged, paged.indexOf("Third"))).toBe(3);
    expect(pageAt("no pages", 3)).toBeUndefined();
    expect(pageStarts(paged)).toEqual([0, paged.indexOf("Second"), paged.indexOf("Third")]);
    const across = paged.indexOf("text.");
    expect(pagesOf(paged, across, paged.indexOf("page.") + 5)).toEqual([1, 2]);
  });

  it("splits sentences and finds context and headings", () => {
    expect(sentences(paged).map((s) => paged.slice(s.start, s.end))).toEqual(["Title", "First page text.", "Second page.", "It has two sentences.", "Third"]);
    expect(quoteContext("abc", 1, 2)).toEqual({ prefix: "a", suffix: "c" });
    expect(headingAbove(paged, paged.indexOf("First"))).toBe("Title");
  });
});
