// Layouts on demand in the built workbench (issue 14), from a node's context menu: radial around it, a circle, and
// noverlap alone; each one undoable History step. In Debian's Chromium.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pointAt, useWorkbenchSite } from "./harness.ts";
import { HUAWEI, KGR, ready } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "layouts-" });

async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("smartcity-kg:positions:")), undefined, { timeout: 30_000 });
  return page;
}

async function menuItem(page: Page, node: string, item: string): Promise<void> {
  const point = await pointAt(page, node);
  await page.mouse.click(point.x, point.y, { button: "right" });
  const steps = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
  await page.click(`#context-menu ${item}`);
  await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, steps, { timeout: 20_000 });
}

/** Shown nodes with their positions, and the shown relations' ends. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const { view } = window.workbench!;
    const v = view.visible();
    return {
      at: Object.fromEntries(v.nodes.map((k) => [k, [view.graph.getNodeAttribute(k, "x"), view.graph.getNodeAttribute(k, "y")] as [number, number]])),
      edges: v.edges.map((e) => view.graph.extremities(e)),
    };
  });
const lastLabel = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.label);

describe("layouts on demand (built site in Chromium)", () => {
  it("radial around Huawei: every node on the ring of its distance (relations shown) from Huawei; undo puts the nodes back", async () => {
    const page = await open();
    const before = await shown(page);
    await menuItem(page, HUAWEI, ".cm-radial");
    expect(await lastLabel(page)).toBe("Radial layout around Huawei");
    const after = await shown(page);
    // Distances from Huawei over the shown relations, computed here.
    const depth = new Map([[HUAWEI, 0]]);
    for (let frontier = [HUAWEI]; frontier.length; ) {
      const next: string[] = [];
      for (const [s, t] of after.edges) {
        for (const [a, b] of [[s, t], [t, s]]) {
          if (!frontier.includes(a) || depth.has(b)) continue;
          depth.set(b, depth.get(a)! + 1);
          next.push(b);
        }
      }
      frontier = next;
    }
    const [hx, hy] = after.at[HUAWEI];
    const radius = (k: string) => Math.hypot(after.at[k][0] - hx, after.at[k][1] - hy);
    const ring1 = [...depth].filter(([, d]) => d === 1).map(([k]) => k);
    expect(ring1.length).toBeGreaterThan(2);
    const r1 = radius(ring1[0]);
    expect(r1).toBeGreaterThan(0);
    for (const [k, d] of depth) expect(radius(k) / r1).toBeCloseTo(d, 6);
    await page.screenshot({ path: "test-results/browser/layouts-radial.png" });

    await page.click("#undo");
    // Sessions keep positions to a thousandth of a unit.
    await page.waitForFunction(([k, x]) => Math.abs(window.workbench!.view.graph.getNodeAttribute(k, "x") - x) < 0.01, [`${KGR}kenyan-government`, before.at[`${KGR}kenyan-government`][0]] as const);
    const undone = await shown(page);
    for (const k of Object.keys(before.at)) {
      expect(undone.at[k][0]).toBeCloseTo(before.at[k][0], 2);
      expect(undone.at[k][1]).toBeCloseTo(before.at[k][1], 2);
    }
  });

  it("circle: every shown node at one distance from the centre; remove overlaps then pushes apart nodes that cover each other", async () => {
    const page = await open();
    await menuItem(page, HUAWEI, ".cm-circle");
    expect(await lastLabel(page)).toBe("Circle layout");
    const { at } = await shown(page);
    const points = Object.values(at);
    const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
    const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
    const distances = points.map(([x, y]) => Math.hypot(x - cx, y - cy));
    for (const d of distances) expect(d / distances[0]).toBeCloseTo(1, 6);

    // Overlapping pairs on screen (sigma's drawn radii), before and after noverlap.
    const overlaps = () =>
      page.evaluate(() => {
        const { view } = window.workbench!;
        const d = view.visible().nodes.map((k) => {
          const data = view.sigma.getNodeDisplayData(k)!;
          const p = view.sigma.framedGraphToViewport(data);
          return { ...p, r: view.sigma.scaleSize(data.size) };
        });
        let n = 0;
        for (let i = 0; i < d.length; i++) for (let j = i + 1; j < d.length; j++) if (Math.hypot(d[i].x - d[j].x, d[i].y - d[j].y) < d[i].r + d[j].r) n++;
        return n;
      });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const crowded = await overlaps();
    expect(crowded).toBeGreaterThan(0);
    await menuItem(page, HUAWEI, ".cm-noverlap");
    expect(await lastLabel(page)).toBe("Remove overlaps");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await overlaps()).toBeLessThan(crowded);
  });

  it("ForceAtlas2 settings in the Filters tab shape the next run (a bigger spread lays the same start out wider), are steps, and survive a reload", async () => {
    const page = await open();
    await page.click("#tab-filters");
    const extent = async () => {
      const { at } = await shown(page);
      const points = Object.values(at);
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    };
    const runFor = async (ms: number) => {
      await page.waitForFunction(() => !document.getElementById("layout-toggle")!.classList.contains("running"));
      // The run is a step after the current one (after an undo, the step undone becomes a branch).
      const cursor = await page.evaluate(() => window.workbench!.session!.controller.history.cursor);
      await page.click("#layout-toggle");
      await page.waitForFunction(() => document.getElementById("layout-toggle")!.classList.contains("running"));
      await page.waitForTimeout(ms);
      await page.click("#layout-toggle");
      await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c + 1, cursor, { timeout: 20_000 });
      expect(await lastLabel(page)).toBe("Layout run");
    };
    // Each change of the settings is a named step of the session (state.view.forceAtlas2).
    await page.locator("#fa2-spread").fill("1");
    await page.locator("#fa2-spread").dispatchEvent("change");
    await page.waitForFunction(() => window.workbench!.store.get().view.forceAtlas2?.scalingRatio === 1);
    expect(await lastLabel(page)).toBe("ForceAtlas2: spread 1, gravity 1");
    await runFor(2000);
    const narrow = await extent();
    // Undoing the run goes back to the step that set the spread (positions as before the run, spread 1 kept).
    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.session!.controller.history.cursor === 1);
    expect(await page.evaluate(() => window.workbench!.store.get().view.forceAtlas2?.scalingRatio)).toBe(1);
    await page.locator("#fa2-spread").fill("60");
    await page.locator("#fa2-spread").dispatchEvent("change");
    await page.check("#fa2-linlog");
    await page.waitForFunction(() => window.workbench!.store.get().view.forceAtlas2?.linLogMode === true);
    await page.click("#fa2-linlog");
    await page.waitForFunction(() => window.workbench!.store.get().view.forceAtlas2?.linLogMode === false);
    await runFor(2000);
    const wide = await extent();
    expect(wide).toBeGreaterThan(narrow * 1.5);

    // The autosave keeps the settings over a reload, and the controls show them.
    const settings = await page.evaluate(() => window.workbench!.store.get().view.forceAtlas2);
    expect(settings).toEqual({ scalingRatio: 60, gravity: 1, linLogMode: false, adjustSizes: false });
    await page.evaluate(() => window.workbench!.session!.flush());
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => window.workbench!.store.get().view.forceAtlas2)).toEqual(settings);
    await page.click("#tab-filters");
    expect([await page.inputValue("#fa2-spread"), await page.isChecked("#fa2-linlog")]).toEqual(["60", false]);
  });
});
