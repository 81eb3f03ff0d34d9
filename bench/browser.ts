// Browser benchmark of the built workbench: time to first view, longest main-thread task while loading generated data, laying it out and restoring it after a reload, ForceAtlas2 iterations/s.
// Usage: npm run bench:browser [-- 100k 1M]   (sizes default to 100k and 1M; data is generated once into bench/out/;
//        each row is measured --repeats times (3) in a fresh browser and reported as medians, with the worst longest task)
//        npm run bench:browser -- 20M --seed 42 --load-only   (only opening the file: every long task, memory, outcome)
//        npm run bench:browser -- --file big.ttl --load-only  (a given file)
//        npm run bench:browser -- fa2         (only the ForceAtlas2 Node-vs-worker comparison; keeps the other rows)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { longest, OBSERVE_LONG_TASKS } from "./long-tasks.ts";
import { buildSite, launch, removeSite, serve, type Site } from "../tests/browser/harness.ts";
import { measureFa2, printFa2, type Fa2Row } from "./browser-fa2.ts";
import { benchOutDir, ensureDataset, sizeLabel } from "./dataset-cache.ts";
import { parseBrowserBenchArgs } from "./browser-args.ts";
import { LOAD_RUN_HEADER, loadRunLine, measureLoad, type LoadRun } from "./browser-load.ts";

interface Row {
  what: string;
  triples: number;
  /** Milliseconds from the start (navigation or file pick) until the view is drawn. */
  toView: number;
  /** Longest main-thread task (PerformanceObserver "longtask"), ms; 0 when none passed 50 ms. */
  longestTask: number;
  nodesShown: number;
  edgesShown: number;
  /** ForceAtlas2 iterations per second on the shown graph (the ▶ Layout button, 3 s), as the layout worker reports them. */
  fa2PerSecond: number;
  /** Position sets written into the shown graph per second during that run (each one redraws the view). */
  fa2AppliedPerSecond: number;
  /** Longest main-thread task during that run, ms. */
  fa2LongestTask: number;
  /** Milliseconds from a reload of the page (after its autosave) until the session is restored: data, view, state. */
  restoreToView: number;
  /** Longest main-thread task from that reload until 3 s after the restore, ms. */
  restoreLongestTask: number;
}

/**
 * Counts the iterations the workbench's ForceAtlas2 worker reports (each "positions" message carries its run's
 * count), by wrapping the page's Worker constructor before the app starts: no hook in the app itself. A string, so
 * tsx's transform cannot add helpers the page does not have.
 */
const COUNT_FA2_ITERATIONS = `
  (() => {
    const Native = window.Worker;
    window.fa2Iterations = 0;
    window.Worker = class extends Native {
      constructor(url, options) {
        super(url, options);
        if (!/layout\.worker/.test(String(url))) return;
        let run = -1, last = 0;
        this.addEventListener("message", (event) => {
          const data = event.data;
          if (!data || data.type !== "positions") return;
          if (data.run !== run) { run = data.run; last = 0; }
          window.fa2Iterations += data.iterations - last;
          last = data.iterations;
        });
      }
    };
  })();
`;

/** A row as reported: medians over the runs, the largest longest-task of any run, and every run. */
interface Summary extends Row {
  longestTaskMax: number;
  fa2LongestTaskMax: number;
  restoreLongestTaskMax: number;
  runs: Row[];
}

function summarise(runs: Row[]): Summary {
  const median = (pick: (r: Row) => number) => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    what: runs[0].what,
    triples: runs[0].triples,
    toView: median((r) => r.toView),
    longestTask: median((r) => r.longestTask),
    nodesShown: median((r) => r.nodesShown),
    edgesShown: median((r) => r.edgesShown),
    fa2PerSecond: median((r) => r.fa2PerSecond),
    fa2AppliedPerSecond: median((r) => r.fa2AppliedPerSecond),
    fa2LongestTask: median((r) => r.fa2LongestTask),
    restoreToView: median((r) => r.restoreToView),
    restoreLongestTask: median((r) => r.restoreLongestTask),
    longestTaskMax: Math.max(...runs.map((r) => r.longestTask)),
    fa2LongestTaskMax: Math.max(...runs.map((r) => r.fa2LongestTask)),
    restoreLongestTaskMax: Math.max(...runs.map((r) => r.restoreLongestTask)),
    runs,
  };
}


async function viewReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0, undefined, { timeout: 600_000 });
  await page.waitForSelector("#progress", { state: "hidden", timeout: 600_000 });
}

/** Runs ForceAtlas2 with the ▶ Layout button for `ms`: iterations and position updates per second, longest task. */
async function fa2Rate(page: Page, ms: number): Promise<{ iterations: number; applied: number; longestTask: number }> {
  const counts = await page.evaluate(async (duration) => {
    const w = window as unknown as { longest: number; fa2Iterations: number };
    const button = document.getElementById("layout-toggle")!;
    if (button.classList.contains("running")) button.click();
    // Let any task the stop caused end before the window opens.
    await new Promise((ok) => setTimeout(ok, 500));
    const graph = window.workbench!.view.graph;
    let applied = 0;
    // An anonymous function in a literal: tsx would wrap a named one in a helper the page does not have.
    const listeners = [
      function () {
        applied++;
      },
    ];
    graph.on("eachNodeAttributesUpdated", listeners[0]);
    w.longest = 0;
    const before = w.fa2Iterations;
    button.click();
    await new Promise((ok) => setTimeout(ok, duration));
    button.click();
    const iterations = w.fa2Iterations - before;
    graph.off("eachNodeAttributesUpdated", listeners[0]);
    // What the stop sets off is part of the run: noverlap (up to 4 s), the position cache, the session's autosave.
    await new Promise((ok) => setTimeout(ok, 6000));
    return { iterations, applied };
  }, ms);
  return { iterations: Math.round((counts.iterations * 1000) / ms), applied: Math.round((counts.applied * 1000) / ms), longestTask: await longest(page) };
}

async function measure(site: Site, file: { path: string; triples: number } | null): Promise<Row> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(COUNT_FA2_ITERATIONS);
    await page.addInitScript(OBSERVE_LONG_TASKS);
    const started = Date.now();
    await page.goto(site.url);
    await viewReady(page);
    let toView = Date.now() - started;
    let triples = await page.evaluate(() => Number(document.getElementById("status")!.textContent!.match(/([\d,]+) triples/)![1].replace(/,/g, "")));
    if (file) {
      await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
      const picked = Date.now();
      await page.setInputFiles("#file-input", file.path);
      await page.waitForSelector("#progress", { state: "visible" });
      await viewReady(page);
      toView = Date.now() - picked;
      // A given file's count is what the status line says now (with the bundled graph's).
      triples = file.triples || (await page.evaluate(() => Number(document.getElementById("status")!.textContent!.match(/([\d,]+) triples/)![1].replace(/,/g, ""))));
    }
    // Let the automatic layout run and settle; its frames count towards the longest task too.
    await page.waitForTimeout(7000);
    const longestTask = await longest(page);
    const [nodesShown, edgesShown] = await page.evaluate(() => [window.workbench!.view.graph.order, window.workbench!.view.graph.size]);
    const fa2 = await fa2Rate(page, 3000);
    // The crash-restore path: the page reloaded comes back to its autosave (the file's data, the view, the session).
    // The long-task observer is installed again before the new document's first script.
    await page.evaluate(() => window.workbench!.session?.flush());
    const reloaded = Date.now();
    await page.reload();
    await page.waitForFunction(() => !!window.workbench?.session, undefined, { timeout: 600_000 });
    await page.evaluate(() => window.workbench!.ready);
    const restoreToView = Date.now() - reloaded;
    const restored = await page.evaluate(() => window.workbench!.view.graph.order);
    if (restored !== nodesShown) throw new Error(`bench:browser: the reload restored ${restored} nodes, not the ${nodesShown} shown before it.`);
    await page.waitForTimeout(3000);
    const restoreLongestTask = await longest(page);
    return {
      what: file ? `load ${sizeLabel(file.triples)}` : "bundled graph",
      triples,
      toView,
      longestTask,
      nodesShown,
      edgesShown,
      fa2PerSecond: fa2.iterations,
      fa2AppliedPerSecond: fa2.applied,
      fa2LongestTask: fa2.longestTask,
      restoreToView,
      restoreLongestTask,
    };
  } finally {
    await browser.close();
  }
}

function writeResults(results: { rows?: Summary[]; fa2: Fa2Row }): void {
  mkdirSync(benchOutDir, { recursive: true });
  const path = join(benchOutDir, "browser.json");
  const earlier = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { rows?: Summary[]; loadAverage?: number[] }) : {};
  writeFileSync(
    path,
    JSON.stringify({ date: new Date().toISOString(), loadAverage: results.rows ? loadavg() : earlier.loadAverage, rows: results.rows ?? earlier.rows ?? [], fa2: results.fa2 }, null, 2),
  );
}

/** Opens each file once a run, only the load (see browser-load.ts); prints a line a run and keeps them in bench/out/browser-load.json. */
async function loadOnly(site: Site, paths: readonly string[], repeats: number): Promise<void> {
  const runs: LoadRun[] = [];
  console.log(LOAD_RUN_HEADER.join("\n"));
  for (const path of paths) {
    for (let i = 0; i < repeats; i++) {
      const run = await measureLoad(site, path);
      runs.push(run);
      console.log(loadRunLine(run));
      writeFileSync(join(benchOutDir, "browser-load.json"), JSON.stringify({ date: new Date().toISOString(), runs }, null, 2));
    }
  }
}

async function main(): Promise<void> {
  const args = parseBrowserBenchArgs(process.argv.slice(2));
  if (args.fa2Only) {
    const fa2 = await measureFa2();
    printFa2(fa2);
    writeResults({ fa2 });
    return;
  }
  const files = [
    ...args.sizes.map((triples) => {
      const dataset = ensureDataset(triples, args.seed);
      return { path: dataset.path, triples: dataset.stats.triples };
    }),
    ...args.files.map((path) => ({ path, triples: 0 })),
  ];
  console.log("bench:browser: building the site…");
  const site = await serve(buildSite());
  if (args.loadOnly) {
    try {
      await loadOnly(site, files.map((f) => f.path), args.repeats);
    } finally {
      await site.close();
      removeSite(site.dir);
    }
    console.log(`Load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${availableParallelism()} cores.`);
    return;
  }
  const rows: Summary[] = [];
  try {
    for (const file of [null, ...files]) {
      const runs: Row[] = [];
      for (let i = 0; i < args.repeats; i++) runs.push(await measure(site, file));
      rows.push(summarise(runs));
    }
  } finally {
    await site.close();
    removeSite(site.dir);
  }
  const lines = [
    `Medians of ${args.repeats} runs, each in a fresh browser; longest tasks as median (worst run).`,
    "| what | triples | to view (ms) | longest main-thread task, loading (ms) | nodes shown | edges shown | FA2 iterations/s | FA2 redraws/s | longest task, FA2 run (ms) | reload to restored (ms) | longest task, reload (ms) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.triples.toLocaleString("en")} | ${r.toView} | ${r.longestTask} (${r.longestTaskMax}) | ${r.nodesShown} | ${r.edgesShown} | ${r.fa2PerSecond} | ${r.fa2AppliedPerSecond} | ${r.fa2LongestTask} (${r.fa2LongestTaskMax}) | ${r.restoreToView} | ${r.restoreLongestTask} (${r.restoreLongestTaskMax}) |`,
    ),
  ];
  console.log(lines.join("\n"));
  console.log(`Load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${availableParallelism()} cores.`);
  console.log("Headless Chromium renders WebGL in software (SwiftShader): frame costs, and so long tasks during layout, are far above a GPU's.");
  const fa2 = await measureFa2();
  printFa2(fa2);
  if (args.writeResults) writeResults({ rows, fa2 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
