// Parses Turtle, N-Triples, N-Quads and TriG (whole strings or streamed chunks) into a Dataset with n3; errors name the file, line and column, and a failed load adds nothing.
import { Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { Dataset, DatasetBuilder } from "./dataset.ts";
import { DEFAULT_GRAPH_ID } from "./terms.ts";
import { RdfReadError, RdfSyntaxError } from "./parse-error.ts";
import { LocatingLexer, locateLexerAware } from "./parse-locate.ts";
import { isAbsoluteIri } from "./iri.ts";
import { refuseRelativeIris } from "./relative-iris.ts";

export { RdfReadError, RdfSyntaxError };

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

export interface LoadProgress {
  file: string;
  /** Quads read from this file so far (duplicates included). */
  quads: number;
  /** Characters of this file read so far when streaming; for a string source 0 until its final report (the whole text). */
  chars: number;
  /** Characters of the distinct terms in the dataset being built (a base's included): the text it will keep. */
  termChars: number;
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
  return run.done.then(() => options.onProgress?.({ file: source.name, quads: run.quadCount(), chars: source.text.length, termChars: builder.terms.chars }));
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
  // The instance type, not the DOM's `TextDecoder` interface: the core compiles without the DOM library.
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const feed = (text: string) => {
    if (text.length === 0 || run.failed()) return;
    run.charsRead += text.length;
    events.emit("data", text);
    options.onProgress?.({ file: source.name, quads: run.quadCount(), chars: run.charsRead, termChars: builder.terms.chars });
  };
  try {
    for await (const chunk of source.chunks) {
      if (run.failed()) break;
      if (typeof chunk === "string") feed(chunk);
      else feed((decoder ??= new TextDecoder("utf-8", { fatal: true })).decode(chunk, { stream: true }));
    }
    if (decoder) feed(decoder.decode());
  } catch (error) {
    // A reader that placed its failure in the file (bytes that are not UTF-8) says where; other failures are
    // not syntax errors: report them as they are, naming the file.
    if (error instanceof RdfSyntaxError) throw error;
    throw Object.assign(new RdfReadError(source.name, (error as Error).message), { cause: error });
  }
  // n3 never settles a stream that sent no text (an empty file is valid Turtle): end such a parse here.
  if (!run.failed()) {
    if (run.charsRead === 0) run.finish();
    else events.emit("end");
  }
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
  /** Ends a parse that was handed no text at all. */
  finish(): void;
}

/** Sets up an n3 parser whose quads go into the builder, with blank nodes relabelled and errors located. */
function startParse(builder: DatasetBuilder, source: RdfSource | RdfStreamSource, options: LoadOptions): ParseRun {
  const format = source.format ?? formatFromFileName(source.name) ?? "turtle";
  const lexer = new LocatingLexer({ lineMode: format === "ntriples" || format === "nquads", n3: false });
  const parser = new Parser({ format: mediaTypes[format], baseIRI: source.baseIRI, lexer } as never);
  // Against an absolute base every IRI n3 resolves is absolute; without one (or with a relative one) a relative
  // IRI stays relative, and no output format may hold it, so each IRI read is checked (and the writers refuse one
  // as a last resort). Line formats: n3 refuses relative IRIs itself.
  const checkIris = !isAbsoluteIri(source.baseIRI ?? "") && format !== "ntriples" && format !== "nquads";
  const relativePrefixes = checkIris ? refuseRelativeIris(parser) : undefined;
  const explain = { relative: checkIris ? "with no absolute base IRI to resolve it against" : "where only absolute IRIs are allowed", relativePrefixes };
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
      if (error) fail(locateLexerAware(error, source.name, lexer, explain));
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
        if (++added % every === 0) options.onProgress?.({ file: source.name, quads: added, chars: run.charsRead, termChars: terms.chars });
      } else resolveDone();
    },
    // A relative namespace (no base to resolve it) is left out: a Turtle export would declare it; IRIs using it are refused.
    onPrefix: (prefix: string, iri: RDF.NamedNode) => {
      if (!checkIris || isAbsoluteIri(iri.value)) builder.addPrefixes({ [prefix]: iri });
    },
  };
  const finish = () => {
    if (!failure) resolveDone();
  };
  const run: ParseRun = { parser, callbacks, done, failed: () => failure, quadCount: () => added, charsRead: 0, finish };
  return run;
}
