// The data worker's native SHA-256 gives the hashes session files carry (the pure JS one in src/session).
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256HexOf } from "../../src/workbench/digest.ts";
import { sha256Hex } from "../../src/session/sha256.ts";

const root = join(import.meta.dirname, "..", "..");

describe("sha256HexOf (crypto.subtle, as in the data worker)", () => {
  it("gives the standard digests", async () => {
    expect(await sha256HexOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256HexOf("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches the session's own hash on real data and on text beyond ASCII", async () => {
    const texts = [
      readFileSync(join(root, "tests/fixtures/workbench/mini.ttl"), "utf8"),
      readFileSync(join(root, "graph-data", "entities.ttl"), "utf8"),
      '<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "华为 Huawei — Ñairobi 🚦"@zh .\n',
    ];
    for (const text of texts) expect(await sha256HexOf(text)).toBe(sha256Hex(text));
  });

  afterEach(() => vi.unstubAllGlobals());

  it("gives the same digest where crypto.subtle is missing (a build served over plain http)", async () => {
    const text = readFileSync(join(root, "tests/fixtures/workbench/mini.ttl"), "utf8");
    const native = await sha256HexOf(text);
    vi.stubGlobal("crypto", {});
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256HexOf(text)).toBe(native);
  });
});
