// Parses Turtle, N-Triples, N-Quads and TriG (whole strings or streamed chunks) into a Dataset with n3; errors name the file, line and column, and a failed load adds nothing.
import { Lexer, Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { Dataset, DatasetBuilder } from "./dataset.ts";
import { DEFAULT_GRAPH_ID } from "./terms.ts";

export type RdfFormat = "turtle" | "ntriples" | "nquads" | "trig";

export const rdfFormats: readonly RdfFormat[] = ["turtle", "ntriples", "nquads", "trig"];

const mediaTypes: Record<RdfFormat, string> = {
  turtle: "text/turtle",
  ntriples: "application/n-triples",
  nquads: "application/n-quads",
  trig: "application/trig",
};

const extensions: Record<string, RdfFormat> = {
  ttl: "turtle",
  turtle: "turtle",
  nt: "ntriples",
  ntriples: "ntriples",
  nq: "nquads",
  nquads: "nquads",
  trig: "trig",
};

/** The format a file name's extension implies, or undefined when it implies none. */
export function formatFromFileName(name: string): RdfFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(name);
  return match ? extensions[match[1].toLowerCase()] : undefined;
}

/** One RDF document to load: its name (for error messages), its text, and optionally its format and base IRI. */
export interface RdfSource {
  name: string;
  text: string;
  format?: RdfFormat;
  baseIRI?: string;
}

/**
 * One RDF document that arrives in pieces: text, or UTF-8 bytes (a file read in chunks, a fetch body); a
 * character split across byte chunks is put together, and bytes that are not UTF-8 reject the load.
 */
export interface RdfStreamSource {
  name: string;
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
  format?: RdfFormat;
  baseIRI?: string;
}

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

export interface LoadProgress {
  file: string;
  /** Quads read from this file so far (duplicates included). */
  quads: number;
  /** Characters of this file read so far when streaming; for a string source 0 until its final report (the whole text). */
  chars: number;
}

export interface LoadOptions {
  /** A dataset to add to; it is never changed (the result is a new dataset). */
  base?: Dataset;
  /** Called now and then while parsing (every `progressEvery` quads, and after each streamed chunk). */
  onProgress?: (progress: LoadProgress) => void;
  progressEvery?: number;
}

/** Parses every source into one new dataset; the first syntax error rejects and nothing is kept. */
export async function loadDataset(sources: readonly RdfSource[], options: LoadOptions = {}): Promise<Dataset> {
  let chars = 0;
  for (const source of sources) chars += source.text.length;
  const builder = new DatasetBuilder(options.base, estimateCapacity(chars));
  for (const source of sources) await parseInto(builder, source, options);
  return builder.freeze();
}

/**
 * Like `loadDataset`, for sources that arrive in chunks: each chunk is parsed as it comes, so a large file
 * need not be held whole. Same error locations, same all-or-nothing rule.
 */
export async function loadDatasetStream(sources: readonly RdfStreamSource[], options: LoadOptions = {}): Promise<Dataset> {
  const builder = new DatasetBuilder(options.base);
  for (const source of sources) await parseStreamInto(builder, source, options);
  return builder.freeze();
}

function estimateCapacity(chars: number): number {
  // Roughly one quad per 60 characters of Turtle; capacity grows anyway, this only saves copies.
  return Math.max(1024, Math.ceil(chars / 60));
}

/**
 * Parses one source into the builder; rejects with an RdfSyntaxError at the place of the first error.
 * The builder may then hold part of the source: callers that must stay intact (loadDataset) discard it.
 */
export function parseInto(builder: DatasetBuilder, source: RdfSource, options: LoadOptions = {}): Promise<void> {
  const run = startParse(builder, source, options);
  run.parser.parse(source.text, run.callbacks as never);
  return run.done.then(() => options.onProgress?.({ file: source.name, quads: run.quadCount(), chars: source.text.length }));
}

/** Streaming counterpart of `parseInto`: feeds n3 one chunk at a time through a minimal event source. */
export async function parseStreamInto(builder: DatasetBuilder, source: RdfStreamSource, options: LoadOptions = {}): Promise<void> {
  const run = startParse(builder, source, options);
  // A syntax error can settle `done` while the next chunk is awaited; it is returned below, not lost.
  run.done.catch(() => undefined);
  // n3's lexer reads any object with on('data' | 'end' | 'error'); this one is fed by hand, so the
  // core needs no Node stream (the browser worker loads through here too).
  const events = new ChunkEvents();
  run.parser.parse(events as never, run.callbacks as never);
  let decoder: TextDecoder | undefined;
  const feed = (text: string) => {
    if (text.length === 0 || run.failed()) return;
    run.charsRead += text.length;
    events.emit("data", text);
    options.onProgress?.({ file: source.name, quads: run.quadCount(), chars: run.charsRead });
  };
  try {
    for await (const chunk of source.chunks) {
      if (run.failed()) break;
      if (typeof chunk === "string") feed(chunk);
      else feed((decoder ??= new TextDecoder("utf-8", { fatal: true })).decode(chunk, { stream: true }));
    }
    if (decoder) feed(decoder.decode());
  } catch (error) {
    // A failing reader (or bytes that are not UTF-8) is not a syntax error: report it as it is, naming the file.
    throw new Error(`rdf/load: reading ${source.name} failed: ${(error as Error).message}`, { cause: error });
  }
  if (!run.failed()) events.emit("end");
  return run.done;
}

class ChunkEvents {
  private readonly listeners = new Map<string, ((value?: unknown) => void)[]>();
  on(event: string, listener: (value?: unknown) => void): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }
  emit(event: string, value?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(value);
  }
}

interface ParseRun {
  parser: Parser;
  callbacks: object;
  done: Promise<void>;
  failed(): boolean;
  quadCount(): number;
  /** Characters handed to the parser so far, for progress reports made between chunks. */
  charsRead: number;
}

/** Sets up an n3 parser whose quads go into the builder, with blank nodes relabelled and errors located. */
function startParse(builder: DatasetBuilder, source: RdfSource | RdfStreamSource, options: LoadOptions): ParseRun {
  const format = source.format ?? formatFromFileName(source.name) ?? "turtle";
  const lexer = new LocatingLexer({ lineMode: format === "ntriples" || format === "nquads", n3: false });
  const parser = new Parser({ format: mediaTypes[format], baseIRI: source.baseIRI, lexer } as never);
  const every = options.progressEvery ?? 100_000;
  const terms = builder.terms;
  // n3 labels blank nodes with process-wide counters; each document gets labels fresh to the table instead,
  // so blank nodes of different files (or of a base dataset built elsewhere) never merge by accident.
  const blanks = new Map<string, number>();
  // n3 hands over one object per `[ ... ]`, used by the few quads in a row that describe it: remember it.
  let lastBlank: RDF.Term | undefined, lastBlankId = -1;
  const blankId = (term: RDF.Term): number => {
    if (term === lastBlank) return lastBlankId;
    let id = blanks.get(term.value);
    if (id === undefined) blanks.set(term.value, (id = terms.freshBlank()));
    lastBlank = term;
    return (lastBlankId = id);
  };
  const termId = (term: RDF.Term): number => {
    switch (term.termType) {
      case "BlankNode":
        return blankId(term);
      case "DefaultGraph":
        return DEFAULT_GRAPH_ID;
      case "NamedNode":
      case "Literal":
        return terms.intern(term);
      default:
        return -1;
    }
  };
  let lastSubject: RDF.Term | undefined, lastSubjectId = -1;
  let added = 0;
  let failure = false;
  let resolveDone!: () => void;
  let rejectDone!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const fail = (error: RdfSyntaxError) => {
    if (failure) return;
    failure = true;
    rejectDone(error);
  };
  const callbacks = {
    onQuad: (error: Error | null, quad: RDF.Quad | null) => {
      if (failure) return;
      if (error) fail(locateLexerAware(error, source.name, lexer));
      else if (quad) {
        // n3 hands over the same subject object for every `;` of a statement: hash its key once.
        if (quad.subject !== lastSubject) {
          lastSubject = quad.subject;
          lastSubjectId = termId(lastSubject);
        }
        const s = lastSubjectId, p = termId(quad.predicate), o = termId(quad.object), g = termId(quad.graph);
        if (s < 0 || o < 0 || g < 0) {
          // Triple terms (RDF 1.2) have no place in an RDF 1.1 dataset; n3 would even key them as the default graph.
          const at = lexer.lastPosition();
          fail(new RdfSyntaxError(source.name, at.line, at.column, "triple terms and reifiers (RDF 1.2) are not supported"));
          return;
        }
        builder.addIds(s, p, o, g);
        if (++added % every === 0) options.onProgress?.({ file: source.name, quads: added, chars: run.charsRead });
      } else resolveDone();
    },
    onPrefix: (prefix: string, iri: RDF.NamedNode) => builder.addPrefixes({ [prefix]: iri }),
  };
  const run: ParseRun = { parser, callbacks, done, failed: () => failure, quadCount: () => added, charsRead: 0 };
  return run;
}

interface N3Token {
  line: number;
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
class LocatingLexer extends Lexer {
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

function locateLexerAware(error: Error, file: string, lexer: LocatingLexer): RdfSyntaxError {
  const context = (error as Error & { context?: N3ErrorContext }).context;
  if (context && !context.token && lexer.errorAt) {
    const { line, column } = lexer.errorAt;
    lexer.errorAt = undefined;
    return new RdfSyntaxError(file, line, column, describe(error.message));
  }
  if (context?.token && typeof context.token.start === "number") {
    const line = context.token.line;
    return new RdfSyntaxError(file, line, lexer.column(line, context.token.start), describe(error.message));
  }
  const at = lexer.lastPosition();
  return new RdfSyntaxError(file, context?.line ?? lineFromMessage(error.message) ?? at.line, at.column, describe(error.message));
}

/** n3's message without its " on line N." suffix (the location is ours) and with long quoted input cut short. */
function describe(message: string): string {
  const detail = message.replace(/ on line \d+\.?$/, "");
  const quoted = /^Unexpected "([\s\S]*)"$/.exec(detail);
  if (quoted && quoted[1].length > 40) return `Unexpected "${quoted[1].slice(0, 40)}…"`;
  return detail;
}

function lineFromMessage(message: string): number | undefined {
  const match = / on line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
