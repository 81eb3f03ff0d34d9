// The errors a failed RDF load rejects with: a syntax error at its file:line:column, or a file that could not be read.

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

/** A source that could not be read (an I/O error, a stream that failed): the file and the reader's reason. */
export class RdfReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: cannot be read: ${reason}`);
    this.name = "RdfReadError";
  }
}
