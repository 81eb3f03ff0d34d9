// A Virtuoso server process (Debian's virtuoso-opensource) on free 127.0.0.1 ports over a database folder: start, SQL through isql-vt, stop.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface VirtuosoServerOptions {
  /** Database cache in 8 KiB pages. */
  buffers: number;
  /** Folders Virtuoso may read files from (file_open, the bulk loader); the database folder is always allowed. */
  dirsAllowed?: readonly string[];
  /**
   * The endpoint's MaxQueryExecutionTime in seconds, 0 for none. Past it Virtuoso answers with what it found so far
   * (its "anytime" results), so kg's own engine sets none and enforces its time limit itself.
   */
  maxQuerySeconds: number;
  /** The largest SELECT answer the endpoint returns; past it Virtuoso cuts silently. */
  resultSetMaxRows: number;
  /** The most rows an ORDER BY with a LIMIT may sort (Virtuoso's own default, 10,000, refuses a larger LIMIT). */
  maxSortedTopRows?: number;
  /** The most triples a CONSTRUCT or DESCRIBE answer may hold: Virtuoso builds one whole, in memory (default 1,000,000). */
  maxVectorSize?: number;
  /** Prefix of error messages, e.g. "tests/sparql" or "kg sparql". */
  who: string;
}

export interface VirtuosoProcess {
  /** The SPARQL endpoint, http://127.0.0.1:PORT/sparql */
  endpoint: string;
  pid: number | undefined;
  /** Milliseconds from spawning virtuoso-t to its endpoint answering. */
  startMs: number;
  /** Runs SQL statements through isql-vt as dba; rejects on an isql error or after timeoutMs. */
  sql(statements: string, timeoutMs: number): Promise<string>;
  /** The last lines of Virtuoso's log, for error messages. */
  logTail(): string;
  /** Stops the server: SIGTERM (Virtuoso checkpoints and exits), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** The install hint every "not found" message gives. */
export const virtuosoInstallHint = "install it with: apt-get install -y virtuoso-opensource";

/** Servers still running, killed synchronously if the process exits without stopping them (an uncaught error, process.exit). */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The paths of virtuoso-t and isql-vt, or undefined when either is missing. */
export function virtuosoBinaries(): { server: string; isql: string } | undefined {
  const server = which("virtuoso-t");
  const isql = which("isql-vt");
  return server && isql ? { server, isql } : undefined;
}

function which(binary: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${binary}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs isql-vt without blocking the event loop (so Ctrl-C handlers still run during a long load). */
export function runIsql(isql: string, args: string[], timeoutMs: number): Promise<{ status: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(isql, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, output, timedOut });
    });
  });
}

/** Writes virtuoso.ini into `dir` for a database there, listening on 127.0.0.1 only. */
function writeIni(dir: string, sqlPort: number, httpPort: number, options: VirtuosoServerOptions): string {
  const ini = join(dir, "virtuoso.ini");
  writeFileSync(ini, [
    "[Database]",
    `DatabaseFile = ${join(dir, "virtuoso.db")}`,
    `ErrorLogFile = ${join(dir, "virtuoso.log")}`,
    `LockFile = ${join(dir, "virtuoso.lck")}`,
    `TransactionFile = ${join(dir, "virtuoso.trx")}`,
    `xa_persistent_file = ${join(dir, "virtuoso.pxa")}`,
    "ErrorLogLevel = 7",
    "FileExtend = 200",
    "Striping = 0",
    "TempStorage = TempDatabase",
    "[TempDatabase]",
    `DatabaseFile = ${join(dir, "virtuoso-temp.db")}`,
    `TransactionFile = ${join(dir, "virtuoso-temp.trx")}`,
    "Striping = 0",
    "[Parameters]",
    `ServerPort = 127.0.0.1:${sqlPort}`,
    "DisableUnixSocket = 1",
    "CheckpointInterval = 0",
    `DirsAllowed = ., ${[dir, ...(options.dirsAllowed ?? [])].join(", ")}`,
    `NumberOfBuffers = ${options.buffers}`,
    `MaxDirtyBuffers = ${Math.round(options.buffers * 0.6)}`,
    "ThreadsPerQuery = 2",
    ...(options.maxSortedTopRows === undefined ? [] : [`MaxSortedTopRows = ${options.maxSortedTopRows}`]),
    ...(options.maxVectorSize === undefined ? [] : [`MaxVectorSize = ${options.maxVectorSize}`]),
    "[HTTPServer]",
    `ServerPort = 127.0.0.1:${httpPort}`,
    `ServerRoot = ${dir}`,
    "ServerThreads = 4",
    "MaxClientConnections = 4",
    "[SPARQL]",
    `ResultSetMaxRows = ${options.resultSetMaxRows}`,
    `MaxQueryExecutionTime = ${options.maxQuerySeconds}`,
    "",
  ].join("\n"));
  return ini;
}

/** Starts virtuoso-t over the database in `dir` (created when absent) and resolves once its SPARQL endpoint answers. */
export async function startVirtuosoProcess(dir: string, options: VirtuosoServerOptions): Promise<VirtuosoProcess> {
  const binaries = virtuosoBinaries();
  if (!binaries) throw new Error(`${options.who}: virtuoso-t or isql-vt not found; ${virtuosoInstallHint}`);
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  const ini = writeIni(dir, sqlPort, httpPort, options);
  let output = "";
  const started = performance.now();
  const child: ChildProcess = spawn(binaries.server, ["+foreground", "+configfile", ini], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const leftover of running) leftover.kill("SIGKILL");
    });
  }
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => {
    exited = code;
    running.delete(child);
    resolve();
  }));
  const stop = async () => {
    if (exited === undefined) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(killer);
    }
    running.delete(child);
  };
  const logTail = () => {
    try {
      return readFileSync(join(dir, "virtuoso.log"), "utf8").split("\n").slice(-15).join("\n");
    } catch {
      return output;
    }
  };
  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  try {
    await waitForEndpoint(endpoint, options.who, () => exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const sql = async (statements: string, timeoutMs: number) => {
    const run = await runIsql(binaries.isql, [`127.0.0.1:${sqlPort}`, "dba", "dba", `exec=${statements}`], timeoutMs);
    if (run.timedOut) throw new Error(`${options.who}: isql took longer than ${Math.round(timeoutMs / 1000)} s`);
    if (run.status !== 0 || /\*\*\* Error/.test(run.output)) throw new Error(`${options.who}: isql failed (exit ${run.status}):\n${run.output}`);
    return run.output;
  };
  return { endpoint, pid: child.pid, startMs: performance.now() - started, sql, logTail, stop };
}

async function waitForEndpoint(endpoint: string, who: string, exited: () => number | null | undefined, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited() !== undefined) throw new Error(`${who}: virtuoso-t exited (code ${exited()}) before its endpoint answered:\n${output()}`);
    try {
      const response = await fetch(`${endpoint}?query=${encodeURIComponent("ASK {}")}`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${who}: Virtuoso's endpoint ${endpoint} did not answer within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
