// Appearance in the built workbench (issue 14): colour by class group, size by betweenness or PageRank (checked
// against graphology-metrics run here on the same nodes and relations), each an undoable step kept by the session;
// the legend docked under the graph never covers a node. In Debian's Chromium.
import { UndirectedGraph } from "graphology";
import betweenness from "graphology-metrics/centrality/betweenness";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { flush, HUAWEI, KGR, ready } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "appearance-" });
const GREY = "#8a8f98";

async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  await page.click("#tab-filters");
  return page;
}

const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
const lastLabel = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.label);
/** Drawn colour and size of every shown node. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const { view } = window.workbench!;
    return Object.fromEntries(view.visible().nodes.map((k) => [k, { color: view.sigma.getNodeDisplayData(k)!.color, size: view.sigma.getNodeDisplayData(k)!.size, base: view.graph.getNodeAttribute(k, "size") }]));
  });

/** No part of the graph's canvas lies under the legend. */
async function legendClear(page: Page): Promise<void> {
  const graph = (await page.locator("#graph").boundingBox())!;
  const legend = (await page.locator("#legend").boundingBox())!;
  expect(graph.y + graph.height).toBeLessThanOrEqual(legend.y + 0.5);
}

describe("appearance (built site in Chromium)", () => {
  it("colour by class group: a step; nodes of a group share its colour, far fewer nodes in the shared grey; the legend lists groups", async () => {
    const page = await open();
    await legendClear(page);
    const byClass = await drawn(page);
    await page.selectOption("#colour-by", "group");
    await page.waitForFunction(() => window.workbench!.session!.controller.appearance.colourBy === "group");
    expect(await lastLabel(page)).toBe("Appearance: colour by class group");
    await page.locator("#legend .group-legend").waitFor();
    expect(await page.locator("#legend summary").textContent()).toMatch(/^Class groups \(\d+\)/);
    await frames(page);
    const byGroup = await drawn(page);
    // A company and a government are both actors; a city is a place: other colour.
    expect(byGroup[HUAWEI].color).toBe(byGroup[`${KGR}kenyan-government`].color);
    const city = await page.evaluate(() => {
      const { view } = window.workbench!;
      return view.visible().nodes.find((k) => view.graph.getNodeAttribute(k, "colourClass").endsWith("#City"));
    });
    expect(city).toBeTruthy();
    expect(byGroup[city!].color).not.toBe(byGroup[HUAWEI].color);
    const grey = (d: Record<string, { color: string }>) => Object.values(d).filter((n) => n.color === GREY).length;
    expect(grey(byGroup)).toBeLessThan(grey(byClass) / 2);
    expect(new Set(Object.values(byGroup).map((n) => n.color)).size).toBeLessThanOrEqual(10);
    await legendClear(page);
    for (const [w, hgt] of [[1024, 700], [1440, 900], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await frames(page);
      await legendClear(page);
      await page.screenshot({ path: `test-results/browser/appearance-groups-${w}x${hgt}.png` });
    }

    // A group's legend entry hides all its classes in one step (Huawei is an actor), and shows them again.
    const actor = page.locator('#legend button[data-group$="#Actor"]');
    expect(await actor.getAttribute("aria-pressed")).toBe("true");
    await actor.click();
    await page.waitForFunction((k) => window.workbench!.view.sigma.getNodeDisplayData(k)?.hidden === true, HUAWEI, { timeout: 10_000 });
    expect(await lastLabel(page)).toMatch(/^Show\/hide class group actor \(\d+ classes\)$/);
    expect(await page.locator('#legend button[data-group$="#Actor"]').getAttribute("aria-pressed")).toBe("false");
    await page.locator('#legend button[data-group$="#Actor"]').click();
    await page.waitForFunction((k) => window.workbench!.view.sigma.getNodeDisplayData(k)?.hidden === false, HUAWEI, { timeout: 10_000 });
    expect(await page.evaluate(() => window.workbench!.store.get().filters.hiddenClasses)).toEqual([]);

    // Undo (three steps: the two toggles, then the colouring): colours by class again, and the class legend.
    for (let i = 0; i < 3; i++) await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.session!.controller.appearance.colourBy !== "group");
    await page.locator("#legend .legend-item").first().waitFor();
    await frames(page);
    expect((await drawn(page))[HUAWEI].color).toBe(byClass[HUAWEI].color);
  });

  it("size by betweenness matches graphology-metrics on the nodes and relations shown; PageRank too; undo and a reload keep the choice", async () => {
    const page = await open();
    await page.selectOption("#size-by", "betweenness");
    expect(await lastLabel(page)).toBe("Appearance: size by betweenness");
    await page.waitForFunction(() => {
      const { view } = window.workbench!;
      return view.visible().nodes.some((k) => view.sigma.getNodeDisplayData(k)!.size !== view.graph.getNodeAttribute(k, "size"));
    }, undefined, { timeout: 20_000 });
    await frames(page);
    const shown = await page.evaluate(() => {
      const { view } = window.workbench!;
      const v = view.visible();
      return { nodes: v.nodes, edges: v.edges.map((e) => view.graph.extremities(e)) };
    });
    const graph = new UndirectedGraph();
    for (const n of shown.nodes) graph.addNode(n);
    for (const [s, t] of shown.edges) if (s !== t) graph.mergeEdge(s, t);
    const values = betweenness(graph);
    const sizes = await drawn(page);
    const nodes = shown.nodes;
    const top = nodes.reduce((a, b) => (values[b] > values[a] ? b : a));
    expect(sizes[top].size).toBe(Math.max(...nodes.map((n) => sizes[n].size)));
    // Bigger betweenness, never a smaller node; no betweenness, the smallest size.
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i], b = nodes[(i * 7 + 3) % nodes.length];
      if (values[a] > values[b]) expect(sizes[a].size).toBeGreaterThanOrEqual(sizes[b].size);
    }
    const leaves = nodes.filter((n) => values[n] === 0);
    expect(leaves.length).toBeGreaterThan(0);
    expect(new Set(leaves.map((n) => sizes[n].size)).size).toBe(1);

    await page.selectOption("#size-by", "pagerank");
    expect(await lastLabel(page)).toBe("Appearance: size by PageRank");
    await page.waitForFunction((before) => {
      const { view } = window.workbench!;
      return view.visible().nodes.some((k) => view.sigma.getNodeDisplayData(k)!.size !== before[k].size);
    }, sizes, { timeout: 20_000 });

    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.session!.controller.appearance.sizeBy === "betweenness");
    expect(await page.locator("#size-by").inputValue()).toBe("betweenness");
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => window.workbench!.session!.controller.appearance.sizeBy)).toBe("betweenness");
    await page.click("#tab-filters");
    expect(await page.locator("#size-by").inputValue()).toBe("betweenness");
    // The same sizes as before the reload (betweenness of the same view), not the sizes by degree.
    expect(nodes.some((k) => sizes[k].size !== sizes[k].base)).toBe(true);
    await page.waitForFunction((before) => {
      const { view } = window.workbench!;
      return Object.entries(before).every(([k, d]) => view.sigma.getNodeDisplayData(k)?.size === d.size);
    }, sizes, { timeout: 20_000 });
  });

  it("the legend grows (all classes listed) and the graph area shrinks with it: no node is drawn under the legend", async () => {
    const page = await open();
    const before = (await page.locator("#graph").boundingBox())!;
    await page.click("#legend .legend-more");
    await page.waitForFunction((h) => document.getElementById("graph")!.getBoundingClientRect().height < h - 1, before.height);
    await legendClear(page);
    // Every drawn node's centre is inside the graph area, so above the legend.
    await frames(page);
    const height = (await page.locator("#graph").boundingBox())!.height;
    const sigmaHeight = await page.evaluate(() => window.workbench!.view.sigma.getDimensions().height);
    expect(Math.abs(sigmaHeight - height)).toBeLessThan(1.5);
  });
});
