// kg's own local Virtuoso store (kg sparql --engine virtuoso): one database per set of data files, found by their content in a cache folder, loaded once and started for each query.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { homedir, totalmem } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { formatFromFileName } from "../rdf/parse.ts";
import { prefixesOfDirectives, TurtleDirectiveScanner } from "../rdf/turtle-directives.ts";
import { UsageError } from "./args.ts";
import { fileReadOffset } from "./read-offset.ts";
import { startVirtuosoProcess, virtuosoBinaries, virtuosoInstallHint, type VirtuosoProcess } from "./virtuoso-server.ts";

/** The graph the files are loaded into; queries name it as their default graph, so Virtuoso's own system graphs stay out. */
export const STORE_GRAPH = "urn:x-smartcity-kg:data";

/** Stores kept: opening a new one removes the least recently used beyond this many (each took ~82 MB of disk a million triples at 10M). */
export const STORES_KEPT = 3;

/** Bumped when the way a store is built changes, so older stores are not reused. */
const STORE_FORMAT = "kg-virtuoso-store-1";

const marker = "loaded.json";

export interface StoreRecord {
  files: string[];
  bytes: number;
  loadSeconds: number;
  /** STORE_FORMAT when it was built. */
  format: string;
  /**
   * The prefixes the files declare (first declaration of a name wins), which a query may use undeclared as with the
   * embedded engines; absent in stores built before kg recorded them.
   */
  prefixes?: Record<string, string>;
}

export interface OpenStore {
  /** The running server's SPARQL endpoint (127.0.0.1 only); query it with STORE_GRAPH as the default graph. */
  endpoint: string;
  folder: string;
  /** Whether the files were loaded by this call (else an earlier one's store was reused). */
  loadedNow: boolean;
  record: StoreRecord;
  /** Milliseconds to start the server and, when loadedNow, to load the files. */
  startMs: number;
  /** SQL through isql-vt as dba (kg store serve opens the endpoint to the workbench's origins). */
  sql(statements: string, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

/** Where stores live: $KG_CACHE_DIR, else $XDG_CACHE_HOME/smartcity-kg, else ~/.cache/smartcity-kg; then virtuoso/. */
export function storeRoot(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.KG_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "smartcity-kg");
  return join(cache, "virtuoso");
}

/** The store's name: a hash of the store format, and of each file's base IRI and bytes (not its name or date). */
export async function storeKey(files: readonly string[], bases: readonly string[]): Promise<string> {
  const hash = createHash("sha256").update(STORE_FORMAT);
  for (const [i, file] of files.entries()) {
    hash.update(`\n${bases[i]}\n${statSync(file).size}\n`);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  }
  return hash.digest("hex").slice(0, 32);
}

/** The folder of a complete store for this key, if there is one. */
export function findStore(root: string, key: string): string | undefined {
  const folder = join(root, key);
  return existsSync(join(folder, marker)) ? folder : undefined;
}

/** Whether any complete store exists (checked before hashing big files for a store that cannot be there). */
export function anyStore(root: string): boolean {
  try {
    return readdirSync(root).some((name) => existsSync(join(root, name, marker)));
  } catch {
    return false;
  }
}

/**
 * Page cache for these files: half again the pages the database takes while loading (~88 bytes, 0.011 pages, a triple at
 * 10M; Turtle ~45 bytes a triple, N-Triples ~150), within 20,000 pages and a third of memory. Not more: Virtuoso
 * sets up every buffer at each start, 16 s for 1,000,000 of them against 2.4 s for 150,000, and a load ran no
 * faster with 500,000 than with 150,000 at 10M.
 */
export function storeBuffers(turtleBytes: number, ntriplesBytes = 0, memory = totalmem()): number {
  const triples = turtleBytes / 45 + ntriplesBytes / 150;
  const ceiling = Math.max(20_000, Math.floor(memory / 3 / 8192));
  return Math.min(1_360_000, ceiling, Math.max(20_000, Math.round(triples * 0.016)));
}

/**
 * The largest graph answer the store builds: Virtuoso holds one whole, about 1.8 KB a triple (1.76 GB resident for
 * 1,002,499 triples), so a third of memory's worth, at least Virtuoso's own 1,000,000; past it Virtuoso refuses and
 * kg says to page the query, where more would swap.
 */
export function graphAnswerTriples(memory = totalmem()): number {
  return Math.max(1_000_000, Math.floor(memory / 3 / 1800));
}

const plain = /^[A-Za-z0-9:/._~%#?=&+@!$*,()-]+$/;

/** A string as a Virtuoso SQL expression: other characters become chr(byte) of their UTF-8, since isql splits statements at ';'. */
export function sqlString(text: string): string {
  const parts = text.split(/([^A-Za-z0-9:/._~%#?=&+@!$*,()-])/).filter((part) => part !== "");
  const pieces = parts.flatMap((part) => (plain.test(part) ? [`'${part}'`] : [...Buffer.from(part, "utf8")].map((byte) => `chr(${byte})`)));
  return pieces.length === 0 ? "''" : pieces.join(" || ");
}

export interface OpenOptions {
  files: readonly string[];
  /** Each file's base IRI, in order (relative IRIs in the file resolve against it). */
  bases: readonly string[];
  root?: string;
  /** Told what is worth a line of its own on stderr (a load starts, an old store is removed). */
  onStep?: (step: string) => void;
  /** Told the name of each file as Virtuoso starts loading it, for a progress line. */
  onFile?: (name: string) => void;
  /** Told, about once a second while Virtuoso loads a file, how far it has read into it (where the system says: Linux). */
  onRead?: (bytesRead: number, fileBytes: number) => void;
  /** Told when the files are loaded and Virtuoso writes the store to disk (a checkpoint: seconds at 10M). */
  onCheckpoint?: () => void;
  /** storeKey(files, bases) when the caller has it already (hashing gigabytes twice costs seconds). */
  key?: string;
  /** Aborted (Ctrl-C): the server is stopped and a store being loaded removed; openStore rejects with LoadInterrupted. */
  signal?: AbortSignal;
}

/** An open or a load stopped by OpenOptions.signal; nothing of a store being loaded is kept. */
export class LoadInterrupted extends Error {}

/** Starts the store for these files, loading them first when no store holds them; refuses formats Virtuoso's Turtle loader cannot read. */
export async function openStore(options: OpenOptions): Promise<OpenStore> {
  if (!virtuosoBinaries()) throw new UsageError(`kg sparql: --engine virtuoso needs virtuoso-t and isql-vt; ${virtuosoInstallHint}`, "sparql");
  for (const file of options.files) {
    const format = formatFromFileName(file) ?? "turtle";
    if (format !== "turtle" && format !== "ntriples") throw new UsageError(`kg sparql: --engine virtuoso loads Turtle and N-Triples files; ${file} is ${format}: use --engine auto`, "sparql");
  }
  const root = options.root ?? storeRoot();
  const key = options.key ?? (await storeKey(options.files, options.bases));
  const bytes = options.files.reduce((sum, file) => sum + statSync(file).size, 0);
  const ntriplesBytes = options.files.filter((file) => formatFromFileName(file) === "ntriples").reduce((sum, file) => sum + statSync(file).size, 0);
  // kg sparql asks for --limit + 1 rows, ordered or not, and kg's own limits apply; the server adds none.
  const serverOptions = { buffers: storeBuffers(bytes - ntriplesBytes, ntriplesBytes), maxQuerySeconds: 0, resultSetMaxRows: 2_147_483_647, maxSortedTopRows: 2_147_483_647, maxVectorSize: graphAnswerTriples(), who: "kg sparql" };
  const started = performance.now();
  const existing = findStore(root, key);
  checkNotInUse(join(root, key));
  if (existing) {
    const server = await startVirtuosoProcess(existing, serverOptions).catch((error: Error) => {
      throw new Error(`${error.message}\nThe store is ${existing}; remove that folder to load the files again.`);
    });
    const now = new Date();
    utimesSync(join(existing, marker), now, now);
    const record = JSON.parse(readFileSync(join(existing, marker), "utf8")) as StoreRecord;
    return { endpoint: server.endpoint, folder: existing, loadedNow: false, record, startMs: performance.now() - started, sql: server.sql, stop: server.stop };
  }
  const folder = join(root, key);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, "data"), { recursive: true });
  options.onStep?.(`loading ${options.files.length} file${options.files.length === 1 ? "" : "s"} (${(bytes / 1e6).toFixed(0)} MB) into a local Virtuoso store in ${folder}, once: later queries on the same files reuse it`);
  // The files are linked under safe names, so no path of the user's is ever spelt inside SQL or the server's ini.
  const links = options.files.map((file, i) => {
    const link = join(folder, "data", `${i}.ttl`);
    symlinkSync(resolve(file), link);
    return link;
  });
  const allowed = [...new Set(options.files.map((file) => dirname(resolve(file))))];
  let server: VirtuosoProcess | undefined;
  // Stopping the server ends the isql session that is loading, whose promise then rejects.
  const interrupt = () => void server?.stop();
  options.signal?.addEventListener("abort", interrupt);
  // Virtuoso keeps no record of a file's @prefix lines, so kg reads them itself while the server loads.
  const stopScan = new AbortController();
  const scanning = declaredPrefixes(options.files, options.bases, stopScan.signal);
  scanning.catch(() => undefined);
  try {
    server = await startVirtuosoProcess(folder, { ...serverOptions, dirsAllowed: allowed });
    for (const [i, link] of links.entries()) {
      if (options.signal?.aborted) break;
      options.onFile?.(basename(options.files[i]));
      const { pid } = server;
      const fileBytes = statSync(options.files[i]).size;
      const reading = setInterval(() => {
        const read = pid === undefined ? undefined : fileReadOffset(pid, options.files[i]);
        if (read !== undefined) options.onRead?.(read, fileBytes);
      }, 1000);
      // Flags 0: strict Turtle (a syntax error stops the load instead of skipping triples); log_enable(2, 1): no transaction log, as the bulk loader does.
      await server.sql(`log_enable(2, 1); DB.DBA.TTLP_MT(file_open(${sqlString(link)}), ${sqlString(options.bases[i])}, ${sqlString(STORE_GRAPH)}, 0);`, 24 * 3_600_000)
        .catch((error: Error) => {
          throw new UsageError(loadError(options.files[i], error.message), "sparql");
        })
        .finally(() => clearInterval(reading));
    }
    if (options.signal?.aborted) throw new LoadInterrupted("interrupted");
    options.onCheckpoint?.();
    await server.sql("checkpoint;", 3_600_000);
    const prefixes = await scanning;
    const record: StoreRecord = { files: options.files.map((file) => resolve(file)), bytes, loadSeconds: (performance.now() - started) / 1000, format: STORE_FORMAT, prefixes };
    writeFileSync(join(folder, marker), JSON.stringify(record, null, 2));
    for (const removed of removeOldStores(root, folder)) options.onStep?.(`removed an older store: ${removed}`);
    const ready = server;
    return { endpoint: ready.endpoint, folder, loadedNow: true, record, startMs: performance.now() - started, sql: ready.sql, stop: ready.stop };
  } catch (error) {
    stopScan.abort();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
    throw options.signal?.aborted ? new LoadInterrupted("interrupted") : error;
  } finally {
    options.signal?.removeEventListener("abort", interrupt);
  }
}

/** The prefixes the files' directives declare, the first declaration of a name winning across files as in kg's loader. */
async function declaredPrefixes(files: readonly string[], bases: readonly string[], signal: AbortSignal): Promise<Record<string, string>> {
  const prefixes: Record<string, string> = {};
  for (const [i, file] of files.entries()) {
    const scanner = new TurtleDirectiveScanner();
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22, signal })) scanner.push(chunk as Buffer);
    for (const [name, iri] of Object.entries(prefixesOfDirectives(scanner.end(), bases[i]))) prefixes[name] ??= iri;
  }
  return prefixes;
}

/**
 * Refuses a store another kg is using (loading or querying): two servers cannot share a database, and a second load
 * would remove the first one's work. A lock left by a server that no longer runs (killed) is removed.
 */
export function checkNotInUse(folder: string): void {
  const lock = join(folder, "virtuoso.lck");
  let text: string;
  try {
    text = readFileSync(lock, "utf8");
  } catch {
    return;
  }
  const pid = Number(/(\d+)/.exec(text)?.[1]);
  let alive = false;
  try {
    alive = Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
  } catch {
    alive = false;
  }
  if (alive) throw new UsageError(`kg sparql: the local Virtuoso store ${folder} is in use by another kg (server process ${pid}); wait for it to end`, "sparql");
  rmSync(lock, { force: true });
}

/** Virtuoso's loader error as file:line: message. */
function loadError(file: string, isqlOutput: string): string {
  const found = /SP\d+: [^,\n]*?, line (\d+): ([^\n]*)/.exec(isqlOutput);
  if (found) return `kg sparql: ${file}:${found[1]}: ${found[2]} (Virtuoso's Turtle loader; nothing was kept)`;
  const error = /\*\*\* Error[^\n]*/.exec(isqlOutput)?.[0] ?? isqlOutput.trim().split("\n").at(-1) ?? "";
  return `kg sparql: Virtuoso could not load ${file}: ${error} (nothing was kept)`;
}

export interface ListedStore {
  folder: string;
  record: StoreRecord;
  /** Bytes the database takes on disk. */
  diskBytes: number;
  lastUsed: Date;
}

/** The complete stores under root, most recently used first. */
export function listStores(root: string): ListedStore[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .map((name) => join(root, name))
    .filter((folder) => existsSync(join(folder, marker)))
    .map((folder) => ({
      folder,
      record: JSON.parse(readFileSync(join(folder, marker), "utf8")) as StoreRecord,
      diskBytes: readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).reduce((sum, entry) => sum + statSync(join(folder, entry.name)).size, 0),
      lastUsed: statSync(join(folder, marker)).mtime,
    }))
    .sort((a, b) => b.lastUsed.getTime() - a.lastUsed.getTime());
}

/** Removes complete stores beyond STORES_KEPT, least recently used first, never `keep`; returns their folders. */
function removeOldStores(root: string, keep: string): string[] {
  const stores = readdirSync(root)
    .map((name) => join(root, name))
    .filter((folder) => folder !== keep && existsSync(join(folder, marker)))
    .sort((a, b) => statSync(join(b, marker)).mtimeMs - statSync(join(a, marker)).mtimeMs);
  const removed = stores.slice(STORES_KEPT - 1);
  for (const folder of removed) rmSync(folder, { recursive: true, force: true });
  return removed;
}
