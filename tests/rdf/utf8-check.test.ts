// findInvalidUtf8: the first byte that is not UTF-8 (RFC 3629) and its line and column; valid text has none.
import { describe, expect, it } from "vitest";
import { findInvalidUtf8, firstInvalidUtf8 } from "../../src/rdf/utf8-check.ts";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("firstInvalidUtf8", () => {
  it("accepts UTF-8 of every length, a byte order mark and U+FFFD itself", () => {
    expect(firstInvalidUtf8(bytes("\ufeffa é € 𝄞 \ufffd \u{10ffff}"))).toBe(-1);
  });

  it("finds lone continuation bytes, Latin-1, overlongs, surrogates, code points past U+10FFFF and a cut sequence", () => {
    expect(firstInvalidUtf8(bytes("ab", [0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes("caf", [0xe9], "!"))).toBe(3);
    expect(firstInvalidUtf8(bytes("x", [0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(bytes([0xe0, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes("é", [0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes([0xf5, 0x80, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes("ok", [0xe2, 0x82]))).toBe(2);
  });
});

describe("findInvalidUtf8", () => {
  it("places the byte by line and UTF-16 column, a byte order mark not counted", () => {
    expect(findInvalidUtf8(bytes("first\nsé𝄞x", [0xff]))).toEqual({ line: 2, column: 6, offset: 14, byte: 0xff });
    expect(findInvalidUtf8(bytes("\ufeffab", [0xfe]))).toEqual({ line: 1, column: 3, offset: 5, byte: 0xfe });
    expect(findInvalidUtf8(bytes("all\ngood\n"))).toBeUndefined();
  });
});
