// Fetches a source named by an http(s) URL for kg source add: time and size limits, the content type picks text, HTML or PDF, no credentials.
import { readHtml, readPlain } from "../session/source-extract.ts";
import { redactUrl } from "../query/redact-url.ts";
import { readPdf, SourceReadError, type ReadSource } from "./source-read.ts";

export const FETCH_LIMITS = {
  /** Whole request, connection to last byte. */
  timeoutMs: 30_000,
  /** Largest body read (a report PDF is a few megabytes). */
  maxBytes: 50 * 1024 * 1024,
} as const;

const MAX_REDIRECTS = 5;

/** Query parameters whose values are secrets: a URL with one is refused, since the URL is stored as the source's location. */
const SECRET_PARAMETER = /key|token|secret|passw|auth|sig|session|credential/i;

/**
 * The URL to fetch and store as the source's location, or why not: only http and https, with no user name or
 * password and no secret-looking query parameter (messages show the URL with such parts hidden).
 */
export function sourceUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceReadError(`${JSON.stringify(redactUrl(text))} is not a URL`);
  }
  const shown = redactUrl(text);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceReadError(`${shown}: only http and https URLs are fetched (or give a file)`);
  if (url.username || url.password) throw new SourceReadError(`${shown}: the URL carries a user name or password; sources never store credentials (give the URL without them, or download the file and add it)`);
  const secret = [...url.searchParams.keys()].find((name) => SECRET_PARAMETER.test(name));
  if (secret) throw new SourceReadError(`${shown}: the query parameter ${JSON.stringify(secret)} looks like a credential, and the URL is stored as the source's location; download the file and add it instead`);
  url.hash = "";
  return url;
}

/** Fetches the URL and reads it by its content type (the URL's extension when the server says nothing useful). */
export async function fetchSource(text: string, limits: { timeoutMs?: number; maxBytes?: number } = {}): Promise<ReadSource & { location: string }> {
  const url = sourceUrl(text);
  const timeoutMs = limits.timeoutMs ?? FETCH_LIMITS.timeoutMs;
  const maxBytes = limits.maxBytes ?? FETCH_LIMITS.maxBytes;
  const shown = url.href;
  const signal = AbortSignal.timeout(timeoutMs);
  // Redirects are followed here, each checked before it is requested: none may lead to a URL with credentials.
  let target = url;
  let response: Response | undefined;
  for (let hops = 0; !response; hops++) {
    let answer: Response;
    try {
      answer = await fetch(target, { signal, redirect: "manual", headers: { accept: "text/html, application/pdf, text/plain;q=0.9, */*;q=0.1" } });
    } catch (error) {
      throw new SourceReadError(`${shown}: ${signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `cannot fetch (${causeOf(error)})`}`);
    }
    const next = answer.status >= 300 && answer.status < 400 ? answer.headers.get("location") : null;
    if (next === null) response = answer;
    else {
      await answer.body?.cancel();
      if (hops >= MAX_REDIRECTS) throw new SourceReadError(`${shown}: more than ${MAX_REDIRECTS} redirects`);
      target = sourceUrl(new URL(next, target).href);
    }
  }
  if (!response.ok) throw new SourceReadError(`${shown}: the server answered ${response.status} ${response.statusText}`.trim());
  // The final URL is the location stored.
  const location = target.href;
  const bytes = await readBody(response, maxBytes, shown, signal, timeoutMs);
  const [mediaType, ...parameters] = (response.headers.get("content-type") ?? "").toLowerCase().split(";").map((p) => p.trim());
  const charset = parameters.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "") || "utf-8";
  const extension = /\.([a-z]+)$/.exec(new URL(location).pathname.toLowerCase())?.[1] ?? "";
  const kind = kindOf(mediaType, extension);
  if (!kind) throw new SourceReadError(`${shown}: content type ${JSON.stringify(mediaType || "(none)")} is not text, HTML or PDF`);
  if (kind === "pdf") return { ...(await readPdf(bytes, shown)), location };
  let decoded: string;
  try {
    decoded = new TextDecoder(charset, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SourceReadError(`${shown}: the text is not valid ${charset}`);
  }
  return { ...(kind === "html" ? readHtml(decoded) : readPlain(decoded)), location };
}

function kindOf(mediaType: string, extension: string): "text" | "html" | "pdf" | undefined {
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType === "text/html" || mediaType === "application/xhtml+xml") return "html";
  if (mediaType === "text/plain" || mediaType === "text/markdown") return "text";
  // Servers that say nothing useful (application/octet-stream, none): the URL's extension decides.
  if (mediaType === "" || mediaType === "application/octet-stream" || mediaType === "binary/octet-stream") {
    if (extension === "pdf") return "pdf";
    if (["html", "htm", "xhtml"].includes(extension)) return "html";
    if (["txt", "text", "md"].includes(extension)) return "text";
  }
  return undefined;
}

/** The body, refused as soon as it passes `maxBytes` (a Content-Length that says so is refused before reading). */
async function readBody(response: Response, maxBytes: number, shown: string, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const tooLarge = () => new SourceReadError(`${shown}: larger than ${Math.round(maxBytes / 1024 / 1024)} MB; download it and add the file if it is really a source`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SourceReadError) throw error;
    throw new SourceReadError(`${shown}: ${signal.aborted ? `not read within ${timeoutMs / 1000} s` : `the transfer failed (${causeOf(error)})`}`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
