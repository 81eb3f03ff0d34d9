// Where bytes stop being UTF-8: the line and column of the first invalid sequence, so a load can refuse it at its place instead of replacing it (two IRIs could then merge).
import { RdfSyntaxError } from "./parse-error.ts";

export interface InvalidUtf8 {
  /** 1-based line and column (UTF-16 code units, a byte order mark not counted), as RdfSyntaxError places errors. */
  line: number;
  column: number;
  /** Byte offset of the sequence, and its first byte. */
  offset: number;
  byte: number;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const second = bytes[i + 1];
    if (second < low || second > high) return i;
    for (let j = 2; j < length; j++) if (bytes[i + j] < 0x80 || bytes[i + j] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/** The first invalid UTF-8 sequence in the bytes and its place, or undefined when they are all UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  const offset = firstInvalidUtf8(bytes);
  if (offset < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1)) {
    line++;
    lineStart = at + 1;
  }
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) lineStart = 3;
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column, offset, byte: bytes[offset] };
}

/** The error that places the first byte that is not UTF-8 in a named file, or undefined when all bytes are UTF-8. */
export function invalidUtf8Error(bytes: Uint8Array, name: string): RdfSyntaxError | undefined {
  const at = findInvalidUtf8(bytes);
  if (at === undefined) return undefined;
  return new RdfSyntaxError(name, at.line, at.column, `not UTF-8 (byte 0x${at.byte.toString(16).padStart(2, "0")}); RDF files must be UTF-8`);
}

/** The bytes as text (a byte order mark dropped); refused with an RdfSyntaxError at the first byte that is not UTF-8. */
export function decodeUtf8Strictly(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw invalidUtf8Error(bytes, name) ?? error;
  }
}
