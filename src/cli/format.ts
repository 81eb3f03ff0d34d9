// Small text helpers for the CLI's human-readable output: CURIEs, aligned tables, wrapped quotes.
import { visibleCell } from "./visible.ts";

/** `prefix:local` for an IRI under one of the prefixes, else `<iri>`; blank nodes stay `_:x` (one home: rdf/curie.ts). */
export { curie } from "../rdf/curie.ts";

/** Rows of cells as left-aligned columns (the last column is not padded); controls in cells are escaped first, so columns stay aligned. */
export function table(cells: readonly (readonly string[])[], indent = "  "): string {
  if (cells.length === 0) return "";
  const rows = cells.map((row) => row.map(visibleCell));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length))).join("  ").trimEnd())
    .join("\n");
}

/** Wraps text to `width` columns, each line prefixed by `indent`. */
export function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${thousands(count)} ${count === 1 ? singular : pluralForm}`;
}

/** 12,345 as en-US writes it, without Intl for whole numbers: its first use costs 25-60 ms of a command's start. */
export function thousands(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : n.toLocaleString("en-US");
}
