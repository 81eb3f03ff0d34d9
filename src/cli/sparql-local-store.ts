// kg sparql over kg's local Virtuoso store: chosen by --engine virtuoso, or by auto for large files (a store that holds them, or a new one); the query goes over the SPARQL protocol on 127.0.0.1.
import { existsSync, statfsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { formatFromFileName } from "../rdf/parse.ts";
import { UsageError } from "./args.ts";
import { warn } from "./command.ts";
import { bundledDataFiles, documentBase } from "./load.ts";
import { printAnswer, type SparqlFormat } from "./sparql-print.ts";
import { StoreProgress } from "./store-progress.ts";
import { anyStore, findStore, LoadInterrupted, openStore, storeKey, storeRoot, STORE_GRAPH, type OpenStore } from "./virtuoso-store.ts";
import { virtuosoBinaries } from "./virtuoso-server.ts";

/**
 * From this many bytes of data files, auto uses a store that already holds them: its server starts in 2–4 s and
 * answers whole-graph queries in seconds, where an embedded engine first reads the files (at 10M triples, 450 MB:
 * 29 s) and Comunica then takes a minute or more (docs/scale.md). Below it the embedded engines answer sooner.
 */
export const AUTO_STORE_FROM_BYTES = 100_000_000;

/**
 * From this many bytes (about 4.5M triples) auto loads the files into a new store when none holds them yet, unless
 * $KG_AUTO_STORE_MB says otherwise ("never" to keep to the embedded engines). The first query then takes about as
 * long as Comunica's, whole-graph ones half as long (10M: 52 s against 95 s; 20M: 124 s against 237 s), and every
 * later query seconds instead of the minute kg takes to read the files again.
 */
export const AUTO_NEW_STORE_FROM_BYTES = 200_000_000;

/** The store auto answers from: one that holds the files, or one to load now. */
export interface StoreRoute {
  key: string;
  exists: boolean;
  bytes: number;
}

export interface StoreQuery {
  query: string;
  dataFiles: readonly string[] | undefined;
  baseIRI: string | undefined;
  format: SparqlFormat | undefined;
  limit: number;
  timeoutMs: number;
  /** kg sparql -o FILE: the answer goes there instead of stdout. */
  output?: string;
  /** The store's key when the caller already hashed the files (autoStoreRoute). */
  key?: string;
  /** auto's choice: when the store cannot be opened or loaded, say why and return undefined (the embedded engines answer). */
  fallBack?: boolean;
}

function filesAndBases(dataFiles: readonly string[] | undefined, baseIRI: string | undefined): { files: string[]; bases: string[] } {
  const files = dataFiles ? [...dataFiles] : bundledDataFiles();
  return { files, bases: files.map((file) => documentBase(file, baseIRI)) };
}

/** $KG_AUTO_STORE_MB as bytes: unset gives the default, "never" (or "off") none; anything else is refused. */
export function newStoreFromBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.KG_AUTO_STORE_MB?.trim();
  if (value === undefined || value === "") return AUTO_NEW_STORE_FROM_BYTES;
  if (/^(never|off)$/i.test(value)) return Infinity;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`kg sparql: KG_AUTO_STORE_MB must be a number of megabytes or "never", got ${JSON.stringify(value)}`, "sparql");
  return Number(value) * 1e6;
}

/**
 * Where auto should answer: a store holding exactly these files when they are `fromBytes` or more, or a new one
 * when they are `newFromBytes` or more, Virtuoso can read them and the disk has room; else the embedded engines.
 * The key goes on to runOnStore, so large files are hashed once.
 */
export async function autoStoreRoute(dataFiles: readonly string[] | undefined, baseIRI: string | undefined, fromBytes = AUTO_STORE_FROM_BYTES, newFromBytes = newStoreFromBytes()): Promise<StoreRoute | undefined> {
  const { files, bases } = filesAndBases(dataFiles, baseIRI);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  // Sizes first: looking for Virtuoso's binaries starts two shells, which every small query would pay.
  if (bytes < Math.min(fromBytes, newFromBytes) || !virtuosoBinaries()) return undefined;
  const root = storeRoot();
  const mayLoad = bytes >= newFromBytes && files.every(storeReads) && roomFor(bytes, root);
  if (!mayLoad && !anyStore(root)) return undefined;
  const key = await storeKey(files, bases);
  if (findStore(root, key)) return { key, exists: true, bytes };
  return mayLoad ? { key, exists: false, bytes } : undefined;
}

/** Whether a store already holds these files (of `fromBytes` or more): what auto reuses without loading anything. */
export async function storeHolds(dataFiles: readonly string[] | undefined, baseIRI: string | undefined, fromBytes = AUTO_STORE_FROM_BYTES): Promise<boolean> {
  return (await autoStoreRoute(dataFiles, baseIRI, fromBytes, Infinity))?.exists === true;
}

function storeReads(file: string): boolean {
  const format = formatFromFileName(file) ?? "turtle";
  return format === "turtle" || format === "ntriples";
}

/** Room for a store of these files: it takes about twice their size (819 MB for 450 MB at 10M), and more while loading. */
function roomFor(bytes: number, root: string): boolean {
  let folder = root;
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    const disk = statfsSync(folder);
    return disk.bavail * disk.bsize >= 3 * bytes + 1e9;
  } catch {
    return false;
  }
}

/** Opens (or first loads) the store, runs the query with the time limit, prints the answer and stops the server. */
export async function runOnStore(request: StoreQuery): Promise<number | undefined> {
  const [{ SparqlEndpoint, SparqlEndpointError }, { classifySparql, loadSparqlClassifier, updateRefusal }, { prefixes }, { queryPlanner, undeclaredPrefixes, unknownPrefixError }, { loadSparqlMigrator }, { remoteReplacements }] = await Promise.all([
    import("../sparql/sparql-endpoint.ts"), import("../sparql/sparql-form.ts"), import("../rdf/vocab.ts"), import("../sparql/sparql-embedded.ts"),
    import("../sparql/sparql-migrate.ts"), import("../sparql/sparql-remote-replacements.ts"),
  ]);
  const kind = await classifySparql(request.query);
  if (kind.kind === "update") {
    warn(`${updateRefusal(kind.operations, "can be run")}\nThe local store is a copy of the files: an update would change nothing.`);
    return 2;
  }
  const { files, bases } = filesAndBases(request.dataFiles, request.baseIRI);
  const shown = new StoreProgress("kg sparql", "starting the local Virtuoso store");
  const cancel = new AbortController();
  let stoppedBy = "";
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy = signal === "SIGINT" ? "(interrupted)" : "(terminated)";
    cancel.abort();
  };
  // on, not once: a repeated Ctrl-C (the terminal's and the one supervise.ts passes on) must not end kg before its
  // server is stopped; a server left running would hold the store's lock.
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  shown.start();
  let store: OpenStore;
  try {
    store = await openStore({
      files, bases, key: request.key, signal: cancel.signal,
      onStep: (now) => warn(`kg sparql: ${now}`),
      ...shown.loadSteps,
    });
  } catch (error) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (!(error instanceof LoadInterrupted) && request.fallBack) {
      warn(`kg sparql: the local Virtuoso store could not be used (${(error as Error).message.replace(/^kg sparql: /, "")}); answering over the loaded files instead`);
      return undefined;
    }
    if (!(error instanceof LoadInterrupted)) throw error;
    warn(`kg sparql: stopped ${stoppedBy} while opening the local Virtuoso store; nothing of a store being loaded was kept`);
    return 130;
  } finally {
    shown.stop();
  }
  // The time limit is the query's: a first load takes as long as it takes, once.
  const timer = setTimeout(() => {
    stoppedBy = `after ${request.timeoutMs / 1000} s (the time limit; raise it with --timeout SECONDS)`;
    cancel.abort();
  }, request.timeoutMs);
  try {
    // Virtuoso's own time limit would answer with what it found so far; kg's limit aborts instead (the server is then stopped, which ends the query).
    const endpoint = new SparqlEndpoint({ url: store.endpoint, defaultGraphs: [STORE_GRAPH], timeoutMs: request.timeoutMs + 60_000 });
    const stopped = (error: unknown) => {
      if (cancel.signal.aborted) throw new SparqlEndpointError(`kg sparql: the query was stopped ${stoppedBy}`, "usage", store.endpoint);
      throw error;
    };
    // Planned as the embedded engines plan it: the files' prefixes (over kg's own) declared where used, old names
    // migrated with a note; a syntax error is refused (SparqlQueryError) before anything is sent.
    const [classify, migrate] = await Promise.all([loadSparqlClassifier(), remoteReplacements(endpoint, cancel.signal).then(loadSparqlMigrator).catch(stopped)]);
    const dataPrefixes = { ...prefixes, ...store.record.prefixes };
    const planned = queryPlanner({ prefixes: dataPrefixes, classify, migrate })(request.query);
    const unknown = undeclaredPrefixes(planned.query);
    if (unknown.length > 0) throw unknownPrefixError(unknown, dataPrefixes);
    for (const note of planned.notes.notes ?? []) warn(`kg sparql: ${note.replace(/^query\/sparql: /, "")}`);
    shown.start("querying the local Virtuoso store");
    const answer = await endpoint.queryStreaming(planned.query, { signal: cancel.signal, maxRows: request.limit })
      .catch(stopped)
      .finally(() => {
        shown.stop();
        shown.progress.done(`kg sparql: ${store.loadedNow ? "loaded and queried" : "queried"} the local Virtuoso store in ${shown.progress.elapsedSeconds.toFixed(1)} s`);
      });
    warn(`kg sparql: answered by a local Virtuoso store of ${files.length} file${files.length === 1 ? "" : "s"} (${(store.record.bytes / 1e6).toFixed(0)} MB) in ${store.folder}`);
    // A graph is written as it arrives: kg's time limit and Ctrl-C can still stop it, and say so.
    return await printAnswer(answer, request.format, request.limit, store.record.prefixes ?? {}, undefined, request.output, () => (cancel.signal.aborted ? `kg sparql: the query was stopped ${stoppedBy}` : undefined));
  } finally {
    clearTimeout(timer);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await store.stop();
  }
}
