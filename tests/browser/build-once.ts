// Vitest global setup: gives each test run one fresh folder for the built workbench, so browser test files share one build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder; tests/browser/harness.ts builds the site into it on first need. */
    workbenchBuildRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  let root = "";
  const fresh = () => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = mkdtempSync(join(tmpdir(), "smartcity-kg-site-"));
    project.provide("workbenchBuildRoot", root);
  };
  fresh();
  // In watch mode a rerun must test the app as it is now, never the build of an earlier run.
  project.onTestsRerun(fresh);
  return () => rmSync(root, { recursive: true, force: true });
}
