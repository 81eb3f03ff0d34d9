// The printed pages of the cleaned brief, as character ranges: evidence's kg:page is checked against them, and the source reader shows them.

/** A page and where it starts: `line` of the cleaned text (1-based), and within it the first `at` (absent: line start). */
interface PageStart {
  page: number;
  line: number;
  at?: string;
}

// The cleaned text follows the reading order, which is not the page order: the Summary box (p. 1) follows the first
// paragraph, whose end is on p. 2; the diagram and the box with its table (p. 3) interrupt a sentence of p. 2 and p. 4.
const LAYOUT: readonly PageStart[] = [
  { page: 1, line: 1 },
  { page: 2, line: 9, at: "derivative, the ‘Digital Silk Road’" },
  { page: 1, line: 10 },
  { page: 2, line: 14 },
  { page: 4, line: 20, at: "2008-2009 crisis (4 trillion RMB" },
  { page: 3, line: 21 },
  { page: 4, line: 61 },
  { page: 3, line: 67 },
];

export interface PageRange {
  page: number;
  start: number;
  end: number;
}

/** The page ranges of the brief's cleaned text, in text order; throws if the text no longer has the layout's anchors. */
export function briefPages(text: string): PageRange[] {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const starts = LAYOUT.map(({ page, line, at }) => {
    const from = lineStarts[line - 1];
    if (from === undefined) throw new Error(`brief-pages: the text has no line ${line}`);
    if (at === undefined) return { page, start: from };
    const found = text.indexOf(at, from);
    if (found < 0 || found >= (lineStarts[line] ?? text.length)) throw new Error(`brief-pages: line ${line} has no "${at}"`);
    return { page, start: found };
  });
  return starts.map((s, i) => ({ ...s, end: starts[i + 1]?.start ?? text.length }));
}

/** The pages a span of the text lies on, ascending. */
export function pagesOf(ranges: readonly PageRange[], start: number, end: number): number[] {
  const pages = ranges.filter((r) => start < r.end && end > r.start).map((r) => r.page);
  return [...new Set(pages)].sort((a, b) => a - b);
}
