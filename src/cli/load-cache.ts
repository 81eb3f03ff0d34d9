// A cache of the bundled graph as loaded, keyed by the bytes of its files and by this build, so each kg start skips parsing.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { Dataset } from "../rdf/dataset.ts";
import { DATASET_SNAPSHOT_FORMAT, datasetFromSnapshot, datasetSnapshot } from "../rdf/dataset-snapshot.ts";

/**
 * Why: parsing the bundled Turtle (about 18,000 triples) is most of a `kg` start. Where it lives: under
 * node_modules/.cache, as Babel and ESLint keep theirs, so `git clean` and a fresh install drop it.
 */
export function bundledCacheDirectory(packageRoot: string): string {
  return join(packageRoot, "node_modules", ".cache", "smartcity-kg");
}

/**
 * The cache key: the snapshot format, this build (the names of the compiled chunks carry content hashes, and this
 * module's own text), and each file's name and bytes. Undefined when running from TypeScript sources, whose
 * build has no such identity; the cache is then not used.
 */
export function bundledCacheKey(files: readonly string[]): string | undefined {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".js")) return undefined;
  const hash = createHash("sha256");
  hash.update(`format ${DATASET_SNAPSHOT_FORMAT}\n`);
  hash.update(readdirSync(dirname(self)).sort().join("\n"));
  hash.update(readFileSync(self));
  for (const file of files) {
    hash.update(`\nfile ${basename(file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 32);
}

/** The cached dataset for `key`, or undefined when there is none or it cannot be read back whole. */
export function readCachedDataset(directory: string, key: string): Dataset | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(directory, `bundled-${key}.v8`));
  } catch {
    return undefined;
  }
  try {
    return datasetFromSnapshot(deserialize(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Stores the dataset under `key`, replacing older entries; written to a temporary name and renamed, so a
 * concurrent `kg` reads a whole file or none. A cache that cannot be written (read-only install) is skipped.
 */
export function writeCachedDataset(directory: string, key: string, dataset: Dataset): void {
  try {
    mkdirSync(directory, { recursive: true });
    const target = join(directory, `bundled-${key}.v8`);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(datasetSnapshot(dataset)));
    renameSync(temporary, target);
    for (const name of readdirSync(directory)) {
      if (name.startsWith("bundled-") && name !== basename(target) && !name.endsWith(".tmp")) rmSync(join(directory, name), { force: true });
    }
  } catch {
    // The cache only saves time; without it every start parses, as before.
  }
}
