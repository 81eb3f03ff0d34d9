// Writes graph-data/COVERAGE.md from the data (npm run data:coverage); exits 1 and lists what is unexplained, if anything is.
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COVERAGE_FILE, buildCoverage } from "./coverage-files.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { coverage, markdown } = buildCoverage(root);
writeFileSync(resolve(root, COVERAGE_FILE), markdown);
const withRelations = coverage.rows.filter((r) => r.relations.length).length;
console.log(`wrote ${COVERAGE_FILE}: ${coverage.rows.length} sentences, ${withRelations} with relations`);
if (coverage.problems.length) {
  console.error(coverage.problems.join("\n"));
  process.exitCode = 1;
}
