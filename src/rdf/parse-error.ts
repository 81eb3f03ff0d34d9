// The error a failed RDF load rejects with: the file, line and column of the first syntax error, and what is wrong there.

/**
 * A syntax error at a place in a named file. `line` and `column` are 1-based; columns count UTF-16 code
 * units (a tab is one column) from the start of the line, not counting a byte order mark.
 */
export class RdfSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = "RdfSyntaxError";
  }
}
