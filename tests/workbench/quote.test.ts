// Locating evidence quotes in the bundled cleaned source texts, exactly or despite whitespace and typographic quotes.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { locateQuote } from "../../src/workbench/quote.ts";

const SOURCES = resolve(import.meta.dirname, "../../graph-data/sources");
const brief = readFileSync(resolve(SOURCES, "euiss-brief-2020-10.txt"), "utf8");

describe("locateQuote", () => {
  it("finds an exact quote where it is", () => {
    const quote = "China has made the smart city part of its national development strategy";
    const span = locateQuote(brief, quote)!;
    expect(brief.slice(span.start, span.end)).toBe(quote);
  });

  it("finds a quote whose spaces, line breaks, case and quote marks differ", () => {
    const span = locateQuote(brief, "the 'Belt & Road Initiative'   (BRI)")!;
    expect(span).not.toBeNull();
    expect(brief.slice(span.start, span.end)).toBe("the ‘Belt & Road Initiative’ (BRI)");
  });

  it("says null when the quote is not in the text", () => {
    expect(locateQuote(brief, "a sentence the brief never wrote")).toBeNull();
    expect(locateQuote(brief, "")).toBeNull();
  });

  it("finds every quote of the bundled graph data in some source text", () => {
    const texts = readdirSync(SOURCES).map((name) => readFileSync(resolve(SOURCES, name), "utf8"));
    const dataDir = resolve(SOURCES, "..");
    const quotes = readdirSync(dataDir)
      .filter((name) => name.endsWith(".ttl"))
      .flatMap((name) => [...readFileSync(resolve(dataDir, name), "utf8").matchAll(/oa:exact "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string));
    expect(quotes.length).toBeGreaterThan(10);
    const missing = quotes.filter((quote) => !texts.some((text) => locateQuote(text, quote)));
    expect(missing).toEqual([]);
  });
});
