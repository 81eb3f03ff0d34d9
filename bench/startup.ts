// kg's start-up: wall time of `kg path Huawei Kenya` (and `kg --help`) beside `node -e 0`, runs interleaved, freshly built.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMs } from "./report.ts";
import { summarize, type Summary } from "./stats.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const KG = join(ROOT, "src", "cli", "kg.js");

/** What is timed: the bare Node start (the baseline), then kg as a user runs it. */
// The warm-up rounds write kg's load cache (src/cli/load-cache.ts), as a user's first start does; the last row is a
// start that parses the bundled Turtle, as after an install or a data change.
const commands: ReadonlyArray<{ name: string; args: string[]; env?: Record<string, string> }> = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "kg --help", args: [KG, "--help"] },
  { name: "kg path Huawei Kenya", args: [KG, "path", "Huawei", "Kenya"] },
  { name: "kg path Huawei Kenya (parsing, no load cache)", args: [KG, "path", "Huawei", "Kenya"], env: { KG_LOAD_CACHE: "0" } },
];
const TARGET = { command: "kg path Huawei Kenya", overMs: 250 };
// A second run of each command reports its own CPU time (user + system, all threads) on stderr as it exits: on a
// busy machine that says more about the code than the wall time does. The probe costs a little (node -e 0 then
// starts Node's ES module loader too), so the wall times come from runs without it.
const CPU_MARK = "bench-startup-cpu-ms ";
const REPORT_CPU = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\n${CPU_MARK}"+(u.user+u.system)/1000+"\\n")})`;

export interface StartupRow {
  name: string;
  stats: Summary;
  /** Median over runs of (this run − the baseline run beside it), ms; undefined for the baseline. */
  overBaseline?: number;
  /** The same for the process's own CPU time. */
  cpu: Summary;
  cpuOverBaseline?: number;
}

export interface StartupReport {
  rows: StartupRow[];
  /** 1-minute load average before and after the runs. */
  load: [number, number];
  target: string;
  met: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Compiles kg from the current sources (as npm install and npm test do), so the figures are of this code. */
function buildCli(): void {
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--config", join("src", "cli", "vite.config.ts")], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bench/startup: building kg failed:\n${result.stdout}\n${result.stderr}`);
}

function run(args: readonly string[], env?: Record<string, string>): { ms: number; stderr: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`bench/startup: node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

/** The wall time of a plain run, then the CPU time a probed run reports. */
function timeRun(args: readonly string[], env?: Record<string, string>): { ms: number; cpu: number } {
  const { ms } = run(args, env);
  const { stderr } = run(["--import", REPORT_CPU, ...args], env);
  const cpu = Number(stderr.slice(stderr.lastIndexOf(CPU_MARK) + CPU_MARK.length).trim());
  if (!Number.isFinite(cpu)) throw new Error(`bench/startup: node ${args.join(" ")} did not report its CPU time: ${stderr}`);
  return { ms, cpu };
}

/** Runs every command once per round, in turn, so a burst of load from elsewhere hits them alike. */
export function benchStartup(options: { runs: number; warmUp?: number; log?: (message: string) => void }): StartupReport {
  const log = options.log ?? (() => {});
  log("\n== kg start-up ==");
  buildCli();
  const before = loadavg()[0];
  const samples = commands.map(() => [] as number[]);
  const cpuSamples = commands.map(() => [] as number[]);
  for (let round = -(options.warmUp ?? 2); round < options.runs; round++) {
    commands.forEach((command, i) => {
      const { ms, cpu } = timeRun(command.args, command.env);
      if (round >= 0) {
        samples[i].push(ms);
        cpuSamples[i].push(cpu);
      }
    });
  }
  const after = loadavg()[0];
  const over = (values: number[], baseline: number[]) => median(values.map((ms, run) => ms - baseline[run]));
  const rows = commands.map((command, i) => ({
    name: command.name,
    stats: summarize(samples[i]),
    overBaseline: i === 0 ? undefined : over(samples[i], samples[0]),
    cpu: summarize(cpuSamples[i]),
    cpuOverBaseline: i === 0 ? undefined : over(cpuSamples[i], cpuSamples[0]),
  }));
  const targetRow = rows.find((row) => row.name === TARGET.command)!;
  return {
    rows,
    load: [before, after],
    target: `${TARGET.command} ≤ ${TARGET.overMs} ms over node -e 0 (quiet machine)`,
    met: targetRow.overBaseline! <= TARGET.overMs,
  };
}

export function startupMarkdown(report: StartupReport): string {
  const lines = [
    `### kg start-up (process wall time, compiled kg; load average ${report.load[0].toFixed(1)} before, ${report.load[1].toFixed(1)} after)`,
    "",
    "| command | median | p90 | max | n | over node -e 0 (median of run pairs) | CPU time median / p90 / max (probed runs) | CPU over node -e 0 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...report.rows.map((row) => {
      const cpu = `${formatMs(row.cpu.median)} / ${formatMs(row.cpu.p90)} / ${formatMs(row.cpu.max)}`;
      return `| ${row.name} | ${formatMs(row.stats.median)} | ${formatMs(row.stats.p90)} | ${formatMs(row.stats.max)} | ${row.stats.samples} | ${formatMs(row.overBaseline)} | ${cpu} | ${formatMs(row.cpuOverBaseline)} |`;
    }),
    "",
    `Target: ${report.target}: ${report.met ? "met" : "not met"} in this run.`,
  ];
  return lines.join("\n");
}

// Alone: `npx tsx bench/startup.ts [--runs N]` (npm run bench -- --startup runs it through bench/run.ts).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--runs");
  const runs = at > 0 ? Number(process.argv[at + 1]) : 15;
  console.log(startupMarkdown(benchStartup({ runs, log: (message) => process.stderr.write(message + "\n") })));
}
