// The built workbench in a real Chromium: it renders, searches, finds paths and neighbourhoods, exports, loads files safely.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadDataset, RdfSyntaxError } from "../../src/rdf/parse.ts";
import { kg, oa, rdf } from "../../src/rdf/vocab.ts";
import { pointAt, SCREENSHOTS, useWorkbenchSite } from "./harness.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/browser");
const KGR = "https://w3id.org/smartcity-kg/resource/";

const workbench = useWorkbenchSite({ screenshotPrefix: "" });

async function open(): Promise<Page> {
  return (await workbench.open()).page;
}

/** Types into an autocomplete and picks the first suggestion. */
async function pick(page: Page, inputSelector: string, text: string): Promise<void> {
  await page.fill(inputSelector, text);
  const list = page.locator(`${inputSelector} + .suggestions`);
  await list.locator("li.active").first().waitFor();
  await page.press(inputSelector, "Enter");
}

/** Counts pixels of the graph area that differ from its background, from a real screenshot decoded in the page. */
async function paintedPixels(page: Page): Promise<number> {
  const png = await page.locator("#graph").screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 60) painted++;
    }
    return painted;
  }, png.toString("base64"));
}

const nodeCount = (page: Page) => page.evaluate(() => window.workbench!.view.graph.order);

describe("workbench (built site in Chromium)", () => {
  it("renders the bundled graph with a class legend", async () => {
    const page = await open();
    await page.waitForTimeout(1500);
    expect(await nodeCount(page)).toBeGreaterThan(50);
    expect(await paintedPixels(page)).toBeGreaterThan(5000);
    const legend = await page.locator("#legend .legend-label").allTextContents();
    expect(legend.map((l) => l.toLowerCase())).toEqual(expect.arrayContaining(["company", "country"]));
    await expect(page.locator("#status").textContent()).resolves.toMatch(/Showing \d+ of \d+ nodes/);
    // Hiding a class through the legend hides its nodes.
    const companies = page.locator('#legend button[data-class$="#Company"]');
    await companies.click();
    const hidden = await page.evaluate(() => window.workbench!.store.get().filters.hiddenClasses);
    expect(hidden.some((c) => c.endsWith("#Company"))).toBe(true);
    await companies.click();
  });

  it("search selects Huawei and the details show its relations and a quote", async () => {
    const page = await open();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    await pick(page, "#search", "Huawei");
    await page.locator("#details .details-title").filter({ hasText: "Huawei" }).waitFor();
    const selection = await page.evaluate(() => window.workbench!.store.get().selection);
    expect(selection).toEqual({ kind: "node", node: `${KGR}huawei` });
    const relations = await page.locator("#details .relation .other").allTextContents();
    expect(relations.length).toBeGreaterThan(2);
    const quotes = await page.locator("#details .quote").allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.join(" ")).toMatch(/Huawei/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, "details-huawei.png") });
    // A relation's other end is selectable from the panel.
    const other = (await page.locator("#details .relation .other").first().textContent())!;
    await page.locator("#details .relation .other").first().click();
    await page.locator("#details .details-title").filter({ hasText: other }).waitFor();
    // Esc clears the selection.
    await page.locator("#graph").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => window.workbench!.store.get().selection.kind)).toBe("none");
  });

  it("finds a path Huawei -> Kenya with its explanation, evidence and source text", async () => {
    const page = await open();
    await pick(page, "#path-from", "Huawei");
    await pick(page, "#path-to", "Kenya");
    await page.click("#path-run");
    await page.locator("#path-results .path-result").first().waitFor();
    const path = await page.evaluate(() => window.workbench!.store.get().path);
    expect(path.results.length).toBeGreaterThan(0);
    expect(path.results[0].nodes[0]).toBe(`${KGR}huawei`);
    expect(path.results[0].nodes.at(-1)).toBe(`${KGR}kenya`);
    const sentences = await page.locator("#path-results .path-result").first().locator(".sentence").allTextContents();
    expect(sentences.length).toBe(path.results[0].steps.length);
    expect(sentences[0]).toMatch(/Huawei/);
    expect(await page.evaluate(() => window.workbench!.store.get().focus)).toBe("path");
    // The evidence link opens the source text with the quote marked.
    const quote = path.results[0].steps.flatMap((s) => s.evidence)[0]?.quote;
    expect(quote).toBeTruthy();
    await page.locator("#path-results .path-result").first().locator(".open-source").first().click();
    await page.locator("#source-viewer mark").waitFor();
    expect(await page.locator("#source-viewer mark").textContent()).toBe(path.results[0].steps[0].evidence[0].quote);
    expect(await page.locator("#source-viewer img").count()).toBe(0);
  });

  it("a path query with no answer says so and suggests what to loosen", async () => {
    const page = await open();
    // Kenya has no relation of its own that leads to Huawei in one step along edge directions.
    await pick(page, "#path-from", "Kenya");
    await pick(page, "#path-to", "Huawei");
    await page.fill("#path-max", "1");
    await page.dispatchEvent("#path-max", "change");
    await page.check("#path-directed");
    await page.click("#path-run");
    const message = page.locator("#path-results .no-result");
    await message.waitFor();
    expect(await message.textContent()).toMatch(/No path.*(direction|maximum length)/);
  });

  it("explores the neighbourhood around Dahua", async () => {
    const page = await open();
    await page.click("#tab-neighbourhood");
    await pick(page, "#nb-centre", "Dahua");
    await page.selectOption("#nb-depth", "2");
    await page.click("#nb-run");
    await page.locator("#nb-result .nb-summary").waitFor();
    const result = await page.evaluate(() => window.workbench!.store.get().neighbourhood.result!);
    expect(result.centers).toEqual([`${KGR}dahua`]);
    expect(result.nodes.some((n) => n.depth === 1)).toBe(true);
    expect(result.nodes.some((n) => n.depth === 2)).toBe(true);
    // Every node of the neighbourhood is in the view.
    const missing = await page.evaluate(
      (nodes) => nodes.filter((n) => !window.workbench!.view.graph.hasNode(n)),
      result.nodes.map((n) => n.node),
    );
    expect(missing).toEqual([]);
    // "Show only" hides everything else.
    await page.check("#nb-only");
    await page.click("#nb-run");
    await page.waitForFunction(() => window.workbench!.store.get().neighbourhood.mode === "only" && window.workbench!.store.get().neighbourhood.status === "done");
    const visible = await page.evaluate(() => window.workbench!.view.visible().nodes.length);
    expect(visible).toBe(result.nodes.length);
  });

  it("exports the path result as Turtle that re-parses with its triples and evidence", async () => {
    const page = await open();
    await pick(page, "#path-from", "Huawei");
    await pick(page, "#path-to", "Kenya");
    await page.click("#path-run");
    await page.locator("#path-results .path-result").first().waitFor();
    const steps = await page.evaluate(() => window.workbench!.store.get().path.results[0].steps);
    await page.click("#export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-query")]);
    expect(download.suggestedFilename()).toMatch(/\.ttl$/);
    const text = readFileSync((await download.path())!, "utf8");
    const dataset = await loadDataset([{ name: download.suggestedFilename(), text }]);
    const quads = [...dataset.quads()];
    const has = (s: string, p: string, o: string) => quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    for (const step of steps) {
      const [s, o] = step.forward ? [step.from, step.to] : [step.to, step.from];
      expect(has(s, step.predicate, o), `${s} ${step.predicate} ${o}`).toBe(true);
      // The evidence statement of the step, with its quote (a text quote, or the cell a table's evidence names).
      const statement = step.evidence[0].statement;
      expect(has(statement, rdf.subject, s)).toBe(true);
      expect(quads.some((q) => (q.predicate.value === oa.exact || q.predicate.value === kg.cellValue) && q.object.value === step.evidence[0].quote)).toBe(true);
      expect(has(statement, rdf.type, rdf.Statement)).toBe(true);
    }
    expect(text).toMatch(/^@prefix /m);
    // The selection exports too: the selected node with its types, labels and relations in view.
    await pick(page, "#search", "Dahua");
    await page.locator("#details .details-title").filter({ hasText: "Dahua" }).waitFor();
    await page.click("#export");
    const [selection] = await Promise.all([page.waitForEvent("download"), page.click("#export-selection")]);
    const selected = [...(await loadDataset([{ name: "selection.ttl", text: readFileSync((await selection.path())!, "utf8") }])).quads()];
    expect(selected.some((q) => q.subject.value === `${KGR}dahua` && q.predicate.value === rdf.type)).toBe(true);
    expect(selected.some((q) => q.subject.value === `${KGR}dahua` && q.object.termType === "NamedNode" && q.predicate.value !== rdf.type)).toBe(true);
  });

  it("a malformed file shows file:line:column and leaves the graph as it was", async () => {
    const page = await open();
    const before = await nodeCount(page);
    const text = readFileSync(join(FIXTURES, "broken.ttl"), "utf8");
    const expected = await loadDataset([{ name: "broken.ttl", text }]).then(
      () => null,
      (error: unknown) => error as RdfSyntaxError,
    );
    expect(expected).toBeInstanceOf(RdfSyntaxError);
    await page.setInputFiles("#file-input", join(FIXTURES, "broken.ttl"));
    await page.locator("#error").waitFor();
    const message = (await page.locator("#error .error-text").textContent())!;
    expect(message).toContain(`broken.ttl:${expected!.line}:${expected!.column}`);
    expect(await nodeCount(page)).toBe(before);
    expect(await page.evaluate(() => window.workbench!.view.graph.hasNode("https://w3id.org/smartcity-kg/resource/broken-example"))).toBe(false);
  });

  it("a picked file's relative IRIs resolve against the page's URL", async () => {
    const page = await open();
    const before = await nodeCount(page);
    const text = '@prefix kg: <https://w3id.org/smartcity-kg/ontology#> .\n<#relative-company> a kg:Company ;\n' +
      '  <http://www.w3.org/2000/01/rdf-schema#label> "Relative company" ;\n  kg:partnersWith <https://w3id.org/smartcity-kg/resource/dahua> .\n';
    await page.setInputFiles("#file-input", { name: "relative.ttl", mimeType: "text/turtle", buffer: Buffer.from(text) });
    await page.waitForFunction((n) => window.workbench!.view.graph.order > n, before);
    const expected = await page.evaluate(() => `${location.origin}${location.pathname}#relative-company`);
    expect(expected).toMatch(/^http:\/\/[^#]+#relative-company$/);
    expect(await page.evaluate((key) => window.workbench!.view.graph.hasNode(key), expected)).toBe(true);
  });

  it("a dropped N-Quads file is added to the graph", async () => {
    const page = await open();
    const before = await nodeCount(page);
    // A relation chosen to avoid in the Path tab stays chosen when more data comes in.
    await page.click("#panel-path summary");
    const avoided = await page.$eval("#path-exclude-predicates", (select) => (select as HTMLSelectElement).options[1].value);
    await page.selectOption("#path-exclude-predicates", avoided);
    const text = readFileSync(join(FIXTURES, "extra.nq"), "utf8");
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "extra.nq", { type: "application/n-quads" }));
      return transfer;
    }, text);
    await page.dispatchEvent("#graph", "dragover", { dataTransfer });
    expect(await page.locator(".drop-zone").isVisible()).toBe(true);
    await page.dispatchEvent("#graph", "drop", { dataTransfer });
    await page.waitForFunction((n) => window.workbench!.view.graph.order > n, before);
    expect(await page.evaluate(() => window.workbench!.view.graph.hasNode("https://w3id.org/smartcity-kg/resource/dropped-test-company"))).toBe(true);
    expect(await page.locator(".drop-zone").isVisible()).toBe(false);
    await pick(page, "#search", "Dropped test company");
    await page.locator("#details .relation .other").filter({ hasText: "Dahua" }).waitFor();
    expect(await page.$eval("#path-exclude-predicates", (select) => Array.from((select as HTMLSelectElement).selectedOptions, (o) => o.value))).toEqual([avoided]);
  });

  it("a label that is markup is shown as text and never runs", async () => {
    const page = await open();
    const before = await nodeCount(page);
    await page.setInputFiles("#file-input", join(FIXTURES, "hostile-label.ttl"));
    await page.waitForFunction((n) => window.workbench!.view.graph.order > n, before);
    await page.waitForSelector("#progress", { state: "hidden" });
    await pick(page, "#search", "Zzhostile markup");
    const title = page.locator("#details .details-title");
    await title.filter({ hasText: "<img" }).waitFor();
    expect(await title.textContent()).toBe("<img src=x onerror=alert(1)>");
    expect(await page.locator("img").count()).toBe(0);
    // The new node is linked to Huawei, which now lists it by its literal label.
    await pick(page, "#search", "Huawei");
    await page.locator("#details .details-title").filter({ hasText: "Huawei" }).waitFor();
    expect(await page.locator("#details .relation .other").allTextContents()).toContain("<img src=x onerror=alert(1)>");
    await page.waitForTimeout(300);
    expect(await page.locator("img").count()).toBe(0);
  });

  it("reopens at once from cached positions, without running the layout again", async () => {
    const page = await open();
    // The first visit lays the graph out, untangles it and caches the positions.
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("smartcity-kg:positions:")), undefined, { timeout: 30_000 });
    await page.waitForFunction(() => !document.getElementById("layout-toggle")!.classList.contains("running"));
    const saved = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("smartcity-kg:positions:"))!;
      return JSON.parse(localStorage.getItem(key)!) as Record<string, [number, number]>;
    });
    await page.reload();
    await page.waitForFunction(() => (window.workbench?.view.graph.order ?? 0) > 0);
    await page.waitForSelector("#progress", { state: "hidden" });
    expect(await page.locator("#layout-toggle.running").count()).toBe(0);
    const huawei = await page.evaluate((key) => {
      const a = window.workbench!.view.graph.getNodeAttributes(key);
      return [a.x, a.y];
    }, `${KGR}huawei`);
    expect(huawei[0]).toBeCloseTo(saved[`${KGR}huawei`][0], 1);
    expect(huawei[1]).toBeCloseTo(saved[`${KGR}huawei`][1], 1);
    // The layout button still runs ForceAtlas2 on demand, showing that it runs.
    await page.click("#layout-toggle");
    expect(await page.locator("#layout-toggle.running").count()).toBe(1);
    await page.click("#layout-toggle");
    expect(await page.locator("#layout-toggle.running").count()).toBe(0);
  });

  it("hover highlights neighbours and double-click expands a node", async () => {
    const page = await open();
    // Wait until the layout and the untangling settled (the positions are then cached), so nodes stay put.
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("smartcity-kg:positions:")), undefined, { timeout: 30_000 });
    // Take the Kenyan government out of the view: double-clicking Huawei must bring it back as a neighbour.
    await page.evaluate((kenya) => window.workbench!.view.graph.dropNode(kenya), `${KGR}kenyan-government`);
    // Centres the camera on Huawei, then points at it (off every node first, again if a late frame moved it).
    const point = await pointAt(page, `${KGR}huawei`);
    await page.screenshot({ path: join(SCREENSHOTS, "hover-huawei.png") });
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}kenyan-government`);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: `${KGR}huawei` });
  });

  it("filters relations by date and by predicate", async () => {
    const page = await open();
    await page.click("#tab-filters");
    const edgesShown = () => page.evaluate(() => window.workbench!.view.visible().edges.length);
    const all = await edgesShown();
    const max = Number(await page.getAttribute("#date-to", "max"));
    await page.evaluate((year) => {
      const slider = document.getElementById("date-from") as HTMLInputElement;
      slider.value = String(year);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }, max);
    const range = await page.evaluate(() => window.workbench!.store.get().filters.dateRange);
    expect(range).toEqual({ from: max, to: max });
    expect(await edgesShown()).toBeLessThan(all);
    await page.screenshot({ path: join(SCREENSHOTS, "date-filter.png") });
    await page.click("text=Reset filters");
    expect(await edgesShown()).toBe(all);
    await page.locator(".predicate-filter input").first().uncheck();
    expect(await edgesShown()).toBeLessThan(all);
  });

  it("exports a PNG of the view and has keyboard shortcuts", async () => {
    const page = await open();
    await page.click("#export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
    await page.keyboard.press("?");
    await page.locator("#shortcuts").waitFor();
    await page.keyboard.press("Escape");
    await page.locator("#shortcuts").waitFor({ state: "hidden" });
    await page.keyboard.press("f");
  });

  it("caps the overview of a large graph and says what it shows and how to see more", async () => {
    const page = await open();
    // 3,000 generated entities with skewed degrees: more than the overview shows.
    const lines: string[] = [];
    const base = "https://example.org/generated/";
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
    expect(await nodeCount(page)).toBe(2000);
    // Built in one batch (on software WebGL its edges come a frame after its nodes): then sigma draws every node and edge.
    await page.waitForFunction(() => {
      const { view } = window.workbench!;
      return view.graph.size > 2000 && view.graph.everyEdge((edge) => view.sigma.getEdgeDisplayData(edge)?.hidden === false);
    });
    expect(await page.evaluate(() => window.workbench!.view.graph.everyNode((node) => window.workbench!.view.sigma.getNodeDisplayData(node)?.hidden === false))).toBe(true);
    // A layout run hides them on software WebGL (headless Chromium's) from its start, and they come back once it is over.
    expect(await page.evaluate(() => window.workbench!.view.rendererKind)).toBe("software");
    const allEdgesHidden = (hidden: boolean) => {
      const { view } = window.workbench!;
      return view.graph.everyEdge((edge) => view.sigma.getEdgeDisplayData(edge)?.hidden === hidden);
    };
    await page.click("#layout-toggle");
    await page.waitForFunction(allEdgesHidden, true);
    await page.waitForTimeout(300);
    await page.click("#layout-toggle");
    await page.waitForFunction(allEdgesHidden, false, { timeout: 30_000 });
    const notice = (await page.locator("#notice").textContent())!;
    expect(notice).toMatch(/2,000 best-connected of [\d,]+ nodes/);
    expect(notice).toMatch(/double-click/);
    // A node outside the overview is added by search, next to what is shown.
    const outside = await page.evaluate((prefix) => {
      for (let i = 2999; i >= 0; i--) if (!window.workbench!.view.graph.hasNode(`${prefix}n${i}`)) return i;
      return -1;
    }, base);
    expect(outside).toBeGreaterThanOrEqual(0);
    await pick(page, "#search", `Generated ${outside}`);
    await page.waitForFunction((key) => window.workbench!.view.graph.hasNode(key), `${base}n${outside}`);
    expect(await nodeCount(page)).toBe(2001);
  });
});
