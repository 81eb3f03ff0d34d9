// kg export -o: one clear line and an exit code when the file cannot be written, and a failed write leaves the old file whole.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, kgBin, repoRoot, runKg, type KgResult } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-output-"));
const data = ["--data", fixture("cli", "mini.ttl")];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, no stack trace. */
function oneLine(result: KgResult): string {
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}

describe("kg export -o", () => {
  it("says in one line that the path is a folder, and exits 2", async () => {
    const result = await runKg([...data, "export", "-o", dir]);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe(`kg export: cannot write ${JSON.stringify(dir)}: it is a folder (EISDIR)`);
  });

  it("says when the folder is missing or a part of the path is a file", async () => {
    const missing = await runKg([...data, "export", "-o", join(dir, "no-such-folder", "out.ttl")]);
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toMatch(/: its folder does not exist \(ENOENT\)$/);
    const file = join(dir, "plain-file");
    writeFileSync(file, "x");
    const notFolder = await runKg([...data, "export", "-o", join(file, "out.ttl")]);
    expect(notFolder.code).toBe(2);
    expect(oneLine(notFolder)).toMatch(/: a part of the path is not a folder \(ENOTDIR\)$/);
  });

  it("reports a full device in one line, exit 1", async () => {
    const full = await runKg([...data, "export", "-o", "/dev/full"]);
    expect(full.code).toBe(1);
    expect(oneLine(full)).toBe('kg export: cannot write "/dev/full": no space left on the device (ENOSPC)');
  });

  it("leaves the old file as it was when the write fails part-way, and no temporary file", async () => {
    const folder = join(dir, "keep");
    mkdirSync(folder);
    const target = join(folder, "graph.ttl");
    writeFileSync(target, "# the previous export\n");
    // A file size limit of 4 KiB makes the write fail with EFBIG after its first 4 KiB (the export is ~7 KiB).
    const result = await new Promise<KgResult>((resolve, reject) => {
      const child = spawn("bash", ["-c", 'ulimit -f 4 && exec "$0" "$@"', process.execPath, kgBin, ...data, "export", "-o", target], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    expect(readFileSync(target, "utf8")).toBe("# the previous export\n");
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe(`kg export: cannot write ${JSON.stringify(target)}: the file would be larger than this process may write (EFBIG); ${JSON.stringify(target)} is unchanged`);
    expect(readdirSync(folder)).toEqual(["graph.ttl"]);
  });

  it("replaces the old file when the write succeeds, and writes into a device without replacing it", async () => {
    const target = join(dir, "fresh.ttl");
    writeFileSync(target, "# old\n");
    const written = await runKg([...data, "export", "-o", target]);
    expect(written.code).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("kgr:huawei");
    // Renamed over, /dev/null would become a regular file (the tests run as root).
    const discarded = await runKg([...data, "export", "-o", "/dev/null"]);
    expect(discarded.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});
