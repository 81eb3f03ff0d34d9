// A real Virtuoso (Debian's virtuoso-opensource) on free 127.0.0.1 ports, its database in a temporary folder, bulk-loaded with Turtle files; shared by tests/sparql and bench/sparql.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export interface VirtuosoServer {
  /** The SPARQL endpoint, e.g. http://127.0.0.1:PORT/sparql */
  endpoint: string;
  /** The graph the files were loaded into (the endpoint queries all graphs by default). */
  graph: string;
  /** The server process id (for the record; stop() is the way to end it). */
  pid: number | undefined;
  /** Milliseconds from spawning virtuoso-t to its endpoint answering, and of the bulk load (ld_dir + rdf_loader_run + checkpoint). */
  timings: { startMs: number; loadMs: number };
  /** The folder the files were copied to (Virtuoso's DirsAllowed lets it read files there). */
  dataDir: string;
  /** Runs SQL statements through isql-vt as dba (e.g. another loader, a status query); rejects on an isql error. */
  sql(statements: string, timeoutMs: number): Promise<string>;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its folder. */
  stop(): Promise<void>;
}

export interface VirtuosoOptions {
  /** The graph IRI to load the files into. */
  graph?: string;
  /** Database cache in 8 KiB pages; default 10 000 (80 MB), plenty for the bundled graph. Bulk loads of millions of triples want more. */
  buffers?: number;
  /** Longest the bulk load may take; default 120 s. */
  loadTimeoutMs?: number;
  /** Bulk loader threads run side by side (Virtuoso loads one file per thread); default 1. */
  loaders?: number;
  /** Prefix of error messages; default "tests/sparql". */
  who?: string;
  /**
   * Lets the endpoint's anonymous user (SPARQL) run SPARQL updates on every graph, as a carelessly configured
   * public store would; default false (Virtuoso's own default: read-only).
   */
  allowUpdates?: boolean;
  /**
   * The endpoint's MaxQueryExecutionTime in seconds; default 60. Past it Virtuoso answers with what it found so far
   * (its "anytime" results), so a benchmark of long queries raises it to get whole answers.
   */
  maxQuerySeconds?: number;
  /** Whether to bulk-load the files; default true. False copies them to dataDir only, for a caller's own loader. */
  bulkLoad?: boolean;
}

const defaultGraph = "https://w3id.org/smartcity-kg/";

/** Servers still running, killed synchronously if the process exits without stopping them (an uncaught error, process.exit). */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

function killLeftovers(): void {
  for (const [child, dir] of running) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}

function freePort(): Promise<number> {
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

function which(binary: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${binary}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const install = "install it with: apt-get install -y virtuoso-opensource (.ci/run does)";

/** Runs isql-vt without blocking the event loop (so Ctrl-C handlers still run during a long bulk load). */
function runIsql(isql: string, args: string[], timeoutMs: number): Promise<{ status: number | null; output: string; timedOut: boolean }> {
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

/**
 * Starts Virtuoso, bulk-loads the files into the graph (ld_dir + rdf_loader_run), and resolves once its SPARQL
 * endpoint answers. The second argument is the graph IRI (as before) or the options.
 */
export async function startVirtuoso(files: readonly string[], graphOrOptions: string | VirtuosoOptions = {}): Promise<VirtuosoServer> {
  const options: VirtuosoOptions = typeof graphOrOptions === "string" ? { graph: graphOrOptions } : graphOrOptions;
  const graph = options.graph ?? defaultGraph;
  const who = options.who ?? "tests/sparql";
  const buffers = options.buffers ?? 10_000;
  const loaders = Math.max(1, options.loaders ?? 1);
  const server = which("virtuoso-t");
  const isql = which("isql-vt");
  if (!server || !isql) throw new Error(`${who}: virtuoso-t or isql-vt not found; ${install}`);
  const dir = mkdtempSync(join(tmpdir(), "kg-virtuoso-"));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
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
    `DirsAllowed = ., ${dir}`,
    `NumberOfBuffers = ${buffers}`,
    `MaxDirtyBuffers = ${Math.round(buffers * 0.6)}`,
    "ThreadsPerQuery = 2",
    "[HTTPServer]",
    `ServerPort = 127.0.0.1:${httpPort}`,
    `ServerRoot = ${dir}`,
    "ServerThreads = 4",
    "MaxClientConnections = 4",
    "[SPARQL]",
    "ResultSetMaxRows = 100000",
    `MaxQueryExecutionTime = ${options.maxQuerySeconds ?? 60}`,
    "",
  ].join("\n"));
  const data = join(dir, "data");
  mkdirSync(data);
  for (const file of files) copyFileSync(file, join(data, basename(file)));

  let output = "";
  const started = performance.now();
  const child: ChildProcess = spawn(server, ["+foreground", "+configfile", ini], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  running.set(child, dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", killLeftovers);
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
    rmSync(dir, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  const timings = { startMs: 0, loadMs: 0 };
  try {
    await waitForEndpoint(endpoint, who, () => exited, () => output);
    timings.startMs = performance.now() - started;
    const loadStart = performance.now();
    const login = [`127.0.0.1:${sqlPort}`, "dba", "dba"];
    const listed = await runIsql(isql, [...login, `exec=ld_dir('${data}', '${options.bulkLoad === false ? "-" : "*.ttl"}', '${graph}');`], 30_000);
    if (listed.status !== 0 || /\*\*\* Error/.test(listed.output)) throw new Error(`${who}: listing the files for Virtuoso's bulk loader failed (isql exit ${listed.status}):\n${listed.output}`);
    // Each rdf_loader_run takes the next unloaded file; several run side by side when there are several files.
    const timeout = options.loadTimeoutMs ?? 120_000;
    const runs = await Promise.all(Array.from({ length: loaders }, () => runIsql(isql, [...login, "exec=rdf_loader_run();"], timeout)));
    for (const run of runs) {
      if (run.timedOut) throw new Error(`${who}: Virtuoso's bulk load took longer than ${Math.round(timeout / 1000)} s`);
      if (run.status !== 0 || /\*\*\* Error/.test(run.output)) throw new Error(`${who}: loading the data into Virtuoso failed (isql exit ${run.status}):\n${run.output}`);
    }
    const load = await runIsql(isql, [...login, "exec=checkpoint; SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;"], timeout);
    if (load.status !== 0 || /\*\*\* Error/.test(load.output)) {
      throw new Error(`${who}: loading the data into Virtuoso failed (isql exit ${load.status}):\n${load.output}`);
    }
    if (!/0 Rows\./.test(load.output)) throw new Error(`${who}: Virtuoso rejected some files:\n${load.output}`);
    if (options.allowUpdates) {
      const granted = await runIsql(isql, [...login, `exec=GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);`], 30_000);
      if (granted.status !== 0 || /\*\*\* Error/.test(granted.output)) throw new Error(`${who}: granting SPARQL_UPDATE failed (isql exit ${granted.status}):\n${granted.output}`);
    }
    timings.loadMs = performance.now() - loadStart;
  } catch (error) {
    const log = (() => {
      try {
        return readFileSync(join(dir, "virtuoso.log"), "utf8").split("\n").slice(-15).join("\n");
      } catch {
        return output;
      }
    })();
    await stop();
    throw new Error(`${(error as Error).message}\nVirtuoso log (last lines):\n${log}`);
  }
  const sql = async (statements: string, timeoutMs: number) => {
    const run = await runIsql(isql, [`127.0.0.1:${sqlPort}`, "dba", "dba", `exec=${statements}`], timeoutMs);
    if (run.timedOut) throw new Error(`${who}: isql took longer than ${Math.round(timeoutMs / 1000)} s`);
    if (run.status !== 0 || /\*\*\* Error/.test(run.output)) throw new Error(`${who}: isql failed (exit ${run.status}):\n${run.output}`);
    return run.output;
  };
  return { endpoint, graph, pid: child.pid, timings, dataDir: data, sql, stop };
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
