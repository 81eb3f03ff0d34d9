// Test helper: runs the real `kg` command (node src/cli/kg.js, the bin, which runs dist/cli as build-cli.ts built it for
// this run) in a child process and captures its output and exit code.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const kgBin = resolve(repoRoot, "src", "cli", "kg.js");

export interface KgResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kg with the arguments; cwd defaults to the repository root. */
export function runKg(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<KgResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [kgBin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** The path of a fixture file under tests/fixtures. */
export function fixture(...parts: string[]): string {
  return resolve(repoRoot, "tests", "fixtures", ...parts);
}
