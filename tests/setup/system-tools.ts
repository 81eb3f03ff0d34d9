// The Debian programs some suites need: which are missing, the suites left out without them, and the advice, first and last.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Reporter } from "vitest/node";

export interface SystemTool {
  /** What the suites run. */
  program: string;
  /** The Debian package that installs it. */
  debianPackage: string;
  /** The test files that cannot run without it (globs relative to the repository). */
  suites: string[];
}

export const systemTools: readonly SystemTool[] = [
  { program: "chromium", debianPackage: "chromium", suites: ["tests/browser/**/*.test.ts"] },
  { program: "rapper", debianPackage: "raptor2-utils", suites: ["tests/rdf/rapper.test.ts", "tests/cli/source.test.ts", "tests/browser/authoring.test.ts"] },
  { program: "virtuoso-t", debianPackage: "virtuoso-opensource", suites: ["tests/sparql/virtuoso.test.ts", "tests/sparql/remote-hubs.test.ts", "tests/sparql/local-store.test.ts", "tests/sparql/local-store-stream.test.ts", "tests/sparql/local-store-select.test.ts", "tests/browser/sparql-endpoint.test.ts", "tests/browser/local-store.test.ts"] },
];

function isInstalled(tool: SystemTool): boolean {
  // The browser tests honour CHROMIUM_PATH (tests/browser/harness.ts); the rest are looked up on PATH.
  if (tool.program === "chromium") return existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  return spawnSync("sh", ["-c", `command -v ${tool.program}`]).status === 0;
}

export function missingSystemTools(): SystemTool[] {
  return systemTools.filter((tool) => !isInstalled(tool));
}

/** The test files to leave out of the run because a program they need is missing. */
export function suitesWithout(missing: readonly SystemTool[]): string[] {
  return [...new Set(missing.flatMap((tool) => tool.suites))];
}

/** What a person needs to read: what is missing, the one command that installs it, and what did not run. */
export function missingToolsAdvice(missing: readonly SystemTool[]): string {
  const rule = "=".repeat(100);
  return [
    rule,
    `MISSING SYSTEM TOOLS: ${missing.map((t) => t.program).join(", ")}. Install them with:`,
    `  sudo apt-get install -y ${missing.map((t) => t.debianPackage).join(" ")}`,
    `These suites could not run, so this test run fails: ${suitesWithout(missing).join(", ")}`,
    rule,
  ].join("\n");
}

/** Prints the advice before anything else vitest prints; silent when nothing is missing. */
export function missingToolsReporter(missing: readonly SystemTool[]): Reporter {
  return { onInit: () => printAdvice(missing) };
}

function printAdvice(missing: readonly SystemTool[]): void {
  if (missing.length > 0) process.stdout.write(`\n${missingToolsAdvice(missing)}\n\n`);
}

/** Vitest global setup: its teardown runs after every reporter is done, so the advice is also the run's last word. */
export default function setup(): () => void {
  return () => printAdvice(missingSystemTools());
}
