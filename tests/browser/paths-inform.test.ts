// The Path tab's issue-18 controls in a real Chromium: ranked paths with their scores, evidence constraints, and Connect several.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { loadDataset } from "../../src/rdf/parse.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const workbench = useWorkbenchSite({ screenshotPrefix: "paths-inform-" });

async function pick(page: Page, inputSelector: string, text: string): Promise<void> {
  await page.fill(inputSelector, text);
  await page.locator(`${inputSelector} + .suggestions`).locator("li.active").first().waitFor();
  await page.press(inputSelector, "Enter");
}

const lastStep = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!);

describe("paths that inform (workbench)", () => {
  it("ranks paths by how informative they are and shows each score and its parts", async () => {
    const { page } = await workbench.open();
    await pick(page, "#path-from", "DJI");
    await pick(page, "#path-to", "Digital Silk Road");
    // A new session orders paths most informative first, as the evaluation chose.
    expect(await page.locator("#path-rank").inputValue()).toBe("informative");
    await page.selectOption("#path-rank", "informative");
    await page.fill("#path-k", "4");
    await page.dispatchEvent("#path-k", "change");
    await page.click("#path-run");
    await page.locator("#path-results .path-result").first().waitFor();
    const path = await page.evaluate(() => window.workbench!.store.get().path);
    expect(path.options.rank).toBe("informative");
    expect(path.results.length).toBe(4);
    const totals = path.results.map((r) => r.score!.total);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    for (const r of path.results) expect(r.score!.total).toBeCloseTo(r.score!.hops + r.score!.hub + r.score!.generic, 1);
    const heading = await page.locator("#path-results .path-result .path-score").first().textContent();
    expect(heading).toMatch(/score [\d.]+ = \d+ hops \+ hubs [\d.]+ \+ generic relations [\d.]+/);
    const step = await lastStep(page);
    expect(step.action).toMatchObject({ kind: "path", params: { options: { rank: "informative" } } });
  });

  it("keeps to relations dated in a range, and says which constraint to loosen when nothing is left", async () => {
    const { page } = await workbench.open();
    await pick(page, "#path-from", "Huawei");
    await pick(page, "#path-to", "Kenya");
    await page.click(".constraints summary");
    await page.fill("#path-from-date", "2020-03");
    await page.fill("#path-to-date", "2020-04");
    await page.dispatchEvent("#path-to-date", "change");
    await page.click("#path-run");
    await page.locator("#path-results .path-result").first().waitFor();
    const dated = await page.evaluate(() => window.workbench!.store.get().path);
    expect(dated.options).toMatchObject({ fromDate: "2020-03", toDate: "2020-04" });
    expect(dated.results[0].nodes).toContain(`${KGR}huawei-donation-to-kenyan-government`);
    for (const r of dated.results) expect(r.nodes).not.toContain(`${KGR}kenyan-police`);
    // The donation reads as a sentence about it: who gave what to whom, when.
    const sentence = await page.locator("#path-results .path-result").first().locator(".sentence").first().textContent();
    expect(sentence).toMatch(/^Huawei donated Video conference equipment to Kenyan government at Kenya in March and April 2020/);

    await page.fill("#path-from-date", "2030");
    await page.fill("#path-to-date", "");
    await page.dispatchEvent("#path-to-date", "change");
    await page.click("#path-run");
    await page.locator("#path-results .no-result").waitFor();
    expect(await page.locator("#path-results .no-result").textContent()).toContain("clear the date range");
  });

  it("connects several entities in one tree, drawn, recorded as a named step", async () => {
    const { page } = await workbench.open();
    await page.click(".connect summary");
    for (const name of ["Huawei", "Kenya", "Digital Silk Road", "Communist Party of China"]) await pick(page, "#connect-add", name);
    expect(await page.locator("#connect-chips .chip").count()).toBe(4);
    await page.click("#connect-run");
    await page.locator("#path-results .path-result").first().waitFor();
    const path = await page.evaluate(() => window.workbench!.store.get().path);
    const terminals = ["huawei", "kenya", "digital-silk-road", "communist-party-of-china"].map((local) => `${KGR}${local}`);
    expect(path.terminals).toEqual(terminals);
    const [tree] = path.results;
    for (const t of terminals) expect(tree.nodes).toContain(t);
    expect(tree.steps.length).toBe(tree.nodes.length - 1);
    expect(tree.explanation.length).toBe(tree.steps.length);
    const drawn = await page.evaluate((nodes) => nodes.filter((n) => window.workbench!.view.graph.hasNode(n)).length, tree.nodes);
    expect(drawn).toBe(tree.nodes.length);
    const step = await lastStep(page);
    expect(step.action.kind).toBe("connect");
    expect(step.label).toMatch(/^Connect Huawei, Kenya and 2 more|^Connect /);
    expect(await page.locator("#path-results .path-score").first().textContent()).toContain(`a tree of ${tree.steps.length} relation`);
    // Export → query result: the tree's triples, as for a path.
    await page.click("#export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-query")]);
    const quads = [...(await loadDataset([{ name: "tree.ttl", text: readFileSync((await download.path())!, "utf8") }])).quads()];
    for (const s of tree.steps) expect(quads.some((q) => q.subject.value === s.from && q.predicate.value === s.predicate && q.object.value === s.to), `${s.from} ${s.predicate} ${s.to}`).toBe(true);
  });
});
