// kg source add <http(s) URL>: fetched from a local server started here (127.0.0.1), read by content type, the URL kept
// as the source's location; credentials, other schemes, errors, oversized bodies and silent servers are refused.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, repoRoot, runKg } from "./run-kg.ts";

const store = mkdtempSync(join(tmpdir(), "kg-source-url-"));
const into = ["--into", store];
const authored = () => (existsSync(join(store, "authored.ttl")) ? readFileSync(join(store, "authored.ttl"), "utf8") : "");
const briefStart = readFileSync(join(repoRoot, "graph-data", "sources", "euiss-brief-2020-10.txt"), "utf8").slice(0, 3000);
const MB = 1024 * 1024;

let server: Server;
let base = "";
const hung: import("node:http").ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    const send = (type: string, body: string | Buffer) => response.writeHead(200, { "content-type": type }).end(body);
    if (path === "/record.html") return send("text/html; charset=utf-8", readFileSync(fixture("sources", "catalogue-record.html")));
    if (path === "/download/record.pdf") return send("application/octet-stream", readFileSync(fixture("sources", "catalogue-record.pdf")));
    if (path === "/brief-start") return send("text/plain; charset=utf-8", briefStart);
    if (path === "/picture") return send("image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (path === "/to-secret") return response.writeHead(302, { location: `${base}/brief-start?api_key=abc` }).end();
    if (path === "/huge") {
      // No Content-Length: the limit is met while reading.
      response.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(MB, 0x61);
      let sent = 0;
      response.on("error", () => undefined);
      const more = (): void => {
        while (sent < 51) {
          sent++;
          if (!response.write(chunk)) return void response.once("drain", more);
        }
        response.end();
      };
      return more();
    }
    if (path === "/declared-huge") return response.writeHead(200, { "content-type": "text/plain", "content-length": String(60 * MB) }).end();
    if (path === "/silent") return void hung.push(response);
    response.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of hung) response.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(store, { recursive: true, force: true });
});

describe("kg source add <URL>", () => {
  it("reads HTML by its content type and keeps the URL as the source's location", async () => {
    const added = await runKg(["source", "add", `${base}/record.html`, "--title", "Catalogue record (fetched)", ...into]);
    expect(added.stderr).not.toContain("kg source add:");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`location: ${base}/record.html`);
    expect(authored()).toContain(`dcterms:identifier "${base}/record.html"^^xsd:anyURI`);
    const text = readFileSync(join(store, "sources", "source-catalogue-record-fetched.txt"), "utf8");
    expect(text).toContain("European Union Institute for Security Studies & Policy Brief");
    expect(text).not.toContain("<p>");
    // kg source list reads the location back.
    const listed = await runKg(["source", "list", "--json", ...into]);
    const sources = (JSON.parse(listed.stdout) as { sources: { title: string; location?: string }[] }).sources;
    expect(sources.find((s) => s.title === "Catalogue record (fetched)")?.location).toBe(`${base}/record.html`);
  }, 60_000);

  it("reads a PDF page by page when the server says only application/octet-stream (the URL's extension decides), and plain text", async () => {
    const pdf = await runKg(["source", "add", `${base}/download/record.pdf`, ...into]);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/· 2 pages$/m);
    const text = await runKg(["source", "add", `${base}/brief-start`, "--title", "Start of the brief", ...into]);
    expect(text.code).toBe(0);
    expect(readFileSync(join(store, "sources", "source-start-of-the-brief.txt"), "utf8")).toContain(briefStart.slice(0, 400));
  }, 60_000);

  it("refuses credentials, credential-like query parameters (also after a redirect) and other schemes, never echoing a secret", async () => {
    const port = new URL(base).port;
    const withPassword = await runKg(["source", "add", `http://ana:s3cret@127.0.0.1:${port}/brief-start`, ...into]);
    expect(withPassword.code).toBe(2);
    expect(withPassword.stderr).toContain("carries a user name or password");
    expect(withPassword.stderr).not.toContain("s3cret");
    const token = await runKg(["source", "add", `${base}/brief-start?token=xyz123`, ...into]);
    expect(token.code).toBe(2);
    expect(token.stderr).toContain('the query parameter "token" looks like a credential');
    expect(token.stderr).not.toContain("xyz123");
    const redirected = await runKg(["source", "add", `${base}/to-secret`, ...into]);
    expect(redirected.code).toBe(2);
    expect(redirected.stderr).toContain('"api_key" looks like a credential');
    const ftp = await runKg(["source", "add", "ftp://127.0.0.1/x.txt", ...into]);
    expect(ftp.code).toBe(2);
    expect(authored()).not.toMatch(/s3cret|xyz123|api_key/);
  }, 60_000);

  it("refuses what is not a source, errors, bodies over 50 MB and a server that does not answer in time", async () => {
    const picture = await runKg(["source", "add", `${base}/picture`, ...into]);
    expect(picture.stderr).toContain('content type "image/png" is not text, HTML or PDF');
    const missing = await runKg(["source", "add", `${base}/nothing`, ...into]);
    expect(missing.stderr).toContain("the server answered 404");
    const huge = await runKg(["source", "add", `${base}/huge`, ...into]);
    expect(huge.stderr).toContain("larger than 50 MB");
    const declared = await runKg(["source", "add", `${base}/declared-huge`, ...into]);
    expect(declared.stderr).toContain("larger than 50 MB");
    const silent = await runKg(["source", "add", `${base}/silent`, "--timeout", "1", ...into]);
    expect(silent.stderr).toContain("no answer within 1 s");
    for (const refused of [picture, missing, huge, declared, silent]) expect(refused.code).toBe(2);
  }, 120_000);
});
