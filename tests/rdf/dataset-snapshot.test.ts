// A dataset stored as a snapshot and restored is the same dataset, and a damaged snapshot is refused, never half-restored.
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { DatasetBuilder } from "../../src/rdf/dataset.ts";
import { datasetFromSnapshot, datasetSnapshot } from "../../src/rdf/dataset-snapshot.ts";
import { loadDataset, parseInto } from "../../src/rdf/parse.ts";
import { writeNQuads, writeTurtle } from "../../src/rdf/serialize.ts";
import { fixturePath } from "../helpers/rdf.ts";

const names = ["evidence.ttl", "blank-nodes.ttl", "lists.ttl", "nasty.ttl"];
const load = () => loadDataset(names.map((name) => ({ name, text: readFileSync(fixturePath("rdf", name), "utf8") })));
/** Through v8's serializer, as the CLI's cache stores it. */
const storedAndRead = (value: unknown) => deserialize(serialize(value)) as unknown;

describe("dataset snapshots", () => {
  it("restores the same quads, prefixes and term lookups", async () => {
    const original = await load();
    const restored = datasetFromSnapshot(storedAndRead(datasetSnapshot(original)))!;
    expect(restored).toBeDefined();
    expect(writeNQuads(restored)).toBe(writeNQuads(original));
    expect(writeTurtle(restored)).toBe(writeTurtle(original));
    expect(restored.prefixes).toEqual(original.prefixes);
    for (let id = 0; id < original.terms.size; id++) expect(restored.terms.idOfKey(original.terms.key(id))).toBe(id);
  });

  it("keeps blank node labels of a later load distinct from the restored ones", async () => {
    const original = await load();
    const restored = datasetFromSnapshot(storedAndRead(datasetSnapshot(original)))!;
    const builder = new DatasetBuilder(restored);
    await parseInto(builder, { name: "more.ttl", text: "<http://example.org/a> <http://example.org/p> [ <http://example.org/q> 1 ] ." });
    const grown = builder.freeze();
    expect(grown.size).toBe(original.size + 2);
    // Every blank node of the original keeps its quads; the new one shares none of them.
    const blanks = (dataset: typeof grown) => new Set([...dataset.quads()].flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === "BlankNode").map((t) => t.value));
    expect(blanks(grown).size).toBe(blanks(original).size + 1);
  });

  it("refuses a snapshot of another format, with ids past its terms, or with columns of unequal length", async () => {
    const original = await load();
    const snapshot = () => storedAndRead(datasetSnapshot(original)) as ReturnType<typeof datasetSnapshot>;
    expect(datasetFromSnapshot({ ...snapshot(), format: 0 })).toBeUndefined();
    const pastTheTerms = snapshot();
    pastTheTerms.objects[0] = pastTheTerms.terms.keys.length;
    expect(datasetFromSnapshot(pastTheTerms)).toBeUndefined();
    const short = snapshot();
    expect(datasetFromSnapshot({ ...short, graphs: short.graphs.subarray(1) })).toBeUndefined();
    expect(datasetFromSnapshot("not a snapshot")).toBeUndefined();
    expect(datasetFromSnapshot(null)).toBeUndefined();
  });
});
