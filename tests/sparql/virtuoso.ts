// Test helper: a real Virtuoso (Debian's virtuoso-opensource) on free 127.0.0.1 ports, its database in a temporary folder, loaded with Turtle files.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export interface VirtuosoServer {
  /** The SPARQL endpoint, e.g. http://127.0.0.1:PORT/sparql */
  endpoint: string;
  /** The graph the files were loaded into (the endpoint queries all graphs by default). */
  graph: string;
  stop(): Promise<void>;
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

/** Starts Virtuoso, loads the files into `graph`, and resolves once its SPARQL endpoint answers. */
export async function startVirtuoso(files: readonly string[], graph = "https://w3id.org/smartcity-kg/"): Promise<VirtuosoServer> {
  const server = which("virtuoso-t");
  const isql = which("isql-vt");
  if (!server || !isql) throw new Error(`tests/sparql: virtuoso-t or isql-vt not found; ${install}`);
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
    "NumberOfBuffers = 10000",
    "MaxDirtyBuffers = 6000",
    "ThreadsPerQuery = 2",
    "[HTTPServer]",
    `ServerPort = 127.0.0.1:${httpPort}`,
    `ServerRoot = ${dir}`,
    "ServerThreads = 4",
    "MaxClientConnections = 4",
    "[SPARQL]",
    "ResultSetMaxRows = 100000",
    "MaxQueryExecutionTime = 60",
    "",
  ].join("\n"));
  const data = join(dir, "data");
  spawnSync("mkdir", [data]);
  for (const file of files) copyFileSync(file, join(data, basename(file)));

  let output = "";
  const child: ChildProcess = spawn(server, ["+foreground", "+configfile", ini], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => {
    exited = code;
    resolve();
  }));
  const stop = async () => {
    if (exited === undefined) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  try {
    await waitForEndpoint(endpoint, () => exited, () => output);
    const load = spawnSync(isql, [`127.0.0.1:${sqlPort}`, "dba", "dba", `exec=ld_dir('${data}', '*.ttl', '${graph}'); rdf_loader_run(); checkpoint; SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;`], { encoding: "utf8", timeout: 120_000 });
    if (load.status !== 0 || /\*\*\* Error/.test(load.stdout + load.stderr)) {
      throw new Error(`tests/sparql: loading the data into Virtuoso failed (isql exit ${load.status}):\n${load.stdout}\n${load.stderr}`);
    }
    if (!/0 Rows\./.test(load.stdout)) throw new Error(`tests/sparql: Virtuoso rejected some files:\n${load.stdout}`);
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
  return { endpoint, graph, stop };
}

async function waitForEndpoint(endpoint: string, exited: () => number | null | undefined, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited() !== undefined) throw new Error(`tests/sparql: virtuoso-t exited (code ${exited()}) before its endpoint answered:\n${output()}`);
    try {
      const response = await fetch(`${endpoint}?query=${encodeURIComponent("ASK {}")}`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`tests/sparql: Virtuoso's endpoint ${endpoint} did not answer within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
