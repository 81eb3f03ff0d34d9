// Reads a CSV file's rows through the W3C CSVW parser (@zazuko/rdf-parser-csvw) as the metadata describes them: row numbers and cells by column name.
import type * as RDF from "@rdfjs/types";
import { Readable } from "node:stream";
import CsvwParser from "@zazuko/rdf-parser-csvw";
import type { TableMetadata } from "./csvw-metadata.ts";

const csvwNs = "http://www.w3.org/ns/csvw#";

export interface CsvRow {
  /** csvw:rownum: the data row's number, 1 for the first row after the header. */
  rownum: number;
  /** The line of the file the row ends on (csvw:url's #row=). */
  line: number;
  /** Cell values by column name, as the parser gives them (null cells and suppressed columns absent). */
  cells: Map<string, string>;
}

/**
 * The parser looks cells up by their header text, so the cells of an unnamed column (empty header) would all share
 * one key and overwrite each other; CSVW names such a column _col.N, and the metadata describes it by that name, so
 * the empty header cells are given that name before parsing. Nothing else in the text changes.
 */
export function nameUnnamedColumns(text: string, table: TableMetadata): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const cells = splitHeader(header, table.delimiter);
  if (!cells.some((cell) => cell === "")) return text;
  const named = cells.map((cell, i) => {
    if (cell !== "") return cell;
    const column = table.columns[i];
    if (column && column.title === "") return column.name;
    return `_col.${i + 1}`;
  });
  return named.join(table.delimiter) + (end < 0 ? "" : text.slice(end));
}

/** Header cells as written (quoted cells keep their quotes: only the empty ones are replaced). */
function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Every row of the CSV text, parsed by the CSVW parser with the table's metadata. */
export async function readRows(text: string, table: TableMetadata): Promise<CsvRow[]> {
  const parser = new CsvwParser({ metadata: table.dataset as never, baseIRI: table.url });
  const stream = parser.import(Readable.from([nameUnnamedColumns(text.replace(/^\uFEFF/, ""), table)]) as never);
  const quads: RDF.Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (quad: RDF.Quad) => quads.push(quad));
    stream.on("error", reject);
    stream.on("end", () => resolve());
  });
  const columnByProperty = new Map(table.columns.map((c) => [`${table.url}#${encodeURIComponent(c.name)}`, c.name]));
  const rowsByNode = new Map<string, CsvRow>();
  const rowByDescribed = new Map<string, CsvRow>();
  const rowOf = (node: string) => {
    let row = rowsByNode.get(node);
    if (!row) rowsByNode.set(node, (row = { rownum: 0, line: 0, cells: new Map() }));
    return row;
  };
  for (const quad of quads) {
    const p = quad.predicate.value;
    if (p === `${csvwNs}describes`) rowByDescribed.set(quad.object.value, rowOf(quad.subject.value));
    else if (p === `${csvwNs}rownum`) rowOf(quad.subject.value).rownum = Number(quad.object.value);
    else if (p === `${csvwNs}url` && quad.object.value.includes("#row=")) rowOf(quad.subject.value).line = Number(quad.object.value.split("#row=")[1]);
  }
  for (const quad of quads) {
    const row = rowByDescribed.get(quad.subject.value);
    const column = columnByProperty.get(quad.predicate.value);
    if (row && column !== undefined && quad.object.termType === "Literal") row.cells.set(column, quad.object.value);
  }
  return [...rowsByNode.values()].sort((a, b) => a.rownum - b.rownum);
}
