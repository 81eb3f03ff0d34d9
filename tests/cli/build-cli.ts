// Vitest global setup: builds the kg command from the sources as they are now, before any test spawns it (run-kg.ts).
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

const root = resolve(import.meta.dirname, "../..");
const output = join(root, "dist", "cli");

/**
 * Builds into a new folder and then puts it in place of dist/cli, so a kg started meanwhile (by another test run
 * on the same tree) finds a whole build, and a failed build leaves the run failing instead of testing an old one.
 */
async function buildCli(): Promise<void> {
  mkdirSync(join(root, "dist"), { recursive: true });
  const fresh = mkdtempSync(join(root, "dist", ".cli-new-"));
  try {
    await build({ configFile: join(root, "src", "cli", "vite.config.ts"), build: { outDir: fresh } });
    for (let attempt = 0; ; attempt++) {
      const old = `${fresh.replace(".cli-new-", ".cli-old-")}-${attempt}`;
      try {
        renameSync(output, old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      try {
        renameSync(fresh, output);
        rmSync(old, { recursive: true, force: true });
        return;
      } catch (error) {
        // Another run put its build there between the two renames: take its place again.
        rmSync(old, { recursive: true, force: true });
        if (attempt >= 3 || !["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
      }
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await buildCli();
  // In watch mode a rerun must test the command as it is now.
  project.onTestsRerun(buildCli);
}
