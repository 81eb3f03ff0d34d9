// Generated benchmark datasets cached under bench/out/, keyed by size, seed and generator version.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATOR_VERSION, generateTurtle, type GeneratedStats } from "./generate.ts";

export const benchOutDir = join(dirname(fileURLToPath(import.meta.url)), "out");

export interface CachedDataset {
  path: string;
  bytes: number;
  stats: GeneratedStats;
  /** Whether this call generated the file (false: read from the cache). */
  generated: boolean;
}

/** The Turtle file for (triples, seed), generating and caching it when missing. */
export function ensureDataset(triples: number, seed: number): CachedDataset {
  mkdirSync(benchOutDir, { recursive: true });
  const base = join(benchOutDir, `kg-g${GENERATOR_VERSION}-seed${seed}-${triples}`);
  const path = `${base}.ttl`;
  const statsPath = `${base}.json`;
  if (existsSync(path) && existsSync(statsPath)) {
    const stats = JSON.parse(readFileSync(statsPath, "utf8")) as GeneratedStats & { bytes: number };
    return { path, bytes: stats.bytes, stats, generated: false };
  }
  const { lines, stats } = generateTurtle({ triples, seed });
  // Written in pieces (at 20M triples the text is over V8's string cap); then renamed, so an interrupted run never
  // leaves a truncated file that looks cached.
  const fd = openSync(`${path}.tmp`, "w");
  let bytes = 0;
  for (let from = 0; from < lines.length; from += 10_000) {
    const piece = lines.slice(from, from + 10_000).join("\n") + (from + 10_000 < lines.length ? "\n" : "");
    bytes += writeSync(fd, piece);
  }
  closeSync(fd);
  renameSync(`${path}.tmp`, path);
  writeFileSync(statsPath, JSON.stringify({ ...stats, bytes }, null, 2));
  return { path, bytes, stats, generated: true };
}

/** Parses "10k", "1M", "250000" into a triple count. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`bench: size "${text}" is not a number like 10k, 100k or 1M`);
  const scale = match[2].toLowerCase() === "k" ? 1e3 : match[2].toLowerCase() === "m" ? 1e6 : 1;
  return Math.round(Number(match[1]) * scale);
}

/** "10k", "1M" for round sizes, else the number. */
export function sizeLabel(triples: number): string {
  if (triples >= 1e6 && triples % 1e6 === 0) return `${triples / 1e6}M`;
  if (triples >= 1e3 && triples % 1e3 === 0) return `${triples / 1e3}k`;
  return String(triples);
}
