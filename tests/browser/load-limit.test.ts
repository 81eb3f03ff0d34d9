// A load past the workbench's limits (lowered here from the page's address) is refused with the limit named, and the graph before stays; the next load within them works.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { useWorkbenchSite } from "./harness.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "load-limit-" });
const folder = mkdtempSync(join(tmpdir(), "load-limit-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function generatedFile(name: string, triples: number, seed: number): string {
  const path = join(folder, name);
  writeFileSync(path, generateTurtle({ triples, seed }).text);
  return path;
}

async function statusTriples(page: Page): Promise<number> {
  const text = (await page.locator("#status").textContent()) ?? "";
  const match = /([\d,]+) triples/.exec(text);
  if (!match) throw new Error(`no triple count in the status line: ${JSON.stringify(text)}`);
  return Number(match[1].replace(/,/g, ""));
}

describe("workbench: the load limits", () => {
  it("stops a load that passes the triple limit, names it, keeps the graph before, and loads a file within it", async () => {
    const { page } = await workbench.open(`${workbench.site.url}?maxTriples=60000`);
    const before = await statusTriples(page);
    const nodesBefore = await page.evaluate(() => window.workbench!.view.graph.order);
    await page.setInputFiles("#file-input", generatedFile("generated-100k.ttl", 100_000, 7));
    await page.locator("#error").waitFor({ state: "visible", timeout: 120_000 });
    const message = (await page.locator("#error").textContent()) ?? "";
    expect(message).toContain("generated-100k.ttl: stopped after");
    expect(message).toContain("the workbench holds at most 60,000 triples in a browser tab");
    expect(message).toContain(`counting the ${before.toLocaleString("en")} triples loaded now`);
    expect(message).toContain("the graph before is unchanged");
    await page.waitForSelector("#progress", { state: "hidden" });
    expect(await statusTriples(page)).toBe(before);
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(nodesBefore);
    // Within the limit (the bundled graph and 5k more), a file loads as ever.
    await page.setInputFiles("#file-input", generatedFile("generated-5k.ttl", 5_000, 8));
    await page.waitForFunction((n) => {
      const match = /([\d,]+) triples/.exec(document.getElementById("status")!.textContent!);
      return match !== null && Number(match[1].replace(/,/g, "")) > n;
    }, before, { timeout: 120_000 });
    await page.waitForSelector("#progress", { state: "hidden" });
  }, 300_000);

  it("stops a load whose terms' text passes the characters limit", async () => {
    // The bundled graph keeps about 250,000 characters of terms; a generated 100k-triple file about 1.9 million.
    const { page } = await workbench.open(`${workbench.site.url}?maxTermChars=1000000`);
    const before = await statusTriples(page);
    await page.setInputFiles("#file-input", generatedFile("generated-100k-b.ttl", 100_000, 9));
    await page.locator("#error").waitFor({ state: "visible", timeout: 120_000 });
    const message = (await page.locator("#error").textContent()) ?? "";
    expect(message).toMatch(/generated-100k-b\.ttl: stopped after [\d,]+ triples: the workbench holds at most 1,000,000 characters of distinct IRIs and literals in a browser tab/);
    expect(message).toContain("the graph before is unchanged");
    await page.waitForSelector("#progress", { state: "hidden" });
    expect(await statusTriples(page)).toBe(before);
  }, 300_000);
});
