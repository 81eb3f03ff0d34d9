// Builds the workbench once, serves the built site on 127.0.0.1 and opens it in Debian's Chromium via playwright-core.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";

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

/** `vite build` into a temporary folder: the same static site a user deploys. */
export function buildSite(): string {
  const dir = mkdtempSync(join(tmpdir(), "smartcity-kg-dist-"));
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

/** Waits until the data is loaded and the view holds nodes. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0, undefined, { timeout: 60_000 });
  await page.waitForSelector("#progress", { state: "hidden" });
}

export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const SCREENSHOTS = join(ROOT, "test-results", "browser");
