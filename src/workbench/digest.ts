// Digests in the data worker (the page never hashes files): SHA-256 of a text (native, else the core's) and the FNV-1a dataset hash.
import { sha256Hex } from "../session/sha256.ts";

/**
 * Lower-case hex SHA-256 of the text's UTF-8 bytes; the same value as src/session/sha256.ts `sha256Hex`.
 * `crypto.subtle` exists only in secure contexts (https, localhost): a build served over plain http from another
 * host has none, and gets the (slower, still off the page) pure-JS digest.
 */
export async function sha256HexOf(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(text);
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** FNV-1a over UTF-16 code units, continued from `hash`: the dataset hash, taken piece by piece as text passes. */
export function fnv1a(hash: number, text: string): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
