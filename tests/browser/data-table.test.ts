// The Table tab in the built workbench (issue 14): the nodes and relations shown, sorted, filtered, its selection
// the canvas's both ways, and its CSV (read back with csv-parse); labels from data stay text. In Debian's Chromium.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pointAt, useWorkbenchSite } from "./harness.ts";
import { HUAWEI, KGR, loadOwnFile, ready } from "./session-helpers.ts";

const KENYAN_GOVERNMENT = `${KGR}kenyan-government`;
const workbench = useWorkbenchSite({ screenshotPrefix: "data-table-" });

async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  await page.click("#tab-table");
  await page.locator("#data-table tbody tr").first().waitFor();
  return page;
}

const column = (page: Page, n: number) => page.locator(`#data-table tbody tr td:nth-child(${n})`).allTextContents();
const rowKeys = (page: Page) => page.locator("#data-table tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key!));

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#table-csv")]);
  expect(download.suggestedFilename()).toMatch(/^smartcity-kg-(nodes|relations)\.csv$/);
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text) as string[][];
}

describe("the data table (built site in Chromium)", () => {
  it("lists the nodes shown, sorts by a column, filters, and exports the rows as CSV", async () => {
    const page = await open();
    const shown = await page.evaluate(() => window.workbench!.view.visible());
    expect(await page.locator("#data-table tbody tr").count()).toBe(Math.min(500, shown.nodes.length));
    expect(await page.locator("#table-count").textContent()).toBe(`${shown.nodes.length} of ${shown.nodes.length} rows`);
    expect(new Set(await rowKeys(page))).toEqual(new Set(shown.nodes));

    // Name: A→Z, then Z→A; the labels as the view holds them, in the same collation.
    await page.click('#data-table th button[data-column="label"]');
    const names = await column(page, 1);
    const expected = await page.evaluate((keys) => {
      const g = window.workbench!.view.graph;
      return keys.map((k) => g.getNodeAttribute(k, "label")).sort(new Intl.Collator(undefined, { sensitivity: "base", numeric: true }).compare);
    }, shown.nodes);
    expect(names).toEqual(expected);
    expect(await page.locator('#data-table th[aria-sort="ascending"]').textContent()).toMatch(/^Name/);
    await page.click('#data-table th button[data-column="label"]');
    expect((await column(page, 1))[0]).toBe(expected.at(-1));
    // Relations shown: biggest first, and each count is the shown relations at that node.
    await page.click('#data-table th button[data-column="shown"]');
    const counts = (await column(page, 3)).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const firstKey = (await rowKeys(page))[0];
    const degree = await page.evaluate(({ k, edges }) => {
      const g = window.workbench!.view.graph;
      return edges.filter((e) => g.source(e) === k || g.target(e) === k).length;
    }, { k: firstKey, edges: shown.edges });
    expect(degree).toBeGreaterThan(0);
    expect(counts[0]).toBe(degree);

    // Filter: only rows with the text in a cell (case ignored).
    await page.fill("#table-filter", "huawei");
    const filtered = await page.locator("#data-table tbody tr").allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(shown.nodes.length);
    for (const row of await page.locator("#data-table tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent + (r as HTMLElement).dataset.key))) {
      expect(row.toLowerCase()).toContain("huawei");
    }

    // CSV: the filtered rows, every column, in the table's order.
    const csv = await downloadCsv(page);
    expect(csv[0]).toEqual(["Name", "Class", "Relations shown", "Relations in data", "IRI"]);
    expect(csv.slice(1).map((r) => r[4])).toEqual(await rowKeys(page));
    const huawei = csv.find((r) => r[4] === HUAWEI)!;
    const attrs = await page.evaluate((k) => window.workbench!.view.graph.getNodeAttributes(k), HUAWEI);
    expect(huawei[0]).toBe(attrs.label);
    expect(huawei[1].toLowerCase()).toBe("company");
    expect(Number(huawei[3])).toBe(attrs.degree);
    await page.screenshot({ path: "test-results/browser/data-table-nodes.png" });
  });

  it("selection is shared with the canvas both ways; the relations table selects a relation", async () => {
    const page = await open();
    await page.fill("#table-filter", "huawei");
    await page.locator(`#data-table tbody tr[data-key="${HUAWEI}"]`).click();
    await page.waitForFunction((k) => JSON.stringify(window.workbench!.store.get().selection) === JSON.stringify({ kind: "node", node: k }), HUAWEI);
    await page.waitForFunction((k) => window.workbench!.view.sigma.getNodeDisplayData(k)?.highlighted === true, HUAWEI, { timeout: 10_000 });
    expect(await page.locator(`#data-table tbody tr[data-key="${HUAWEI}"]`).getAttribute("aria-selected")).toBe("true");

    // A click on the canvas marks the row; the keyboard (Enter on a focused row) selects too.
    await page.fill("#table-filter", "");
    const point = await pointAt(page, KENYAN_GOVERNMENT);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((k) => document.querySelector(`#data-table tbody tr[data-key="${k}"]`)?.getAttribute("aria-selected") === "true", KENYAN_GOVERNMENT);
    expect(await page.locator('#data-table tbody tr[aria-selected="true"]').count()).toBe(1);
    await page.locator(`#data-table tbody tr[data-key="${HUAWEI}"]`).focus();
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction(() => window.workbench!.store.get().selection.kind === "nodes");
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "nodes", nodes: [KENYAN_GOVERNMENT, HUAWEI] });
    expect(await page.locator('#data-table tbody tr[aria-selected="true"]').count()).toBe(2);

    await page.click("#table-relations");
    await page.fill("#table-filter", "supplies to");
    const keys = await rowKeys(page);
    expect(keys.length).toBeGreaterThan(0);
    for (const text of await column(page, 2)) expect(text).toBe("supplies to");
    await page.locator(`#data-table tbody tr[data-key="${keys[0]}"]`).click();
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "edge", edge: keys[0] });
    const csv = await downloadCsv(page);
    expect(csv[0]).toEqual(["From", "Relation", "To", "Year", "From IRI", "Relation IRI", "To IRI"]);
    expect(csv.length - 1).toBe(keys.length);
    for (const row of csv.slice(1)) expect(row[5]).toBe("https://w3id.org/smartcity-kg/ontology#suppliesTo");
  });

  it("labels from a loaded file are text in the table and exact in the CSV (quotes, commas, line breaks; formulas neutralised)", async () => {
    const page = await open();
    const hostile = '<img src=x onerror=alert(1)> "Acme, Ltd"\nsecond line';
    const turtle = `@prefix kg: <https://w3id.org/smartcity-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/acme> a kg:Company ; skos:prefLabel ${JSON.stringify(hostile)}@en ; kg:suppliesTo <${KENYAN_GOVERNMENT}> .
<https://example.org/formula> a kg:Company ; skos:prefLabel "=1+2"@en ; kg:suppliesTo <${KENYAN_GOVERNMENT}> .
`;
    await loadOwnFile(page, "data-table-hostile", turtle);
    await page.waitForFunction(() => window.workbench!.view.graph.hasNode("https://example.org/acme"));
    await page.fill("#table-filter", "example.org");
    await page.locator('#data-table tbody tr[data-key="https://example.org/acme"]').waitFor();
    expect(await page.locator("#data-table img").count()).toBe(0);
    expect(await page.locator('#data-table tbody tr[data-key="https://example.org/acme"] td').first().textContent()).toBe(hostile);
    const csv = await downloadCsv(page);
    const byIri = new Map(csv.slice(1).map((r) => [r[4], r]));
    expect(byIri.get("https://example.org/acme")![0]).toBe(hostile);
    expect(byIri.get("https://example.org/formula")![0]).toBe("'=1+2");
  });
});
