// Loader behaviour a user depends on: all four formats, exact error locations, all-or-nothing loads, blank node scoping, streaming.
import { readFileSync } from "node:fs";
import { Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { describe, expect, it } from "vitest";
import { Dataset } from "../../src/rdf/dataset.ts";
import { loadDataset, loadDatasetStream, RdfSyntaxError, type RdfFormat, type LoadProgress } from "../../src/rdf/parse.ts";
import { writeTriG } from "../../src/rdf/serialize.ts";
import { baseIriOfUrl } from "../../src/rdf/iri.ts";
import { fixturePath, isomorphic } from "../helpers/rdf.ts";

const base = "http://example.org/base/";

/** Loads `input` and checks it against the expected N-Quads, read by n3 directly so the check does not lean on our loader. */
function shouldParse(format: RdfFormat, input: string, expectedNQuads: string) {
  return async () => {
    const dataset = await loadDataset([{ name: `case.${format}`, text: input, format, baseIRI: base }]);
    const expected = new Parser({ format: "application/n-quads" }).parse(expectedNQuads) as unknown as RDF.Quad[];
    const distinct = new Set(expected.map((q) => JSON.stringify([q.subject.value, q.predicate.value, q.object.value, q.graph.value, q.subject.termType, q.object.termType])));
    expect(dataset.size).toBe(distinct.size);
    expect(isomorphic(dataset, expected)).toBe(true);
  };
}

/** Loads `input` (as a whole string, and streamed in 1- and 5-character chunks) and expects exactly this error. */
function shouldNotParse(format: RdfFormat, input: string, expected: string) {
  return async () => {
    const name = `case.${format}`;
    await expect(loadDataset([{ name, text: input, format, baseIRI: base }])).rejects.toThrow(exactError(expected));
    for (const size of [1, 5]) {
      await expect(loadDatasetStream([{ name, chunks: chunksOf(input, size), format, baseIRI: base }])).rejects.toThrow(exactError(expected));
    }
  };
}

function exactError(message: string): RegExp {
  return new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

function* chunksOf(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** Chunks that arrive asynchronously, now and then after a macrotask, as from a file or a fetch body. */
async function* slowly(text: string, size: number): AsyncGenerator<string> {
  let count = 0;
  for (const chunk of chunksOf(text, size)) {
    if (++count % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    yield chunk;
  }
}

const fixture = (name: string) => ({ name: `tests/fixtures/rdf/${name}`, text: readFileSync(fixturePath("rdf", name), "utf8") });

describe("loadDataset: Turtle", () => {
  it("reads IRIs, prefixed names and the base", shouldParse("turtle",
    "@prefix ex: <http://example.org/> .\n@base <http://other.org/> .\nex:s <p> ex:o .\nPREFIX e2: <http://e2.org/>\ne2:a a e2:C .",
    "<http://example.org/s> <http://other.org/p> <http://example.org/o> .\n<http://e2.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e2.org/C> ."));
  it("resolves relative IRIs against the given base IRI", shouldParse("turtle", "<s> <#p> <../o> .",
    "<http://example.org/base/s> <http://example.org/base/#p> <http://example.org/o> ."));
  it("reads literal shorthands, language tags and datatypes", shouldParse("turtle",
    '<http://a> <http://p> 1, -2.5, 1e3, true, "x"@en-GB, "y"^^<http://dt>, """multi\nline""" .',
    `<http://a> <http://p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://a> <http://p> "-2.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://a> <http://p> "1e3"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://a> <http://p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://a> <http://p> "x"@en-gb .
<http://a> <http://p> "y"^^<http://dt> .
<http://a> <http://p> "multi\\nline" .`));
  it("reads blank node property lists and collections", shouldParse("turtle",
    "<http://a> <http://p> [ <http://q> ( 1 _:x ) ] . _:x <http://r> () .",
    `<http://a> <http://p> _:b .
_:b <http://q> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:x .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
_:x <http://r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`));
  it("removes duplicate triples", shouldParse("turtle", "<http://a> <http://p> <http://o>, <http://o> . <http://a> <http://p> <http://o> .",
    "<http://a> <http://p> <http://o> ."));
  it("reads a document that starts with a byte order mark", shouldParse("turtle", "\ufeff<http://a> <http://p> 1 .",
    '<http://a> <http://p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'));

  it("places an undefined prefix at the prefixed name", shouldNotParse("turtle",
    "@prefix ex: <http://e/> .\nex:a ex:b foo:c .", 'case.turtle:2:11: Undefined prefix "foo:"'));
  it("places an unterminated string at its opening quote", shouldNotParse("turtle",
    '<http://a> <http://b> "abc\n .\n', 'case.turtle:1:23: Unexpected ""abc"'));
  it("places an unterminated long string at its opening quotes", shouldNotParse("turtle",
    '<http://a> <http://b> """abc\nxx\n', 'case.turtle:1:23: Unexpected """"abc"'));
  it("counts lines and columns after a multi-line literal", shouldNotParse("turtle",
    '<http://a> <http://b> """abc\nxx""" ;   <http://c> } .', "case.turtle:2:22: Expected entity but got }"));
  it("places an IRI with a space at its opening bracket", shouldNotParse("turtle",
    "<http://a> <http://b>\n\t<http://c d> .", 'case.turtle:2:2: Unexpected "<http://c"'));
  it("places a bad character after a comment on the next line", shouldNotParse("turtle",
    "<http://a> <http://b>   # c\n  \\oops .", 'case.turtle:2:3: Unexpected "\\oops"'));
  it("places a bad datatype after ^^ and its spaces", shouldNotParse("turtle",
    '<http://a> <http://b> "x"^^  5 .', 'case.turtle:1:30: Unexpected "5"'));
  it("does not count the byte order mark as a column", shouldNotParse("turtle",
    "\ufeff<http://a> <http://b> ?x .", 'case.turtle:1:23: Unexpected "?x"'));
  it("places a missing final dot at the end of the input", shouldNotParse("turtle",
    "<http://a> <http://b> <http://c>", 'case.turtle:1:33: Expected punctuation to follow "http://c"'));
  it("counts CRLF line endings once", shouldNotParse("turtle",
    "<http://a> <http://b> 1 .\r\n\r\n<http://a> <http://b> , .", "case.turtle:3:23: Expected entity but got ,"));
  it("rejects a named graph in Turtle", shouldNotParse("turtle",
    "<http://g> { <http://a> <http://b> <http://c> . }", "case.turtle:1:12: Expected entity but got {"));
  it("rejects RDF 1.2 triple terms, which a Dataset cannot hold", shouldNotParse("turtle",
    "<http://a> <http://b> <<( <http://a> <http://b> <http://c> )>> .", "case.turtle:1:63: triple terms and reifiers (RDF 1.2) are not supported"));
});

describe("loadDataset: N-Triples", () => {
  it("reads IRIs, blank nodes, language tags, datatypes and escapes", shouldParse("ntriples",
    readFileSync(fixturePath("rdf", "triples.nt"), "utf8"), readFileSync(fixturePath("rdf", "triples.nt"), "utf8")));
  it("rejects relative IRIs at the IRI, saying so", shouldNotParse("ntriples", "<http://a> <http://b> <c> .", "case.ntriples:1:23: relative IRI <c> where only absolute IRIs are allowed"));
  it("rejects Turtle syntax at the first Turtle token", shouldNotParse("ntriples",
    '<http://a> <http://b> "x" .\n   <http://a> <http://b> [] .', 'case.ntriples:2:26: Unexpected "[]"'));
  it("rejects a graph name", shouldNotParse("ntriples",
    "<http://a> <http://b> <http://c> <http://g> .", 'case.ntriples:1:34: Expected punctuation to follow "http://c"'));
});

describe("loadDataset: N-Quads", () => {
  it("reads quads in the default and named graphs", shouldParse("nquads", readFileSync(fixturePath("rdf", "graphs.nq"), "utf8"), readFileSync(fixturePath("rdf", "graphs.nq"), "utf8")));
  it("rejects a fifth term at that term", shouldNotParse("nquads",
    "<http://a> <http://b> <http://c> <http://g> <http://h> .", "case.nquads:1:45: Expected dot to follow quad"));
  it("rejects prefixed names", shouldNotParse("nquads", "<http://a> <http://b> ex:c .", 'case.nquads:1:23: Unexpected "ex:c"'));
});

describe("loadDataset: TriG", () => {
  it("reads default and named graphs, GRAPH blocks and blank graph names", shouldParse("trig",
    readFileSync(fixturePath("rdf", "graphs.trig"), "utf8"),
    `<http://example.org/a> <http://example.org/p> <http://example.org/b> .
<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g1> .
<http://example.org/a> <http://example.org/q> _:b <http://example.org/g1> .
_:b <http://example.org/r> "in g1" <http://example.org/g1> .
<http://example.org/c> <http://example.org/p> "in g2"@en <http://example.org/g2> .
<http://example.org/d> <http://example.org/p> _:shared _:g3 .
<http://example.org/e> <http://example.org/p> _:shared .`));
  it("places an unclosed graph at the end of the input", shouldNotParse("trig",
    "<http://g> { <http://a> <http://b> <http://c> . ", "case.trig:1:49: Unclosed graph"));
  it("places a stray closing brace", shouldNotParse("trig", "<http://a> <http://b> <http://c> .\n}", "case.trig:2:1: Unexpected graph closing"));
});

describe("loadDataset: relative IRIs", () => {
  /** Loads `text` with `baseIRI` whole and streamed (1- and 5-character chunks) and expects exactly this error. */
  async function refused(text: string, baseIRI: string | undefined, expected: string) {
    await expect(loadDataset([{ name: "rel.ttl", text, baseIRI }])).rejects.toThrow(exactError(expected));
    for (const size of [1, 5]) await expect(loadDatasetStream([{ name: "rel.ttl", chunks: chunksOf(text, size), baseIRI }])).rejects.toThrow(exactError(expected));
  }

  it("resolves a relative namespace against the base (the document's location)", async () => {
    const dataset = await loadDataset([{ name: "rel.ttl", text: "@prefix : <#> . [] :x :y .", baseIRI: "file:///data/rel.ttl" }]);
    expect([...dataset.quads()].map((q) => [q.predicate.value, q.object.value])).toEqual([["file:///data/rel.ttl#x", "file:///data/rel.ttl#y"]]);
    expect(dataset.prefixes).toEqual({ "": "file:///data/rel.ttl#" });
  });

  it("refuses a relative IRI with no base to resolve it against, at the IRI", async () => {
    await refused("<http://a> <http://b> 1 .\n<http://a> <#x> 2 .", undefined, "rel.ttl:2:12: relative IRI <#x> with no absolute base IRI to resolve it against");
    await refused("@prefix : <#> .\n[] :x :y .", undefined, "rel.ttl:2:4: prefix : stands for the relative IRI <#>, with no absolute base IRI to resolve it against");
  });

  it("refuses what a relative base leaves relative, <> and datatypes included", async () => {
    await refused("<http://a> <http://b> <c> .", "docs/", "rel.ttl:1:23: relative IRI <c> with no absolute base IRI to resolve it against");
    await refused("@base <docs/> .\n<http://a> <http://b> <c> .", undefined, "rel.ttl:2:23: relative IRI <c> with no absolute base IRI to resolve it against");
    await refused("<> <http://b> 1 .", undefined, "rel.ttl:1:1: relative IRI <> with no absolute base IRI to resolve it against");
    await refused('<http://a> <http://b> "1"^^<int> .', undefined, "rel.ttl:1:28: relative IRI <int> with no absolute base IRI to resolve it against");
    await refused("@prefix p: <#> .\n@prefix p: <http://p/> .\np:a p:b p:c .\n@prefix p: <#> .\np:a p:b p:c .", undefined, "rel.ttl:5:1: prefix p: stands for the relative IRI <#>, with no absolute base IRI to resolve it against");
  });

  it("loads absolute IRIs without a base, leaving out a relative namespace no IRI uses", async () => {
    const dataset = await loadDataset([{ name: "rel.ttl", text: "@prefix : <#> .\n@prefix ex: <http://ex.org/> .\n@base <docs/> .\nex:a ex:b ex:c ." }]);
    expect(dataset.size).toBe(1);
    expect(dataset.prefixes).toEqual({ ex: "http://ex.org/" });
  });
});

describe("baseIriOfUrl", () => {
  it("keeps scheme, host and path of a web address, and drops user-info, query and fragment", () => {
    expect(baseIriOfUrl("https://user:pw@example.org:8890/sparql?apikey=k#top")).toBe("https://example.org:8890/sparql");
    expect(baseIriOfUrl("http://localhost:5173/")).toBe("http://localhost:5173/");
    expect(baseIriOfUrl("http://localhost:5173")).toBe("http://localhost:5173/");
  });
});

describe("loadDataset: several files", () => {
  it("names the failing file and keeps nothing of the load", async () => {
    const good = fixture("evidence.ttl");
    const error = await loadDataset([good, fixture("broken.ttl")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect((error as RdfSyntaxError).message).toBe('tests/fixtures/rdf/broken.ttl:11:18: Undefined prefix "nope:"');
    expect([(error as RdfSyntaxError).file, (error as RdfSyntaxError).line, (error as RdfSyntaxError).column]).toEqual(["tests/fixtures/rdf/broken.ttl", 11, 18]);
  });

  it("leaves the base dataset unchanged after a failed load", async () => {
    const baseDataset = await loadDataset([fixture("evidence.ttl")]);
    const before = { size: baseDataset.size, terms: baseDataset.terms.size, prefixes: { ...baseDataset.prefixes }, quads: [...baseDataset.quads()] };
    await expect(loadDataset([fixture("nasty.ttl"), fixture("broken.ttl")], { base: baseDataset })).rejects.toThrow(RdfSyntaxError);
    await expect(loadDatasetStream([{ name: "broken.ttl", chunks: chunksOf(fixture("broken.ttl").text, 3) }], { base: baseDataset })).rejects.toThrow(RdfSyntaxError);
    expect(baseDataset.size).toBe(before.size);
    expect(baseDataset.terms.size).toBe(before.terms);
    expect(baseDataset.prefixes).toEqual(before.prefixes);
    expect(isomorphic(baseDataset, before.quads)).toBe(true);
  });

  it("adds to a base dataset without changing it", async () => {
    const baseDataset = await loadDataset([fixture("evidence.ttl")]);
    const grown = await loadDataset([fixture("nasty.ttl")], { base: baseDataset });
    const both = await loadDataset([fixture("evidence.ttl"), fixture("nasty.ttl")]);
    expect(grown.size).toBe(both.size);
    expect(isomorphic(grown, both)).toBe(true);
    expect(baseDataset.size).toBe(34);
  });

  it("removes duplicates across files and keeps the first declaration of each prefix", async () => {
    const twice = await loadDataset([
      { name: "a.ttl", text: "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b ." },
      { name: "b.ttl", text: "@prefix ex: <http://example.org/other#> .\n@prefix y: <http://y/> .\n<http://example.org/a> <http://example.org/p> <http://example.org/b> ." },
    ]);
    expect(twice.size).toBe(1);
    expect(twice.prefixes).toEqual({ ex: "http://example.org/", y: "http://y/" });
  });

  it("keeps blank nodes of different files apart, even with the same label", async () => {
    const dataset = await loadDataset([fixture("same-labels-a.ttl"), fixture("same-labels-b.ttl")]);
    const { terms } = dataset;
    const child = terms.iriId("http://example.org/child");
    const root = terms.iriId("http://example.org/root");
    const blankChildren = [...dataset.match(root, child)].map((i) => dataset.objects[i]).filter((o) => terms.isBlank(o));
    expect(blankChildren).toHaveLength(2);
    expect(new Set(blankChildren).size).toBe(2);
  });

  it("keeps blank nodes of separate loads apart when the same file is added to a base", async () => {
    const once = await loadDataset([fixture("same-labels-a.ttl")]);
    const again = await loadDataset([fixture("same-labels-a.ttl")], { base: once });
    // The IRI-only triple is shared; both blank-node triples are new nodes.
    expect(once.size).toBe(2);
    expect(again.size).toBe(4);
  });

  it("keeps blank nodes apart from a base dataset whose labels look like ours", async () => {
    const first = await loadDataset([{ name: "a.nt", text: "_:b0 <http://p> \"a\" .\n_:b1 <http://p> \"b\" ." }]);
    const second = await loadDataset([{ name: "b.nt", text: "_:b0 <http://p> \"c\" ." }], { base: first });
    const subjects = new Set([...second.quads()].map((q) => q.subject.value));
    expect(subjects.size).toBe(3);
  });
});

describe("loadDatasetStream", () => {
  const names = ["evidence.ttl", "blank-nodes.ttl", "lists.ttl", "nasty.ttl", "graphs.trig", "graphs.nq", "triples.nt"];

  it("gives the same dataset as whole-string parsing, whatever the chunk size", async () => {
    for (const name of names) {
      const { name: file, text } = fixture(name);
      const whole = await loadDataset([{ name: file, text }]);
      for (const size of [1, 2, 7, 64, 100_000]) {
        const streamed = await loadDatasetStream([{ name: file, chunks: slowly(text, size) }]);
        expect(streamed.size, `${name} in chunks of ${size}`).toBe(whole.size);
        expect(isomorphic(streamed, whole), `${name} in chunks of ${size}`).toBe(true);
        expect(streamed.prefixes).toEqual(whole.prefixes);
        expect(writeTriG(streamed)).toBe(writeTriG(whole));
      }
    }
  });

  it("reads UTF-8 bytes, with characters split across chunks, to the same dataset and error places", async () => {
    const { name, text } = fixture("nasty.ttl");
    const bytes = new TextEncoder().encode(text);
    const byteChunks = (size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));
    const whole = await loadDataset([{ name, text }]);
    for (const size of [1, 3, 1000]) {
      const streamed = await loadDatasetStream([{ name, chunks: byteChunks(size) }]);
      expect(writeTriG(streamed), `bytes in chunks of ${size}`).toBe(writeTriG(whole));
    }
    const broken = new TextEncoder().encode("<http://a> <http://p> \"华为\" .\n<http://a> <http://p> 华 .");
    await expect(loadDatasetStream([{ name: "b.ttl", chunks: [broken.subarray(0, 25), broken.subarray(25)] }])).rejects.toThrow(exactError('b.ttl:2:23: Unexpected "华"'));
    await expect(loadDatasetStream([{ name: "c.ttl", chunks: [new Uint8Array([0x3c, 0xff, 0x3e])] }])).rejects.toThrow(/^c\.ttl: cannot be read: /);
  });

  it("reports the same error location as whole-string parsing", async () => {
    const { name, text } = fixture("broken.ttl");
    for (const size of [1, 3, 16, 4096]) {
      await expect(loadDatasetStream([{ name, chunks: slowly(text, size) }])).rejects.toThrow(exactError('tests/fixtures/rdf/broken.ttl:11:18: Undefined prefix "nope:"'));
    }
  });

  it("reports progress as characters arrive", async () => {
    const { name, text } = fixture("evidence.ttl");
    const progress: LoadProgress[] = [];
    await loadDatasetStream([{ name, chunks: chunksOf(text, 256) }], { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBe(Math.ceil(text.length / 256));
    const many = Array.from({ length: 40 }, (_, i) => `<http://example.org/s${i}> <http://example.org/p> ${i} .\n`).join("");
    const mixed: LoadProgress[] = [];
    await loadDatasetStream([{ name: "many.ttl", chunks: chunksOf(many, 300) }], { progressEvery: 7, onProgress: (p) => mixed.push(p) });
    // Reports by quad count and by chunk interleave, and the characters read never go back.
    expect(mixed.some((p) => p.quads % 7 === 0)).toBe(true);
    expect(mixed.map((p) => p.chars)).toEqual([...mixed.map((p) => p.chars)].sort((a, b) => a - b));
    expect(mixed.every((p) => p.chars > 0)).toBe(true);
    expect(progress.map((p) => p.chars)).toEqual([...progress.map((p) => p.chars)].sort((a, b) => a - b));
    expect(progress.at(-1)!.chars).toBe(text.length);
    expect(progress.at(-1)!.quads).toBeGreaterThan(20);
  });

  it("reports progress every `progressEvery` quads for string sources too", async () => {
    const progress: LoadProgress[] = [];
    const text = Array.from({ length: 25 }, (_, i) => `<http://example.org/s${i}> <http://example.org/p> ${i} .`).join("\n");
    await loadDataset([{ name: "n.ttl", text }], { progressEvery: 10, onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.quads)).toEqual([10, 20, 25]);
    // termChars: the distinct terms' keys, n3's id strings (subjects, the predicate, typed literals).
    const keys = ["http://example.org/p", ...Array.from({ length: 25 }, (_, i) => [`http://example.org/s${i}`, `"${i}"^^http://www.w3.org/2001/XMLSchema#integer`]).flat()];
    expect(progress.at(-1)).toEqual({ file: "n.ttl", quads: 25, chars: text.length, termChars: keys.join("").length });
  });

  it("rejects with the reader's error (naming the file) when a chunk source fails", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "<http://a> <http://b> ";
      throw new Error("disk on fire");
    }
    await expect(loadDatasetStream([{ name: "x.ttl", chunks: failing() }])).rejects.toThrow("x.ttl: cannot be read: disk on fire");
  });

  it("is all-or-nothing across several streamed files", async () => {
    const good = fixture("evidence.ttl"), bad = fixture("broken.ttl");
    await expect(loadDatasetStream([{ name: good.name, chunks: [good.text] }, { name: bad.name, chunks: chunksOf(bad.text, 10) }])).rejects.toThrow(RdfSyntaxError);
  });
});

describe("empty documents", () => {
  it("load as empty graphs, whole or streamed as text or bytes (W3C turtle-syntax-file-01)", async () => {
    for (const format of ["turtle", "ntriples", "nquads", "trig"] as const) {
      expect((await loadDataset([{ name: "e", text: "", format }])).size).toBe(0);
      expect((await loadDatasetStream([{ name: "e", chunks: [], format }])).size).toBe(0);
      expect((await loadDatasetStream([{ name: "e", chunks: [""], format }])).size).toBe(0);
      // A byte order mark and nothing else: the decoder drops it, so n3 is handed no text at all.
      expect((await loadDatasetStream([{ name: "e", chunks: [new Uint8Array([0xef, 0xbb, 0xbf])], format }])).size).toBe(0);
    }
  });

  it("add nothing to the files around them", async () => {
    const good = fixture("evidence.ttl");
    const alone = await loadDataset([good]);
    const dataset = await loadDatasetStream([{ name: "e1.ttl", chunks: [] }, { name: good.name, chunks: [good.text] }, { name: "e2.ttl", chunks: (async function* () {})() }]);
    expect(isomorphic(dataset, alone)).toBe(true);
    expect(dataset.prefixes).toEqual(alone.prefixes);
  });
});

describe("Dataset basics after loading", () => {
  it("an empty load is an empty dataset", async () => {
    const empty = await loadDataset([]);
    expect(empty).toBeInstanceOf(Dataset);
    expect(empty.size).toBe(0);
  });
});
