// The term table and its string index: one id per distinct term, exact under hash collisions, copies independent.
import { describe, expect, it } from "vitest";
import { DataFactory } from "n3";
import { hashString, StringIndex } from "../../src/rdf/string-index.ts";
import { TermTable } from "../../src/rdf/terms.ts";

const { namedNode, literal, blankNode } = DataFactory;

describe("StringIndex", () => {
  it("gives every distinct key its own id across many growths, and finds each again", () => {
    const keys: string[] = [];
    const index = new StringIndex(keys, 4);
    const wanted = Array.from({ length: 50_000 }, (_, i) => `https://example.org/resource/item-${i}`);
    for (const key of wanted) {
      const id = index.getOrAdd(key, keys.length);
      expect(id).toBe(keys.length);
      keys.push(key);
    }
    // Fresh string objects (not the stored ones), so equality is by content.
    for (let i = 0; i < wanted.length; i += 997) expect(index.get(`https://example.org/resource/item-${i}`)).toBe(i);
    expect(index.get("https://example.org/resource/item-50000")).toBe(-1);
  });

  it("keeps long keys apart that agree on every sampled unit (hash collisions)", () => {
    // Same length, head and tail; they differ only at an unsampled position in the middle.
    const head = "x".repeat(32), tail = "y".repeat(48);
    const make = (c: string) => `${head}a${c}${"a".repeat(22)}${tail}`;
    const a = make("1"), b = make("2");
    expect(hashString(a)).toBe(hashString(b));
    const keys: string[] = [];
    const index = new StringIndex(keys);
    for (const key of [a, b]) {
      index.getOrAdd(key, keys.length);
      keys.push(key);
    }
    expect(index.get(make("1"))).toBe(0);
    expect(index.get(make("2"))).toBe(1);
    expect(index.get(make("3"))).toBe(-1);
  });

  it("hashes typed literals that differ only in their lexical form apart", () => {
    const stamps = Array.from({ length: 1000 }, (_, i) => `"2020-01-15T10:${String(i % 60).padStart(2, "0")}:${String(Math.floor(i / 60)).padStart(2, "0")}Z"^^http://www.w3.org/2001/XMLSchema#dateTime`);
    expect(new Set(stamps.map(hashString)).size).toBe(stamps.length);
  });
});

describe("TermTable", () => {
  it("interns equal terms to one id and tells kinds and values back", () => {
    const table = new TermTable();
    const huawei = table.intern(namedNode("https://w3id.org/smartcity-kg/resource/huawei"));
    const label = table.intern(literal("Huawei", "en"));
    expect(table.intern(namedNode("https://w3id.org/smartcity-kg/resource/huawei"))).toBe(huawei);
    expect(table.intern(literal("Huawei", "en"))).toBe(label);
    expect(table.intern(literal("Huawei"))).not.toBe(label);
    expect(table.kind(huawei)).toBe("NamedNode");
    expect(table.value(label)).toBe("Huawei");
    expect(table.language(label)).toBe("en");
    expect(table.iriId("https://w3id.org/smartcity-kg/resource/huawei")).toBe(huawei);
    expect(table.iriId("https://w3id.org/smartcity-kg/resource/dahua")).toBe(-1);
  });

  it("clones into an independent table that keeps ids and fresh blank labels distinct", () => {
    const table = new TermTable();
    const kenya = table.intern(namedNode("https://w3id.org/smartcity-kg/resource/kenya"));
    const blank = table.freshBlank();
    const copy = table.clone();
    expect(copy.iriId("https://w3id.org/smartcity-kg/resource/kenya")).toBe(kenya);
    const added = copy.intern(namedNode("https://w3id.org/smartcity-kg/resource/nairobi"));
    expect(copy.iriId("https://w3id.org/smartcity-kg/resource/nairobi")).toBe(added);
    expect(table.iriId("https://w3id.org/smartcity-kg/resource/nairobi")).toBe(-1);
    expect(table.size).toBe(copy.size - 1);
    const laterBlank = copy.freshBlank();
    expect(copy.key(laterBlank)).not.toBe(copy.key(blank));
    expect(copy.idOf(blankNode(copy.key(blank).slice(2)))).toBe(blank);
  });
});
