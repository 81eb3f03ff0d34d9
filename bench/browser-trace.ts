// Attributes the workbench's main-thread long tasks: a Chromium trace (with V8 samples) while loading generated data, per task its top functions.
// Usage: npx tsx bench/browser-trace.ts [100k] [--fa2] [--bundled] [--reload] [--gpu] [--keep trace.json]   (or --from trace.json: analyse a kept trace)
//   --reload: trace the restore instead of the load: load the file, autosave, then reload the page (crash-restore path).
//   Builds the site unminified (readable function names), loads the file, lets the view settle, optionally runs the
//   ForceAtlas2 button for 3 s, then prints every main-thread task over 50 ms with what ran in it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { launch, removeSite, serve } from "../tests/browser/harness.ts";
import { ensureDataset, parseSize } from "./dataset-cache.ts";

const ROOT = resolve(import.meta.dirname, "..");
const LONG_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      type?: string;
      functionName?: string;
      url?: string;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function buildUnminified(): string {
  const dir = mkdtempSync(join(tmpdir(), "smartcity-kg-trace-"));
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--outDir", dir, "--emptyOutDir", "--logLevel", "warn", "--minify", "false"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bench/browser-trace: vite build failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

async function viewReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0, undefined, { timeout: 600_000 });
  await page.waitForSelector("#progress", { state: "hidden", timeout: 600_000 });
}

/** One V8 sample: when, and the function names from leaf to root. */
interface Sample {
  ts: number;
  stack: string[];
}

function samplesOf(events: TraceEvent[], pid: number, tid: number): Sample[] {
  const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: Sample[]; last: number }>();
  for (const event of events) {
    if (event.pid !== pid) continue;
    if (event.name === "Profile" && event.tid === tid && event.id) {
      profiles.set(event.id, { start: event.args?.data?.startTime ?? event.ts, nodes: new Map(), samples: [], last: event.args?.data?.startTime ?? event.ts });
    }
  }
  for (const event of events) {
    if (event.pid !== pid || event.name !== "ProfileChunk" || !event.id) continue;
    const profile = profiles.get(event.id);
    if (!profile) continue;
    const data = event.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      profile.last += deltas[i] ?? 0;
      const stack: string[] = [];
      for (let node = profile.nodes.get(ids[i]); node; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) {
        const frame = node.callFrame;
        if (frame.functionName === "(root)") continue;
        const url = frame.url ?? "";
        const file = url.slice(url.lastIndexOf("/") + 1);
        stack.push(frame.functionName ? `${frame.functionName}${file ? ` ${file}:${frame.lineNumber + 1}` : ""}` : `(anonymous) ${file}:${frame.lineNumber + 1}`);
      }
      profile.samples.push({ ts: profile.last, stack });
    }
  }
  // Each node's parent is only known once all chunks are read; rebuild the stacks now.
  return [...profiles.values()].flatMap((p) => p.samples).sort((a, b) => a.ts - b.ts);
}

function top<T>(counts: Map<T, number>, n: number): [T, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function analyse(events: TraceEvent[], marks: Map<string, number>): void {
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name");
  const mains = names.filter((e) => e.args?.name === "CrRendererMain");
  // The page's renderer is the one whose main thread did most work.
  const work = new Map<string, number>();
  for (const e of events) if (e.ph === "X" && e.dur) work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = mains.sort((a, b) => (work.get(`${b.pid}:${b.tid}`) ?? 0) - (work.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  if (!main) throw new Error("bench/browser-trace: no renderer main thread in the trace");
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const candidates = onMain.filter((e) => (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && (e.dur ?? 0) > LONG_MS * 1000);
  // Tasks nest (RunTask inside ThreadControllerImpl::RunTask): keep the outermost.
  const tasks = candidates.filter((t) => !candidates.some((o) => o !== t && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.dur ?? 0) > (t.dur ?? 0)));
  const samples = samplesOf(events, main.pid, main.tid);
  const origin = Math.min(...onMain.map((e) => e.ts));
  console.log(`main thread ${main.pid}:${main.tid}: ${samples.length} samples, ${tasks.length} tasks over ${LONG_MS} ms`);
  for (const [mark, ts] of marks) console.log(`  mark ${mark} at ${((ts - origin) / 1000).toFixed(0)} ms`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    console.log(`\n== task at ${((task.ts - origin) / 1000).toFixed(0)} ms, ${((task.dur ?? 0) / 1000).toFixed(0)} ms`);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) > 5000);
    for (const e of inside.sort((a, b) => a.ts - b.ts).slice(0, 14)) {
      const data = e.args?.data;
      const what = [data?.type, data?.functionName, data?.url?.slice(data.url.lastIndexOf("/") + 1)].filter(Boolean).join(" ");
      console.log(`   ${((e.ts - task.ts) / 1000).toFixed(0).padStart(5)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${what}`);
    }
    const within = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    if (within.length === 0) continue;
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (const s of within) {
      self.set(s.stack[0] ?? "(none)", (self.get(s.stack[0] ?? "(none)") ?? 0) + 1);
      for (const name of new Set(s.stack)) total.set(name, (total.get(name) ?? 0) + 1);
    }
    const share = (count: number) => `${((100 * count) / within.length).toFixed(0).padStart(3)}%`;
    console.log(`   samples: ${within.length}; self:`);
    for (const [name, count] of top(self, 10)) console.log(`     ${share(count)} ${name}`);
    console.log("   inclusive:");
    for (const [name, count] of top(total, 22)) console.log(`     ${share(count)} ${name}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fa2 = args.includes("--fa2");
  const reload = args.includes("--reload");
  const keepAt = args.indexOf("--keep");
  const keep = keepAt >= 0 ? args[keepAt + 1] : undefined;
  const fromAt = args.indexOf("--from");
  if (fromAt >= 0) {
    const trace = JSON.parse(readFileSync(args[fromAt + 1], "utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
    analyse(Array.isArray(trace) ? trace : trace.traceEvents, new Map());
    return;
  }
  const sizeArg = args.find((a, i) => /^\d/.test(a) && args[i - 1] !== "--keep" && args[i - 1] !== "--from");
  const bundledOnly = args.includes("--bundled") || !sizeArg;
  const file = bundledOnly ? null : ensureDataset(parseSize(sizeArg!), 1);
  console.log("bench/browser-trace: building the site (unminified)…");
  const site = await serve(buildUnminified());
  const browser = await launch();
  const marks = new Map<string, number>();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const categories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "disabled-by-default-v8.cpu_profiler", "toplevel", "blink.user_timing", "v8"];
    // What the GPU process does while the page waits in a commit (ANGLE's readback, SwiftShader's work): --gpu.
    if (args.includes("--gpu")) categories.push("gpu", "disabled-by-default-gpu.service", "gpu.angle", "viz");
    const mark = async (name: string) => marks.set(name, await page.evaluate(() => performance.timeOrigin * 1000 + performance.now() * 1000).catch(() => 0));
    if (bundledOnly) await browser.startTracing(page, { categories });
    await page.goto(site.url);
    await viewReady(page);
    if (file) {
      await page.waitForTimeout(3000);
      if (!reload) await browser.startTracing(page, { categories });
      await page.setInputFiles("#file-input", file.path);
      await page.waitForSelector("#progress", { state: "visible" });
      await viewReady(page);
    }
    if (file && reload) {
      await page.waitForFunction(() => window.workbench!.session!.controller.history.entries.some((e) => e.action.kind === "load"));
      await page.waitForTimeout(7000);
      await page.evaluate(() => window.workbench!.session!.flush());
      await browser.startTracing(page, { categories });
      await page.reload();
      await viewReady(page);
      await page.evaluate(() => window.workbench!.ready);
    }
    void mark;
    await page.waitForTimeout(7000);
    if (fa2) {
      const counted = await page.evaluate(async () => {
        const button = document.getElementById("layout-toggle")!;
        const graph = window.workbench!.view.graph;
        let iterations = 0;
        const listeners = [
          function () {
            iterations++;
          },
        ];
        graph.on("eachNodeAttributesUpdated", listeners[0]);
        button.click();
        await new Promise((ok) => setTimeout(ok, 3000));
        button.click();
        graph.off("eachNodeAttributesUpdated", listeners[0]);
        return iterations;
      });
      console.log(`ForceAtlas2 button: ${counted} position updates in 3 s`);
      await page.waitForTimeout(5000);
    }
    const buffer = await browser.stopTracing();
    if (keep) writeFileSync(keep, buffer);
    const trace = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
    analyse(Array.isArray(trace) ? trace : trace.traceEvents, marks);
  } finally {
    await browser.close();
    await site.close();
    removeSite(site.dir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
