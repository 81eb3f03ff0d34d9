// Parses Turtle, N-Triples, N-Quads and TriG into a Dataset with n3; errors name the file, line and column, and a failed load adds nothing.
import { Parser } from "n3";
import type * as RDF from "@rdfjs/types";
import { Dataset, DatasetBuilder } from "./dataset.ts";

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

/** A syntax error at a place in a named file. */
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
  quads: number;
}

export interface LoadOptions {
  /** A dataset to add to; it is never changed (the result is a new dataset). */
  base?: Dataset;
  /** Called now and then while parsing (every `progressEvery` quads). */
  onProgress?: (progress: LoadProgress) => void;
  progressEvery?: number;
}

/** Parses every source into one new dataset; the first syntax error rejects and nothing is kept. */
export async function loadDataset(sources: readonly RdfSource[], options: LoadOptions = {}): Promise<Dataset> {
  const builder = new DatasetBuilder(options.base, estimateCapacity(sources));
  for (const source of sources) await parseInto(builder, source, options);
  return builder.freeze();
}

function estimateCapacity(sources: readonly RdfSource[]): number {
  // Roughly one quad per 60 characters of Turtle; capacity grows anyway, this only saves copies.
  let chars = 0;
  for (const source of sources) chars += source.text.length;
  return Math.max(1024, Math.ceil(chars / 60));
}

/**
 * Parses one source into the builder; rejects with an RdfSyntaxError at the place of the first error.
 * The builder may then hold part of the source: callers that must stay intact (loadDataset) discard it.
 */
export function parseInto(builder: DatasetBuilder, source: RdfSource, options: LoadOptions = {}): Promise<void> {
  const format = source.format ?? formatFromFileName(source.name) ?? "turtle";
  const parser = new Parser({ format: mediaTypes[format], baseIRI: source.baseIRI });
  const every = options.progressEvery ?? 100_000;
  let added = 0;
  return new Promise((resolve, reject) => {
    parser.parse(source.text, {
      onQuad: (error: Error | null, quad: RDF.Quad | null) => {
        if (error) reject(locate(error, source.name, source.text));
        else if (quad) {
          builder.addQuad(quad);
          if (++added % every === 0) options.onProgress?.({ file: source.name, quads: added });
        } else resolve();
      },
      onPrefix: (prefix: string, iri: RDF.NamedNode) => builder.addPrefixes({ [prefix]: iri }),
    } as never);
  });
}

interface N3Token {
  line: number;
  start?: number;
  end?: number;
}
interface N3ErrorContext {
  token?: N3Token;
  line?: number;
  previousToken?: N3Token;
}

/** Turns an n3 error into an RdfSyntaxError with a 1-based line and column. */
export function locate(error: Error, file: string, text: string): RdfSyntaxError {
  const context = (error as Error & { context?: N3ErrorContext }).context ?? {};
  const line = context.token?.line ?? context.line ?? lineFromMessage(error.message) ?? 1;
  const detail = error.message.replace(/ on line \d+\.?$/, "");
  let column: number;
  if (context.token && typeof context.token.start === "number") {
    column = context.token.start + 1;
  } else {
    // A lexer error has no token: find the offending text on its line, after the last good token.
    const lineText = text.split(/\r\n|\n|\r/)[line - 1] ?? "";
    const after = context.previousToken?.line === line ? (context.previousToken.end ?? 0) : 0;
    const offending = /Unexpected "(.*)"$/.exec(detail)?.[1];
    const at = offending ? lineText.indexOf(offending.slice(0, 20), after) : -1;
    column = at >= 0 ? at + 1 : firstNonSpace(lineText, after) + 1;
  }
  return new RdfSyntaxError(file, line, column, detail);
}

function lineFromMessage(message: string): number | undefined {
  const match = / on line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function firstNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] !== " " && text[i] !== "\t") return i;
  return from;
}
