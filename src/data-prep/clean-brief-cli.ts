// Re-runnable: cleans the brief's seed extraction and its catalogue record into graph-data/sources/ (npm run data:clean).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanBrief, normaliseRecord } from "./clean-brief.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Paths are relative to the repository root so the command works from any directory; argv overrides the seeds.
const briefIn = resolve(root, process.argv[2] ?? "../shared/seeds/000_e8e3e9cab4335b9e.txt");
const recordIn = resolve(root, process.argv[3] ?? "../shared/seeds/001_46a78c746c6c29f9.txt");
const outDir = resolve(root, "graph-data/sources");

for (const seed of [briefIn, recordIn]) {
  if (!existsSync(seed)) {
    console.error(
      `data:clean: missing seed ${seed}\n` +
        "Put the brief's extracted text and its catalogue record there (a copy of each is in tests/fixtures/seeds/),\n" +
        "or name them: npm run data:clean -- BRIEF.txt RECORD.txt",
    );
    process.exit(2);
  }
}
mkdirSync(outDir, { recursive: true });
const brief = cleanBrief(readFileSync(briefIn, "utf8"));
writeFileSync(resolve(outDir, "euiss-brief-2020-10.txt"), brief);
const record = normaliseRecord(readFileSync(recordIn, "utf8"));
writeFileSync(resolve(outDir, "euiss-brief-2020-10-catalogue-record.txt"), record);
console.log(`wrote ${brief.split("\n").length - 1} lines to graph-data/sources/euiss-brief-2020-10.txt and the catalogue record`);
