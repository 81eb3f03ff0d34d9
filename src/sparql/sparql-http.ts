// Helpers for the endpoint client's HTTP exchange: a size-capped body read, short excerpts, durations and sizes, network failure reasons, basic-auth encoding.

export function bodyStart(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 200)}…`;
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** A byte count as people read it: 812 bytes, 3.4 MB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return bytes < 1e3 ? `${bytes} bytes` : `${(bytes / 1e3).toFixed(1)} kB`;
  return bytes < 1e9 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Why fetch failed, from the error's cause (Node puts the system error code there). */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused (is the server running, on this port?)",
    ENOTFOUND: "no such host",
    ECONNRESET: "the connection was reset",
    EHOSTUNREACH: "host unreachable",
    ETIMEDOUT: "the connection timed out",
  };
  if (code !== undefined) return `${known[code] ?? cause?.message ?? code} (${code})`;
  return (error as Error)?.message ?? String(error);
}

/** Base64 of the UTF-8 bytes (btoa alone takes Latin-1 only). */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The body as text, reading no more than maxBytes; past them the reading stops with the error `tooLarge` makes. */
export async function readBody(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}
