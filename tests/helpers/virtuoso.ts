// A real Virtuoso (Debian's virtuoso-opensource) on free 127.0.0.1 ports, its database in a temporary folder, bulk-loaded with Turtle files; shared by tests/sparql and bench/sparql.ts.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { startVirtuosoProcess, virtuosoInstallHint, type VirtuosoProcess } from "../../src/cli/virtuoso-server.ts";

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

/** Folders of servers still running, removed if the process exits without stopping them (their servers are killed by virtuoso-server). */
const folders = new Set<string>();
let exitHookInstalled = false;

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
  const dir = mkdtempSync(join(tmpdir(), "kg-virtuoso-"));
  folders.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });
  }
  const data = join(dir, "data");
  mkdirSync(data);
  for (const file of files) copyFileSync(file, join(data, basename(file)));
  const remove = () => {
    folders.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  let server: VirtuosoProcess;
  try {
    server = await startVirtuosoProcess(dir, { buffers, maxQuerySeconds: options.maxQuerySeconds ?? 60, resultSetMaxRows: 100_000, who });
  } catch (error) {
    remove();
    throw new Error((error as Error).message.replace(virtuosoInstallHint, `${virtuosoInstallHint} (.ci/run does)`));
  }
  const stop = async () => {
    await server.stop();
    remove();
  };
  const timings = { startMs: server.startMs, loadMs: 0 };
  try {
    const loadStart = performance.now();
    const fail = (what: string) => (error: unknown) => {
      throw new Error(`${who}: ${what}:\n${(error as Error).message}`);
    };
    await server.sql(`ld_dir('${data}', '${options.bulkLoad === false ? "-" : "*.ttl"}', '${graph}');`, 30_000).catch(fail("listing the files for Virtuoso's bulk loader failed"));
    // Each rdf_loader_run takes the next unloaded file; several run side by side when there are several files.
    const timeout = options.loadTimeoutMs ?? 120_000;
    await Promise.all(Array.from({ length: loaders }, () => server.sql("rdf_loader_run();", timeout))).catch(fail("loading the data into Virtuoso failed"));
    const load = await server.sql("checkpoint; SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;", timeout).catch(fail("loading the data into Virtuoso failed"));
    if (!/0 Rows\./.test(load)) throw new Error(`${who}: Virtuoso rejected some files:\n${load}`);
    if (options.allowUpdates) {
      await server.sql(`GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);`, 30_000).catch(fail("granting SPARQL_UPDATE failed"));
    }
    timings.loadMs = performance.now() - loadStart;
  } catch (error) {
    const log = server.logTail();
    await stop();
    throw new Error(`${(error as Error).message}\nVirtuoso log (last lines):\n${log}`);
  }
  return { endpoint: server.endpoint, graph, pid: server.pid, timings, dataDir: data, sql: server.sql, stop };
}
