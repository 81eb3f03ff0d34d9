// A picked file read as a stream in the data worker: strict UTF-8 text pieces for the parser, the SHA-256 of its bytes as they pass, and a stop.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { invalidUtf8Error } from "../rdf/utf8-check.ts";

/** Thrown from a streamed read stopped by the analyst: the load fails as a whole, and the graph before stays. */
export class LoadCancelled extends Error {
  constructor() {
    super("workbench/data: the load was cancelled; the graph loaded before is unchanged");
    this.name = "LoadCancelled";
  }
}

export interface StreamedText {
  /** The text in pieces, decoded as they are read (a file of any size is never one string). */
  chunks: AsyncIterable<string>;
  /** Bytes read so far. */
  bytesRead(): number;
  /** Lower-case hex SHA-256 of the bytes, once `chunks` has ended. */
  sha256(): string;
}

/**
 * Reads `blob` through `Blob.stream()`. Bytes that are not UTF-8 are refused at their line and column (found by a
 * second, whole read only then), since a decoder that replaced them could merge two IRIs; `cancelled` is asked
 * before each piece.
 */
export function streamBlob(blob: Blob, name: string, cancelled: () => boolean): StreamedText {
  const hash = sha256.create();
  let read = 0;
  let digest: string | undefined;
  async function* chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const reader = blob.stream().getReader();
    let yielded = Date.now();
    try {
      for (;;) {
        // A read of a file's buffered bytes settles as a microtask, so the worker would never take its next message
        // (a cancel) until the end: give the event loop a turn now and then.
        if (Date.now() - yielded > 50) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          yielded = Date.now();
        }
        if (cancelled()) throw new LoadCancelled();
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        read += value.length;
        // An async generator awaits what it yields: a failed decode throws here, placed by a second read.
        yield decodeOrLocate(() => decoder.decode(value, { stream: true }));
      }
      yield decodeOrLocate(() => decoder.decode());
      digest = bytesToHex(hash.digest());
    } finally {
      reader.releaseLock();
    }
  }
  const decodeOrLocate = async (decode: () => string): Promise<string> => {
    try {
      return decode();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw invalidUtf8Error(new Uint8Array(await blob.arrayBuffer()), name) ?? error;
    }
  };
  return {
    chunks: { [Symbol.asyncIterator]: () => chunks() },
    bytesRead: () => read,
    sha256() {
      if (digest === undefined) throw new Error(`workbench/data: ${name} was not read to the end`);
      return digest;
    },
  };
}

/** A text already in memory (the bundled graph, a session's inline text) as a source of one piece. */
export function textSource(name: string, text: string, format?: "turtle" | "ntriples" | "nquads" | "trig", baseIRI?: string): TextSource {
  let read = 0;
  const chunks = function* () {
    yield text;
    read = text.length;
  };
  return { name, format, baseIRI, size: text.length, read: () => read, chunks: { [Symbol.iterator]: chunks } };
}

export interface TextSource {
  name: string;
  format?: "turtle" | "ntriples" | "nquads" | "trig";
  baseIRI?: string;
  size: number;
  chunks: Iterable<string>;
  read(): number;
}
