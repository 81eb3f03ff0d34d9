// The source reader's pages: a PDF's form feeds, the brief's printed layout (reading order, pages resuming), else a note.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pagesAt, readerPages } from "../../src/workbench/source-pages.ts";
import type { AuthoredSource } from "../../src/workbench/authoring-protocol.ts";
import { pagesOf } from "../../src/query/source-text.ts";
import { repoRoot } from "../session/fixtures.ts";

const source = (textPath: string, text: string, format?: string): AuthoredSource => ({ iri: "https://w3id.org/smartcity-kg/resource/x", title: "x", authors: [], textPath, text, format });
const brief = readFileSync(join(repoRoot, "graph-data", "sources", "euiss-brief-2020-10.txt"), "utf8");

describe("readerPages", () => {
  it("a text with form feeds has its own pages", () => {
    const pages = readerPages(source("sources/source-x.txt", "one\ftwo\fthree", "application/pdf"));
    expect(pages.parts).toEqual([{ start: 0, page: 1 }, { start: 4, page: 2 }, { start: 8, page: 3 }]);
    expect(pages.note).toBe("3 pages");
  });

  it("the brief, whose text has no page breaks, shows its printed layout in reading order: a box interrupts a page", () => {
    expect(brief).not.toContain("\f");
    const pages = readerPages(source("sources/euiss-brief-2020-10.txt", brief));
    expect(pages.parts.map((p) => p.page)).toEqual([1, 2, 1, 2, 4, 3, 4, 3]);
    expect(pages.note).toMatch(/^4 printed pages, from the brief's layout/);
    // Known places: the Summary box is on p. 1 after the introduction's p. 2 start; the table's box on p. 3.
    const pageAt = (quote: string) => {
      const at = brief.indexOf(quote);
      return pages.parts.filter((p) => p.start <= at).at(-1)!.page;
    };
    expect(pageAt("following the 2008-2009 crisis (4 trillion RMB")).toBe(2);
    expect(pageAt("2008-2009 crisis (4 trillion RMB")).toBe(4);
    expect(pageAt("Some governments already appear interested in China’s infra")).toBe(4);
  });

  it("the brief's layout is not applied to another text, nor to the brief's text once it has changed", () => {
    expect(readerPages(source("sources/source-other.txt", brief)).note).toMatch(/^the extracted text has no page breaks/);
    const changed = readerPages(source("sources/euiss-brief-2020-10.txt", brief.replace("derivative, the ‘Digital Silk Road’", "derivative")));
    expect(changed.parts).toEqual([{ start: 0, page: 0 }]);
    expect(changed.note).toMatch(/no page breaks/);
    expect(pagesOf("plain", 0, 3)).toEqual([]);
  });

  it("a one-page PDF says so", () => {
    expect(readerPages(source("sources/source-y.txt", "one page only", "application/pdf")).note).toBe("1 page");
  });

  it("a span's pages: the brief's as its bundled evidence states them (kg:page), a PDF's by form feeds, none for other texts", () => {
    const brief1 = { text: brief, textPath: "sources/euiss-brief-2020-10.txt" };
    const at = (quote: string) => {
      const start = brief.indexOf(quote);
      return pagesAt(brief1, start, start + quote.length);
    };
    // graph-data: "as well as its derivative" kg:page 1, 2; "that it did following the 2008-2009 crisis" kg:page 2, 4.
    expect(at("as well as its derivative")).toEqual([1, 2]);
    expect(at("that it did following the 2008-2009 crisis")).toEqual([2, 4]);
    expect(at("Huawei has donated video conference equipment to the Kenyan government")).toEqual([2]);
    expect(pagesAt({ text: "one\ftwo", textPath: "sources/source-x.txt" }, 4, 7)).toEqual([2]);
    expect(pagesAt({ text: brief, textPath: "sources/source-copy.txt" }, 0, 10)).toEqual([]);
  });
});
