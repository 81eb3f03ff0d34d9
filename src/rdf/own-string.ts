// A copy of a string that shares no memory with the text it was cut from, so a kept term does not keep the parser's whole chunk alive.

/*
 * Why: n3 cuts a term's text out of the chunk it is lexing (an `<IRI>` token is a substring of the chunk), and V8
 * keeps such a substring as a slice: a pointer into the chunk, which then stays in memory as long as the term does.
 * A term table holding one new term from every chunk held the whole file's text: at 2M generated triples the
 * Dataset's heap was 142 MiB, 58 MiB with each new key copied (a browser worker has 4 GiB of heap in all).
 * A round trip through UTF-8 bytes is the copy a script can make that V8 never turns back into a slice.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let bytes = new Uint8Array(1 << 12);

/** `text` as a string of its own (same characters); text a UTF-8 round trip would change (a lone surrogate) is returned as it is. */
export function ownString(text: string): string {
  // Up to 3 bytes a UTF-16 code unit.
  if (bytes.length < text.length * 3) bytes = new Uint8Array(Math.max(bytes.length * 2, text.length * 3));
  const { written } = encoder.encodeInto(text, bytes);
  const copy = decoder.decode(bytes.subarray(0, written));
  return copy === text ? copy : text;
}
