// Builds the workbench once, serves the built site on 127.0.0.1 and opens it in Debian's Chromium via playwright-core.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttl": "text/turtle",
  ".txt": "text/plain; charset=utf-8",
};

export interface Site {
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** `vite build` into a (by default new temporary) folder: the same static site a user deploys. */
export function buildSite(dir = mkdtempSync(join(tmpdir(), "smartcity-kg-dist-"))): string {
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--outDir", dir, "--emptyOutDir", "--logLevel", "warn"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`browser tests: vite build failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

/** A minimal static file server for the built site (no directory listing, no path escapes). */
export async function serve(dir: string): Promise<Site> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests: Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  dialogs: string[];
}

export async function openWorkbench(browser: Browser, site: Site): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(site.url);
  await waitForGraph(page);
  return { page, context, errors, dialogs };
}

/** Waits until the data is loaded, the view holds nodes and the session is restored (which resets the panels' inputs). */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0, undefined, { timeout: 60_000 });
  await page.waitForSelector("#progress", { state: "hidden" });
  await page.evaluate(() => window.workbench!.ready);
}

export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const SCREENSHOTS = join(ROOT, "test-results", "browser");

/**
 * The site built for this test run: the first test file that needs it builds it into the run's folder (given by
 * build-once.ts) while any other waits, so one `vitest run` builds once, and only if a browser test runs.
 */
async function builtSiteForThisRun(): Promise<string> {
  const root = inject("workbenchBuildRoot");
  const dir = join(root, "site");
  const built = join(root, "built");
  const failed = join(root, "failed");
  try {
    writeFileSync(join(root, "building"), String(process.pid), { flag: "wx" });
  } catch {
    // Another test file is building it.
    while (!existsSync(built)) {
      if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
      await sleep(200);
    }
    return dir;
  }
  try {
    buildSite(dir);
    writeFileSync(built, "");
  } catch (error) {
    writeFileSync(failed, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return dir;
}

export interface WorkbenchSiteOptions {
  /** Put before each screenshot's name, e.g. "sparql-". */
  screenshotPrefix: string;
  /** Console errors that are the fault under test, not a bug. */
  expectedErrors?: RegExp;
  /** Tests may crash a page on purpose: a closed page is not photographed and a failed screenshot is not an error. */
  pagesMayCrash?: boolean;
}

export interface WorkbenchSite {
  readonly site: Site;
  readonly browser: Browser;
  /** The pages opened in the current test, oldest first. */
  readonly pages: readonly OpenedPage[];
  /** Opens the workbench in a fresh browser context (at `url`, by default the site's) and tracks it. */
  open(url?: string): Promise<OpenedPage>;
  /** Tracks a page opened some other way, so it is photographed, checked and closed after the test. */
  track(opened: OpenedPage): OpenedPage;
}

/**
 * Registers the lifecycle every browser test file shares: serve the run's built site and launch Chromium before all;
 * after each test photograph its pages, close them and require no console errors or dialogs (an alert would mean a
 * hostile string ran as markup); close everything after all.
 */
export function useWorkbenchSite(options: WorkbenchSiteOptions): WorkbenchSite {
  let site: Site | undefined;
  let browser: Browser | undefined;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    site = await serve(await builtSiteForThisRun());
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    // The built folder belongs to the run (build-once.ts removes it); other files may still serve it.
    await site?.close();
  });

  afterEach(async (context) => {
    const done = pages.splice(0);
    if (done.length === 0) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    const name = context.task.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    for (const [i, o] of done.entries()) {
      const path = join(SCREENSHOTS, `${options.screenshotPrefix}${name}${i ? `-${i + 1}` : ""}.png`);
      if (!options.pagesMayCrash) await o.page.screenshot({ path });
      // A page the test crashed on purpose has nothing left to show.
      else if (!o.page.isClosed()) await o.page.screenshot({ path, timeout: 5_000 }).catch(() => undefined);
    }
    for (const o of done) await o.context.close();
    for (const o of done) {
      const expected = options.expectedErrors;
      expect(expected ? o.errors.filter((e) => !expected.test(e)) : o.errors).toEqual([]);
      expect(o.dialogs).toEqual([]);
    }
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browser tests: the ${what} is not started (used outside a test?)`);
    return value;
  };
  const lifecycle: WorkbenchSite = {
    get site() {
      return started(site, "site");
    },
    get browser() {
      return started(browser, "browser");
    },
    pages,
    track(opened) {
      pages.push(opened);
      return opened;
    },
    async open(url) {
      const s = lifecycle.site;
      return lifecycle.track(await openWorkbench(lifecycle.browser, url === undefined ? s : { ...s, url }));
    },
  };
  return lifecycle;
}

/** Where a node is drawn, in page coordinates. */
export async function nodePoint(page: Page, key: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const p = await page.evaluate((k) => {
    const sigma = window.workbench!.view.sigma;
    return sigma.framedGraphToViewport(sigma.getNodeDisplayData(k)!);
  }, key);
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * A point of the graph, in page coordinates, where the pointer is over sigma's canvas (no banner or panel on top)
 * and no node is near, so moving there leaves any hovered node.
 */
export async function emptyGraphPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const found = await page.evaluate(({ left, top, width, height }) => {
    const sigma = window.workbench!.view.sigma;
    const container = sigma.getContainer();
    const nodes: { x: number; y: number }[] = [];
    sigma.getGraph().forEachNode((k) => {
      const d = sigma.getNodeDisplayData(k);
      if (d && !d.hidden) nodes.push(sigma.framedGraphToViewport(d));
    });
    for (let y = 10; y < height - 10; y += 20) {
      for (let x = 10; x < width - 10; x += 20) {
        const under = document.elementFromPoint(left + x, top + y);
        if (!under || !container.contains(under)) continue;
        if (nodes.every((n) => Math.hypot(n.x - x, n.y - y) > 40)) return { x: left + x, y: top + y };
      }
    }
    return null;
  }, { left: box.x, top: box.y, width: box.width, height: box.height });
  if (!found) throw new Error("test harness: no empty point on the graph");
  return found;
}

/** Centres the camera on a node and moves the pointer onto it until sigma says it is under the pointer. */
export async function pointAt(page: Page, key: string): Promise<{ x: number; y: number }> {
  // A camera animation still running (a selection's focus, a fit) would carry the node away from the pointer.
  await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
  await page.evaluate((k) => {
    const sigma = window.workbench!.view.sigma;
    const data = sigma.getNodeDisplayData(k)!;
    sigma.getCamera().setState({ x: data.x, y: data.y, ratio: 0.4 });
  }, key);
  // Off every node first: sigma only reports entering a node it does not already consider hovered.
  const empty = await emptyGraphPoint(page);
  await page.mouse.move(empty.x, empty.y);
  let point = await nodePoint(page, key);
  // A busy machine may need a few tries before sigma has drawn the new camera and hit-tests the node.
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.waitForTimeout(150);
    point = await nodePoint(page, key);
    await page.mouse.move(point.x + (attempt % 2), point.y);
    if (await page.evaluate((k) => window.workbench!.store.hovered() === k, key)) break;
  }
  expect(await page.evaluate(() => window.workbench!.store.hovered())).toBe(key);
  return point;
}
