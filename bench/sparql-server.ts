// `npm run bench -- --server`: a local Virtuoso bulk-loaded and asked over the SPARQL protocol, beside kg sparql's embedded engines (Comunica, Oxigraph) and the raw n3 parse, on the same generated file in one run.
import { writeFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { OXIGRAPH_MAX_QUADS } from "../src/sparql/sparql-embedded.ts";
import { SparqlEndpoint, type SelectResult } from "../src/sparql/sparql-endpoint.ts";
import { startVirtuoso, type VirtuosoServer } from "../tests/helpers/virtuoso.ts";
import { parseBenchArgs } from "./args.ts";
import { benchOutDir, ensureDataset, sizeLabel } from "./dataset-cache.ts";
import { kg, loadNow, n3ParseScript, root, timed } from "./scale.ts";
import { benchSelects, countAll, pickSubjects, type BenchSelect } from "./sparql-selects.ts";
import type { EngineTimings } from "./sparql-engine-child.ts";
import { summarize } from "./stats.ts";

const log = (message: string) => process.stderr.write(message + "\n");
const node = process.execPath;
type Engine = "virtuoso" | "oxigraph" | "comunica";

/** A step to the first answer, over the runs: wall seconds, peak RSS (MB), ratio to the same run's n3 parse, load. */
interface FirstRow { step: string; wallS: number[]; peakMB: number[]; ratio: number[]; load: string[]; note: string[] }
/** A query over one load, per engine: the first call and the repeats (seconds), the answers, the load average. */
interface QueryRow { name: string; first: Partial<Record<Engine, number[]>>; repeat: Partial<Record<Engine, number[]>>; peakMB: number[]; answers: Set<string>; load: Partial<Record<Engine, string[]>> }

interface SizeResult {
  size: number;
  triples: number;
  bytes: number;
  buffers: number;
  first: FirstRow[];
  queries: QueryRow[];
  /** Embedded engines' query processes that failed, with why. */
  failures: string[];
  /** Peak RSS in MB: Virtuoso's over its whole life, each embedded engine's process over load and all queries. */
  peakMB: Partial<Record<Engine, number[]>>;
}

/** Virtuoso's page cache for this many triples: its database took ~31,000 8-KiB pages a million triples here; room for 1.6x that, at least 100,000 (0.8 GiB), at most Virtuoso's suggested 1,360,000 (11 GiB) for a 16 GiB share of this 24 GiB machine. */
export function virtuosoBuffers(triples: number): number {
  return Math.min(1_360_000, Math.max(100_000, Math.round(triples * 0.05)));
}

/** The server's peak RSS since the last reset, in MB (VmHWM); writing 5 to clear_refs resets it, so each step has its own peak. */
function serverPeakMB(pid: number | undefined, reset = false): number {
  if (pid === undefined) return NaN;
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    if (reset) writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return kb / 1024;
  } catch {
    return NaN;
  }
}

function firstRow(rows: FirstRow[], step: string): FirstRow {
  let row = rows.find((r) => r.step === step);
  if (!row) rows.push((row = { step, wallS: [], peakMB: [], ratio: [], load: [], note: [] }));
  return row;
}

function queryRow(rows: QueryRow[], name: string): QueryRow {
  let row = rows.find((r) => r.name === name);
  if (!row) rows.push((row = { name, first: {}, repeat: {}, peakMB: [], answers: new Set(), load: {} }));
  return row;
}

const loadStep = "load the data (Virtuoso: bulk load; embedded: kg's loadDatasetStream)";
const span = (from: string) => (loadNow() === from ? from : `${from}–${loadNow()}`);
const selectAnswer = (result: SelectResult) => (result.bindings.length === 1 && result.vars.length === 1 ? String(result.bindings[0][result.vars[0]]?.value) : `${result.bindings.length} rows`);

/** One run over the file: n3, kg sparql's two engines, Virtuoso, and every query over one load on each engine. */
async function oneRun(file: string, triples: number, queries: readonly BenchSelect[], result: SizeResult, repeats: { server: number; embedded: number }): Promise<void> {
  let n3S = NaN;
  const step = (name: string, wallS: number, peakMB: number, load: string, note: string) => {
    const row = firstRow(result.first, name);
    row.wallS.push(wallS);
    row.peakMB.push(peakMB);
    row.ratio.push(wallS / n3S);
    row.load.push(load);
    row.note.push(note);
    log(`  ${name}: ${wallS.toFixed(1)} s, ${peakMB.toFixed(0)} MB (load ${load}) ${note}`);
  };
  const runStep = (name: string, command: string, args: readonly string[], note: (stdout: string) => string) => {
    const load = loadNow();
    const out = timed(command, args);
    const why = out.code === 0 ? note(out.stdout) : `exit ${out.code}: ${out.stderr.split("\n").filter((l) => l && !/^\s/.test(l)).slice(-1)[0] ?? ""}`;
    step(name, out.wallS, out.peakRssMB, span(load), why);
    return out;
  };
  const n3 = runStep("n3 StreamParser, count quads (baseline)", node, ["-e", n3ParseScript, file], (stdout) => `${Number(stdout.trim()).toLocaleString("en-US")} quads`);
  n3S = n3.wallS;
  const heap = "--max-old-space-size=16384";
  const counted = (out: string) => `n = ${/\d[\d,]*/.exec(out.split("\n").slice(1).join("\n"))?.[0] ?? "?"}`;
  for (const engine of ["comunica", "oxigraph"] as const) {
    if (engine === "oxigraph" && triples > OXIGRAPH_MAX_QUADS) continue;
    runStep(`kg sparql --engine ${engine} COUNT(*) (load + first query)`, node, [heap, kg, "--data", file, "sparql", "--engine", engine, "--timeout", "86400", countAll], counted);
  }

  // Virtuoso: a fresh server in a temporary folder (the helper the Virtuoso tests use), bulk-loaded from the file.
  const startLoad = loadNow();
  let load = startLoad;
  const virtuoso: VirtuosoServer = await startVirtuoso([file], { buffers: result.buffers, loadTimeoutMs: 6 * 3_600_000, maxQuerySeconds: 86_400, who: "bench/sparql-server" });
  try {
    const { startMs, loadMs } = virtuoso.timings;
    const loadPeak = serverPeakMB(virtuoso.pid, true);
    let serverPeak = loadPeak;
    step(`Virtuoso: start (empty database, ${result.buffers.toLocaleString("en-US")} buffers)`, startMs / 1000, NaN, load, "");
    step("Virtuoso: bulk load (ld_dir + rdf_loader_run + checkpoint)", loadMs / 1000, loadPeak, span(load), "server's peak over start + load");
    // The user's view: kg's own client, a process started cold, only the loaded graph as the default graph.
    const url = `${virtuoso.endpoint}?default-graph-uri=${encodeURIComponent(virtuoso.graph)}`;
    load = loadNow();
    const first = timed(node, [kg, "--endpoint", url, "--endpoint-timeout", "86400", "sparql", countAll]);
    const firstPeak = serverPeakMB(virtuoso.pid, true);
    serverPeak = Math.max(serverPeak, firstPeak);
    step("kg --endpoint URL sparql COUNT(*) (first query)", first.wallS, firstPeak, span(load), first.code === 0 ? `${counted(first.stdout)}; server's peak` : `exit ${first.code}`);
    const total = (startMs + loadMs) / 1000 + first.wallS;
    step("Virtuoso: start + bulk load + first COUNT(*)", total, NaN, span(startLoad), "to the first answer, from nothing");

    const endpoint = new SparqlEndpoint({ url: virtuoso.endpoint, defaultGraphs: [virtuoso.graph], timeoutMs: 86_400_000 });
    (queryRow(result.queries, loadStep).first.virtuoso ??= []).push(loadMs / 1000);
    for (const { name, query } of queries) {
      const row = queryRow(result.queries, name);
      load = loadNow();
      const time = async () => {
        const started = performance.now();
        const answer = selectAnswer(await endpoint.select(query, { maxRows: 1000 }));
        return { s: (performance.now() - started) / 1000, answer };
      };
      const once = await time();
      row.answers.add(`Virtuoso ${once.answer}`);
      (row.first.virtuoso ??= []).push(once.s);
      for (let i = 0; i < repeats.server; i++) (row.repeat.virtuoso ??= []).push((await time()).s);
      row.peakMB.push(serverPeakMB(virtuoso.pid, true));
      serverPeak = Math.max(serverPeak, row.peakMB.at(-1)!);
      (row.load.virtuoso ??= []).push(span(load));
      log(`  Virtuoso: ${name}: first ${once.s.toFixed(2)} s (${once.answer})`);
    }
    (result.peakMB.virtuoso ??= []).push(serverPeak);
  } finally {
    await virtuoso.stop();
  }

  // The embedded engines, many queries over one load: a process each (its own heap and peak).
  const queriesFile = join(benchOutDir, `.server-queries-${process.pid}.json`);
  writeFileSync(queriesFile, JSON.stringify(queries));
  try {
    for (const engine of ["oxigraph", "comunica"] as const) {
      if (engine === "oxigraph" && triples > OXIGRAPH_MAX_QUADS) continue;
      load = loadNow();
      log(`  ${engine}: ${queries.length} queries over one load…`);
      const out = timed(node, [heap, "--import", "tsx", join(root, "bench", "sparql-engine-child.ts"), file, engine, queriesFile, String(repeats.embedded)]);
      if (out.code !== 0) {
        // Reported, not fatal: at 20M an engine may run out of memory, and the other rows still stand.
        const why = out.stderr.split("\n").filter((l) => l && !/^\s/.test(l)).slice(-1)[0] ?? "";
        result.failures.push(`${engine}: the process running the queries exited ${out.code} (peak ${(out.peakRssMB / 1024).toFixed(2)} GiB): ${why}`);
        log(`  ${result.failures.at(-1)}`);
        continue;
      }
      const timings = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as EngineTimings;
      (queryRow(result.queries, loadStep).first[engine] ??= []).push(timings.loadS);
      for (const q of timings.queries) {
        const row = queryRow(result.queries, q.name);
        (row.first[engine] ??= []).push(q.firstS);
        (row.repeat[engine] ??= []).push(...q.repeatS);
        row.answers.add(`${engine} ${q.answer}`);
        (row.load[engine] ??= []).push(span(load));
      }
      (result.peakMB[engine] ??= []).push(out.peakRssMB);
    }
  } finally {
    rmSync(queriesFile, { force: true });
  }
}

const s = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const gib = (mb: number[]) => (mb.some(Number.isFinite) ? `${(Math.max(...mb.filter(Number.isFinite)) / 1024).toFixed(2)} GiB` : "");
const spread = (values: number[]) => (values.length > 1 ? `${s(summarize(values).p90)} / ${s(summarize(values).max)} s` : "");

/** "5.5–7.7": the lowest and highest load average seen over a row's measurements ("—" when none). */
function loadRange(spans: readonly string[]): string {
  const values = spans.flatMap((span) => span.split("–").map(Number)).filter(Number.isFinite);
  if (values.length === 0) return "—";
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? low.toFixed(1) : `${low.toFixed(1)}–${high.toFixed(1)}`;
}

export function serverMarkdown(result: SizeResult, runs: number): string {
  const lines = [
    `### ${sizeLabel(result.size)} triples (${result.triples.toLocaleString("en-US")} generated, ${(result.bytes / 1e6).toFixed(0)} MB of Turtle), ${runs} run${runs > 1 ? "s" : ""}`,
    "",
    "To the first answer (each step a process of its own, or the server's own timings); ratio to the raw n3 parse of the same run:",
    "",
    "| step | wall (median) | p90 / max | peak RSS | ratio to n3 parse | load avg | note |",
    "|---|---:|---:|---:|---:|---|---|",
  ];
  for (const row of result.first) {
    const wall = row.wallS.length ? `${s(summarize(row.wallS).median)} s` : "";
    const ratio = row.ratio.filter(Number.isFinite);
    lines.push(`| ${row.step} | ${wall} | ${spread(row.wallS)} | ${gib(row.peakMB)} | ${ratio.length && row.step.startsWith("n3") === false ? `${summarize(ratio).median.toFixed(2)}x` : ""} | ${row.load.length > 1 ? loadRange(row.load) : row.load.join("")} | ${[...new Set(row.note.filter(Boolean))].join("; ")} |`);
  }
  lines.push("", "Many queries over one load (Virtuoso over HTTP with kg's SparqlEndpoint; Oxigraph and Comunica as kg sparql runs them, in one process per engine). Each cell: the first call, then the repeats' median (p90 / max):", "");
  lines.push("| query | Virtuoso | Oxigraph | Comunica | Virtuoso peak RSS | load avg (V; O; C) | answers |", "|---|---:|---:|---:|---:|---|---|");
  for (const row of result.queries) {
    const cell = (engine: Engine) => {
      const first = row.first[engine], repeat = row.repeat[engine];
      if (!first?.length) return "—";
      const head = `${s(summarize(first).median)} s`;
      if (!repeat?.length) return head;
      const r = summarize(repeat);
      return `${head}, then ${s(r.median)} s (${s(r.p90)} / ${s(r.max)})`;
    };
    const values = new Set([...row.answers].map((a) => a.replace(/^\w+ /, "")));
    const answers = row.answers.size === 0 ? "" : values.size === 1 ? `same: ${[...values][0]}` : `**differ**: ${[...row.answers].join("; ")}`;
    const load = (["virtuoso", "oxigraph", "comunica"] as const).map((engine) => loadRange(row.load[engine] ?? [])).join("; ");
    lines.push(`| ${row.name} | ${cell("virtuoso")} | ${cell("oxigraph")} | ${cell("comunica")} | ${gib(row.peakMB)} | ${row.name === loadStep ? "" : load} | ${answers} |`);
  }
  const peaks = (["virtuoso", "oxigraph", "comunica"] as const).map((engine) => gib(result.peakMB[engine] ?? []) || "—");
  lines.push(`| peak RSS (Virtuoso: the server over its life; embedded: the process over load + all queries) | ${peaks.join(" | ")} |  |  |  |`);
  if (result.failures.length > 0) lines.push("", ...result.failures.map((failure) => `- ${failure}`));
  return lines.join("\n") + "\n";
}

/** `npm run bench -- --server [--sizes 1M,5M] [--runs N]`: prints the tables, keeps the figures in bench/out/sparql-server.json. */
export async function runServerBench(argv: readonly string[]): Promise<void> {
  let runs = 1;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--server") continue;
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else rest.push(argv[i]);
  }
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error("bench --server: --runs needs a whole number from 1");
  const args = parseBenchArgs(rest, { name: "bench --server", sizes: [1_000_000], quickSizes: [100_000] });
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const virtuosoVersion = execFileSync("dpkg-query", ["-W", "-f=${Version}", "virtuoso-opensource-7-bin"], { encoding: "utf8" }).trim();
  const results: SizeResult[] = [];
  for (const size of args.sizes) {
    const cached = ensureDataset(size, args.seed);
    log(`\n== server bench ${sizeLabel(size)} triples: ${cached.path}, ${runs} run(s), load ${loadNow()} ==`);
    const subjects = await pickSubjects(cached.path, 40, args.seed + 3);
    const q = benchSelects(subjects);
    const queries = [{ name: "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", query: countAll }, ...Object.values(q)];
    const result: SizeResult = { size, triples: cached.stats.triples, bytes: cached.bytes, buffers: virtuosoBuffers(size), first: [], queries: [], peakMB: {}, failures: [] };
    // Fewer embedded repeats on big files: Comunica's whole-graph queries take minutes there.
    const repeats = { server: 5, embedded: size >= 5_000_000 ? 0 : 3 };
    for (let run = 0; run < runs; run++) await oneRun(cached.path, size, queries, result, repeats);
    results.push(result);
    console.log(`\nHEAD ${commit}, kg ${process.env.KG_BENCH_BIN ?? "dist/cli (this build)"}, Virtuoso ${virtuosoVersion}, seed ${args.seed}, ${new Date().toISOString()}\n`);
    console.log(serverMarkdown(result, runs));
    writeFileSync(join(benchOutDir, "sparql-server.json"), JSON.stringify(results, (_k, v: unknown) => (v instanceof Set ? [...v] : v), 2));
  }
}
