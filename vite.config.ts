// Vite serves and builds the workbench; Vitest (configured here too) runs every test.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Relative asset paths so the built site works from any static host or sub-folder.
  base: "./",
  build: { target: "es2022", sourcemap: true },
  worker: { format: "es" },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One folder per run for the built workbench: the browser test files build it once between them, freshly.
    globalSetup: ["tests/browser/build-once.ts"],
    // Browser and server tests start their own processes; two cores do not gain from more workers.
    maxWorkers: 2,
    // The JSON report lets .ci/run close with a plain "N passed, N failed" line any CI reader understands.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest-report.json" },
  },
});
