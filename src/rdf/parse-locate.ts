// Places n3's syntax errors exactly: a lexer that knows where its buffer starts, and the error message rewritten as file:line:column.
import { Lexer } from "n3";
import { RdfSyntaxError } from "./parse-error.ts";
import { isAbsoluteIri } from "./iri.ts";

interface N3Token {
  line: number;
  value?: string;
  start?: number;
  end?: number;
  endLine?: number;
}
interface N3ErrorContext {
  token?: N3Token;
  line?: number;
  previousToken?: N3Token;
}
interface LexerInternals {
  _line: number;
  _linePosition: number;
  _input: string | null | undefined;
  previousToken?: N3Token;
  _tryTokenizeToEnd(callback: unknown, inputFinished: boolean): void;
  _syntaxError(issue: string | null, message?: string): Error;
}

/**
 * An n3 Lexer that remembers where its current buffer starts, so that a lexical error (which n3 reports
 * with a line but no column) can be placed exactly, also when the input arrives in chunks.
 */
export class LocatingLexer extends Lexer {
  private bufferLine = 1;
  private bufferColumn = 0;
  private buffer = "";
  private sawBom = false;
  private started = false;
  /** The exact place of the last lexical error, 1-based, or undefined. */
  errorAt?: { line: number; column: number };

  /** Columns without the byte order mark, which n3 counts as a column of line 1. */
  column(line: number, zeroBased: number): number {
    return zeroBased + 1 - (line === 1 && this.sawBom ? 1 : 0);
  }

  /** Where the lexer stands: the end of the last token it emitted. */
  lastPosition(): { line: number; column: number } {
    const token = (this as unknown as LexerInternals).previousToken;
    if (!token) return { line: 1, column: 1 };
    const line = token.endLine ?? token.line;
    return { line, column: this.column(line, token.end ?? 0) };
  }

  _tryTokenizeToEnd(callback: unknown, inputFinished: boolean): void {
    const self = this as unknown as LexerInternals;
    this.bufferLine = self._line;
    this.bufferColumn = self._linePosition;
    this.buffer = self._input ?? "";
    // n3 strips a starting byte order mark and counts it as column 0 of line 1.
    if (!this.started) this.sawBom = this.bufferColumn === 1;
    this.started = true;
    (Lexer.prototype as unknown as LexerInternals)._tryTokenizeToEnd.call(this, callback, inputFinished);
  }

  _syntaxError(issue: string | null, message?: string): Error {
    this.errorAt = this.locateInBuffer();
    return (Lexer.prototype as unknown as LexerInternals)._syntaxError.call(this, issue, message);
  }

  /**
   * n3 stops at the first character after the last token (and its separators) that starts no token.
   * Walk the buffer to the end of that token, then over whitespace, comments and a pending `^^`.
   */
  private locateInBuffer(): { line: number; column: number } {
    const input = this.buffer;
    const previous = (this as unknown as LexerInternals).previousToken;
    let line = this.bufferLine, column = this.bufferColumn, pos = 0;
    const advance = () => {
      const code = input.charCodeAt(pos++);
      if (code === 10 || (code === 13 && input.charCodeAt(pos) !== 10)) {
        line++;
        column = 0;
      } else column++;
    };
    if (previous) {
      const endLine = previous.endLine ?? previous.line, endColumn = previous.end ?? 0;
      if (endLine > line || (endLine === line && endColumn > column)) {
        while (pos < input.length && (line < endLine || (line === endLine && column < endColumn))) advance();
      }
    }
    let skippedMarker = false;
    while (pos < input.length) {
      const char = input[pos];
      if (char === " " || char === "\t" || char === "\n" || char === "\r") advance();
      else if (char === "#") while (pos < input.length && input[pos] !== "\n" && input[pos] !== "\r") advance();
      else if (char === "^" && input[pos + 1] === "^" && !skippedMarker) {
        skippedMarker = true;
        advance();
        advance();
      } else break;
    }
    return { line, column: this.column(line, column) };
  }
}

/** What a message about a relative IRI adds: why it is refused, and which prefixes were declared relative. */
export interface RelativeIriContext {
  relative: string;
  relativePrefixes?: ReadonlyMap<string, string>;
}

export function locateLexerAware(error: Error, file: string, lexer: LocatingLexer, explain?: RelativeIriContext): RdfSyntaxError {
  const context = (error as Error & { context?: N3ErrorContext }).context;
  if (context && !context.token && lexer.errorAt) {
    const { line, column } = lexer.errorAt;
    lexer.errorAt = undefined;
    return new RdfSyntaxError(file, line, column, describe(error.message));
  }
  if (context?.token && typeof context.token.start === "number") {
    const line = context.token.line;
    return new RdfSyntaxError(file, line, lexer.column(line, context.token.start), describe(error.message, context.token, explain));
  }
  const at = lexer.lastPosition();
  return new RdfSyntaxError(file, context?.line ?? lineFromMessage(error.message) ?? at.line, at.column, describe(error.message));
}

/** n3's message without its " on line N." suffix (the location is ours) and with long quoted input cut short. */
function describe(message: string, token?: N3Token, explain?: RelativeIriContext): string {
  const detail = message.replace(/ on line \d+\.?$/, "");
  // n3 says only "Invalid IRI"; most often it is a relative IRI where none may be: say which, and why.
  if (detail === "Invalid IRI" && typeof token?.value === "string") {
    const iri = token.value.length > 60 ? `${token.value.slice(0, 60)}…` : token.value;
    return isAbsoluteIri(token.value) ? `invalid IRI <${iri}>` : `relative IRI <${iri}> ${explain?.relative ?? "where only absolute IRIs are allowed"}`;
  }
  const undefinedPrefix = /^Undefined prefix "(.*):"$/.exec(detail);
  const namespace = undefinedPrefix ? explain?.relativePrefixes?.get(undefinedPrefix[1]) : undefined;
  if (undefinedPrefix && namespace !== undefined) return `prefix ${undefinedPrefix[1]}: stands for the relative IRI <${namespace}>, ${explain!.relative}`;
  const quoted = /^Unexpected "([\s\S]*)"$/.exec(detail);
  if (quoted && quoted[1].length > 40) return `Unexpected "${quoted[1].slice(0, 40)}…"`;
  return detail;
}

function lineFromMessage(message: string): number | undefined {
  const match = / on line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
