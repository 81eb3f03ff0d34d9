// The Path tab's source constraint, the informative connecting tree, and a connection carried by a share link, in a real Chromium.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const EUISS = `${KGR}euiss-brief-2020-10`;
const AIGS_2019 = `${KGR}carnegie-aigs-2019`;
const workbench = useWorkbenchSite({ screenshotPrefix: "paths-sources-" });

async function pick(page: Page, inputSelector: string, text: string): Promise<void> {
  await page.fill(inputSelector, text);
  await page.locator(`${inputSelector} + .suggestions`).locator("li.active").first().waitFor();
  await page.press(inputSelector, "Enter");
}

/** Runs the path query and waits for its answer (paths or the no-path message). */
async function runPath(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
  await page.click("#path-run");
  await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n && window.workbench!.store.get().path.status === "done", before);
}

const lastStep = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!);

async function connect(page: Page, names: readonly string[], rank: "shortest" | "informative"): Promise<{ nodes: string[]; heading: string }> {
  if (!(await page.locator(".connect").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click(".connect summary");
  await page.selectOption("#connect-rank", rank);
  if ((await page.locator("#connect-chips .chip").count()) === 0) for (const name of names) await pick(page, "#connect-add", name);
  expect(await page.locator("#connect-chips .chip").count()).toBe(names.length);
  const before = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
  await page.click("#connect-run");
  await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n && window.workbench!.store.get().path.results.length === 1, before);
  const nodes = await page.evaluate(() => window.workbench!.store.get().path.results[0].nodes);
  return { nodes, heading: (await page.locator("#path-results .path-score").first().textContent()) ?? "" };
}

describe("paths from chosen sources, informative connections, connections in share links (workbench)", () => {
  it("keeps paths to relations from the chosen sources, and names that choice when nothing is left", async () => {
    const { page } = await workbench.open();
    await pick(page, "#path-from", "Huawei");
    await pick(page, "#path-to", "Kenya");
    await runPath(page);
    const any = await page.evaluate(() => window.workbench!.store.get().path.results);
    // The Carnegie index states the direct relation; it comes first when every source counts.
    expect(any[0].nodes).toEqual([`${KGR}huawei`, `${KGR}kenya`]);

    await page.click(".constraints summary");
    const offered = await page.locator("#path-sources option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining([EUISS, AIGS_2019]));
    await page.selectOption("#path-sources", [EUISS]);
    await runPath(page);
    const brief = await page.evaluate(() => window.workbench!.store.get().path);
    expect(brief.options.sources).toEqual([EUISS]);
    expect(brief.results.length).toBeGreaterThan(0);
    for (const r of brief.results) {
      expect(r.nodes.length).toBeGreaterThan(2);
      for (const step of r.steps) expect(step.evidence.some((e) => e.source === EUISS), step.predicateLabel).toBe(true);
    }
    expect((await lastStep(page)).action).toMatchObject({ kind: "path", params: { options: { sources: [EUISS] } } });

    // Xi Jinping and blockchain: the brief says so, the Carnegie index does not.
    await pick(page, "#path-from", "Xi Jinping");
    await pick(page, "#path-to", "Blockchain");
    await page.selectOption("#path-sources", [AIGS_2019]);
    await runPath(page);
    await page.locator("#path-results .no-result").waitFor();
    expect(await page.locator("#path-results .no-result").textContent()).toContain("clear “only from these sources” (1 chosen)");
    // Cleared, the choice leaves the session (it is not kept by merging the options).
    await page.selectOption("#path-sources", []);
    await runPath(page);
    const cleared = await page.evaluate(() => window.workbench!.store.get().path);
    expect("sources" in cleared.options).toBe(false);
    expect(cleared.results.length).toBeGreaterThan(0);
  });

  it("connects several entities by the most informative tree, away from the hubs, as a choice", async () => {
    const { page } = await workbench.open();
    const names = ["Italy", "Spain", "Philippines", "Kenya"];
    const fewest = await connect(page, names, "shortest");
    expect(fewest.nodes).toContain(`${KGR}huawei`);
    const informative = await connect(page, names, "informative");
    expect(informative.nodes).not.toContain(`${KGR}huawei`);
    expect(informative.nodes).toContain(`${KGR}municipalities-in-spain-italy-philippines`);
    expect(informative.heading).toMatch(/a tree of \d+ relations; score [\d.]+ = \d+ relations \+ hubs [\d.]+ \+ generic relations [\d.]+/);
    expect(await page.locator("#path-rank").inputValue()).toBe("informative");
    expect((await lastStep(page)).action).toMatchObject({ kind: "connect", params: { options: { rank: "informative" } } });
  });

  it("a share link carries the connection, which the new page shows again", async () => {
    const { page } = await workbench.open();
    const names = ["Italy", "Spain", "Philippines", "Kenya"];
    const before = await connect(page, names, "informative");
    const terminals = await page.evaluate(() => window.workbench!.store.get().path.terminals);
    await page.click("#session");
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const link = (await page.locator("#session-share").getAttribute("data-link"))!;

    const { page: other } = await workbench.open(link);
    await other.waitForFunction(() => window.workbench!.store.get().path.results.length === 1 && !!window.workbench!.store.get().path.terminals);
    const after = await other.evaluate(() => window.workbench!.store.get().path);
    expect(after.terminals).toEqual(terminals);
    expect(after.results[0].nodes).toEqual(before.nodes);
    expect(after.options.rank).toBe("informative");
    await other.locator("#path-results .path-result").first().waitFor();
    expect(await other.locator("#connect-chips .chip").count()).toBe(names.length);
    expect(await other.locator("#connect-rank").inputValue()).toBe("informative");
    const drawn = await other.evaluate((nodes) => nodes.filter((n) => window.workbench!.view.graph.hasNode(n)).length, before.nodes);
    expect(drawn).toBe(before.nodes.length);
  });
});
