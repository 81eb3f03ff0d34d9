// CSV text (RFC 4180) from rows of cells: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF.

/**
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe: data
 * from RDF files must not become code in the analyst's spreadsheet, as labels never become markup on the page.
 * Numbers stay as they are.
 */
function neutralise(cell: string | number): string {
  if (typeof cell === "number") return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function field(cell: string | number): string {
  const text = neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV, the header first; every line ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(field).join(",")}\r\n`).join("");
}
