// Loads the graph for a command: the bundled ontology and data, or the --data files, streamed from disk with progress on stderr.
import { createReadStream, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Dataset } from "../rdf/dataset.ts";
import { loadDatasetStream, type RdfStreamSource } from "../rdf/parse.ts";
import { UsageError } from "./args.ts";
import { bundledCacheDirectory, bundledCacheKey, readCachedDataset, writeCachedDataset } from "./load-cache.ts";
import { thousands } from "./format.ts";
import { Progress } from "./progress.ts";
import { checkHeap, watchHeap } from "./heap-guard.ts";

export { Progress } from "./progress.ts";

/** The package root (two levels above this file), so the bundled graph is found from any working directory. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The ontology's and graph data's Turtle files, sorted, in that order. */
export function bundledDataFiles(): string[] {
  return [...turtleFilesIn(join(packageRoot, "ontology")), ...turtleFilesIn(join(packageRoot, "graph-data"))];
}

export function turtleFilesIn(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith(".ttl")).sort().map((name) => join(directory, name));
}

export interface LoadedData {
  dataset: Dataset;
  /** The files loaded, as given (or absolute for the bundled graph). */
  files: string[];
}

export function formatCount(n: number): string {
  return thousands(n);
}

/** A missing file is a mistake in the arguments (exit 2), reported before any parsing starts. */
function checkReadable(file: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UsageError(`kg: cannot read ${JSON.stringify(file)}: no such file`);
  }
  if (!isFile) throw new UsageError(`kg: ${JSON.stringify(file)} is not a file`);
}

/** Reads a file as UTF-8 through a stream, reporting the characters read so far. */
export async function readText(file: string, onChunk?: (chars: number) => void): Promise<string> {
  checkReadable(file);
  const chunks: string[] = [];
  let chars = 0;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    chunks.push(chunk as string);
    chars += (chunk as string).length;
    onChunk?.(chars);
  }
  return chunks.join("");
}

/**
 * The IRI a file's relative IRIs resolve against: --base when given, else the file's own file: URL, as rapper
 * does, so that `<#x>` in /data/a.ttl is <file:///data/a.ttl#x> and every export holds absolute IRIs only.
 */
export function documentBase(file: string, baseIRI?: string): string {
  return baseIRI ?? pathToFileURL(resolve(file)).href;
}

/**
 * Loads the given files (or the bundled graph) into one dataset, relative IRIs resolved against `baseIRI` or each
 * file's location; a syntax error rejects with an RdfSyntaxError.
 */
export async function loadData(dataFiles: readonly string[] | undefined, baseIRI?: string): Promise<LoadedData> {
  const files = dataFiles ? [...dataFiles] : bundledDataFiles();
  if (files.length === 0) throw new UsageError(`kg: no data found in ${join(packageRoot, "ontology")} or ${join(packageRoot, "graph-data")}; pass --data FILE`);
  for (const file of files) checkReadable(file);
  // Only the bundled graph is cached: it is read by every start, and user files may be large or change often.
  const cacheKey = dataFiles === undefined && baseIRI === undefined && process.env.KG_LOAD_CACHE !== "0" ? bundledCacheKey(files) : undefined;
  const cacheDirectory = bundledCacheDirectory(packageRoot);
  if (cacheKey !== undefined) {
    const cached = readCachedDataset(cacheDirectory, cacheKey);
    if (cached) return { dataset: cached, files: files.map((file) => displayName(file, false)) };
  }
  const progress = new Progress();
  watchHeap();
  const sources: RdfStreamSource[] = files.map((file) => ({
    name: displayName(file, dataFiles !== undefined),
    chunks: utf8Chunks(file, displayName(file, dataFiles !== undefined)),
    baseIRI: documentBase(file, baseIRI),
  }));
  // Progress counts restart with each file; keep a running total over all files.
  let before = 0;
  let lastCount = 0;
  let current = "";
  const dataset = await loadDatasetStream(sources, {
    onProgress: ({ file, quads }) => {
      if (file !== current) {
        before += lastCount;
        current = file;
      }
      lastCount = quads;
      progress.update(`loading ${basename(file)}: ${formatCount(before + quads)} quads${progress.rate(before + quads, "quads")}…`);
    },
  });
  if (cacheKey !== undefined) writeCachedDataset(cacheDirectory, cacheKey, dataset);
  progress.done(`loaded ${formatCount(dataset.size)} quads from ${files.length} file${files.length === 1 ? "" : "s"} in ${progress.elapsedSeconds.toFixed(1)} s`);
  return { dataset, files: sources.map((source) => source.name) };
}

/** A file's name for messages: as the user gave it, or relative to the package for the bundled graph. */
/**
 * The file's text, decoded strictly: bytes that are not UTF-8 are refused at their line and column, since a
 * decoder that replaced them with U+FFFD could merge two distinct IRIs into one entity.
 */
async function* utf8Chunks(file: string, name: string): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      checkHeap(`reading ${thousands(bytes)} bytes`);
      bytes += (chunk as Buffer).length;
      yield decoder.decode(chunk as Buffer, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_ENCODING_INVALID_ENCODED_DATA") throw error;
    // Found again in a second read, only on failure, so the load itself keeps no line count.
    const { invalidUtf8Error } = await import("../rdf/utf8-check.ts");
    throw invalidUtf8Error(await readFile(file), name) ?? error;
  }
}

function displayName(file: string, given: boolean): string {
  if (given) return file;
  return file.startsWith(packageRoot) ? file.slice(packageRoot.length + 1) : file;
}
