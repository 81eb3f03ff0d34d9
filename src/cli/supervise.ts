// kg sparql runs in a child process watched by this one: a query that passes Node's heap ends with kg's own message, not V8's fatal error.
import { spawn } from "node:child_process";
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import { extractGlobalArgs } from "./args.ts";
import { extractEndpointArgs } from "./commands/sparql.ts";

/** Set in the child, so it runs the command itself. */
const CHILD = "KG_SUPERVISED";

/** Where V8's fatal report starts: what follows is for V8's developers, not for a person running kg. */
const fatalMarkers = ["<--- Last few GCs --->", "FATAL ERROR:"];

/**
 * Whether these arguments run embedded SPARQL queries, whose memory no check between steps can bound (a query
 * materialises what it must: ORDER BY, GROUP BY, a large answer), unlike a load, which heap-guard.ts stops itself.
 */
function runsQueries(argv: readonly string[]): boolean {
  if (process.env[CHILD] === "1") return false;
  try {
    const { endpoint, rest: withoutEndpoint } = extractEndpointArgs(argv);
    if (endpoint) return false;
    const { rest } = extractGlobalArgs(withoutEndpoint);
    const words = rest.filter((arg) => !arg.startsWith("-"));
    if (rest.includes("--help") || rest.includes("-h")) return false;
    return words[0] === "sparql" || (words[0] === "session" && words[1] === "replay");
  } catch {
    // Arguments kg will refuse: the command itself says why.
    return false;
  }
}

/** Writes the child's stderr through, holding back V8's fatal report from its first line on. */
export class StderrRelay {
  private carry = "";
  held: string | undefined;

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    if (this.held !== undefined) {
      this.held += text;
      return;
    }
    const all = this.carry + text;
    const at = Math.min(...fatalMarkers.map((marker) => all.indexOf(marker)).filter((i) => i >= 0), Infinity);
    if (at !== Infinity) {
      this.write(all.slice(0, at));
      this.held = all.slice(at);
      this.carry = "";
      return;
    }
    // A marker may be cut between two chunks: keep back the end that could start one.
    let keep = 0;
    for (const marker of fatalMarkers) {
      for (let k = Math.min(all.length, marker.length - 1); k > keep; k--) {
        if (marker.startsWith(all.slice(-k))) {
          keep = k;
          break;
        }
      }
    }
    this.write(all.slice(0, all.length - keep));
    this.carry = all.slice(all.length - keep);
  }

  end(): void {
    if (this.carry) this.write(this.carry);
    this.carry = "";
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Runs kg (the bin at `bin`) again as a child with the same arguments when they run queries, and returns its exit
 * code; undefined when this process should run the command itself. stdin and stdout are the child's own (a pipe
 * or a terminal, as given); stderr passes through this process, which tells the child whether it is a terminal.
 */
export async function superviseQueries(argv: readonly string[], bin: string): Promise<number | undefined> {
  if (!runsQueries(argv)) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, bin, ...argv], {
    stdio: ["inherit", "inherit", "pipe"],
    env: { ...process.env, [CHILD]: "1", KG_STDERR_TTY: process.stderr.isTTY ? "1" : "0" },
  });
  const relay = new StderrRelay((text) => process.stderr.write(text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => relay.push(text));
  // A signal sent to this process alone is passed on. Ctrl-C on a terminal reaches both (one process group), so the
  // child may get it twice: its handlers take repeats (sparql-local-store.ts stops its server once).
  const onInterrupt = () => child.kill("SIGINT");
  const onTerminate = () => child.kill("SIGTERM");
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    relay.end();
    if (relay.held !== undefined && /heap out of memory/.test(relay.held)) {
      const limit = mb(getHeapStatistics().heap_size_limit);
      const suggestion = Math.min(Math.round(mb(totalmem()) * 0.75 / 1024) * 1024, Math.max(limit * 2, 8192));
      process.stderr.write(
        `kg ${argv.includes("replay") ? "session replay" : "sparql"}: the query needed more memory than Node's heap allows (${limit.toLocaleString("en-US")} MB) and was stopped; nothing was answered.\n` +
        `Give kg more with NODE_OPTIONS=--max-old-space-size=${suggestion} (MB; this machine has ${Math.round(mb(totalmem()) / 1024)} GB), narrow the query (LIMIT, no ORDER BY or GROUP BY over everything), or ask kg's local Virtuoso store (--engine virtuoso), whose memory is its own (docs/scale.md).\n`,
      );
      return 1;
    }
    // Any other fatal report is shown whole: it is a bug to report, not a limit.
    if (relay.held !== undefined) process.stderr.write(relay.held);
    return code ?? 128 + (signal === "SIGKILL" ? 9 : signal === "SIGTERM" ? 15 : signal === "SIGINT" ? 2 : 6);
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
  }
}
