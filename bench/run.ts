// `npm run bench`: generates datasets, times load, queries, search and export against same-run baselines, writes the results.
import { writeFileSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { Writer } from "n3";
import type * as RDF from "@rdfjs/types";
import { buildSearchIndex, searchLabels } from "../src/query/search.ts";
import { findPaths } from "../src/query/path.ts";
import { neighbourhood } from "../src/query/neighbourhood.ts";
import { writeNTriples, writeTurtle } from "../src/rdf/serialize.ts";
import { ensureDataset, sizeLabel, benchOutDir } from "./dataset-cache.ts";
import { parseBenchArgs, type BenchArgs } from "./args.ts";
import { benchStartup, startupMarkdown } from "./startup.ts";
import { benchLoad } from "./load-bench.ts";
import { runScaleBench } from "./scale.ts";
import { runServerBench } from "./sparql-server.ts";
import { keystrokes, labelsToType, pickPairs, timeEach, topHubs } from "./query-bench.ts";
import { markdownTable, formatMs, type Row, type SizeReport } from "./report.ts";
import { evaluateRankings, HUB_DEGREE, loadQuestions, pathEvalMarkdown } from "./path-eval.ts";
import { collectGarbage, cpuMs, flatten, hasGc, ratioToBaseline, summarize, timeSync, type Summary } from "./stats.ts";

const log = (message: string) => process.stderr.write(message + "\n");

/** The 1-minute load average now, as quoted beside every figure. */
const loadNow = () => loadavg()[0].toFixed(1);

/** Quotes the load average beside the rows pushed since `from`: "2.1", or "1.8–2.6" when it moved while they ran. */
function stampLoad(rows: Row[], from: number, startLoad: string): void {
  const endLoad = loadNow();
  const load = startLoad === endLoad ? startLoad : `${startLoad}–${endLoad}`;
  for (let i = from; i < rows.length; i++) rows[i].load ??= load;
}

function ratioRow(name: string, stats: Summary, baseline: Summary, baselineName: string, target?: { text: string; max: number }, note?: string): Row {
  const ratio = ratioToBaseline(stats, baseline);
  return { name, stats, baseline: baselineName, ratio, target: target?.text, ok: target ? ratio <= target.max : undefined, note };
}

function n3WriterText(quads: readonly RDF.Quad[], format: string, prefixes: Record<string, string>): string {
  const writer = new Writer({ format, prefixes } as never);
  for (const quad of quads) writer.addQuad(quad as never);
  let result = "";
  writer.end((error: Error | null, text: string) => {
    if (error) throw error;
    result = text;
  });
  return result;
}

async function benchSize(triplesWanted: number, args: BenchArgs, codeIsWarm: boolean): Promise<SizeReport> {
  const label = sizeLabel(triplesWanted);
  const big = triplesWanted >= 500_000;
  // Multi-second runs after smaller sizes gain nothing from a warm-up run: the code is already optimised.
  const warmUp = !(big && codeIsWarm);
  const reps = args.quick ? 2 : big ? 5 : triplesWanted >= 50_000 ? 7 : 15;
  log(`\n== ${label} triples ==`);
  const cached = ensureDataset(triplesWanted, args.seed);
  log(`  dataset ${cached.path} (${cached.generated ? "generated" : "cached"}, ${cached.stats.triples} triples, ${cached.stats.entities} entities, ${cached.stats.relations} relations, ${cached.stats.evidence} evidence)`);

  const rows: Row[] = [];
  let section = 0, sectionLoad = loadNow();
  const nextSection = () => {
    stampLoad(rows, section, sectionLoad);
    section = rows.length;
    sectionLoad = loadNow();
  };
  const { results: load, dataset, graph } = await benchLoad(cached.path, { repetitions: reps, storeRepetitions: args.quick || big ? 1 : 3, warmUp, log });
  rows.push({ name: "n3 Parser, count quads (baseline)", stats: load.n3Parse });
  const cpuNote = (measured: Summary, baseline: Summary) => `CPU-time ratio ${ratioToBaseline(measured, baseline).toFixed(2)}x`;
  rows.push(
    ratioRow("load to queryable graph: loadDataset + projectGraph", load.loadTotal, load.n3Parse, "n3 parse", { text: "≤ 3x n3 parse (stretch 2x)", max: 3 }, cpuNote(load.loadTotalCpu, load.n3ParseCpu)),
  );
  rows.push(ratioRow("&nbsp;&nbsp;of which loadDataset", load.loadDataset, load.n3Parse, "n3 parse"));
  rows.push(ratioRow("&nbsp;&nbsp;of which projectGraph", load.projectGraph, load.n3Parse, "n3 parse"));
  rows.push(ratioRow("n3 Store load (context)", load.n3Store, load.n3Parse, "n3 parse"));
  if (load.rapper) rows.push(ratioRow("rapper -c (native reference)", load.rapper, load.n3Parse, "n3 parse", undefined, "process wall time"));
  else rows.push({ name: "rapper -c (native reference)", value: "—", note: "rapper not installed" });
  rows.push({
    name: "retained bytes/triple: Dataset + GraphIndex",
    value: load.bytesPerTriple.toFixed(0),
    baseline: "n3 Store",
    ratio: load.bytesPerTriple / load.n3StoreBytesPerTriple,
    target: "< 300 B/triple",
    ok: load.bytesPerTriple < 300,
    note: hasGc() ? undefined : "no --expose-gc: unreliable",
  });
  rows.push({ name: "retained bytes/triple: n3 Store (context)", value: load.n3StoreBytesPerTriple.toFixed(0) });
  nextSection();

  const pairCount = args.quick ? 60 : big ? 300 : 200;
  const pairs = pickPairs(graph, pairCount, args.seed);
  const hubs = topHubs(graph, 10);
  log(`  graph: ${graph.nodeCount} nodes, ${graph.edgeCount} edges; top hub degree ${graph.degree(hubs[0])}`);

  // Default options, as the workbench and CLI call it: undirected, maxLength 6.
  const reach = timeEach(pairs.reachable, ([a, b]) => findPaths(graph, a, b));
  rows.push({ name: "shortest path, reachable pairs", stats: reach, target: "p90 < 5 ms, max < 16 ms", ok: reach.p90 < 5 && reach.max < 16 });
  const unreach = timeEach(pairs.unreachable, ([a, b]) => findPaths(graph, a, b));
  rows.push({ name: "shortest path, unreachable pairs", stats: unreach, target: "p90 < 5 ms, max < 16 ms", ok: unreach.p90 < 5 && unreach.max < 16 });
  const directed = timeEach(pairs.reachable, ([a, b]) => findPaths(graph, a, b, { directed: true }));
  rows.push({ name: "shortest path, directed, same pairs", stats: directed, note: "many have no directed path" });
  const half = pairs.reachable.slice(0, Math.ceil(pairCount / 2));
  rows.push({ name: "k=3 shortest paths, reachable pairs", stats: timeEach(half, ([a, b]) => findPaths(graph, a, b, { k: 3 })) });
  rows.push({ name: "all shortest paths, reachable pairs", stats: timeEach(half, ([a, b]) => findPaths(graph, a, b, { allShortest: true })), note: "limit 100" });
  // The informative ranking's first query builds per-graph cost tables; later queries reuse them.
  const firstInformative = timeSync(() => findPaths(graph, half[0][0], half[0][1], { k: 5, rank: "informative" }));
  rows.push({ name: "first informative query (builds the cost tables)", value: formatMs(firstInformative) });
  const informative = timeEach(half, ([a, b]) => findPaths(graph, a, b, { k: 5, rank: "informative" }));
  rows.push({ name: "k=5 informative paths, reachable pairs", stats: informative, target: "p90 < 50 ms", ok: informative.p90 < 50 });

  nextSection();
  // The default call caps the result at 500 nodes (what the workbench shows); uncapped is the full 2-hop set.
  const random = pickPairs(graph, args.quick ? 100 : 300, args.seed + 1).reachable.map(([a]) => a);
  const hubRuns = hubs.flatMap((hub) => Array<number>(args.quick ? 2 : 5).fill(hub));
  for (const [limit, note] of [[undefined, "default limit 500"], [Infinity, "uncapped"]] as const) {
    const hop2 = timeEach(random, (n) => neighbourhood(graph, [n], { depth: 2, limit }));
    rows.push({ name: "2-hop neighbourhood, random nodes", stats: hop2, target: "p90 < 1 ms", ok: hop2.p90 < 1, note });
    const hubStats = timeEach(hubRuns, (n) => neighbourhood(graph, [n], { depth: 2, limit }), hubs.length);
    const topHubSize = neighbourhood(graph, [hubs[0]], { depth: 2, limit }).nodes.length;
    rows.push({ name: "2-hop neighbourhood, top-10 hubs", stats: hubStats, target: "< 16 ms (p90)", ok: hubStats.p90 < 16, note: `${note}; top hub: ${topHubSize} nodes` });
  }

  nextSection();
  const buildSamples: number[] = [];
  let searchIndex = buildSearchIndex(graph);
  for (let rep = 0; rep < Math.min(reps, 3); rep++) {
    collectGarbage();
    buildSamples.push(timeSync(() => (searchIndex = buildSearchIndex(graph))));
  }
  rows.push(ratioRow("build search index", summarize(buildSamples), load.n3Parse, "n3 parse"));
  const labelCount = args.quick ? 6 : 12;
  const typed = keystrokes(labelsToType(graph, hubs, labelCount, args.seed + 2));
  const warm = keystrokes(labelsToType(graph, [], 4, args.seed + 3));
  for (const query of warm) searchLabels(searchIndex, query);
  const search = timeEach(typed, (query) => searchLabels(searchIndex, query), 0);
  rows.push({ name: `search per keystroke (typing ${labelCount} labels)`, stats: search, target: "< 2 ms (p90)", ok: search.p90 < 2 });

  nextSection();
  // The four writers take turns each repetition, so a burst of load from elsewhere hits a pair alike.
  const exportReps = args.quick ? 2 : big ? 3 : 5;
  const quads = Array.from(dataset.quads());
  const prefixes = { ...dataset.prefixes };
  const writers: Array<[string, () => string]> = [
    ["n3Turtle", () => n3WriterText(quads, "Turtle", prefixes)],
    ["ourTurtle", () => writeTurtle(dataset)],
    ["n3NTriples", () => n3WriterText(quads, "N-Triples", {})],
    ["ourNTriples", () => writeNTriples(dataset)],
    ["ourNTriplesUnsorted", () => writeNTriples(dataset, { order: "dataset" })],
    ["n3TurtleFromDataset", () => n3WriterText(Array.from(dataset.quads()), "Turtle", prefixes)],
  ];
  const exportSamples = new Map<string, number[]>(writers.map(([name]) => [name, []]));
  const exportCpu = new Map<string, number[]>(writers.map(([name]) => [name, []]));
  for (let rep = warmUp ? -1 : 0; rep < exportReps; rep++) {
    for (const [name, write] of writers) {
      collectGarbage();
      // Flattened: n3 returns a rope that writing it out would flatten, so that cost is part of producing it.
      const cpuStart = cpuMs();
      const ms = timeSync(() => flatten(write()));
      const cpu = cpuMs() - cpuStart;
      if (rep >= 0) {
        exportSamples.get(name)!.push(ms);
        exportCpu.get(name)!.push(cpu);
      }
    }
  }
  const exported = (name: string) => summarize(exportSamples.get(name)!);
  const exportCpuNote = (name: string, baseline: string) => cpuNote(summarize(exportCpu.get(name)!), summarize(exportCpu.get(baseline)!));
  rows.push({ name: "n3 Writer Turtle, quads in hand (baseline)", stats: exported("n3Turtle") });
  rows.push(ratioRow("n3 Writer Turtle incl. dataset.quads()", exported("n3TurtleFromDataset"), exported("n3Turtle"), "n3 Writer"));
  rows.push(ratioRow("writeTurtle(dataset)", exported("ourTurtle"), exported("n3Turtle"), "n3 Writer", { text: "≤ 1.2x n3 Writer", max: 1.2 }, exportCpuNote("ourTurtle", "n3Turtle")));
  rows.push({ name: "n3 Writer N-Triples, quads in hand (baseline)", stats: exported("n3NTriples") });
  // Canonical N-Triples sort their lines (n3 writes in the order given), so this ratio includes a sort n3 does not do.
  rows.push(ratioRow("writeNTriples(dataset), sorted", exported("ourNTriples"), exported("n3NTriples"), "n3 Writer", { text: "≤ 1.2x n3 Writer", max: 1.2 }, exportCpuNote("ourNTriples", "n3NTriples")));
  rows.push(ratioRow("writeNTriples(dataset, { order: \"dataset\" })", exported("ourNTriplesUnsorted"), exported("n3NTriples"), "n3 Writer", undefined, exportCpuNote("ourNTriplesUnsorted", "n3NTriples")));
  nextSection();

  return { label, triples: load.triples, fileBytes: cached.bytes, nodes: graph.nodeCount, edges: graph.edgeCount, rows };
}

/** How often each ranking puts the connection the brief argues first, or in the top 3 (bench/path-questions.json). */
async function pathEvaluation(): Promise<string> {
  const { loadGraph } = await import("../src/cli/graph.ts");
  const { graph } = await loadGraph(undefined);
  const questions = loadQuestions();
  const table = pathEvalMarkdown(evaluateRankings(graph, questions));
  const heading = `## Path ranking: ${questions.questions.length} analyst questions on the bundled graph (bench/path-eval.ts; hub-heavy: a shortest top-3 path passes through an entity with ${HUB_DEGREE}+ relations)`;
  return [heading, "", table].join("\n");
}

function gitRevision(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    return head;
  } catch {
    return "unknown";
  }
}

function machineFacts(): Record<string, string> {
  const n3Version = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "n3", "package.json"), "utf8")) as { version: string }).version;
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? "unknown"} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    // Other work on the machine stretches wall times; the 1-minute load average at the start says how much.
    "load average": loadavg()[0].toFixed(1),
    n3: n3Version,
    commit: gitRevision(),
  };
}

async function main(): Promise<void> {
  // --startup: only kg's start-up (bench/startup.ts), which a full run measures first, before the big datasets.
  const startupOnly = process.argv.includes("--startup");
  // --server: a local Virtuoso over the protocol beside kg sparql's embedded engines (bench/sparql-server.ts), 1M unless --sizes.
  if (process.argv.includes("--server")) return runServerBench(process.argv.slice(2));
  const args = parseBenchArgs(process.argv.slice(2).filter((arg) => arg !== "--startup" && arg !== "--scale" && arg !== "--sparql-only"), { name: "bench", sizes: [10_000, 100_000, 1_000_000], quickSizes: [10_000, 100_000] });
  // 5M triples and up (or --scale): each kg command as a process of its own (bench/scale.ts), once; no in-process repetitions.
  // --sparql-only: of those, the baseline parse and the kg sparql steps.
  const sparqlOnly = process.argv.includes("--sparql-only");
  if (process.argv.includes("--scale") || sparqlOnly || args.sizes.some((size) => size >= 5_000_000)) return runScaleBench(args.sizes, args.seed, args.writeResults, sparqlOnly);
  if (!hasGc()) log("bench: run with node --expose-gc (npm run bench does) for stable timings and memory figures");
  const facts = machineFacts();
  const pathEval = await pathEvaluation();
  console.log("\n" + pathEval);
  const startup = benchStartup({ runs: args.quick ? 5 : 15, log });
  console.log("\n" + startupMarkdown(startup));
  if (startupOnly) return;
  const reports: SizeReport[] = [];
  for (const size of args.sizes) {
    reports.push(await benchSize(size, args, reports.length > 0));
    collectGarbage();
    console.log("\n" + markdownTable(reports[reports.length - 1]));
  }
  const factsLine = Object.entries(facts).map(([k, v]) => `${k}: ${v}`).join(" · ");
  writeFileSync(join(benchOutDir, "results.json"), JSON.stringify({ facts, args, startup, reports }, null, 2));
  const markdown = [
    "# Benchmark results",
    "",
    "Produced by `npm run bench` (bench/run.ts) on generated data (bench/generate.ts, seed " + args.seed + "). Every ratio is",
    "against a baseline measured in the same run, so it travels between machines better than the milliseconds do;",
    "where the two were run in alternation (load, export) the ratio is the median of the per-repetition ratios.",
    "Targets are stated for 1M triples; they are shown at every size. Timings are per call; shortest-path and",
    "neighbourhood figures are one call per random pair/node after an untimed warm-up pass; search is one call per",
    "keystroke while typing whole labels letter by letter. Export timings include flattening the output string.",
    "Every sample is kept as measured: no slow call is timed again, so p90 and max include what a busy machine",
    "does to a call. The machine is shared (2 cores, other jobs running): the last column is the 1-minute load",
    "average while each row was measured (start–end). A CPU-time ratio (this process's user + system time, all",
    "threads) is given beside load and export ratios.",
    "",
    "Run: `npm run bench` (10k, 100k, 1M; rewrites this file) · `npm run bench -- --sizes 10k,100k` · `npm run bench -- --quick`",
    "(fewer repetitions, 10k and 100k, leaves this file alone) · generated files are cached in bench/out/.",
    "",
    factsLine,
    "",
    startupMarkdown(startup) + "\n",
    pathEval + "\n",
    ...reports.map((report) => markdownTable(report) + "\n"),
  ].join("\n");
  if (args.writeResults) {
    writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "RESULTS.md"), markdown);
    log("\nwrote bench/RESULTS.md and bench/out/results.json");
  } else log("\nwrote bench/out/results.json (bench/RESULTS.md is rewritten by full runs, or with --write-results)");
  log(`total ${formatMs(performance.now())}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
