// Additions and rejections are History steps (issue 17): undo takes an authored relation out of the graph and the exported
// changeset, redo puts it back, a rejected candidate is not offered again (also after a reload) until its step is undone.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkbenchSite } from "./harness.ts";
import { KGR, flush, ready } from "./session-helpers.ts";
import { authorSeriesRelation, selectInReader } from "./reader-helpers.ts";

const pdf = fileURLToPath(new URL("../fixtures/sources/catalogue-record.pdf", import.meta.url));
const workbench = useWorkbenchSite({ screenshotPrefix: "authoring-undo-" });
const SERIES = `${KGR}euiss-policy-briefs`;
const BRIEF = `${KGR}euiss-brief-2020-10`;

const labels = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.label));
/** Whether the drawn graph (every entity: the overview cap is above the graph's size) holds the new relation. */
const drawn = (page: Page) =>
  page.evaluate(([s, o]) => {
    const graph = window.workbench!.view.graph;
    return graph.hasNode(o) && graph.hasNode(s) && graph.edges(s, o).length > 0;
  }, [BRIEF, SERIES]);
/**
 * Undo and redo reload the data (bundled files, then the session's files): done when the added source's node is
 * drawn again and the new entity is (or is not) there.
 */
async function settled(page: Page, source: string, withRelation: boolean): Promise<void> {
  await expect.poll(() => drawn(page), { timeout: 60_000 }).toBe(withRelation);
  await page.waitForFunction((iri) => window.workbench!.view.graph.hasNode(iri), source, { timeout: 60_000 });
}
const offered = (page: Page) => page.locator("#candidate-list .candidate .candidate-head").allTextContents();

async function exportedChanges(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.click("#export-changes");
  return readFileSync((await (await download).path())!, "utf8");
}

describe("authoring steps in History (built site in Chromium)", () => {
  it("undo takes an authored relation out of the graph and the changeset, redo puts it back; a rejection stays until undone", async () => {
    const { page } = await workbench.open();
    await ready(page);
    await page.setInputFiles("#source-input", pdf);
    await page.locator("#source-reader:not([hidden])").waitFor({ timeout: 60_000 });
    await page.locator("#candidate-list .candidate").first().waitFor();
    const before = await offered(page);
    const pdfSource = await page.evaluate(() => window.workbench!.store.get().authored![0].iri);

    // Reject the first candidate: it leaves the list, as a step of its own.
    const rejected = before[0];
    await page.locator("#candidate-list .candidate .reject").first().click();
    await page.waitForFunction((n) => document.querySelectorAll("#candidate-list .candidate").length === n, before.length - 1);
    expect((await offered(page)).filter((h) => h === rejected).length).toBe(before.filter((h) => h === rejected).length - 1);

    // Author a relation to a new entity from a selected quote.
    await authorSeriesRelation(page, "Ana Lyst");
    await page.waitForFunction(() => window.workbench!.store.get().authored?.length === 2);

    const steps = await labels(page);
    expect(steps[1]).toMatch(/^Add source: Towards Urban Decoupling/);
    expect(steps[2]).toBe(`Reject candidate: ${rejected.replace(/ \(p\. [\d, ]+\)$/, "").replace(/ —(.+)→ /, " – $1 – ")}`);
    expect(steps[3]).toBe("New relation: Towards Urban Decoupling? China’s smart city ambitions at the time of Covid-19 – is part of – EUISS Policy Briefs");
    expect(steps.some((s) => /^(Add|Open) .*\.ttl/.test(s))).toBe(false);
    expect(await drawn(page)).toBe(true);
    expect(await exportedChanges(page)).toContain('"EUISS Policy Briefs"@en');

    // Undo: the relation and its new entity leave the graph and the changeset; the source stays.
    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.store.get().authored?.length === 1);
    await settled(page, pdfSource, false);
    expect(await page.evaluate((o) => window.workbench!.view.graph.hasNode(o), SERIES)).toBe(false);
    const undone = await exportedChanges(page);
    expect(undone).not.toContain("EUISS Policy Briefs");
    expect(undone).toContain("Towards Urban Decoupling");

    // Redo: back in both.
    await page.click("#redo");
    await settled(page, pdfSource, true);
    expect(await exportedChanges(page)).toContain('"EUISS Policy Briefs"@en');

    // Over a reload the rejection is remembered: the reopened source does not offer the candidate.
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await drawn(page)).toBe(true);
    await page.locator("#source-select").focus();
    await page.waitForFunction(() => [...document.querySelectorAll("#source-select option")].some((o) => o.textContent?.startsWith("Towards Urban Decoupling")));
    const value = await page.locator("#source-select option", { hasText: "Towards Urban Decoupling" }).last().getAttribute("value");
    await page.selectOption("#source-select", value!);
    await page.locator("#candidate-list .candidate").first().waitFor({ timeout: 60_000 });
    expect((await offered(page)).length).toBe(before.length - 1);

    // Undo past the relation and the rejection: the candidate is offered again; the source is still there.
    await page.click("#source-reader .close");
    await page.click("#undo");
    await settled(page, pdfSource, false);
    await page.click("#undo");
    await page.waitForFunction(() => (window.workbench!.store.get().rejected ?? []).length === 0);
    await page.selectOption("#source-select", value!);
    await page.waitForFunction((n) => document.querySelectorAll("#candidate-list .candidate").length === n, before.length);
    expect(await offered(page)).toEqual(before);
  }, 300_000);

  it("the bundled brief reads with its printed pages (from its layout, in reading order) and a note saying so", async () => {
    const { page } = await workbench.open();
    await ready(page);
    await page.locator("#source-select").focus();
    await page.waitForFunction((iri) => [...document.querySelectorAll<HTMLOptionElement>("#source-select option")].some((o) => o.value === iri), BRIEF);
    await page.selectOption("#source-select", BRIEF);
    await page.locator("#source-reader:not([hidden])").waitFor();
    expect(await page.locator("#source-reader-text .page-label").allTextContents()).toEqual([
      "Page 1", "Page 2", "Page 1 (continued)", "Page 2 (continued)", "Page 4", "Page 3", "Page 4 (continued)", "Page 3 (continued)",
    ]);
    expect(await page.locator("#source-reader .source-meta").textContent()).toContain("4 printed pages, from the brief's layout");
    // The page labels are not part of the text: a selection in it still offers a new relation.
    await selectInReader(page, "Huawei has donated video conference equipment to the Kenyan government");
    await page.click("#new-relation");
    // Its page from the layout, as the bundled evidence of this sentence states it (kg:page 2).
    expect(await page.locator("#relation-form .relation-place").textContent()).toMatch(/^p\. 2 · /);
  }, 120_000);
});
