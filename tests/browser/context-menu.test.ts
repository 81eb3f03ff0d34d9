// The right-click menu on nodes and relations in the built workbench (issue 14): each entry is a named, undoable
// step or fills a panel; the keyboard opens it on the selection (Shift+F10, the context-menu key) and Esc closes it.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { pointAt, useWorkbenchSite } from "./harness.ts";
import { HUAWEI, KGR, ready, selectBySearch } from "./session-helpers.ts";

const KG = "https://w3id.org/smartcity-kg/ontology#";
const KENYAN_GOVERNMENT = `${KGR}kenyan-government`;
const ANTI_EPIDEMIC = `${KGR}anti-epidemic-solutions`;

const workbench = useWorkbenchSite({ screenshotPrefix: "context-menu-" });

async function open(): Promise<Page> {
  const { page, context } = await workbench.open();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: workbench.site.url });
  await ready(page);
  return page;
}

const labels = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.label));
const hidden = (page: Page) => page.evaluate(() => window.workbench!.store.get().filters.hiddenNodes);
const menuOpen = (page: Page) => page.locator("#context-menu").isVisible();

/** Right-clicks a node and waits for its menu. */
async function rightClick(page: Page, node: string): Promise<void> {
  // A hidden node cannot be clicked: show it where the test needs the node on screen.
  const point = await pointAt(page, node);
  await page.mouse.click(point.x, point.y, { button: "right" });
  await page.locator("#context-menu .cm-hide").waitFor();
}

async function choose(page: Page, selector: string): Promise<void> {
  await page.click(`#context-menu ${selector}`);
  expect(await menuOpen(page)).toBe(false);
}

describe("the context menu (built site in Chromium)", () => {
  it("right-click on a node: hide, expand by one relation type, pin, undo — each a step in History", async () => {
    const page = await open();
    for (const node of [KENYAN_GOVERNMENT, ANTI_EPIDEMIC]) {
      const before = (await labels(page)).length;
      await rightClick(page, node);
      await choose(page, ".cm-hide");
      await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, before);
    }
    expect(await hidden(page)).toEqual([KENYAN_GOVERNMENT, ANTI_EPIDEMIC]);
    expect((await labels(page)).slice(-2)).toEqual(["Hide Kenyan government", "Hide Anti-epidemic solutions"]);

    // Expand by "supplies to" brings back the Kenyan government only; "supplies" (anti-epidemic solutions) stays hidden.
    await rightClick(page, HUAWEI);
    const menu = page.locator("#context-menu");
    await expect.poll(() => menu.locator(".cm-expand-by").count()).toBeGreaterThan(1);
    const heading = await menu.locator(".context-heading").first().textContent();
    expect(heading).toBe("Huawei");
    await page.screenshot({ path: `test-results/browser/context-menu-node.png` });
    await choose(page, `.cm-expand-by[title="${KG}suppliesTo"]`);
    await page.waitForFunction((k) => !window.workbench!.store.get().filters.hiddenNodes.includes(k), KENYAN_GOVERNMENT);
    expect(await hidden(page)).toEqual([ANTI_EPIDEMIC]);
    expect((await labels(page)).at(-1)).toBe("Expand Huawei by supplies to");
    const step = await page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.action);
    expect(step).toEqual({ kind: "expand", params: { node: HUAWEI, limit: 150, predicates: [`${KG}suppliesTo`] } });

    // Pin, then the menu offers Unpin.
    await rightClick(page, HUAWEI);
    expect(await menu.locator(".cm-pin").textContent()).toBe("Pin in place");
    await choose(page, ".cm-pin");
    await page.waitForFunction((k) => window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    expect((await labels(page)).at(-1)).toBe("Pin Huawei");
    await rightClick(page, HUAWEI);
    expect(await menu.locator(".cm-pin").textContent()).toBe("Unpin");
    await page.keyboard.press("Escape");
    expect(await menuOpen(page)).toBe(false);

    // Undo goes back through them: unpinned, then the Kenyan government hidden again.
    await page.click("#undo");
    await page.waitForFunction((k) => !window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    await page.click("#undo");
    await page.waitForFunction((k) => window.workbench!.store.get().filters.hiddenNodes.includes(k), KENYAN_GOVERNMENT);
  });

  it("path from here / path to here fill the Path tab; Neighbourhood runs; Note… puts the cursor in the note; Copy IRI copies", async () => {
    const page = await open();
    await rightClick(page, HUAWEI);
    await choose(page, ".cm-path-from");
    await rightClick(page, KENYAN_GOVERNMENT);
    await choose(page, ".cm-path-to");
    expect(await page.locator("#path-from").inputValue()).toBe("Huawei");
    expect(await page.locator("#path-to").inputValue()).toBe("Kenyan government");
    await page.click("#path-run");
    await page.waitForFunction(() => window.workbench!.store.get().path.status === "done");
    expect((await labels(page)).at(-1)).toBe("Path Huawei → Kenyan government");

    await rightClick(page, KENYAN_GOVERNMENT);
    await choose(page, ".cm-neighbourhood");
    await page.waitForFunction(() => window.workbench!.store.get().neighbourhood.status === "done");
    expect(await page.evaluate(() => window.workbench!.store.get().neighbourhood.centers)).toEqual([KENYAN_GOVERNMENT]);
    expect((await labels(page)).at(-1)).toMatch(/^Neighbourhood of Kenyan government/);
    expect(await page.locator("#panel-neighbourhood").isVisible()).toBe(true);

    await rightClick(page, HUAWEI);
    await choose(page, ".cm-note");
    await page.waitForFunction(() => document.activeElement?.id === "node-note");
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: HUAWEI });

    await rightClick(page, HUAWEI);
    await choose(page, ".cm-copy-iri");
    await page.locator("#info").filter({ hasText: HUAWEI }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HUAWEI);
  });

  it("keyboard: Shift+F10 on the selected node opens its menu, arrows move, Enter runs, Esc closes and keeps the selection; a relation's menu too", async () => {
    const page = await open();
    await selectBySearch(page, "Huawei", HUAWEI);
    await page.locator("#search").blur();
    await page.keyboard.press("Shift+F10");
    await page.locator("#context-menu .cm-hide").waitFor();
    // The first entry has the focus; arrows move it.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("cm-expand");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest("#context-menu") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await menuOpen(page)).toBe(false);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: HUAWEI });

    // The context-menu key, then down to Hide and Enter.
    await page.keyboard.press("ContextMenu");
    await page.locator("#context-menu .cm-hide").waitFor();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.className)) !== "cm-hide"; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction((k) => window.workbench!.store.get().filters.hiddenNodes.includes(k), HUAWEI);
    expect((await labels(page)).at(-1)).toBe("Hide Huawei");

    // A relation: selected, Shift+F10, "Hide every … relation" hides its predicate (one step).
    const edge = await page.evaluate(() => {
      const g = window.workbench!.view.graph;
      return g.edges().find((e) => g.getEdgeAttribute(e, "predicate").endsWith("#suppliesTo"))!;
    });
    await page.evaluate((e) => window.workbench!.store.apply((s) => ({ ...s, selection: { kind: "edge", edge: e } })), edge);
    await page.keyboard.press("Shift+F10");
    await page.locator("#context-menu .cm-hide-predicate").waitFor();
    expect(await page.locator("#context-menu .context-heading").textContent()).toMatch(/supplies to/);
    await page.screenshot({ path: `test-results/browser/context-menu-edge.png` });
    await page.click("#context-menu .cm-hide-predicate");
    await page.waitForFunction(() => window.workbench!.store.get().filters.hiddenPredicates.some((p) => p.endsWith("#suppliesTo")));
    expect((await labels(page)).at(-1)).toMatch(/^Show\/hide relation/);
  });
});
