// The scale bench (sizes of 5M triples and up, or --scale): each kg command as its own process on a generated file, wall time and peak RSS against a raw n3 parse of the same file.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { benchOutDir, ensureDataset, sizeLabel } from "./dataset-cache.ts";

const log = (message: string) => process.stderr.write(message + "\n");
export const root = join(benchOutDir, "..", "..");
// KG_BENCH_BIN: a kg.js of a build set aside, so a rebuild of dist/ during a long run cannot change what is measured.
export const kg = process.env.KG_BENCH_BIN ?? join(root, "src", "cli", "kg.js");

export interface ScaleRow {
  step: string;
  wallS: number;
  peakRssMB: number;
  /** Wall time over the raw n3 parse's. */
  ratio?: number;
  load: string;
  note?: string;
}

export interface ScaleReport {
  size: number;
  triples: number;
  bytes: number;
  rows: ScaleRow[];
  bytesPerTriple?: number;
}

/** Runs a command under /usr/bin/time -v: its wall time, peak RSS, exit code and output. */
export function timed(command: string, args: readonly string[]): { wallS: number; peakRssMB: number; code: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-v", command, ...args], { encoding: "utf8", maxBuffer: 1 << 28, cwd: root, env: { ...process.env, NO_COLOR: "1" } });
  const wallS = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? "");
  return { wallS, peakRssMB: rss ? Number(rss[1]) / 1024 : NaN, code: run.status ?? -1, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}

export const loadNow = () => loadavg()[0].toFixed(1);

/** The first and the last entity of the generated file (the first is a hub: attachment is preferential), as CURIEs. */
function endpointsOf(path: string): [string, string] {
  const fd = openSync(path, "r");
  const size = statSync(path).size;
  const read = (at: number, length: number) => {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, at);
    return buffer.subarray(0, n).toString("utf8");
  };
  const entity = /^(kgr:[\w-]+) a kg:(?!Publication)\w+/gm;
  const head = [...read(0, 4 << 20).matchAll(entity)].map((m) => m[1]);
  const tail = [...read(Math.max(0, size - (4 << 20)), 4 << 20).matchAll(entity)].map((m) => m[1]);
  closeSync(fd);
  if (head.length === 0 || tail.length === 0) throw new Error(`bench/scale: no entities found in ${path}`);
  return [head[0], tail[tail.length - 1]];
}

/** A raw n3 stream parse of the file, counting quads: the baseline every step is compared with. */
export const n3ParseScript = `
const { createReadStream } = require("node:fs");
const { StreamParser } = require("n3");
let n = 0;
createReadStream(process.argv[1]).pipe(new StreamParser({ format: "text/turtle" })).on("data", () => n++).on("end", () => console.log(n));
`;

/** Bytes the loaded Dataset retains a triple: heap and array buffers after a forced GC, before and after. */
const retainedScript = `
import { createReadStream } from "node:fs";
import { loadDatasetStream } from "../src/rdf/parse.ts";
const used = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
async function* chunks() { for await (const c of createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 1 << 20 })) yield c; }
const dataset = await loadDatasetStream([{ name: "bench.ttl", chunks: chunks() }]);
console.log(JSON.stringify({ quads: dataset.size, bytes: used() - before }));
`;

type Step = (name: string, command: string, args: readonly string[], note?: (out: ReturnType<typeof timed>) => string | undefined) => ReturnType<typeof timed>;

/**
 * `kg --endpoint URL path` and `neighbours` (unfiltered and by class; each its own process) against the store made above, kept running by
 * `kg store serve`: what a user past one machine's kg does. Skipped when the store cannot be served.
 */
async function endpointSteps(serveArgs: string[], from: string, to: string, step: Step): Promise<void> {
  const server = spawn(process.execPath, serveArgs, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    const url = await new Promise<string | undefined>((resolve) => {
      let seen = "";
      server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        seen += chunk;
        const found = /^http:\/\/127\.0\.0\.1:\d+\/sparql\S*$/m.exec(seen);
        if (found) resolve(found[0]);
      });
      server.stderr.resume();
      void exited.then(() => resolve(undefined));
    });
    if (url === undefined) {
      log("  kg store serve did not start: the endpoint steps are skipped");
      return;
    }
    // The answer's first line (how many paths, or entities and relations) and whether the row budget cut it.
    const cut = (out: ReturnType<typeof timed>) => {
      const budget = /stopped fetching .* after (\d+) rows/.exec(out.stderr)?.[1];
      return `${out.stdout.split("\n")[0].replace(/\|/g, "/")}${budget ? ` (cut at the ${budget}-row budget)` : ""}`;
    };
    step(`kg --endpoint (kg store serve) path ${from} ${to}`, process.execPath, [kg, "--endpoint", url, "path", from, to], cut);
    step(`kg --endpoint (kg store serve) neighbours ${from}`, process.execPath, [kg, "--endpoint", url, "neighbours", from], cut);
    // Filtered by class: the store applies the filter to the hub's links (sparql-remote-link-filter.ts).
    step(`kg --endpoint (kg store serve) neighbours ${from} --classes kg:Company`, process.execPath, [kg, "--endpoint", url, "neighbours", from, "--classes", "kg:Company"], cut);
  } finally {
    server.kill("SIGINT");
    await exited;
  }
}

/** `sparqlOnly`: the baseline parse and the kg sparql steps only (--sparql-only), for a quicker look at the engines. */
export async function benchScale(triplesWanted: number, seed: number, sparqlOnly = false): Promise<ScaleReport> {
  const label = sizeLabel(triplesWanted);
  log(`\n== scale ${label} triples (total memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadNow()}) ==`);
  const cached = ensureDataset(triplesWanted, seed);
  log(`  dataset ${cached.path} (${cached.generated ? "generated" : "cached"}, ${cached.stats.triples} triples, ${(cached.bytes / 1e6).toFixed(0)} MB)`);
  const file = cached.path;
  const [from, to] = endpointsOf(file);
  const rows: ScaleRow[] = [];
  const node = process.execPath;
  // kg runs with Node's default heap limit, as a user's `kg` does (4 GiB on this machine); only the measurement
  // of retained bytes, which holds the file's text as well, gets more.
  const heap = ["--max-old-space-size=16384"];
  const step: Step = (name, command, args, note) => {
    const load = loadNow();
    log(`  ${name}…`);
    const out = timed(command, args);
    const end = loadNow();
    const row: ScaleRow = { step: name, wallS: out.wallS, peakRssMB: out.peakRssMB, load: load === end ? load : `${load}–${end}` };
    if (out.code !== 0) row.note = `exit ${out.code}: ${out.stderr.split("\n").filter((l) => l && !/^\s/.test(l) && !/Command being timed/.test(l)).slice(-1)[0] ?? ""}`;
    else row.note = note?.(out);
    rows.push(row);
    log(`    ${out.wallS.toFixed(1)} s, ${out.peakRssMB.toFixed(0)} MB${row.note ? ` (${row.note})` : ""}`);
    return out;
  };
  const parsed = step("n3 StreamParser, count quads (baseline)", node, ["-e", n3ParseScript, file], (out) => `${Number(out.stdout.trim()).toLocaleString("en-US")} quads`);
  const kgArgs = (...args: string[]) => [kg, "--progress", "--data", file, ...args];
  if (!sparqlOnly) {
    const loadTime = (out: ReturnType<typeof timed>) => /^loaded [\d,]+ quads from 1 file in ([\d.]+) s$/m.exec(out.stderr)?.[1];
    const stats = step("kg stats (load + stats)", node, kgArgs("stats"), (out) => `load ${loadTime(out) ?? "?"} s`);
    const loadS = Number(loadTime(stats));
    if (Number.isFinite(loadS)) rows.push({ step: "&nbsp;&nbsp;of which load (kg's own --progress line)", wallS: loadS, peakRssMB: NaN, load: rows.at(-1)!.load });
    step(`kg path ${from} ${to}`, node, kgArgs("path", from, to), (out) => `${out.stdout.split("\n").length} lines of output`);
    step(`kg neighbours ${from}`, node, kgArgs("neighbours", from), (out) => `${out.stdout.split("\n").length} lines of output`);
    const outTtl = join(benchOutDir, `scale-export-${label}.ttl`), outNt = join(benchOutDir, `scale-export-${label}.nt`);
    step("kg export --format turtle -o FILE", node, kgArgs("export", "--format", "turtle", "-o", outTtl), () => `${(statSync(outTtl).size / 1e6).toFixed(0)} MB written`);
    step("kg export --format ntriples -o FILE", node, kgArgs("export", "--format", "ntriples", "-o", outNt), () => `${(statSync(outNt).size / 1e6).toFixed(0)} MB written`);
    rmSync(outTtl, { force: true });
    rmSync(outNt, { force: true });
  }
  const count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  const engineOf = (out: ReturnType<typeof timed>) => `${/answered by (\w+)/.exec(out.stderr)?.[1] ?? "?"}: ${out.stdout.match(/\d[\d,]*/)?.[0] ?? "?"}`;
  // Comunica over the loaded graph, then auto, which from 200 MB loads kg's local Virtuoso store (when installed) and
  // then reuses it; in a cache of the bench's own (removed after: ~82 MB of disk a million triples at 10M).
  const storeCache = join(benchOutDir, `virtuoso-store-${process.pid}`);
  process.env.KG_CACHE_DIR = storeCache;
  const storeOf = (out: ReturnType<typeof timed>) => `${/answered by a local Virtuoso/.test(out.stderr) ? "Virtuoso store" : engineOf(out).split(":")[0]}: ${out.stdout.match(/\d[\d,]*/)?.[0] ?? "?"}`;
  try {
    step("kg sparql COUNT(*) --engine comunica (over the loaded graph)", node, kgArgs("sparql", "--engine", "comunica", "--timeout", "7200", count), engineOf);
    step("kg sparql COUNT(*) (first query, auto: engine chosen by size)", node, kgArgs("sparql", "--timeout", "7200", count), storeOf);
    step("kg sparql COUNT(*) (auto again: a store made above is reused)", node, kgArgs("sparql", "--timeout", "7200", count), storeOf);
    await endpointSteps(kgArgs("store", "serve"), from, to, step);
  } finally {
    delete process.env.KG_CACHE_DIR;
    rmSync(storeCache, { recursive: true, force: true });
  }
  for (const row of rows) if (row !== rows[0] && Number.isFinite(parsed.wallS)) row.ratio = row.wallS / parsed.wallS;
  let bytesPerTriple: number | undefined;
  if (sparqlOnly) return { size: triplesWanted, triples: cached.stats.triples, bytes: cached.bytes, rows };
  log("  retained bytes of the Dataset…");
  const retainedFile = join(root, "bench", `.retained-${process.pid}.ts`);
  writeFileSync(retainedFile, retainedScript);
  try {
    const retained = JSON.parse(execFileSync(node, ["--expose-gc", ...heap, "--import", "tsx", retainedFile, file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 }).trim()) as { quads: number; bytes: number };
    bytesPerTriple = retained.bytes / retained.quads;
  } finally {
    rmSync(retainedFile, { force: true });
  }
  log(`    ${bytesPerTriple.toFixed(0)} bytes a triple`);
  return { size: triplesWanted, triples: cached.stats.triples, bytes: cached.bytes, rows, bytesPerTriple };
}

export function scaleMarkdown(reports: readonly ScaleReport[]): string {
  const lines = [
    `Each step is one \`kg\` process (\`node src/cli/kg.js --progress --data FILE …\`, with Node's default heap limit, as a user runs it) under /usr/bin/time -v, run once; ratio = wall time / the n3 StreamParser's on the same file in the same run. Load average: 1-minute, at the step's start–end (2 cores, shared).`,
    "",
  ];
  for (const report of reports) {
    lines.push(`### ${sizeLabel(report.size)} triples (${report.triples.toLocaleString("en-US")} generated, ${(report.bytes / 1e6).toFixed(0)} MB of Turtle)`, "");
    lines.push("| step | wall | peak RSS | ratio to n3 parse | load avg | note |", "|---|---:|---:|---:|---|---|");
    for (const row of report.rows) {
      const rss = Number.isFinite(row.peakRssMB) ? `${(row.peakRssMB / 1024).toFixed(2)} GiB` : "";
      lines.push(`| ${row.step} | ${row.wallS.toFixed(1)} s | ${rss} | ${row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}x`} | ${row.load} | ${row.note ?? ""} |`);
    }
    if (report.bytesPerTriple !== undefined) lines.push("", `Dataset retained: ${report.bytesPerTriple.toFixed(0)} bytes a triple (heap + array buffers after GC, loadDatasetStream alone).`);
    lines.push("");
  }
  return lines.join("\n");
}

/** `npm run bench -- --sizes 10M,20M`: every size in turn, the table on stdout and in bench/SCALE-RESULTS.md. */
export async function runScaleBench(sizes: readonly number[], seed: number, write: boolean, sparqlOnly = false): Promise<void> {
  const reports: ScaleReport[] = [];
  for (const size of sizes) {
    reports.push(await benchScale(size, seed, sparqlOnly));
    console.log("\n" + scaleMarkdown(reports.slice(-1)));
  }
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const header = `# Scale benchmark\n\nProduced by \`npm run bench -- --sizes ${sizes.map(sizeLabel).join(",")}\` (bench/scale.ts) on ${new Date().toISOString().slice(0, 10)}, code ${commit}, generated data (seed ${seed}).\n\n`;
  if (write && !sparqlOnly) writeFileSync(join(root, "bench", "SCALE-RESULTS.md"), header + scaleMarkdown(reports));
}
