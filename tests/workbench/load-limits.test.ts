// The data worker's load limits: a load past them fails with the limit named and the data before kept; the address can only lower them.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DataService, describeFailure } from "../../src/workbench/data-service.ts";
import { LOAD_LIMITS, LoadLimitExceeded, loadLimitsFrom } from "../../src/workbench/load-limits.ts";
import { generateTurtle } from "../../bench/generate.ts";

const mini = { name: "mini.ttl", text: readFileSync(resolve(import.meta.dirname, "../fixtures/workbench/mini.ttl"), "utf8") };

/** A generated file as a streamed source of 4,096-character pieces, as the worker reads a picked file. */
function streamed(name: string, triples: number, seed = 11) {
  const text = generateTurtle({ triples, seed }).text;
  let read = 0;
  const chunks = function* () {
    for (let at = 0; at < text.length; at += 4096) {
      read = Math.min(text.length, at + 4096);
      yield text.slice(at, at + 4096);
    }
  };
  return { name, size: text.length, read: () => read, chunks: { [Symbol.iterator]: chunks } };
}

describe("DataService load limits", () => {
  it("stops a load whose triples, with those held, pass the limit; the data before stays", async () => {
    const service = new DataService();
    await service.load([mini], true);
    const before = service.summary();
    const limits = { triples: before.quads + 5_000, termChars: LOAD_LIMITS.termChars };
    const failure = await service.load([streamed("big.ttl", 20_000)], false, undefined, undefined, limits).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LoadLimitExceeded);
    const message = describeFailure(failure).message;
    expect(message).toMatch(/^workbench\/data: big\.ttl: stopped after [\d,]+ triples: the workbench holds at most [\d,]+ triples in a browser tab, counting the [\d,]+ triples loaded now/);
    expect(message).toContain(`at most ${limits.triples.toLocaleString("en")} triples`);
    expect(service.summary()).toEqual(before);
    // Within the limit the same service loads more.
    await service.load([streamed("small.ttl", 3_000)], false, undefined, undefined, limits);
    expect(service.summary().quads).toBeGreaterThan(before.quads);
  });

  it("counts the graph held until a replacing load is done, and the characters of the terms kept", async () => {
    const service = new DataService();
    await service.load([streamed("first.ttl", 4_000)], true);
    const held = service.summary().quads;
    // Alone the file fits; with the graph held during the load it does not.
    const limits = { triples: held + 2_000, termChars: LOAD_LIMITS.termChars };
    await expect(service.load([streamed("second.ttl", 4_000)], true, undefined, undefined, limits)).rejects.toThrow(/counting the [\d,]+ triples loaded now/);
    // The characters of terms a second file brings, counted on a service of its own.
    const probe = new DataService();
    await probe.load([streamed("first.ttl", 4_000)], true);
    await probe.load([streamed("second.ttl", 3_000, 12)], false);
    const needed = probe.loaded!.dataset.terms.chars;
    const refused = await service.load([streamed("second.ttl", 3_000, 12)], false, undefined, undefined, { triples: LOAD_LIMITS.triples, termChars: needed - 1 }).catch((e: unknown) => e);
    expect(describeFailure(refused).message).toMatch(/second\.ttl: stopped after [\d,]+ triples: the workbench holds at most [\d,]+ characters of distinct IRIs and literals in a browser tab/);
    expect(service.summary().quads).toBe(held);
    await service.load([streamed("second.ttl", 3_000, 12)], false, undefined, undefined, { triples: LOAD_LIMITS.triples, termChars: needed });
    expect(service.summary().quads).toBe(probe.summary().quads);
  });

  it("takes lower limits from the page's address, never higher ones", () => {
    expect(loadLimitsFrom("?maxTriples=1000&maxTermChars=5000")).toEqual({ triples: 1000, termChars: 5000 });
    expect(loadLimitsFrom(`?maxTriples=${LOAD_LIMITS.triples * 10}`)).toEqual(LOAD_LIMITS);
    expect(loadLimitsFrom("?maxTriples=abc&maxTermChars=-3")).toEqual(LOAD_LIMITS);
    expect(loadLimitsFrom("")).toEqual(LOAD_LIMITS);
  });
});
