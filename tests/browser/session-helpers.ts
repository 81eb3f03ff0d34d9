// Steps an analyst takes in the workbench, shared by the browser tests of sessions and History.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { nodePoint, waitForGraph } from "./harness.ts";

export const KGR = "https://w3id.org/smartcity-kg/resource/";
export const HUAWEI = `${KGR}huawei`;
export const KENYA = `${KGR}kenya`;

/** Waits until the data is shown and the last session (if any) is restored. */
export async function ready(page: Page): Promise<void> {
  await waitForGraph(page);
  await page.waitForFunction(() => !!window.workbench?.session);
  await page.evaluate(() => window.workbench!.ready);
}

export async function pick(page: Page, inputSelector: string, text: string): Promise<void> {
  await page.fill(inputSelector, text);
  await page.locator(`${inputSelector} + .suggestions li.active`).first().waitFor();
  await page.press(inputSelector, "Enter");
}

export async function runPath(page: Page, from = "Huawei", to = "Kenya"): Promise<void> {
  await page.click("#tab-path");
  await pick(page, "#path-from", from);
  await pick(page, "#path-to", to);
  await page.click("#path-run");
  await page.locator("#path-results .path-result").first().waitFor();
  await page.waitForFunction(() => window.workbench!.store.get().path.status === "done");
}

export async function selectBySearch(page: Page, text: string, iri: string): Promise<void> {
  await pick(page, "#search", text);
  await page.waitForFunction((k) => {
    const s = window.workbench!.store.get().selection;
    return s.kind === "node" && s.node === k;
  }, iri);
  await page.locator("#node-note").waitFor();
}

export async function writeNodeNote(page: Page, text: string): Promise<void> {
  await page.fill("#node-note", text);
  await page.locator("#node-note").blur();
}

export async function writeSessionNote(page: Page, text: string): Promise<void> {
  await page.click("#tab-notes");
  await page.fill("#session-note", text);
  await page.locator("#session-note").blur();
}

/** Drags a node by (dx, dy) pixels with the mouse, as an analyst does. */
export async function dragNode(page: Page, key: string, dx: number, dy: number): Promise<void> {
  await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
  // A node off the canvas (the camera may have zoomed onto another node), or under the legend at its edge, cannot
  // be grabbed: centre it first.
  await page.evaluate((k) => {
    const sigma = window.workbench!.view.sigma;
    const data = sigma.getNodeDisplayData(k)!;
    sigma.getCamera().setState({ x: data.x, y: data.y });
  }, key);
  // sigma finds the node under the pointer in its last drawn frame: let it draw the camera just set.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const steps = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
  const from = await nodePoint(page, key);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + (dx * i) / 5, from.y + (dy * i) / 5);
  await page.mouse.up();
  await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, steps);
}

export const position = (page: Page, key: string) =>
  page.evaluate((k) => {
    const a = window.workbench!.view.graph.getNodeAttributes(k);
    return [a.x, a.y] as [number, number];
  }, key);

/** Saves now and waits for IndexedDB to confirm. */
export const flush = (page: Page) => page.evaluate(() => window.workbench!.session!.flush());

export async function loadOwnFile(page: Page, prefix: string, turtle: string): Promise<string> {
  const file = join(tmpdir(), `${prefix}-${Date.now()}.ttl`);
  writeFileSync(file, turtle);
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(() => window.workbench!.session!.controller.history.entries.some((e) => e.action.kind === "load"));
  return file;
}
