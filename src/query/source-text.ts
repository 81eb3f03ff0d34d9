// Places in a source's text: pages (form feeds), sentences, a quote's context and occurrences, the section heading above.

/** Characters of context kept on each side of a quote (docs/data-model.md: oa:prefix / oa:suffix). */
export const CONTEXT_CHARS = 24;

/**
 * The page of a character offset: a source's text separates pages with a form feed (U+000C), as pdftotext and this
 * project's PDF reader write them, so page n is the text after the (n-1)th form feed. Undefined when the text has
 * none (a page-less source such as a web page or the brief's cleaned text, whose pages its evidence states).
 */
export function pageAt(text: string, offset: number): number | undefined {
  if (!text.includes("\f")) return undefined;
  let page = 1;
  for (let i = text.indexOf("\f"); i >= 0 && i < offset; i = text.indexOf("\f", i + 1)) page++;
  return page;
}

/** Every page a span touches, ascending (one page, or two when it crosses a page break). */
export function pagesOf(text: string, start: number, end: number): number[] {
  const first = pageAt(text, start);
  if (first === undefined) return [];
  const last = pageAt(text, Math.max(start, end - 1)) ?? first;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** How many pages the text has (0 for a page-less text). */
export function pageCount(text: string): number {
  return text.includes("\f") ? text.split("\f").length : 0;
}

/** Where each page starts (offset of its first character), for a viewer that shows pages. */
export function pageStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\f"); i >= 0; i = text.indexOf("\f", i + 1)) starts.push(i + 1);
  return starts;
}

export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/** The text just before and after a span, CONTEXT_CHARS each (shorter at the text's ends). */
export function quoteContext(text: string, start: number, end: number): QuoteContext {
  return { prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) };
}

/** The start offsets of every occurrence of `quote` in `text` (overlapping ones too). */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/** The length of the longest prefix of `quote` found in `text`: the quote check's, so both say the same. */
export { longestPrefixIn } from "../rdf/validate-quotes.ts";

/**
 * The section heading a span lies under: the nearest line above it that reads as a heading (short, not ending a
 * sentence or a clause), else undefined. Evidence needs a kg:locator; for sources without marked-up headings this is
 * a guess the analyst can override.
 */
export function headingAbove(text: string, offset: number): string | undefined {
  const lastBreak = (before: number) => Math.max(text.lastIndexOf("\n", before), text.lastIndexOf("\f", before));
  // Start with the line before the one holding the offset.
  let lineEnd = lastBreak(offset - 1);
  while (lineEnd > 0) {
    const lineStart = lastBreak(lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line.length >= 3 && line.length <= 80 && !/[.,;:!?]$/.test(line) && /\p{L}/u.test(line)) return line;
    lineEnd = lineStart - 1;
  }
  return undefined;
}

export interface Sentence {
  start: number;
  end: number;
}

/**
 * Sentences of the text: split at line and page breaks, and after . ! ? (with a closing quote or bracket) followed by
 * a space and a capital, digit or opening quote. Leading and trailing spaces are left out of each span.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
  };
  const boundary = /[\n\f]+|(?<=[.!?][”’")\]]?)\s+(?=[“‘"(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return out;
}
