// Compares two builds of the workbench (e.g. sigma 3 on main, a sigma 4 port on a branch) in one Chromium: first frame, camera-animation frame times, labels drawn.
// Usage: npx tsx bench/sigma-compare.ts <checkout A> <checkout B> [--repeats N] [--shots DIR]
//        each checkout is a work tree with its node_modules (git worktree add …; npm ci); runs alternate A, B, A, B…
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { longest, OBSERVE_LONG_TASKS } from "./long-tasks.ts";
import { launch, removeSite, serve, type Site } from "../tests/browser/harness.ts";
import { summarize } from "./stats.ts";

interface Sample {
  /** ms from navigation (or the file pick) until a frame shows the view's nodes with their labels. */
  firstFrame: number;
  /** ms until every edge of the view is drawn too (sigma 3's software renderer draws a big view's edges a frame later). */
  allEdges: number;
  /** Longest main-thread task (PerformanceObserver "longtask") from the start until every edge is drawn, ms; 0 if none. */
  longestTask: number;
  /** Intervals between animation frames while the camera zooms in and out (1.2 s each way). */
  frames: number[];
  /** Labels sigma drew at the fitted view and zoomed in on the biggest node (ratio 0.35). */
  labelsFitted: number;
  labelsZoomed: number;
  nodes: number;
  edges: number;
}

/** 3,000 generated entities with skewed degrees (as tests/browser/renderer.test.ts): the overview shows 2,000. */
function generatedGraph(): Buffer {
  const base = "https://example.org/generated/";
  const lines: string[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 3000; i++) {
    lines.push(`<${base}n${i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${base}Class${i % 3}> .`);
    lines.push(`<${base}n${i}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Generated ${i}"@en .`);
    for (let j = 0; j < 2; j++) lines.push(`<${base}n${i}> <${base}linksTo> <${base}n${Math.floor(3000 * random() ** 2)}> .`);
  }
  return Buffer.from(lines.join("\n"));
}

/**
 * Both sigma majors answer these through public calls: display data (sigma 3 `hidden`, sigma 4 `visibility`) and the
 * labels drawn in the last frame (getNodeDisplayedLabels). Strings, so that tsx adds no helpers the page lacks.
 */
const DRAWN = `(() => {
  const view = window.workbench && window.workbench.view;
  if (!view || view.graph.order < MIN) return false;
  const sigma = view.sigma;
  const shown = (d) => !!d && d.hidden !== true && d.visibility !== "hidden";
  let node = null;
  view.graph.forEachNode((n) => { if (node === null) node = n; });
  return shown(sigma.getNodeDisplayData(node)) && sigma.getNodeDisplayedLabels().size > 0;
})()`;
const ALL_EDGES = `(() => {
  const view = window.workbench.view;
  const sigma = view.sigma;
  return view.graph.everyEdge((e) => { const d = sigma.getEdgeDisplayData(e); return !!d && d.hidden !== true && d.visibility !== "hidden"; });
})()`;

async function drawnAt(page: Page, minNodes: number, since: number): Promise<number> {
  await page.waitForFunction(DRAWN.replace("MIN", String(minNodes)), undefined, { polling: "raf", timeout: 300_000 });
  return Math.round((await page.evaluate(() => performance.now())) - since);
}

/** Zooms onto the biggest node and back out, recording every frame's interval; counts the labels at both ends. */
async function animateCamera(page: Page): Promise<{ frames: number[]; labelsFitted: number; labelsZoomed: number }> {
  return page.evaluate(`(async () => {
    const view = window.workbench.view;
    const sigma = view.sigma;
    const camera = sigma.getCamera();
    const still = () => !(camera.isAnimated ? camera.isAnimated() : camera.isAnimating());
    const frame = () => new Promise((ok) => requestAnimationFrame(ok));
    while (!still()) await frame();
    for (let i = 0; i < 10; i++) await frame();
    const labelsFitted = sigma.getNodeDisplayedLabels().size;
    let biggest = null, size = -1;
    view.graph.forEachNode((n, a) => { if (a.size > size) { size = a.size; biggest = n; } });
    const d = sigma.getNodeDisplayData(biggest);
    const frames = [];
    let running = true, last = performance.now();
    const tick = (t) => { frames.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    const start = camera.getState();
    await camera.animate({ x: d.x, y: d.y, ratio: 0.35 }, { duration: 1200 });
    for (let i = 0; i < 5; i++) await frame();
    const labelsZoomed = sigma.getNodeDisplayedLabels().size;
    await camera.animate(start, { duration: 1200 });
    running = false;
    return { frames, labelsFitted, labelsZoomed };
  })()`);
}

/** Once the start-up layout is over (it runs a few seconds): camera frames and labels, a screenshot, the view's size. */
async function settledCamera(page: Page, shot: string | null): Promise<Omit<Sample, "firstFrame" | "allEdges" | "longestTask">> {
  await page.waitForFunction(() => document.getElementById("layout-toggle")?.getAttribute("aria-pressed") !== "true", undefined, { timeout: 120_000 });
  await page.waitForTimeout(4000);
  const camera = await animateCamera(page);
  if (shot) await page.screenshot({ path: shot });
  const [nodes, edges] = await page.evaluate(() => [window.workbench!.view.graph.order, window.workbench!.view.graph.size]);
  return { ...camera, nodes, edges };
}

async function sampleBundled(browser: Browser, site: Site, shot: string | null): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(site.url);
    const firstFrame = await drawnAt(page, 1, 0);
    await page.waitForFunction(ALL_EDGES, undefined, { polling: "raf", timeout: 300_000 });
    const allEdges = Math.round(await page.evaluate(() => performance.now()));
    const longestTask = await longest(page);
    await page.evaluate(() => window.workbench!.ready);
    return { firstFrame, allEdges, longestTask, ...(await settledCamera(page, shot)) };
  } finally {
    await context.close();
  }
}

async function sampleOverview(browser: Browser, site: Site, shot: string | null): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(site.url);
    await drawnAt(page, 1, 0);
    await page.evaluate(() => window.workbench!.ready);
    await page.waitForTimeout(3000);
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    const picked = await page.evaluate(() => performance.now());
    await page.setInputFiles("#file-input", { name: "generated.nt", mimeType: "application/n-triples", buffer: generatedGraph() });
    const firstFrame = await drawnAt(page, 2000, picked);
    await page.waitForFunction(ALL_EDGES, undefined, { polling: "raf", timeout: 300_000 });
    const allEdges = Math.round((await page.evaluate(() => performance.now())) - picked);
    const longestTask = await longest(page);
    await page.waitForSelector("#progress", { state: "hidden", timeout: 300_000 });
    return { firstFrame, allEdges, longestTask, ...(await settledCamera(page, shot)) };
  } finally {
    await context.close();
  }
}

function build(checkout: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sigma-compare-"));
  const vite = join(checkout, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--outDir", dir, "--emptyOutDir", "--logLevel", "warn"], { cwd: checkout, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bench/sigma-compare: vite build failed in ${checkout}:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

function summary(name: string, what: string, samples: Sample[]): string {
  const frames = summarize(samples.flatMap((s) => s.frames));
  const m = (pick: (s: Sample) => number) => summarize(samples.map(pick)).median;
  const raw = (pick: (s: Sample) => number) => samples.map(pick).join("/");
  return [
    `| ${name} | ${what} | ${m((s) => s.nodes)} / ${m((s) => s.edges)}`,
    `${m((s) => s.firstFrame)} (${raw((s) => s.firstFrame)})`,
    `${m((s) => s.allEdges)} (${raw((s) => s.allEdges)})`,
    `${m((s) => s.longestTask)} (${raw((s) => s.longestTask)})`,
    `${frames.median.toFixed(1)} / ${frames.p90.toFixed(1)} / ${frames.max.toFixed(1)} (${frames.samples})`,
    `${m((s) => s.labelsFitted)} (${raw((s) => s.labelsFitted)})`,
    `${m((s) => s.labelsZoomed)} (${raw((s) => s.labelsZoomed)}) |`,
  ].join(" | ");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const repeats = Number(flag("--repeats") ?? 3);
  const shots = flag("--shots");
  if (args.length !== 2) throw new Error("usage: npx tsx bench/sigma-compare.ts <checkout A> <checkout B> [--repeats N] [--shots DIR]");
  if (shots) mkdirSync(shots, { recursive: true });
  const checkouts = args.map((a) => resolve(a));
  console.log(`bench/sigma-compare: building ${checkouts.join(" and ")}…`);
  const dirs = checkouts.map(build);
  const sites = await Promise.all(dirs.map(serve));
  const browser = await launch();
  const results = checkouts.map(() => ({ bundled: [] as Sample[], overview: [] as Sample[] }));
  const loads: number[] = [];
  try {
    for (let r = 0; r < repeats; r++) {
      for (const [i, site] of sites.entries()) {
        const name = basename(checkouts[i]);
        loads.push(loadavg()[0]);
        results[i].bundled.push(await sampleBundled(browser, site, shots && r === 0 ? join(shots, `${name}-bundled.png`) : null));
        results[i].overview.push(await sampleOverview(browser, site, shots && r === 0 ? join(shots, `${name}-overview.png`) : null));
        console.log(`  run ${r + 1} ${name}: bundled first frame ${results[i].bundled.at(-1)!.firstFrame} ms, overview ${results[i].overview.at(-1)!.firstFrame} ms`);
      }
    }
  } finally {
    await browser.close();
    for (const site of sites) await site.close();
    for (const dir of dirs) removeSite(dir);
  }
  console.log(`\nload average (1 min) during the runs: ${loads.map((l) => l.toFixed(1)).join(", ")}; ${repeats} runs each, alternating\n`);
  console.log("| build | view | nodes / edges | first frame ms, median (runs) | all edges drawn ms | longest task until then ms | camera frame interval ms median / p90 / max (frames) | labels fitted | labels zoomed |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [i, checkout] of checkouts.entries()) {
    console.log(summary(basename(checkout), "bundled graph", results[i].bundled));
    console.log(summary(basename(checkout), "2,000-node overview", results[i].overview));
  }
}

await main();
