// A file that is not UTF-8 is refused at its line and column, never decoded with replacement characters that would merge two IRIs; one the system cannot read is named with its reason.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-utf8-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kg --data with bytes that are not UTF-8", () => {
  it("refuses the file with the place of the first bad byte, exit 1", async () => {
    const file = fixture("cli", "invalid-utf8.ttl");
    const result = await runKg(["--data", file, "stats"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${file}:4:25: not UTF-8 (byte 0xe9); RDF files must be UTF-8\n`);
  });

  it("still reads UTF-8 with a byte order mark, and U+FFFD written in the file", async () => {
    const file = join(dir, "bom.ttl");
    writeFileSync(file, "\ufeff<https://example.org/a> <http://www.w3.org/2004/02/skos/core#prefLabel> \"replacement \ufffd kept\" .\n");
    const result = await runKg(["--data", file, "sparql", "SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }", "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).results.bindings[0].l.value).toBe("replacement \ufffd kept");
  });
});

describe("kg --data with a file the system cannot read", () => {
  // /proc/self/mem opens but fails with EIO at offset 0: a real I/O error in the middle of a read.
  it.runIf(process.platform === "linux")("names the file and the system's reason in one line, exit 1", async () => {
    const result = await runKg(["--data", "/proc/self/mem", "stats"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("kg: /proc/self/mem: cannot be read: EIO: i/o error, read");
  });
});
