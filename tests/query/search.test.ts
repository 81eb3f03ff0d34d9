// Label search ranking: exact, prefix, word-prefix and fuzzy matches over labels and alt labels.
import { describe, expect, it } from "vitest";
import { buildSearchIndex, searchLabels } from "../../src/query/search.ts";
import { loadNetwork } from "./network.ts";

describe("searchLabels", async () => {
  const g = await loadNetwork();
  const index = buildSearchIndex(g);
  const search = (text: string, limit?: number) => searchLabels(index, text, { limit });

  it("ranks an exact match first, then prefixes, then word prefixes", () => {
    const hits = search("china");
    expect(hits[0]).toMatchObject({ label: "China", kind: "exact" });
    const kinds = hits.map((h) => h.kind);
    expect(kinds.indexOf("word")).toBeGreaterThan(kinds.lastIndexOf("exact"));
    expect(hits.map((h) => h.label)).toContain("Cyberspace Administration of China");
    expect(hits.find((h) => h.label === "Cyberspace Administration of China")!.kind).toBe("word");
  });

  it("matches prefixes while typing", () => {
    expect(search("hua")[0]).toMatchObject({ label: "Huawei", kind: "prefix" });
    expect(search("Nair").map((h) => h.label).slice(0, 2).sort()).toEqual(["Nairobi", "Nairobi Safe City"]);
  });

  it("matches a later word of a label", () => {
    const hits = search("silk ro");
    expect(hits[0]).toMatchObject({ label: "Digital Silk Road", kind: "word" });
  });

  it("matches alt labels and reports what matched", () => {
    expect(search("kenyan gov")[0]).toMatchObject({ label: "Government of Kenya", matched: "Kenyan government", kind: "prefix" });
    expect(search("DSR")[0]).toMatchObject({ label: "Digital Silk Road", matched: "DSR", kind: "exact" });
  });

  it("ignores accents and case", () => {
    expect(search("ZURICH")[0]).toMatchObject({ label: "Zürich", kind: "exact" });
  });

  it("tolerates typos", () => {
    expect(search("Hauwei")[0]).toMatchObject({ label: "Huawei", kind: "fuzzy" });
    expect(search("hikvison")[0]).toMatchObject({ label: "Hikvision", kind: "fuzzy" });
    expect(search("digtal silk")[0]).toMatchObject({ label: "Digital Silk Road", kind: "fuzzy" });
  });

  it("returns one hit per node, at most `limit`, best first", () => {
    const hits = search("a", 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    const all = search("huawei", 50);
    expect(new Set(all.map((h) => h.node)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
  });

  it("ranks an entity above a class of the same name", () => {
    const hits = search("forum");
    expect(hits[0]).toMatchObject({ label: "Forum", kind: "exact" });
    expect(g.isSchema(hits[0].node)).toBe(false);
    expect(hits[1]).toMatchObject({ label: "forum", kind: "exact" });
  });

  it("can leave schema nodes out", () => {
    expect(search("company").map((h) => h.label)).toContain("company");
    expect(searchLabels(index, "company", { includeSchema: false }).map((h) => h.label)).not.toContain("company");
  });

  it("finds nothing for nothing", () => {
    expect(search("")).toEqual([]);
    expect(search("   ")).toEqual([]);
    expect(search("zzzzzzzz")).toEqual([]);
  });
});
