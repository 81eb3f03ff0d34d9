// History in the built workbench in Chromium (issue 13): notes and the steps left are never lost, a load is not undone, the status counts what is shown.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { emptyGraphPoint, pointAt, useWorkbenchSite } from "./harness.ts";
import { dragNode, flush, HUAWEI, KENYA, KGR, loadOwnFile, pick, position, ready, runPath, selectBySearch, writeNodeNote, writeSessionNote } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "history-" });

async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  return page;
}

const cursorLabel = (page: Page) => page.evaluate(() => {
  const h = window.workbench!.session!.controller.history;
  return h.entries[h.cursor].label;
});
const notes = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.notes);

/** The status line's two node counts, and what the page shows and holds, to check them against. */
async function counts(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const text = document.getElementById("status")!.textContent ?? "";
    const nodes = /Showing ([\d,]+) of ([\d,]+) nodes/.exec(text);
    const edges = /([\d,]+) of ([\d,]+) relations/.exec(text);
    const num = (s: string | undefined) => (s === undefined ? NaN : Number(s.replace(/,/g, "")));
    const visible = window.workbench!.view.visible();
    return { text, shown: num(nodes?.[1]), loaded: num(nodes?.[2]), shownEdges: num(edges?.[1]), visibleNodes: visible.nodes.length, visibleEdges: visible.edges.length, drawn: window.workbench!.view.graph.order };
  });
}

describe("History (built site in Chromium)", () => {
  it("hovering a node changes nothing in the session: History is not redrawn and nothing is autosaved", async () => {
    const page = await open();
    await runPath(page);
    await page.click("#tab-history");
    // pointAt moves the camera (a change the autosave keeps): let that save go first.
    const point = await pointAt(page, HUAWEI);
    await page.waitForTimeout(900);
    await flush(page);
    const saves = await page.evaluate(() => {
      (document.querySelector("#history-list .step") as HTMLElement).dataset.marker = "drawn before the hover";
      return window.workbench!.session!.saves;
    });
    const empty = await emptyGraphPoint(page);
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(empty.x, empty.y);
      await page.waitForFunction(() => window.workbench!.store.hovered() === null);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction((k) => window.workbench!.store.hovered() === k, HUAWEI);
    }
    // Longer than the autosave's wait (400 ms).
    await page.waitForTimeout(900);
    expect(await page.evaluate(() => (document.querySelector("#history-list .step") as HTMLElement).dataset.marker)).toBe("drawn before the hover");
    expect(await page.evaluate(() => window.workbench!.session!.saves)).toBe(saves);
  });

  it("notes, pins and moves survive going back to an earlier step and running a query; the steps left are a branch to return to", async () => {
    const page = await open();
    await runPath(page);
    await selectBySearch(page, "Huawei", HUAWEI);
    await writeNodeNote(page, "Supplier of the Nairobi safe city project.");
    await writeSessionNote(page, "How does Huawei reach Kenya?");
    await page.click("#tab-path");
    await selectBySearch(page, "Huawei", HUAWEI);
    await page.click("#pin-node");
    await page.waitForFunction((k) => window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    await dragNode(page, KENYA, 90, 60);
    const written = await notes(page);
    const moved = await position(page, KENYA);
    const lastLabel = await cursorLabel(page);
    expect(lastLabel).toBe("Move Kenya");

    // Back to the first step in History, then another query.
    await page.click("#tab-history");
    await page.locator('#history-list .step[data-index="0"] button').click();
    await page.waitForFunction(() => window.workbench!.session!.controller.history.cursor === 0);
    // The step is on screen once its path results are gone (the widgets follow the graph).
    await page.waitForFunction(() => !document.querySelector("#path-results .path-result"));
    await page.waitForTimeout(300);
    expect(await notes(page)).toEqual(written);
    await runPath(page);
    await page.waitForFunction(() => window.workbench!.session!.controller.history.entries.length === 2);

    // The notes are still there, in the panel and in the editor.
    expect(await notes(page)).toEqual(written);
    await page.click("#tab-notes");
    expect(await page.inputValue("#session-note")).toBe("How does Huawei reach Kenya?");
    expect(await page.locator("#notes-list .note-text").allTextContents()).toEqual(["Supplier of the Nairobi safe city project."]);

    // The steps left wait in a branch: one click returns to where they ended, pin and move included.
    await page.click("#tab-history");
    const branch = page.locator("#branch-list .branch").first();
    expect(await branch.locator(".step-label").textContent()).toBe("Move Kenya");
    await branch.locator("button").click();
    await page.waitForFunction(() => {
      const h = window.workbench!.session!.controller.history;
      return h.entries[h.cursor].label === "Move Kenya";
    });
    expect(await page.evaluate(() => [...window.workbench!.session!.controller.pinned])).toEqual([HUAWEI]);
    const back = await position(page, KENYA);
    expect(back[0]).toBeCloseTo(moved[0], 1);
    expect(back[1]).toBeCloseTo(moved[1], 1);
    expect(await notes(page)).toEqual(written);
    // And the query run on the other branch is itself a branch now.
    expect(await page.locator("#branch-list .branch .step-label").allTextContents()).toEqual([expect.stringMatching(/^Path Huawei → /)]);

    // The autosave keeps the branches: after a reload they are listed and can be returned to.
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await notes(page)).toEqual(written);
    expect(await cursorLabel(page)).toBe("Move Kenya");
    await page.click("#tab-history");
    await page.locator("#branch-list .branch button").first().click();
    await page.waitForFunction(() => {
      const h = window.workbench!.session!.controller.history;
      return h.entries.length === 2 && h.entries[h.cursor].label.startsWith("Path Huawei");
    });
    expect(await notes(page)).toEqual(written);
  });

  it("a file load is not undone: undo leaves the data and its step in place, History says so, and the counts stay right", async () => {
    const page = await open();
    await page.locator('#legend button[data-class$="#Country"]').click();
    await page.waitForFunction(() => window.workbench!.store.get().filters.hiddenClasses.length === 1);
    const before = await counts(page);
    const turtle = [
      `<${KGR}zz-load-a> <http://www.w3.org/2000/01/rdf-schema#label> "Loaded A" .`,
      `<${KGR}zz-load-b> <http://www.w3.org/2000/01/rdf-schema#label> "Loaded B" .`,
      `<${KGR}zz-load-a> <https://w3id.org/smartcity-kg/ontology#includes> <${KGR}zz-load-b> .`,
      "",
    ].join("\n");
    await loadOwnFile(page, "undo-load", turtle);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-load-a`);
    const loaded = await counts(page);
    expect(loaded.loaded).toBe(before.loaded + 2);

    await page.locator("#graph").click({ position: { x: 3, y: 3 } });
    await page.keyboard.press("Control+z");
    await page.click("#tab-history");
    await page.waitForTimeout(300);
    // The load stays the current step, marked as not undone; the class toggle before it cannot be restored.
    expect(await cursorLabel(page)).toMatch(/^Add undo-load-\d+\.ttl$/);
    expect(await page.evaluate(() => window.workbench!.store.get().filters.hiddenClasses.length)).toBe(1);
    expect(await page.locator("#history-list .step.current").getAttribute("data-kind")).toBe("load");
    expect(await page.locator("#history-list .step.load .step-note").textContent()).toContain("not undone");
    expect(await page.locator("#history-list .step.undone").count()).toBe(0);
    expect(await page.locator("#undo").isDisabled()).toBe(true);
    expect(await page.locator('#history-list .step[data-index="1"] button').isDisabled()).toBe(true);
    // The data is there, and counted.
    expect(await page.evaluate((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-load-a`)).toBe(true);
    const after = await counts(page);
    expect(after.loaded).toBe(loaded.loaded);
    expect(after.shown).toBe(after.visibleNodes);
    expect(after.shownEdges).toBe(after.visibleEdges);
  });

  it("the status line counts what is shown of what is loaded: after a hidden class, a search pick of a class, and an undo", async () => {
    const page = await open();
    const start = await counts(page);
    expect(start.shown).toBe(start.visibleNodes);
    expect(start.shown).toBeLessThanOrEqual(start.loaded);

    await page.locator('#legend button[data-class$="#Country"]').click();
    await page.waitForFunction(() => window.workbench!.store.get().filters.hiddenClasses.length === 1);
    const hidden = await counts(page);
    expect(hidden.shown).toBe(hidden.visibleNodes);
    expect(hidden.shown).toBeLessThan(start.shown);
    expect(hidden.drawn).toBe(start.drawn);
    expect(hidden.loaded).toBe(start.loaded);
    expect(hidden.shownEdges).toBe(hidden.visibleEdges);

    // A class picked in search (a schema node, not in the overview) is added to the view.
    await pick(page, "#search", "Country");
    await page.waitForFunction(() => window.workbench!.store.get().selection.kind === "node");
    const picked = await counts(page);
    expect(picked.shown).toBe(picked.visibleNodes);
    expect(picked.shown).toBeLessThanOrEqual(picked.loaded);
    expect(picked.loaded).toBe(start.loaded);

    const cursor = await page.evaluate(() => window.workbench!.session!.controller.history.cursor);
    await page.locator("#graph").click({ position: { x: 3, y: 3 } });
    await page.keyboard.press("Control+z");
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.cursor < n, cursor);
    await page.waitForTimeout(300);
    const undone = await counts(page);
    expect(undone.shown).toBe(undone.visibleNodes);
    expect(undone.shown).toBeLessThanOrEqual(undone.loaded);
    expect(undone.loaded).toBe(start.loaded);
    expect(undone.shownEdges).toBe(undone.visibleEdges);
  });
});
