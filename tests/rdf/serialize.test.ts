// Writer behaviour a user depends on: deterministic Turtle, faithful round trips, escaping, prefixes, subsets, named graphs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { describe, expect, it } from "vitest";
import { Dataset, DatasetBuilder } from "../../src/rdf/dataset.ts";
import { loadDataset, type RdfFormat } from "../../src/rdf/parse.ts";
import { namedGraphsIn, RdfWriteError, writeChunks, writeNQuads, writeNTriples, writeTriG, writeTurtle } from "../../src/rdf/serialize.ts";
import { DataFactory } from "n3";
import { fixturePath, isomorphic, repoRoot, shuffledNQuads } from "../helpers/rdf.ts";

const { namedNode, literal, quad } = DataFactory;

const fixtureText = (name: string) => readFileSync(fixturePath("rdf", name), "utf8");
const load = (name: string) => loadDataset([{ name: `tests/fixtures/rdf/${name}`, text: fixtureText(name) }]);

/** Parses with n3 directly, so round trips are judged by a parser other than our loader. */
function n3Parse(text: string, format: string): RDF.Quad[] {
  return new Parser({ format }).parse(text) as unknown as RDF.Quad[];
}

const turtleFixtures = ["evidence.ttl", "blank-nodes.ttl", "lists.ttl", "nasty.ttl", "triples.nt"];

describe("writeTurtle: determinism", () => {
  it("writes byte-identical Turtle for the same triples in any order and with any blank node labels", async () => {
    for (const name of turtleFixtures) {
      const original = await load(name);
      // N-Quads declare no prefixes, so both sides get the original's.
      const prefixes = { ...original.prefixes };
      const expected = writeTurtle(original, { prefixes });
      for (const seed of [1, 2, 3, 42]) {
        const variant = await loadDataset([{ name: `${name} shuffled`, text: shuffledNQuads(original, seed), format: "nquads" }]);
        expect(writeTurtle(variant, { prefixes }), `${name}, seed ${seed}`).toBe(expected);
      }
    }
  });

  it("writes byte-identical TriG for shuffled, relabelled quads", async () => {
    const original = await load("graphs.trig");
    const prefixes = { ...original.prefixes };
    const expected = writeTriG(original, { prefixes });
    for (const seed of [5, 6, 7]) {
      const variant = await loadDataset([{ name: "graphs shuffled", text: shuffledNQuads(original, seed), format: "nquads" }]);
      expect(writeTriG(variant, { prefixes })).toBe(expected);
    }
  });

  it("writes byte-identical Turtle for the bundled graph (ontology + graph-data) shuffled and relabelled", async () => {
    const files = ["ontology", "graph-data"].flatMap((dir) => {
      const path = join(repoRoot, dir);
      return existsSync(path) ? readdirSync(path).filter((f) => f.endsWith(".ttl")).map((f) => join(path, f)) : [];
    });
    expect(files.length, "ontology/*.ttl and graph-data/*.ttl are missing").toBeGreaterThan(0);
    const original = await loadDataset(files.map((path) => ({ name: path, text: readFileSync(path, "utf8") })));
    const prefixes = { ...original.prefixes };
    const expected = writeTurtle(original, { prefixes });
    for (const seed of [11, 12]) {
      const variant = await loadDataset([{ name: "bundled, shuffled", text: shuffledNQuads(original, seed), format: "nquads" }]);
      expect(writeTurtle(variant, { prefixes }) === expected, `seed ${seed}`).toBe(true);
    }
  });

  it("writes the same text when a file is loaded again (n3's blank node counters have moved on)", async () => {
    const first = writeTurtle(await load("blank-nodes.ttl"));
    const second = writeTurtle(await load("blank-nodes.ttl"));
    expect(second).toBe(first);
  });
});

describe("writeTurtle: layout", () => {
  it("declares only used prefixes, sorted, groups by subject and writes rdf:type as `a` first", async () => {
    const text = writeTurtle(await load("evidence.ttl"));
    const prefixLines = text.split("\n").filter((line) => line.startsWith("@prefix"));
    expect(prefixLines.map((line) => line.split(" ")[1])).toEqual(["dcterms:", "kg:", "kge:", "kgr:", "oa:", "prov:", "rdf:", "skos:", "xsd:"]);
    // Predicates and objects sort by full IRI (http://www.w3.org/… before https://w3id.org/…), not by prefixed name.
    expect(text).toContain("kgr:huawei a kg:Company ;\n    skos:prefLabel \"Huawei\"@en ;\n    kg:donatesTo kgr:government-of-kenya .\n");
    expect(text).toContain("kge:huawei-donates-to-government-of-kenya a rdf:Statement, kg:Evidence ;\n    dcterms:date");
    expect(text).toContain("kg:page 2 .");
    expect(text).toContain('dcterms:date "2020"^^xsd:gYear ;');
  });

  it("writes blank nodes referenced once inline, so evidence selectors read naturally", async () => {
    const text = writeTurtle(await load("evidence.ttl"));
    expect(text).toContain('oa:hasSelector [\n        a oa:TextQuoteSelector ;\n        oa:exact "Huawei has donated video conference equipment to the Kenyan government"\n    ] ;');
    expect(text).not.toMatch(/_:b\d/);
  });

  it("labels shared and cyclic blank nodes and writes the rest inline", async () => {
    const text = writeTurtle(await load("blank-nodes.ttl"));
    // The shared node, the two-node cycle (one labelled root), and the self-loop need labels; nothing else does.
    expect(new Set(text.match(/_:b\d+/g))).toEqual(new Set(["_:b0", "_:b1", "_:b2"]));
    expect(text).toContain("ex:nothing []");
    expect(text).toContain('[] ex:floating "no one refers to me" .');
    expect(text).toContain("ex:geo [\n            ex:lat 1.5 ;\n            ex:long -0.25\n        ]");
  });

  it("writes well-formed collections as ( … ) and malformed ones as plain triples", async () => {
    const text = writeTurtle(await load("lists.ttl"));
    expect(text).toContain("ex:s ex:empty () ;\n    ex:flat ( 1 2 3 ) ;\n    ex:nested ( ( \"a\" \"b\" ) () [ ex:p \"in a list\" ] ex:o ) .");
    // A list head used as a subject has no single referrer, so its first cell is written as triples.
    expect(text).toContain("[] ex:isSubject true ;\n    rdf:first ex:x ;\n    rdf:rest ( ex:y ) .");
    expect(writeTurtle(await load("evidence.ttl"))).toContain("dcterms:creator ( kgr:alice-ekman kgr:cristina-de-esperanza-picardo ) ;");
    const malformed = await loadDataset([{ name: "m.ttl", text: "@prefix ex: <http://example.org/> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\nex:s ex:p [ rdf:first 1 ; rdf:rest [ rdf:first 2 ; rdf:rest ex:notNil ] ] ." }]);
    const written = writeTurtle(malformed);
    expect(written).not.toContain("(");
    expect(isomorphic(n3Parse(written, "text/turtle"), malformed)).toBe(true);
  });

  it("writes a list of 5,000 items on one line and cuts 500 nested blank nodes into labelled pieces", async () => {
    const items = Array.from({ length: 5000 }, (_, i) => i).join(" ");
    const longList = await loadDataset([{ name: "long.ttl", text: `<http://example.org/s> <http://example.org/p> ( ${items} ) .` }]);
    const listText = writeTurtle(longList);
    expect(listText).toContain(`<http://example.org/p> ( ${items} ) .`);
    const nested = `<http://example.org/s> <http://example.org/p> ${"[ <http://example.org/p> ".repeat(500)}"deep"${" ]".repeat(500)} .`;
    const deep = await loadDataset([{ name: "deep.ttl", text: nested }]);
    const deepText = writeTurtle(deep);
    expect(deepText.match(/^_:b\d+ /gm)?.length).toBeGreaterThan(5);
    expect(isomorphic(n3Parse(deepText, "text/turtle"), deep)).toBe(true);
  });

  it("sorts subjects: IRIs in code-unit order, then blank nodes", async () => {
    const text = writeTurtle(await loadDataset([{ name: "s.nt", format: "ntriples", text: [
      "_:z <http://example.org/p> \"blank\" .",
      "<http://example.org/b> <http://example.org/p> \"b\" .",
      "<http://example.org/B> <http://example.org/p> \"B\" .",
      "<http://example.org/a> <http://example.org/p> \"a\" .",
    ].join("\n") }]), { prefixes: { ex: "http://example.org/" } });
    const subjects = text.split("\n").filter((line) => / ex:p /.test(line)).map((line) => line.split(" ")[0]);
    expect(subjects).toEqual(["ex:B", "ex:a", "ex:b", "[]"]);
  });
});

describe("every format: one round trip is a fixed point", () => {
  const writers = [
    ["Turtle", writeTurtle, "turtle"],
    ["TriG", writeTriG, "trig"],
    ["N-Triples", writeNTriples, "ntriples"],
    ["N-Quads", writeNQuads, "nquads"],
  ] as const;
  const roundTrip = async (name: string, original: Dataset) => {
    for (const [format, write, syntax] of writers) {
      const first = write(original);
      const again = write(await loadDataset([{ name: `${name} as ${format}`, text: first, format: syntax }]));
      expect(again === first, `${name}: ${format} written, read and written again differs`).toBe(true);
    }
  };

  it("export, import, export gives the same bytes for the fixtures and the W3C Turtle suite", async () => {
    const fixtures = [...turtleFixtures, "graphs.trig", "graphs.nq"];
    for (const name of fixtures) await roundTrip(name, await load(name));
    const suite = fixturePath("w3c-rdf11-turtle");
    let checked = 0;
    for (const file of readdirSync(suite).filter((f) => /\.(ttl|nt)$/.test(f))) {
      const text = readFileSync(join(suite, file), "utf8");
      const original = await loadDataset([{ name: file, text, baseIRI: `http://www.w3.org/2013/TurtleTests/${file}` }]).catch(() => undefined);
      if (!original) continue; // negative syntax tests
      await roundTrip(file, original);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("Turtle nested deeper than the inline limit is stable from the first round trip", async () => {
    const chain = (depth: number) => `${"[ <http://example.org/p> ".repeat(depth)}"leaf"${" ]".repeat(depth)}`;
    const text = `<http://example.org/a> <http://example.org/p> ${chain(200)} .\n<http://example.org/b> <http://example.org/q> ${chain(130)} .`;
    await roundTrip("deep.ttl", await loadDataset([{ name: "deep.ttl", text }]));
  });

  it("N-Triples and N-Quads come out in one order whatever the input order and blank node labels", async () => {
    for (const name of ["evidence.ttl", "blank-nodes.ttl", "lists.ttl", "graphs.trig"]) {
      const original = await load(name);
      const expected = [writeNTriples(original), writeNQuads(original)];
      for (const seed of [3, 4, 99]) {
        const variant = await loadDataset([{ name: `${name} shuffled`, text: shuffledNQuads(original, seed), format: "nquads" }]);
        expect([writeNTriples(variant), writeNQuads(variant)], `${name}, seed ${seed}`).toEqual(expected);
      }
    }
  });
});

describe("writeChunks: the same text in pieces", () => {
  it("gives exactly the whole-string writer's text, in pieces of about the size asked for, header first", async () => {
    const files = ["ontology", "graph-data"].flatMap((dir) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f)));
    const bundled = await loadDataset(files.map((path) => ({ name: path, text: readFileSync(path, "utf8") })));
    const cases: [string, Dataset][] = [["bundled graph", bundled], ...await Promise.all(["blank-nodes.ttl", "lists.ttl", "graphs.trig"].map(async (n): Promise<[string, Dataset]> => [n, await load(n)]))];
    const writers = { turtle: writeTurtle, trig: writeTriG, ntriples: writeNTriples, nquads: writeNQuads } as const;
    for (const [name, dataset] of cases) {
      for (const [format, write] of Object.entries(writers) as [keyof typeof writers, (d: Dataset) => string][]) {
        const pieces = [...writeChunks(dataset, format, { chunkChars: 2000 })];
        expect(pieces.join("") === write(dataset), `${name} as ${format}`).toBe(true);
        if (name === "bundled graph") {
          expect(pieces.length, `${name} as ${format}`).toBeGreaterThan(20);
          // No piece is much longer than asked: at most one subject block or line over.
          expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(12_000);
        }
      }
    }
    expect([...writeChunks(Dataset.empty(), "turtle")]).toEqual([]);
  });
});

describe("writeTurtle: escaping and shorthands", () => {
  it("escapes quotes, backslashes, line breaks and control characters, and keeps other Unicode as is", async () => {
    const text = writeTurtle(await load("nasty.ttl"));
    expect(text).toContain('ex:quote "She said \\"hi\\" and left"');
    expect(text).toContain('ex:backslash "C:\\\\path\\\\to\\\\file"');
    expect(text).toContain('ex:newlines "line 1\\nline 2\\r\\nline 3"');
    expect(text).toContain('ex:tab "a\\tb"');
    expect(text).toContain('ex:controls "bell \\u0007, escape \\u001B, delete \\u007F, nul-free"');
    expect(text).toContain('ex:long "a \\"long\\" string\\nover two lines"');
    expect(text).toContain('ex:unicode "中国智慧城市 — Ünïcödé, emoji 😀 (U+1F600)"');
    expect(text).toContain('ex:empty ""');
  });

  it("uses numeric and boolean shorthands only for lexical forms that read back unchanged", async () => {
    const text = writeTurtle(await load("nasty.ttl"));
    expect(text).toContain('ex:int " 5"^^xsd:integer, +7, -0, 042, 42 ;');
    expect(text).toContain('ex:dec ".5"^^xsd:decimal, "1."^^xsd:decimal, 1.5, 1.50 ;');
    expect(text).toContain('ex:dbl 1.0e10, "1.e5"^^xsd:double, 1E0, "INF"^^xsd:double, "NaN"^^xsd:double ;');
    expect(text).toContain('ex:bool "1"^^xsd:boolean, "TRUE"^^xsd:boolean, false, true ;');
    expect(text).toContain('ex:typed "2020"^^xsd:gYear, "x"^^<http://example.org/my%20type#dt> ;');
  });

  it("abbreviates IRIs only when the local part is a safe local name", async () => {
    const text = writeTurtle(await load("nasty.ttl"));
    expect(text).toContain("<http://example.org/trailing.dot.> ex:p <http://example.org/has:colon>, <http://example.org/has~tilde> .");
    expect(text).toContain("<urn:isbn:0451450523> ex:p <http://example.org/-leading-dash> .");
    expect(text).toContain("ex: ex:p ex:1starts-with-digit .");
    expect(text).toContain("<http://example.org/path/with%20percent> ex:p <http://example.org/a.b.> .");
  });

  it("writes characters IRIREF forbids as \\u escapes (Turtle and N-Triples)", () => {
    const builder = new DatasetBuilder();
    builder.addQuad(quad(namedNode("http://example.org/a b<c>\"d{e}|f^g`h\\i"), namedNode("http://example.org/p"), literal("x")) as unknown as RDF.Quad);
    const dataset = builder.freeze();
    const iri = "<http://example.org/a\\u0020b\\u003Cc\\u003E\\u0022d\\u007Be\\u007D\\u007Cf\\u005Eg\\u0060h\\u005Ci>";
    expect(writeTurtle(dataset, { prefixes: { ex: "http://example.org/" } })).toContain(`${iri} ex:p "x" .`);
    expect(writeNTriples(dataset)).toBe(`${iri} <http://example.org/p> "x" .\n`);
  });

  it("refuses a literal holding a lone surrogate, which no syntax can carry", () => {
    const builder = new DatasetBuilder();
    builder.addQuad(quad(namedNode("http://example.org/s"), namedNode("http://example.org/p"), literal("half \ud800 a pair")) as unknown as RDF.Quad);
    expect(() => writeTurtle(builder.freeze())).toThrow(RdfWriteError);
    expect(() => writeNTriples(builder.freeze())).toThrow(/lone surrogate \(U\+D800\)/);
  });

  it("refuses a relative IRI in every format (as subject, object, datatype or namespace), writing nothing", () => {
    const writers = [writeTurtle, writeTriG, writeNTriples, writeNQuads];
    const cases: RDF.Quad[] = [
      quad(namedNode("#s"), namedNode("http://example.org/p"), literal("x")) as unknown as RDF.Quad,
      quad(namedNode("http://example.org/s"), namedNode("http://example.org/p"), namedNode("../o")) as unknown as RDF.Quad,
      quad(namedNode("http://example.org/s"), namedNode("http://example.org/p"), literal("1", namedNode("int"))) as unknown as RDF.Quad,
    ];
    for (const [k, q] of cases.entries()) {
      const builder = new DatasetBuilder();
      builder.addQuad(q);
      const dataset = builder.freeze();
      for (const write of writers) expect(() => write(dataset), `case ${k}, ${write.name}`).toThrow(/^rdf\/write: relative IRI <(#s|\.\.\/o|int)> cannot be written/);
    }
    const absolute = new DatasetBuilder();
    absolute.addQuad(quad(namedNode("http://example.org/s"), namedNode("http://example.org/p"), literal("x")) as unknown as RDF.Quad);
    // A relative namespace given but never used is not declared, so it does not stop the export.
    expect(writeTurtle(absolute.freeze(), { prefixes: { ex: "http://example.org/", rel: "docs/" } })).toBe('@prefix ex: <http://example.org/> .\n\nex:s ex:p "x" .\n');
  });

  it("declares well-known prefixes the input never declared, and honours given prefixes", async () => {
    const dataset = await loadDataset([{ name: "x.nt", text: "<https://w3id.org/smartcity-kg/resource/huawei> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Huawei\"@en .", format: "ntriples" }]);
    expect(writeTurtle(dataset)).toBe('@prefix kgr: <https://w3id.org/smartcity-kg/resource/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\nkgr:huawei skos:prefLabel "Huawei"@en .\n');
    expect(writeTurtle(dataset, { prefixes: { r: "https://w3id.org/smartcity-kg/resource/" } })).toBe(
      '@prefix r: <https://w3id.org/smartcity-kg/resource/> .\n\nr:huawei <http://www.w3.org/2004/02/skos/core#prefLabel> "Huawei"@en .\n');
  });
});

describe("writeTurtle: given prefixes", () => {
  it("rejects a prefix name or namespace that cannot be declared, saying what is wrong", async () => {
    const dataset = await load("triples.nt");
    expect(() => writeTurtle(dataset, { prefixes: { "1ex": "http://example.org/" } })).toThrow('rdf/write: "1ex" is not a Turtle prefix name (a letter, then letters, digits, "-", "_" or inner ".")');
    // A valid but unusual name is accepted and simply not used.
    expect(writeTurtle(dataset, { prefixes: { "é.x": "http://example.org/" } })).toContain("<http://example.org/a> <http://example.org/p>");
    expect(() => writeTurtle(dataset, { prefixes: { ex: "http://example.org/a b" } })).toThrow(RdfWriteError);
  });

  it("uses the empty prefix and the shortest name when two names share a namespace", async () => {
    const dataset = await load("triples.nt");
    const text = writeTurtle(dataset, { prefixes: { "": "http://example.org/", example: "http://example.org/" } });
    expect(text.startsWith("@prefix : <http://example.org/> .\n\n:a :p")).toBe(true);
  });
});

describe("round trips through n3", () => {
  const cases: [string, RdfFormat][] = [["evidence.ttl", "turtle"], ["blank-nodes.ttl", "turtle"], ["lists.ttl", "turtle"], ["nasty.ttl", "turtle"], ["triples.nt", "ntriples"]];
  for (const [name] of cases) {
    it(`${name}: Turtle and N-Triples exports re-parse to an isomorphic graph`, async () => {
      const dataset = await load(name);
      expect(isomorphic(n3Parse(writeTurtle(dataset), "text/turtle"), dataset)).toBe(true);
      expect(isomorphic(n3Parse(writeNTriples(dataset), "application/n-triples"), dataset)).toBe(true);
    });
  }

  it("graphs.trig: TriG and N-Quads exports re-parse to an isomorphic dataset", async () => {
    const dataset = await load("graphs.trig");
    expect(isomorphic(n3Parse(writeTriG(dataset), "application/trig"), dataset)).toBe(true);
    expect(isomorphic(n3Parse(writeNQuads(dataset), "application/n-quads"), dataset)).toBe(true);
    expect(isomorphic(n3Parse(writeNQuads(await load("graphs.nq")), "application/n-quads"), await load("graphs.nq"))).toBe(true);
  });

  it("our own loader reads our TriG back to the same dataset", async () => {
    const dataset = await load("graphs.trig");
    const again = await loadDataset([{ name: "again.trig", text: writeTriG(dataset), format: "trig" }]);
    expect(again.size).toBe(dataset.size);
    expect(isomorphic(again, dataset)).toBe(true);
  });
});

describe("subset export", () => {
  it("writes only the chosen quads, in any order given, and repeats are harmless", async () => {
    const dataset = await load("evidence.ttl");
    const huawei = dataset.terms.iriId("https://w3id.org/smartcity-kg/resource/huawei");
    const chosen = [...dataset.match(huawei)];
    expect(chosen.length).toBe(3);
    const text = writeTurtle(dataset, { quads: [...chosen].reverse().concat(chosen[0]) });
    expect(isomorphic(n3Parse(text, "text/turtle"), chosen.map((i) => dataset.quad(i)))).toBe(true);
    expect(text).not.toContain("kge:");
    expect(writeNTriples(dataset, { quads: new Uint32Array(chosen) }).trim().split("\n")).toHaveLength(3);
  });

  it("writes an evidence node with its selector inline when both are chosen", async () => {
    const dataset = await load("evidence.ttl");
    const evidence = dataset.terms.iriId("https://w3id.org/smartcity-kg/evidence/huawei-donates-to-government-of-kenya-2");
    const own = [...dataset.match(evidence)];
    const selector = own.map((i) => dataset.objects[i]).find((o) => dataset.terms.isBlank(o))!;
    const text = writeTurtle(dataset, { quads: [...own, ...dataset.match(selector)] });
    expect(text).toContain("oa:hasSelector [\n        a oa:TextQuoteSelector ;");
    expect(text).not.toMatch(/_:b/);
  });

  it("rejects indices outside the dataset with a fixable message", async () => {
    const dataset = await load("triples.nt");
    expect(() => writeTurtle(dataset, { quads: [0, 6] })).toThrow("rdf/write: quad index 6 is not in the dataset (it has 6 quads, indices 0 to 5)");
    expect(() => writeNQuads(dataset, { quads: [1.5] })).toThrow(RangeError);
  });

  it("writes nothing for an empty selection or an empty dataset", async () => {
    expect(writeTurtle(await load("triples.nt"), { quads: [] })).toBe("");
    expect(writeTurtle(Dataset.empty())).toBe("");
    expect(writeNQuads(Dataset.empty())).toBe("");
  });
});

describe("named graphs in triple syntaxes", () => {
  it("writeTurtle and writeNTriples write the union, each triple once, and namedGraphsIn says which names were dropped", async () => {
    const dataset = await load("graphs.trig");
    expect(namedGraphsIn(dataset).map((g) => dataset.terms.kind(g))).toEqual(["NamedNode", "NamedNode", "BlankNode"].sort((a, b) => (a === "BlankNode" ? 1 : b === "BlankNode" ? -1 : 0)));
    const union = new Set([...dataset.quads()].map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    const turtle = n3Parse(writeTurtle(dataset), "text/turtle");
    expect(turtle).toHaveLength(union.size);
    expect(n3Parse(writeNTriples(dataset), "application/n-triples")).toHaveLength(union.size);
    expect(writeTurtle(dataset).match(/ex:a ex:p ex:b/g)).toHaveLength(1);
  });

  it("namedGraphs: \"error\" refuses and suggests TriG or N-Quads", async () => {
    const dataset = await load("graphs.trig");
    expect(() => writeTurtle(dataset, { namedGraphs: "error" })).toThrow(/rdf\/write: the quads lie in named graphs \(.*\), which Turtle and N-Triples cannot name; write TriG or N-Quads to keep them/);
    expect(() => writeNTriples(dataset, { namedGraphs: "error" })).toThrow(RdfWriteError);
    const defaultOnly = [...dataset.match(undefined, undefined, undefined, 0)];
    expect(() => writeTurtle(dataset, { namedGraphs: "error", quads: defaultOnly })).not.toThrow();
    expect(namedGraphsIn(dataset, defaultOnly)).toEqual([]);
  });

  it("writeTriG writes the default graph first, then named graphs, a blank node shared across graphs keeping one label", async () => {
    const text = writeTriG(await load("graphs.trig"));
    expect(text.indexOf("ex:g1 {")).toBeGreaterThan(text.indexOf("ex:a ex:p ex:b .\n"));
    expect(text).toContain("ex:g2 {\n    ex:c ex:p \"in g2\"@en .\n}");
    const shared = text.match(/ex:[de] ex:p (_:b\d+) \./g)!;
    expect(shared).toHaveLength(2);
    expect(new Set(shared.map((line) => line.split(" ")[2])).size).toBe(1);
  });
});
