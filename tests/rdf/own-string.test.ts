// A streamed load keeps its terms, not the text they were read from: the term table holds copies of its own.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ownString } from "../../src/rdf/own-string.ts";
import { loadDatasetStream } from "../../src/rdf/parse.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap in use after two full collections, bytes. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("ownString", () => {
  it("copies the characters, surrogate pairs and all", () => {
    const chunk = `<https://example.org/a> <https://example.org/p> "caf\u00e9 \u{1F600} \u4E2D" .`.repeat(3);
    const cut = chunk.slice(1, 23);
    expect(ownString(cut)).toBe("https://example.org/a>");
    expect(ownString(chunk)).toBe(chunk);
    expect(ownString("")).toBe("");
  });

  it("returns text a UTF-8 round trip would change (a lone surrogate) as it is", () => {
    const lone = "https://example.org/\uD800x";
    expect(ownString(lone)).toBe(lone);
  });
});

describe("a streamed load and the text it read", () => {
  it("does not keep the chunks alive through the terms cut from them", async () => {
    // 200 chunks of 100,000 characters, each with one new <IRI> (n3 cuts it out of the chunk as a slice) and a
    // long literal that is the same in every chunk, so only the IRIs are new terms.
    const padding = "x".repeat(100_000);
    const chunks = Array.from({ length: 200 }, (_, i) => `<https://example.org/resource/item-number-${i}> <https://example.org/p> "${padding}" .\n`);
    const text = chunks.join("").length;
    const before = heapAfterGc();
    const dataset = await loadDatasetStream([{ name: "chunks.nt", format: "ntriples", chunks: (function* () {
      // Fresh strings, so nothing but the load can hold them.
      for (const chunk of chunks) yield (" " + chunk).slice(1).split("").join("");
    })() }]);
    const retained = heapAfterGc() - before;
    expect(dataset.size).toBe(200);
    // Before: every chunk stayed (over 20 MB); now about the one padding literal and 200 short IRIs.
    expect(retained).toBeLessThan(text / 10);
  });
});
