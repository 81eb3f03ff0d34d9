// Vite serves and builds the workbench; Vitest (configured here too) runs every test.
import { configDefaults, defineConfig } from "vitest/config";
import { missingSystemTools, missingToolsReporter, suitesWithout } from "./tests/setup/system-tools.ts";

// Only a test run looks for chromium, rapper and virtuoso-t; suites that need a missing one are left out, said
// once at the start and once after the summary, and tests/system-tools.test.ts fails the run.
const missingTools = process.env.VITEST ? missingSystemTools() : [];

export default defineConfig({
  // Relative asset paths so the built site works from any static host or sub-folder.
  base: "./",
  // The site goes to dist/site, beside the compiled kg command in dist/cli (src/cli/vite.config.ts), which it must not empty.
  build: { outDir: "dist/site", target: "es2022", sourcemap: true },
  worker: { format: "es" },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...suitesWithout(missingTools)],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One folder per run for the built workbench: the browser test files build it once between them, freshly;
    // the kg command is compiled into dist/cli from the current sources before any test spawns it.
    globalSetup: ["tests/browser/build-once.ts", "tests/setup/system-tools.ts", "tests/cli/build-cli.ts"],
    // Browser and server tests start their own processes; two cores do not gain from more workers.
    maxWorkers: 2,
    // The JSON report lets .ci/run close with a plain "N passed, N failed" line any CI reader understands.
    reporters: [missingToolsReporter(missingTools), "default", "json"],
    outputFile: { json: "test-results/vitest-report.json" },
  },
});
