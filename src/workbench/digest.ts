// SHA-256 of a text for the data worker (the page never hashes files): the platform's native digest, else the core's.
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
