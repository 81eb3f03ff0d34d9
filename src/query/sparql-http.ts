// Helpers for the endpoint client's HTTP exchange: short body excerpts, durations, network failure reasons, basic-auth encoding.

export function bodyStart(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 200)}…`;
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
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
