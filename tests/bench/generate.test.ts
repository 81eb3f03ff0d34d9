// The benchmark generator: same bytes for a seed, valid Turtle, and the shape the benchmarks rely on.
import { createHash } from "node:crypto";
import { describe, it, expect, beforeAll } from "vitest";
import { generateTurtle, type Generated } from "../../bench/generate.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { rdf, skos, prov, oa, kg, xsd, prefixes } from "../../src/rdf/vocab.ts";

const target = 20_000;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("bench/generate", () => {
  let generated: Generated;
  let dataset: Dataset;
  const id = (iri: string) => dataset.terms.iriId(iri);

  beforeAll(async () => {
    generated = generateTurtle({ triples: target, seed: 7 });
    dataset = await loadDataset([{ name: "generated.ttl", text: generated.text }]);
  });

  it("writes the same bytes for the same seed and different bytes for another seed", () => {
    expect(sha256(generateTurtle({ triples: target, seed: 7 }).text)).toBe(sha256(generated.text));
    expect(sha256(generateTurtle({ triples: target, seed: 8 }).text)).not.toBe(sha256(generated.text));
  });

  it("parses, and holds the triple count it reports, within 2% of the size asked for", () => {
    expect(dataset.size).toBe(generated.stats.triples);
    expect(Math.abs(dataset.size - target) / target).toBeLessThanOrEqual(0.02);
    for (const size of [3_000, 55_555]) {
      const other = generateTurtle({ triples: size, seed: 1 });
      expect(Math.abs(other.stats.triples - size) / size).toBeLessThanOrEqual(0.02);
    }
  });

  it("gives every entity exactly one English prefLabel, with shared words, accents and alt labels", () => {
    const prefLabel = id(skos.prefLabel);
    const labelsBySubject = new Map<number, string[]>();
    for (const q of dataset.match(undefined, prefLabel)) {
      const list = labelsBySubject.get(dataset.subjects[q]) ?? [];
      list.push(dataset.terms.key(dataset.objects[q]));
      labelsBySubject.set(dataset.subjects[q], list);
    }
    expect(labelsBySubject.size).toBe(generated.stats.entities + generated.stats.sources);
    for (const labels of labelsBySubject.values()) {
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatch(/"@en$/);
    }
    const labels = [...labelsBySubject.values()].map((list) => list[0].slice(1, -4));
    expect(labels.filter((label) => /[^\x00-\x7f]/.test(label)).length).toBeGreaterThan(labels.length * 0.02);
    // Search must have real work: the commonest word appears in many labels.
    const wordCounts = new Map<string, number>();
    for (const label of labels) for (const word of new Set(label.toLowerCase().split(" "))) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    expect(Math.max(...wordCounts.values())).toBeGreaterThan(labels.length * 0.03);
    expect([...dataset.match(undefined, id(skos.altLabel))].length).toBeGreaterThan(labels.length * 0.2);
  });

  it("has typed literals: years, dates and integers", () => {
    const datatypes = new Set<string>();
    for (let t = 0; t < dataset.terms.size; t++) if (dataset.terms.isLiteral(t)) datatypes.add(dataset.terms.datatype(t));
    expect(datatypes).toContain(xsd.gYear);
    expect(datatypes).toContain(xsd.date);
    expect(datatypes).toContain(xsd.integer);
  });

  it("links entities by about twenty predicates with a power-law degree: a few hubs, most nodes small", () => {
    const degree = new Map<number, number>();
    const predicates = new Set<number>();
    for (let q = 0; q < dataset.size; q++) {
      const p = dataset.terms.key(dataset.predicates[q]);
      const o = dataset.terms.key(dataset.objects[q]);
      if (!p.startsWith(prefixes.kg) || !o.startsWith(prefixes.kgr) || !dataset.terms.key(dataset.subjects[q]).startsWith(prefixes.kgr)) continue;
      predicates.add(dataset.predicates[q]);
      for (const node of [dataset.subjects[q], dataset.objects[q]]) degree.set(node, (degree.get(node) ?? 0) + 1);
    }
    expect(predicates.size).toBeGreaterThanOrEqual(18);
    const degrees = [...degree.values()].sort((a, b) => b - a);
    const median = degrees[Math.floor(degrees.length / 2)];
    expect(degrees[0]).toBeGreaterThan(20 * median);
    const endpoints = degrees.reduce((a, b) => a + b, 0);
    const topOnePercent = degrees.slice(0, Math.ceil(degrees.length / 100)).reduce((a, b) => a + b, 0);
    // A uniform random graph of this size gives the top 1% about 3% of endpoints.
    expect(topOnePercent / endpoints).toBeGreaterThan(0.07);
    expect(generated.stats.islandEntities).toBeGreaterThan(0);
  });

  it("describes a fraction of relations with evidence: statement, source, quote selector and locator", () => {
    const statements = [...dataset.match(undefined, id(rdf.type), id(rdf.Statement))].map((q) => dataset.subjects[q]);
    expect(statements.length).toBe(generated.stats.evidence);
    expect(statements.length).toBeGreaterThan(generated.stats.relations * 0.15);
    expect(statements.length).toBeLessThan(generated.stats.relations * 0.5);
    const one = (subject: number, predicate: string) => {
      const found = [...dataset.match(subject, id(predicate))].map((q) => dataset.objects[q]);
      expect(found).toHaveLength(1);
      return found[0];
    };
    for (const statement of statements) {
      const [s, p, o] = [one(statement, rdf.subject), one(statement, rdf.predicate), one(statement, rdf.object)];
      expect([...dataset.match(s, p, o)]).toHaveLength(1);
      expect(dataset.terms.isIri(one(statement, prov.wasDerivedFrom))).toBe(true);
      const selector = one(statement, oa.hasSelector);
      expect(dataset.terms.isBlank(selector)).toBe(true);
      expect(dataset.terms.value(one(selector, oa.exact))).toContain(" ");
      expect(dataset.terms.isLiteral(one(statement, kg.locator))).toBe(true);
    }
  });
});
