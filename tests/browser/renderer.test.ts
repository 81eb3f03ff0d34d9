// The renderer strategy in a browser: headless Chromium (--disable-gpu) gets the software one; ?renderer=gpu and a GPU run the GPU path.
import { describe, expect, it } from "vitest";
import { chromium, type Page } from "playwright-core";
import { rdf } from "../../src/rdf/vocab.ts";
import { isSoftwareRenderer } from "../../src/workbench/uninstanced.ts";
import { CHROMIUM, openWorkbench, useWorkbenchSite } from "./harness.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "renderer-" });

/** 3,000 generated entities with skewed degrees: the overview shows 2,000 of them with more than 2,000 edges. */
async function loadBigGraph(page: Page): Promise<void> {
  const base = "https://example.org/generated/";
  const lines: string[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 3000; i++) {
    lines.push(`<${base}n${i}> <${rdf.type}> <${base}Class${i % 3}> .`);
    lines.push(`<${base}n${i}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Generated ${i}"@en .`);
    for (let j = 0; j < 2; j++) lines.push(`<${base}n${i}> <${base}linksTo> <${base}n${Math.floor(3000 * random() ** 2)}> .`);
  }
  await page.setInputFiles("#file-input", { name: "generated.nt", mimeType: "application/n-triples", buffer: Buffer.from(lines.join("\n")) });
  await page.waitForFunction(() => /of [\d,]{5,} nodes/.test(document.getElementById("status")!.textContent!), undefined, { timeout: 60_000 });
  await page.waitForSelector("#progress", { state: "hidden" });
}

const everyEdgeShown = () => {
  const { view } = window.workbench!;
  return view.graph.size > 2000 && view.graph.everyEdge((edge) => view.sigma.getEdgeDisplayData(edge)?.hidden === false);
};

/** The WebGL renderer a page of this browser gets (what the workbench's probe reads), e.g. "ANGLE (…SwiftShader…)". */
const WEBGL_RENDERER = `(() => {
  const gl = document.createElement("canvas").getContext("webgl");
  if (!gl) return "";
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
})()`;

describe("workbench: renderer strategy", () => {
  it("picks the software renderer on headless Chromium's SwiftShader, once, and says so on the graph's container", async () => {
    const { page } = await workbench.open();
    // The harness's Chromium runs with --disable-gpu: its WebGL is software, and the probe must see that.
    expect(isSoftwareRenderer(String(await page.evaluate(WEBGL_RENDERER)))).toBe(true);
    expect(await page.evaluate(() => window.workbench!.view.rendererKind)).toBe("software");
    expect(await page.locator("[data-renderer]").getAttribute("data-renderer")).toBe("software");
  });

  it("takes ?renderer=software over the probe too", async () => {
    const { page } = await workbench.open(`${workbench.site.url}?renderer=software`);
    expect(await page.evaluate(() => window.workbench!.view.rendererKind)).toBe("software");
    expect(await page.locator("[data-renderer]").getAttribute("data-renderer")).toBe("software");
  });

  it("picks the GPU renderer by itself where Chromium has a GPU, and draws the bundled graph with it", async (context) => {
    // Chromium as a user runs it: GPU allowed (no --disable-gpu), blocklist ignored so a CI GPU is not refused.
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--enable-gpu", "--ignore-gpu-blocklist", "--no-first-run", "--disable-background-networking"],
    });
    try {
      const probe = await browser.newPage();
      const renderer = String(await probe.evaluate(WEBGL_RENDERER));
      await probe.close();
      if (renderer === "" || isSoftwareRenderer(renderer)) {
        context.skip(`no GPU here: Chromium without --disable-gpu still renders WebGL with "${renderer || "no WebGL"}" (software)`);
        return;
      }
      // Not tracked by the harness: its photograph and checks run after this test, when this browser is closed.
      const { page, errors, dialogs } = await openWorkbench(browser, workbench.site);
      expect(await page.evaluate(() => window.workbench!.view.rendererKind)).toBe("gpu");
      expect(await page.locator("[data-renderer]").getAttribute("data-renderer")).toBe("gpu");
      await page.waitForFunction(() => {
        const { view } = window.workbench!;
        return view.graph.size > 0 && view.graph.everyEdge((edge) => view.sigma.getEdgeDisplayData(edge)?.hidden === false);
      });
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("runs the GPU path when asked: instanced programs, and a big view keeps its edges while the layout runs", async () => {
    const { page } = await workbench.open(`${workbench.site.url}?renderer=gpu`);
    expect(await page.evaluate(() => window.workbench!.view.rendererKind)).toBe("gpu");
    await loadBigGraph(page);
    await page.waitForFunction(everyEdgeShown, undefined, { timeout: 60_000 });
    // The software renderer hides these edges while a layout runs (workbench.test.ts); the GPU one draws them throughout.
    await page.click("#layout-toggle");
    await page.waitForSelector("#layout-toggle[aria-pressed=true]");
    await page.waitForTimeout(500);
    expect(await page.getAttribute("#layout-toggle", "aria-pressed")).toBe("true");
    expect(await page.evaluate(everyEdgeShown)).toBe(true);
    await page.click("#layout-toggle");
    await page.waitForFunction(everyEdgeShown, undefined, { timeout: 60_000 });
  }, 180_000);
});
