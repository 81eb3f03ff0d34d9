// The page's record of the data loaded: session sources without text, the analyst's files as Blobs, endpoint answers.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/session/sha256.ts";
import { DataSources } from "../../src/workbench/data-sources.ts";

const turtle = '<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n';
const other = '<https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> "B" .\n';

describe("the data sources of the page", () => {
  it("lists bundled data by hash, and the analyst's files by hash without text, keeping each file's Blob", async () => {
    const sources = new DataSources();
    sources.loaded([{ name: "graph-data/entities.ttl", sha256: sha256Hex("bundled") }], [], true);
    expect(sources.list()).toEqual([{ name: "graph-data/entities.ttl", sha256: sha256Hex("bundled"), kind: "bundled", format: "turtle" }]);

    const picked = new Blob([turtle]);
    sources.loaded([{ name: "mine.ttl", sha256: sha256Hex(turtle) }], [{ name: "mine.ttl", file: picked, format: "turtle" }], false);
    expect(sources.list().map((s) => [s.kind, s.name, s.content])).toEqual([
      ["bundled", "graph-data/entities.ttl", undefined],
      ["file", "mine.ttl", undefined],
    ]);
    expect(sources.fileOf(sha256Hex(turtle))).toBe(picked);

    // Text a session file carried becomes a Blob of that text.
    sources.loaded([{ name: "carried.ttl", sha256: sha256Hex(other) }], [{ name: "carried.ttl", text: other, format: "turtle" }], true);
    expect(sources.list().map((s) => s.name)).toEqual(["carried.ttl"]);
    expect(await sources.fileOf(sha256Hex(other))?.text()).toBe(other);
    // Replaced data keeps its file: opening a session may have to put it back.
    expect(sources.fileOf(sha256Hex(turtle))).toBe(picked);
  });

  it("keeps an endpoint's answers as one growing N-Triples source, one per endpoint", async () => {
    const sources = new DataSources();
    sources.endpointAnswered("https://sparql.example.org/sparql", turtle);
    sources.endpointAnswered("https://sparql.example.org/sparql", other);
    sources.endpointAnswered("https://other.example.org/sparql", other);
    const list = sources.list();
    expect(list.map((s) => [s.name, s.kind, s.format])).toEqual([
      ["https://sparql.example.org/sparql answers.nt", "file", "ntriples"],
      ["https://other.example.org/sparql answers.nt", "file", "ntriples"],
    ]);
    expect(list[0].sha256).toBe(sha256Hex(turtle + other));
    expect(await sources.fileOf(list[0].sha256)?.text()).toBe(turtle + other);

    // Once a load replaced the data, earlier answers are not part of it: the next answer starts a new source.
    sources.loaded([{ name: "graph-data/entities.ttl", sha256: sha256Hex("bundled") }], [], true);
    sources.endpointAnswered("https://sparql.example.org/sparql", other);
    expect(sources.list().map((s) => [s.name, s.sha256])).toEqual([
      ["graph-data/entities.ttl", sha256Hex("bundled")],
      ["https://sparql.example.org/sparql answers.nt", sha256Hex(other)],
    ]);
  });

  it("hands the worker each file source's carried text, else its kept Blob, with the hash to check, and says which one has neither", () => {
    const sources = new DataSources();
    const own = new Blob([turtle]);
    sources.loaded([{ name: "mine.ttl", sha256: sha256Hex(turtle) }], [{ name: "mine.ttl", file: own }], true);
    const fromStore = new Blob([other]);
    const session = [
      { name: "graph-data/entities.ttl", sha256: sha256Hex("bundled"), kind: "bundled" as const },
      { name: "carried.ttl", sha256: sha256Hex("x"), kind: "file" as const, content: "x" },
      { name: "mine.ttl", sha256: sha256Hex(turtle), kind: "file" as const },
      { name: "stored.ttl", sha256: sha256Hex(other), kind: "file" as const },
    ];
    expect(sources.incoming(session, new Map([[sha256Hex(other), fromStore]]))).toEqual([
      { name: "carried.ttl", text: "x", format: undefined, expect: { sha256: sha256Hex("x"), at: "sources[1]" } },
      { name: "mine.ttl", file: own, format: undefined, expect: { sha256: sha256Hex(turtle), at: "sources[2]" } },
      { name: "stored.ttl", file: fromStore, format: undefined, expect: { sha256: sha256Hex(other), at: "sources[3]" } },
    ]);
    expect(() => sources.incoming(session)).toThrow('workbench: sources[3]: "stored.ttl" has neither its text nor a kept copy.');
  });
});
