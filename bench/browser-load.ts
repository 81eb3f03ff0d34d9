// bench:browser --load-only: the workbench opening one big file, with its time to first view, every long main-thread task, memory, and how the load ended.
import { loadavg } from "node:os";
import type { Page } from "playwright-core";
import { launch, type Site } from "../tests/browser/harness.ts";
import { gib, watchMemory, type MemoryPeaks } from "./browser-memory.ts";
import { OBSERVE_LONG_TASKS, takeLongTasks } from "./long-tasks.ts";

export interface LoadRun {
  file: string;
  /** Triples the status line counts after the load (the bundled graph's included), or before it when the load failed. */
  triples: number;
  /** Milliseconds from the pick until the progress bar went and the view was drawn (or the error shown). */
  toView: number;
  /** "loaded", "refused" (an error shown, the graph before kept) or "crashed" (the tab died). */
  outcome: "loaded" | "refused" | "crashed";
  /** The error the page showed, for a refused load. */
  error?: string;
  /** Every main-thread task over 50 ms from the pick until 7 s after the view (the automatic layout included). */
  longTasks: number[];
  nodesShown: number;
  memory: MemoryPeaks;
  /** 1-minute load average at the pick and at the end. */
  loadAverage: [number, number];
}

const statusTriples = (page: Page) =>
  page.evaluate(() => Number((/([\d,]+) triples/.exec(document.getElementById("status")?.textContent ?? "")?.[1] ?? "0").replace(/,/g, "")));

/** Opens the built site on the bundled graph, then picks `path` and watches until it is shown, refused or the tab crashes. */
export async function measureLoad(site: Site, path: string, timeoutMs = 3_600_000): Promise<LoadRun> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(OBSERVE_LONG_TASKS);
    let crashed = false;
    page.on("crash", () => (crashed = true));
    await page.goto(site.url);
    await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0, undefined, { timeout: 600_000 });
    await page.waitForSelector("#progress", { state: "hidden", timeout: 600_000 });
    const before = await statusTriples(page);
    const memory = await watchMemory(page);
    await takeLongTasks(page);
    const startLoad = loadavg()[0];
    const picked = Date.now();
    await page.setInputFiles("#file-input", path);
    let toView = 0;
    try {
      await page.waitForSelector("#progress", { state: "visible", timeout: 60_000 });
      await page.waitForSelector("#progress", { state: "hidden", timeout: timeoutMs });
      toView = Date.now() - picked;
    } catch (error) {
      if (!crashed) throw error;
      toView = Date.now() - picked;
    }
    if (crashed) {
      const peaks = await memory.stop();
      return { file: path, triples: before, toView, outcome: "crashed", longTasks: [], nodesShown: 0, memory: peaks, loadAverage: [startLoad, loadavg()[0]] };
    }
    // The automatic layout after a load draws frames too: they count towards the longest task.
    await page.waitForTimeout(7000);
    const error = (await page.locator("#error").isVisible()) ? ((await page.locator("#error").textContent()) ?? "").replace(/×$/, "").trim() : undefined;
    const longTasks = await takeLongTasks(page);
    const peaks = await memory.stop();
    return {
      file: path,
      triples: await statusTriples(page),
      toView,
      outcome: error ? "refused" : "loaded",
      error,
      longTasks,
      nodesShown: await page.evaluate(() => window.workbench!.view.graph.order),
      memory: peaks,
      loadAverage: [startLoad, loadavg()[0]],
    };
  } finally {
    await browser.close();
  }
}

/** The p-th percentile (0–1) of `values` by nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** One table line a run: what happened, time to view, the long tasks (count, median, p90, max), memory, load average. */
export function loadRunLine(run: LoadRun): string {
  const t = run.longTasks;
  const tasks = t.length ? `${t.length}: ${percentile(t, 0.5)} / ${percentile(t, 0.9)} / ${Math.max(...t)}` : "none over 50 ms";
  const outcome = run.outcome === "refused" ? `refused: ${run.error}` : run.outcome;
  const m = run.memory;
  return `| ${run.file.replace(/^.*\//, "")} | ${outcome} | ${run.triples.toLocaleString("en")} | ${(run.toView / 1000).toFixed(1)} s | ${tasks} | ${run.nodesShown} | ${gib(m.workerHeap)} (${gib(m.workerRetained)}) | ${gib(m.pageHeap)} | ${gib(m.rendererRss)} | ${run.loadAverage.map((l) => l.toFixed(1)).join("–")} |`;
}

export const LOAD_RUN_HEADER = [
  "| file | outcome | triples after | pick to view | tasks over 50 ms while loading + 7 s: count: median / p90 / max (ms) | nodes shown | data worker heap, peak (retained after a GC) | page heap, peak | renderer RSS, peak | load avg (1 min) |",
  "|---|---|---:|---:|---|---:|---:|---:|---:|---|",
];
