// A picked file is streamed into the worker (Blob.stream, never one string): progress counts triples with their rate, every triple arrives, and Cancel keeps the graph before.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { bundledDataFiles } from "../../src/cli/load.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { useWorkbenchSite } from "./harness.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "stream-load-" });
const folder = mkdtempSync(join(tmpdir(), "stream-load-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function generatedFile(name: string, triples: number, seed: number): { path: string; text: string } {
  const text = generateTurtle({ triples, seed }).text;
  const path = join(folder, name);
  writeFileSync(path, text);
  return { path, text };
}

/** The triples the status line reports ("… · 18,155 triples"). */
async function statusTriples(page: Page): Promise<number> {
  const text = (await page.locator("#status").textContent()) ?? "";
  const match = /([\d,]+) triples/.exec(text);
  if (!match) throw new Error(`no triple count in the status line: ${JSON.stringify(text)}`);
  return Number(match[1].replace(/,/g, ""));
}

/** Records every text the progress line shows, from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
    const area = document.getElementById("progress")!;
    new MutationObserver(() => seen.push(area.querySelector("span")?.textContent ?? "")).observe(area, { subtree: true, childList: true, characterData: true });
  });
}

describe("workbench: a picked file is streamed into the worker", () => {
  it("shows triples and their rate while parsing, and loads every triple of the file", async () => {
    const { page } = await workbench.open();
    const file = generatedFile("generated-300k.ttl", 300_000, 3);
    // What the worker should end with: the bundled graph (without the shapes) and the file, merged.
    const bundled = bundledDataFiles().filter((f) => !/shapes\.ttl$/.test(f)).map((f) => ({ name: basename(f), text: readFileSync(f, "utf8") }));
    const expected = (await loadDataset([...bundled, { name: "generated-300k.ttl", text: file.text }])).size;
    await recordProgress(page);
    await page.setInputFiles("#file-input", file.path);
    await page.waitForFunction((n) => document.getElementById("status")!.textContent!.includes(`${n.toLocaleString("en")} triples`), expected, { timeout: 180_000 });
    await page.waitForSelector("#progress", { state: "hidden" });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.some((text) => /^Parsing generated-300k\.ttl… [\d,]+ triples \([\d,]+\/s\) · \d+%$/.test(text)), seen.join(" | ")).toBe(true);
    expect(await statusTriples(page)).toBe(expected);
    expect(await page.locator("#error").isVisible()).toBe(false);
  }, 240_000);

  it("Cancel stops a load under way: no error, the graph before stays, and the next load works", async () => {
    const { page } = await workbench.open();
    const before = await statusTriples(page);
    const nodesBefore = await page.evaluate(() => window.workbench!.view.graph.order);
    const big = generatedFile("generated-1m.ttl", 1_000_000, 4);
    await page.setInputFiles("#file-input", big.path);
    // Under way: triples counted, the Cancel button beside the bar.
    await page.waitForFunction(() => / triples \(/.test(document.querySelector("#progress span")?.textContent ?? ""), undefined, { timeout: 120_000 });
    await page.click("#progress .progress-cancel");
    await page.waitForSelector("#progress", { state: "hidden", timeout: 120_000 });
    expect(await page.locator("#error").isVisible()).toBe(false);
    expect(await statusTriples(page)).toBe(before);
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(nodesBefore);
    expect(await page.locator("#progress .progress-cancel").count()).toBe(0);
    // The worker is fine: a small file loads after the cancel.
    const small = generatedFile("generated-5k.ttl", 5_000, 5);
    await page.setInputFiles("#file-input", small.path);
    await page.waitForFunction((n) => {
      const match = /([\d,]+) triples/.exec(document.getElementById("status")!.textContent!);
      return match !== null && Number(match[1].replace(/,/g, "")) > n;
    }, before, { timeout: 120_000 });
  }, 300_000);
});
