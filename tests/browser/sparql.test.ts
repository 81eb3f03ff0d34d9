// The SPARQL panel in the built workbench (Chromium): loaded on demand, SELECT with clickable IRIs, CONSTRUCT drawn and exported, syntax errors placed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadDataset } from "../../src/rdf/parse.ts";
import { useWorkbenchSite, waitForGraph } from "./harness.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
/** Oxigraph's web build: its JS glue and its WASM binary, as Vite names the chunks. */
const OXIGRAPH = /\/assets\/(web-[\w-]+\.js|web_bg-[\w-]+\.wasm)$/;

const workbench = useWorkbenchSite({ screenshotPrefix: "sparql-" });
let requests: string[] = [];

/** Like the harness's openWorkbench, recording every request (the workers' too) from before the first one. */
async function open(): Promise<Page> {
  requests = [];
  const context = await workbench.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const { errors, dialogs } = workbench.track({ page, context, errors: [], dialogs: [] });
  context.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(workbench.site.url);
  await waitForGraph(page);
  return page;
}

/** Opens the panel and waits until the PREFIX header is filled in from the data. */
async function openPanel(page: Page): Promise<void> {
  await page.click("#sparql-open");
  await page.waitForSelector("#sparql-panel");
  await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>("#sparql-query")?.value ?? "").includes("PREFIX kg:"));
}

/** Replaces the query below the PREFIX header and runs it with Ctrl+Enter. */
async function run(page: Page, body: string): Promise<void> {
  const header = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value.split("\n").filter((l) => l.startsWith("PREFIX")).join("\n"));
  await page.fill("#sparql-query", `${header}\n\n${body}`);
  await page.evaluate(() => (document.querySelector("#sparql-status")!.textContent = ""));
  await page.focus("#sparql-query");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => {
    const status = document.querySelector("#sparql-status")?.textContent ?? "";
    return / s$/.test(status) || !document.querySelector<HTMLElement>("#sparql-error")!.hidden;
  }, undefined, { timeout: 30_000 });
}

describe("SPARQL panel (built site in Chromium)", () => {
  it("is not downloaded on first view; Oxigraph arrives when a query runs", async () => {
    const page = await open();
    expect(requests.some((url) => /\/assets\/panel-/.test(url))).toBe(false);
    expect(requests.filter((url) => OXIGRAPH.test(url))).toEqual([]);
    await openPanel(page);
    expect(requests.some((url) => /\/assets\/panel-[\w-]+\.js$/.test(url))).toBe(true);
    await run(page, "ASK { kgr:huawei kg:suppliesTo ?x }");
    expect(await page.textContent("#sparql-boolean")).toBe("true");
    // The recording does see the engine once it is needed (so the first check could fail).
    expect(requests.filter((url) => OXIGRAPH.test(url)).length).toBe(2);
  });

  it("lists the companies that donate, with colours, and a clicked IRI selects its node", async () => {
    const page = await open();
    await openPanel(page);
    const header = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value);
    for (const prefix of ["kg", "kgr", "skos", "rdf", "oa"]) expect(header).toMatch(new RegExp(`^PREFIX ${prefix}: <`, "m"));
    await run(page, "SELECT DISTINCT ?company ?label WHERE {\n  ?company a kg:Company ; skos:prefLabel ?label ; kg:suppliesTo ?x .\n} ORDER BY ?label");
    const labels = await page.$$eval("#sparql-results tbody tr td:nth-child(2)", (cells) => cells.map((c) => c.textContent));
    expect(labels).toContain("Dahua@en");
    expect(labels).toContain("Huawei@en");
    // The coloured copy marks keywords, variables and prefixed names.
    const tokens = await page.$$eval(".sparql-coloured span", (spans) => spans.map((s) => `${s.className}:${s.textContent}`));
    expect(tokens).toEqual(expect.arrayContaining(["tok-keyword:SELECT", "tok-variable:?company", "tok-pname:kg:Company", "tok-iri:<https://w3id.org/smartcity-kg/ontology#>"]));
    await page.click(`#sparql-results button.sparql-iri[data-iri="${KGR}huawei"]`);
    await page.waitForFunction((iri) => {
      const state = window.workbench!.store.get();
      return state.selection.kind === "node" && state.selection.node === iri;
    }, `${KGR}huawei`);
    await page.waitForSelector("#details h2");
    expect(await page.textContent("#details h2")).toContain("Huawei");
  });

  it("draws a CONSTRUCT answer in the view and exports it as Turtle that parses back", async () => {
    const page = await open();
    await openPanel(page);
    const before = await page.evaluate(() => window.workbench!.view.graph.order);
    await run(
      page,
      'CONSTRUCT { ?company kg:suppliesTo ?recipient . ?company <urn:test:gave> ?gift }\nWHERE { ?company a kg:Company ; kg:suppliesTo ?recipient .\n  BIND(IRI(CONCAT("urn:test:gift-", STRAFTER(STR(?recipient), "resource/"))) AS ?gift) }',
    );
    const summary = await page.textContent("#sparql-graph-summary");
    expect(summary).toMatch(/^\d+ triples/);
    const after = await page.evaluate(() => window.workbench!.view.graph.order);
    const gifts = await page.evaluate(() => window.workbench!.view.graph.filterNodes((node) => node.startsWith("urn:test:gift-")).length);
    expect(gifts).toBeGreaterThan(0);
    expect(after).toBe(before + gifts);
    // The answer's existing relations are the graph's own edges (so their details and evidence work).
    const donation = await page.evaluate((iri) => window.workbench!.view.graph.outEdges(iri).filter((e) => /^e\d+$/.test(e)).length, `${KGR}huawei`);
    expect(donation).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#sparql-export")]);
    const turtle = readFileSync((await download.path())!, "utf8");
    const reparsed = await loadDataset([{ name: "export.ttl", text: turtle }]);
    expect(reparsed.size).toBe(Number(/^(\d+) triples/.exec(summary!)![1]));
    expect(turtle).toContain("kgr:huawei");
  });

  it("shows a syntax error with its line and column, and places the caret there", async () => {
    const page = await open();
    await openPanel(page);
    await run(page, "SELECT ?s WHERE {\n  ?s a kg:Company\n  FILTER(?s = )\n}");
    const error = await page.textContent("#sparql-error");
    expect(error).toMatch(/Syntax error\. Line \d+, column \d+: /);
    const [, line, column] = /Line (\d+), column (\d+)/.exec(error!)!.map(Number);
    const text = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value);
    const lines = text.split("\n");
    // The place is in the text as shown (the PREFIX header counted), at or just after the bad FILTER.
    expect(line).toBeGreaterThan(lines.findIndex((l) => l.includes("FILTER(?s = )")));
    expect(line).toBeLessThanOrEqual(lines.length);
    const caret = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).selectionStart);
    expect(caret).toBe(lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.min(column - 1, lines[line - 1].length));
    expect(await page.evaluate(() => document.querySelector("#sparql-results")!.childElementCount)).toBe(0);
  });

  it("keeps each run query in the session: listed in the history, back after a reload, reloadable into the editor, undoable", async () => {
    const page = await open();
    await page.waitForFunction(() => !!window.workbench?.session);
    await page.evaluate(() => window.workbench!.ready);
    await openPanel(page);
    const body = "SELECT ?c WHERE { ?c a kg:Company }";
    await run(page, body);
    const rows = await page.locator("#sparql-results tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    const query = await page.inputValue("#sparql-query");
    const kept = await page.evaluate(() => window.workbench!.store.get().sparql?.queries ?? []);
    expect(kept).toEqual([{ query, target: "local", rows }]);
    await page.evaluate(() => window.workbench!.session!.flush());

    await page.reload();
    await waitForGraph(page);
    await page.waitForFunction(() => !!window.workbench?.session);
    await page.evaluate(() => window.workbench!.ready);
    await page.click("#tab-history");
    const labels = await page.locator("#history-list .step-label").allTextContents();
    expect(labels.at(-1)).toBe(`SPARQL ${body}`);
    await openPanel(page);
    // A fresh editor holds the example; the session's query is offered and goes back into the editor when chosen.
    expect(await page.inputValue("#sparql-query")).not.toBe(query);
    const options = await page.locator("#sparql-history option").allTextContents();
    expect(options).toEqual(["Earlier queries (1)", body]);
    await page.selectOption("#sparql-history", "0");
    expect(await page.inputValue("#sparql-query")).toBe(query);

    // Undo takes the query out of the session's list again.
    await page.click("#undo");
    await page.waitForFunction(() => (window.workbench!.store.get().sparql?.queries ?? []).length === 0);
    expect(await page.locator("#sparql-history option").allTextContents()).toEqual(["No earlier queries"]);
  });

  it("cancels a runaway local query while search keeps answering, then runs the next query", async () => {
    const page = await open();
    await openPanel(page);
    const header = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value.split("\n").filter((l) => l.startsWith("PREFIX")).join("\n"));
    // Never ends by itself: thousands of triples cubed, counted (the row limit cannot bound a COUNT).
    await page.fill("#sparql-query", `${header}\n\nSELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`);
    await page.click("#sparql-run");
    await page.waitForSelector("#sparql-cancel:not([hidden])");
    // The data worker is not blocked: the search box still suggests while the query runs.
    await page.fill("#search", "Dahua");
    await page.locator("#search + .suggestions li").first().waitFor({ timeout: 10_000 });
    expect(await page.isVisible("#sparql-cancel")).toBe(true);
    await page.click("#sparql-cancel");
    await page.waitForSelector("#sparql-error:not([hidden])");
    expect(await page.textContent("#sparql-error")).toContain("query/sparql: the query was cancelled");
    expect(await page.isHidden("#sparql-cancel")).toBe(true);
    await run(page, "ASK { ?s ?p ?o }");
    expect(await page.textContent("#sparql-boolean")).toBe("true");
  });
});
