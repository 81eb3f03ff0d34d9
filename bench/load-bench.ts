// Load benchmarks: the project's loadDataset + projectGraph against n3's own parser and Store, and rapper as a native reference.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { Parser, Store } from "n3";
import type * as RDF from "@rdfjs/types";
import { loadDataset } from "../src/rdf/parse.ts";
import type { Dataset } from "../src/rdf/dataset.ts";
import { projectGraph } from "../src/graph/project.ts";
import type { GraphIndex } from "../src/graph/types.ts";
import { collectGarbage, cpuMs, retainedBytes, summarize, timeAsync, timeSync, type Summary } from "./stats.ts";

/** n3's parser with a callback that only counts: the cheapest way n3 can read the text, our baseline. */
export function parseCountOnly(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    new Parser({ format: "text/turtle" }).parse(text, {
      onQuad: (error: Error | null, quad: RDF.Quad | null) => {
        if (error) reject(error);
        else if (quad) count++;
        else resolve(count);
      },
    } as never);
  });
}

export function loadN3Store(text: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    const store = new Store();
    new Parser({ format: "text/turtle" }).parse(text, {
      onQuad: (error: Error | null, quad: RDF.Quad | null) => {
        if (error) reject(error);
        else if (quad) store.addQuad(quad as never);
        else resolve(store);
      },
    } as never);
  });
}

export interface LoadResults {
  n3Parse: Summary;
  loadDataset: Summary;
  projectGraph: Summary;
  /** loadDataset + projectGraph, per repetition. */
  loadTotal: Summary;
  /** CPU time (this process, all threads) of the n3 parse and of loadDataset + projectGraph, per repetition. */
  n3ParseCpu: Summary;
  loadTotalCpu: Summary;
  n3Store: Summary;
  /** Wall time of `rapper -c` (process start included), or null when rapper is not installed. */
  rapper: Summary | null;
  /** Retained bytes per triple of the Dataset + GraphIndex, and of an n3 Store for comparison. */
  bytesPerTriple: number;
  n3StoreBytesPerTriple: number;
  triples: number;
}

function rapperAvailable(): boolean {
  return spawnSync("rapper", ["--version"], { encoding: "utf8" }).status === 0;
}

export interface LoadOptions {
  repetitions: number;
  storeRepetitions: number;
  /** Whether to run everything once untimed first; a big size after smaller ones runs on warm code already. */
  warmUp: boolean;
  log: (message: string) => void;
}

/** Times each loader `repetitions` times (after a warm-up if asked), interleaved so machine drift hits all alike. */
export async function benchLoad(path: string, options: LoadOptions): Promise<{ results: LoadResults; dataset: Dataset; graph: GraphIndex }> {
  const text = readFileSync(path, "utf8");
  const parseCpu: number[] = [], totalCpu: number[] = [];
  const n3Parse: number[] = [], load: number[] = [], project: number[] = [], total: number[] = [], store: number[] = [], rapper: number[] = [];
  const hasRapper = rapperAvailable();
  for (let rep = options.warmUp ? -1 : 0; rep < options.repetitions; rep++) {
    const record = rep >= 0;
    collectGarbage();
    const parseCpuStart = cpuMs();
    const parseMs = await timeAsync(() => parseCountOnly(text));
    const parseCpuMs = cpuMs() - parseCpuStart;
    collectGarbage();
    let loaded: Dataset | undefined;
    const loadCpuStart = cpuMs();
    const loadMs = await timeAsync(async () => {
      loaded = await loadDataset([{ name: "bench.ttl", text, format: "turtle" }]);
    });
    const projectMs = timeSync(() => projectGraph(loaded!));
    const loadCpuMs = cpuMs() - loadCpuStart;
    loaded = undefined;
    if (record) {
      parseCpu.push(parseCpuMs);
      totalCpu.push(loadCpuMs);
      n3Parse.push(parseMs);
      load.push(loadMs);
      project.push(projectMs);
      total.push(loadMs + projectMs);
    }
    if (hasRapper && rep < Math.max(3, options.storeRepetitions)) {
      const start = performance.now();
      const run = spawnSync("rapper", ["-c", "-q", "-i", "turtle", path], { encoding: "utf8" });
      const ms = performance.now() - start;
      if (run.status !== 0) throw new Error(`bench: rapper -c failed on ${path}: ${run.stderr}`);
      if (record) rapper.push(ms);
    }
    options.log(`  load rep ${rep + 1}/${options.repetitions}: n3 parse ${parseMs.toFixed(0)} ms, loadDataset ${loadMs.toFixed(0)} ms, projectGraph ${projectMs.toFixed(0)} ms`);
  }
  // n3 Store is context only and slow at 1M (tens of seconds): no warm-up, and its memory comes from the same runs.
  let storeRetained = 0;
  for (let rep = 0; rep < options.storeRepetitions; rep++) {
    const before = retainedBytes();
    let loadedStore: Store | undefined;
    store.push(await timeAsync(async () => (loadedStore = await loadN3Store(text))));
    storeRetained = retainedBytes() - before;
    if (loadedStore?.size === 0) throw new Error("bench: the n3 Store loaded nothing");
    loadedStore = undefined;
  }

  // Memory: load once more and keep only what a session keeps (dataset + index).
  const triples = await parseCountOnly(text);
  const retained = await measureRetained(path);
  return {
    results: {
      n3Parse: summarize(n3Parse),
      loadDataset: summarize(load),
      projectGraph: summarize(project),
      loadTotal: summarize(total),
      n3ParseCpu: summarize(parseCpu),
      loadTotalCpu: summarize(totalCpu),
      n3Store: summarize(store),
      rapper: hasRapper ? summarize(rapper) : null,
      bytesPerTriple: retained.bytes / triples,
      n3StoreBytesPerTriple: storeRetained / triples,
      triples,
    },
    dataset: retained.dataset,
    graph: retained.graph,
  };
}

/** Heap + array-buffer growth from loading the file (read inside, so the text counts only if the result keeps it). */
async function measureRetained(path: string): Promise<{ bytes: number; dataset: Dataset; graph: GraphIndex }> {
  const before = retainedBytes();
  const dataset = await loadDataset([{ name: "bench.ttl", text: readFileSync(path, "utf8"), format: "turtle" }]);
  const graph = projectGraph(dataset);
  const after = retainedBytes();
  return { bytes: after - before, dataset, graph };
}
