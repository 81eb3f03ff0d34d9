// The pages the source reader shows: form feeds where the text has them, the brief's printed layout, else a note that there are none.
import { briefPages, pagesOf as pagesInRanges } from "../query/brief-pages.ts";
import { pageStarts, pagesOf } from "../query/source-text.ts";
import type { AuthoredSource } from "./authoring-protocol.ts";

/** The bundled brief's cleaned text, whose printed pages are kept as a reviewed layout, not as page breaks. */
const BRIEF_TEXT = "sources/euiss-brief-2020-10.txt";

/** Where each page's part of the text starts (in text order; a page may come back), and what the reader says about it. */
export interface ReaderPages {
  parts: { start: number; page: number }[];
  note: string;
}

/**
 * Pages as honestly as the text allows. A text with form feeds (a PDF read page by page) has its own breaks. The
 * brief's cleaned text has none (its seed extraction had none either), but its printed layout is kept as text
 * ranges (query/brief-pages.ts) that every brief quote's kg:page is tested against: shown as such, in reading order,
 * so a box interrupts a page and the page comes back after it. Any other text is shown as one, with a note.
 */
export function readerPages(source: AuthoredSource): ReaderPages {
  const starts = pageStarts(source.text);
  if (starts.length > 1) return { parts: starts.map((start, i) => ({ start, page: i + 1 })), note: `${starts.length} pages` };
  if (source.textPath === BRIEF_TEXT) {
    try {
      const ranges = briefPages(source.text);
      const printed = new Set(ranges.map((r) => r.page)).size;
      return {
        parts: ranges.map((r) => ({ start: r.start, page: r.page })),
        note: `${printed} printed pages, from the brief's layout: the text follows reading order, so boxes interrupt pages and a page resumes after them`,
      };
    } catch {
      // The text no longer has the layout's anchors: no pages rather than wrong ones.
    }
  }
  // A PDF is read page by page, so one without a break has one page.
  if (source.format === "application/pdf") return { parts: [{ start: 0, page: 0 }], note: "1 page" };
  return { parts: [{ start: 0, page: 0 }], note: "the extracted text has no page breaks: each evidence names its page and section (locator)" };
}

/**
 * The pages a span of the source's text lies on: by its form feeds, or for the brief by its printed layout (as its
 * bundled evidence states them, so a relation authored from the brief carries kg:page like those); none otherwise.
 */
export function pagesAt(source: Pick<AuthoredSource, "text" | "textPath">, start: number, end: number): number[] {
  if (source.textPath === BRIEF_TEXT && !source.text.includes("\f")) {
    try {
      return pagesInRanges(briefPages(source.text), start, end);
    } catch {
      return [];
    }
  }
  return pagesOf(source.text, start, end);
}
