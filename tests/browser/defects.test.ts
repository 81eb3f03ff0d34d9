// Three workbench defects of issue 13 as an analyst meets them in Chromium: expand with loaded neighbours, label density, a load moving placed nodes.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { nodePoint, pointAt, useWorkbenchSite } from "./harness.ts";
import { HUAWEI, KENYA, KGR, loadOwnFile, pick, ready } from "./session-helpers.ts";
import { KEY_SETTLE_MS } from "../../src/workbench/slider-steps.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "defects-" });

/** Opens the workbench once the first layout settled (its positions are then cached), so nodes stay put. */
async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("smartcity-kg:positions:")), undefined, { timeout: 30_000 });
  await layoutSettled(page);
  return page;
}

async function layoutSettled(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.querySelector("#layout-toggle.running"), undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
const steps = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.label));
/** Whether sigma draws a node (its reducer did not hide it). */
const drawn = (page: Page, key: string) => page.evaluate((k) => window.workbench!.view.sigma.getNodeDisplayData(k)?.hidden === false, key);

async function doubleClick(page: Page, key: string): Promise<void> {
  // A camera still fitting a query's result would move the node from under the pointer.
  await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
  const point = await pointAt(page, key);
  await page.mouse.dblclick(point.x, point.y);
}

describe("Workbench defects (built site in Chromium)", () => {
  it("double-click expand reveals neighbours the analyst hid, as one History step", async () => {
    const page = await open();
    // A neighbour of Huawei on the graph, selected, then hidden with its details' Hide button.
    const neighbour = await page.evaluate((huawei) => {
      const w = window.workbench!;
      const node = w.view.graph.neighbors(huawei).find((n) => w.view.sigma.getNodeDisplayData(n)?.hidden === false)!;
      w.store.apply((s) => ({ ...s, selection: { kind: "node", node } }));
      return node;
    }, HUAWEI);
    await page.locator("#details .details-actions button", { hasText: /^Hide$/ }).click();
    await page.waitForFunction((k) => window.workbench!.store.get().filters.hiddenNodes.includes(k), neighbour);
    await frames(page);
    expect(await drawn(page, neighbour)).toBe(false);
    const before = await steps(page);

    await doubleClick(page, HUAWEI);
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, before.length, { timeout: 20_000 });
    await page.waitForTimeout(300);
    await frames(page);
    expect(await drawn(page, neighbour)).toBe(true);
    expect(await page.evaluate(() => window.workbench!.store.get().filters.hiddenNodes)).toEqual([]);
    expect(await steps(page)).toEqual([...before, "Expand Huawei"]);
  });

  it("double-click expand reveals neighbours outside a 'show only' neighbourhood, as one History step", async () => {
    const page = await open();
    await page.click("#tab-neighbourhood");
    await pick(page, "#nb-centre", "Kenya");
    await page.check("#nb-only");
    await page.click("#nb-run");
    await page.waitForFunction(() => window.workbench!.store.get().neighbourhood.status === "done" && window.workbench!.store.get().focus === "neighbourhood");
    // A node at the edge of the result, with neighbours the result leaves out (so hidden by "show only").
    const { edge, outside } = await page.evaluate(() => {
      const w = window.workbench!;
      const result = w.store.get().neighbourhood.result!;
      const inside = new Set(result.nodes.map((n) => n.node));
      for (const { node, depth } of result.nodes) {
        if (depth !== 1) continue;
        const out = w.view.graph.neighbors(node).filter((n) => !inside.has(n) && !w.view.graph.getNodeAttribute(n, "schema"));
        if (out.length) return { edge: node, outside: out };
      }
      throw new Error("no node with neighbours outside the neighbourhood");
    });
    await frames(page);
    for (const node of outside) expect(await drawn(page, node)).toBe(false);
    const before = await steps(page);
    const label = await page.evaluate((k) => window.workbench!.view.graph.getNodeAttribute(k, "label"), edge);

    await doubleClick(page, edge);
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, before.length, { timeout: 20_000 });
    await page.waitForTimeout(300);
    await frames(page);
    for (const node of outside) expect(await drawn(page, node)).toBe(true);
    // The neighbourhood is still the one shown, and the centre is still there.
    expect(await drawn(page, KENYA)).toBe(true);
    expect(await steps(page)).toEqual([...before, `Expand ${label}`]);
  });

  it("every step of the label-density slider changes the labels drawn, and a drag is one History step", async () => {
    const page = await open();
    await page.click("#tab-filters");
    const slider = page.locator("#label-density");
    await slider.scrollIntoViewIfNeeded();
    const labelsDrawn = () =>
      page.evaluate(() => {
        const sigma = window.workbench!.view.sigma;
        // sigma keeps the last frame's set when labels are off, so "off" is counted as none.
        return sigma.getSetting("renderLabels") ? (sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels.size : 0;
      });

    // A drag from one end to the other, through every step: one step in History.
    const before = await steps(page);
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 40, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await slider.inputValue()).toBe("3");
    expect(await steps(page)).toEqual([...before, "Appearance: labels ×3"]);

    // Step by step from none to dense (keys, as a keyboard user moves it): each step draws more labels.
    await slider.focus();
    await page.keyboard.press("Home");
    const counts: number[] = [];
    for (let i = 0; i <= 12; i++) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      await frames(page);
      counts.push(await labelsDrawn());
    }
    expect(await slider.inputValue()).toBe("3");
    expect(counts[0]).toBe(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i], `labels at step ${i} (${counts.join(", ")})`).toBeGreaterThan(counts[i - 1]);
  });

  it("a burst of arrow presses on the label-density slider, or a held key's repeats, is one History step", async () => {
    const page = await open();
    await page.click("#tab-filters");
    const slider = page.locator("#label-density");
    await slider.scrollIntoViewIfNeeded();
    await slider.focus();
    const before = await steps(page);
    expect(await slider.inputValue()).toBe("1");
    // Five quick presses: the labels follow each one, History gets one step once the keys rest.
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await slider.inputValue()).toBe("2.25");
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, before.length);
    await page.waitForTimeout(KEY_SETTLE_MS + 200);
    expect(await steps(page)).toEqual([...before, "Appearance: labels ×2.25"]);
    // A held key: keydown repeats (Playwright sends repeat: true to a key already down), one keyup.
    for (let i = 0; i < 4; i++) await page.keyboard.down("ArrowLeft");
    await page.keyboard.up("ArrowLeft");
    expect(await slider.inputValue()).toBe("1.25");
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n + 1, before.length);
    await page.waitForTimeout(KEY_SETTLE_MS + 200);
    expect(await steps(page)).toEqual([...before, "Appearance: labels ×2.25", "Appearance: labels ×1.25"]);
    // One undo takes the whole burst back.
    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.session!.controller.appearance.labelDensity === 2.25);
  });

  it("opening a data file keeps the nodes where the analyst left them and puts new nodes next to their neighbours", async () => {
    const page = await open();
    // The analyst drags Kenya somewhere else by mouse.
    const start = await page.evaluate((k) => window.workbench!.view.graph.getNodeAttributes(k), KENYA);
    const from = await nodePoint(page, KENYA);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + 18 * i, from.y + 12 * i);
    await page.mouse.up();
    await page.waitForFunction(([k, x]) => window.workbench!.view.graph.getNodeAttribute(k, "x") !== x, [KENYA, start.x] as const);
    const before = await page.evaluate(() => {
      const out: Record<string, [number, number]> = {};
      window.workbench!.view.graph.forEachNode((node, a) => (out[node] = [a.x, a.y]));
      return out;
    });
    const label = "<http://www.w3.org/2000/01/rdf-schema#label>";
    const includes = "<https://w3id.org/smartcity-kg/ontology#includes>";
    const turtle = [
      `<${KGR}zz-near-a> ${label} "Near A" .`,
      `<${KGR}zz-near-b> ${label} "Near B" .`,
      `<${HUAWEI}> ${includes} <${KGR}zz-near-a> .`,
      `<${KGR}zz-near-a> ${includes} <${KGR}zz-near-b> .`,
      "",
    ].join("\n");
    await loadOwnFile(page, "keep-positions", turtle);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-near-b`);
    await layoutSettled(page);

    const after = await page.evaluate(() => {
      const out: Record<string, [number, number]> = {};
      window.workbench!.view.graph.forEachNode((node, a) => (out[node] = [a.x, a.y]));
      return out;
    });
    const xs = Object.values(before).map((p) => p[0]);
    const extent = Math.max(...xs) - Math.min(...xs);
    const moved = Object.keys(before).filter((k) => !after[k] || Math.hypot(after[k][0] - before[k][0], after[k][1] - before[k][1]) > extent * 1e-6);
    expect(moved).toEqual([]);
    const distance = (a: string, b: string) => Math.hypot(after[a][0] - after[b][0], after[a][1] - after[b][1]);
    expect(distance(`${KGR}zz-near-a`, HUAWEI)).toBeLessThan(extent / 5);
    expect(distance(`${KGR}zz-near-b`, `${KGR}zz-near-a`)).toBeLessThan(extent / 5);
  });
});
