// SHA-256 of a text with the platform's native digest (crypto.subtle), for the data worker: the page never hashes files.

/** Lower-case hex SHA-256 of the text's UTF-8 bytes; the same value as src/session/sha256.ts `sha256Hex`. */
export async function sha256HexOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
