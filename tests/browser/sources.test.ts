// Corroboration in the built workbench (issue 16): the details panel names the sources of a relation, and the Sources
// filter keeps relations stated by at least N sources or by chosen sources, and colours them by source. In Chromium.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { flush, HUAWEI, KGR, ready, selectBySearch } from "./session-helpers.ts";

const AIGS_2019 = `${KGR}carnegie-aigs-2019`;
const AIGS_2022 = `${KGR}carnegie-aigs-2022`;
const workbench = useWorkbenchSite({ screenshotPrefix: "sources-" });
const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The shown relations (after the filters) with their sources and drawn colour. */
const shownEdges = (page: Page) => page.evaluate(() => {
  const view = window.workbench!.view;
  return view.visible().edges
    .filter((e) => !view.sigma.getEdgeDisplayData(e)?.hidden)
    .map((e) => ({ key: e, sources: (view.graph.getEdgeAttribute(e, "sources") as string[] | undefined) ?? [], color: view.sigma.getEdgeDisplayData(e)!.color }));
});

describe("sources of relations (built site in Chromium)", () => {
  it("shows the sources of a relation, filters by at least N sources and by source, and colours by source", async () => {
    const { page } = await workbench.open();
    await ready(page);
    // Huawei's relations: the index's countries carry "2 sources"; the relation's details name both vintages.
    await selectBySearch(page, "Huawei", HUAWEI);
    const ecuador = page.locator("#details .relation", { hasText: "Ecuador" });
    await ecuador.locator(".source-count").filter({ hasText: "2 sources" }).waitFor();
    await ecuador.locator("button[title='Select this relation']").click();
    const sources = page.locator("#details .edge-details .sources");
    await sources.waitFor();
    expect(await sources.textContent()).toBe("Stated by 2 sources: Carnegie AI Global Surveillance Index, 2019; Carnegie AI Global Surveillance Index, 2022 update");
    expect(await page.locator("#details .edge-details .evidence .locator").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^row 56 \(Ecuador\), “Company 1”$/)]));

    // The Filters tab lists the sources with their relations.
    await page.click("#tab-filters");
    const legend = page.locator(".source-filter .source-legend li");
    await legend.first().waitFor();
    const items = await legend.allTextContents();
    expect(items.some((t) => t.includes("Carnegie AI Global Surveillance Index, 2019"))).toBe(true);
    expect(items.some((t) => t.includes("EUISS Brief 10/2020") || t.includes("Towards urban decoupling"))).toBe(true);

    await frames(page);
    const all = await shownEdges(page);
    expect(all.some((e) => e.sources.length === 1)).toBe(true);
    // At least 2 sources: every relation left is stated by two, and fewer are shown.
    await page.fill("#min-sources", "2");
    await page.dispatchEvent("#min-sources", "change");
    await page.waitForFunction(() => {
      const view = window.workbench!.view;
      return view.visible().edges.every((e) => ((view.graph.getEdgeAttribute(e, "sources") as string[] | undefined) ?? []).length >= 2);
    });
    await frames(page);
    const corroborated = await shownEdges(page);
    expect(corroborated.length).toBeGreaterThan(0);
    expect(corroborated.length).toBeLessThan(all.length);
    expect(corroborated.every((e) => e.sources.length >= 2)).toBe(true);

    // Back to 1, and hide the 2022 vintage: a relation only it states goes, one the 2019 vintage also states stays.
    await page.fill("#min-sources", "1");
    await page.dispatchEvent("#min-sources", "change");
    await page.locator(`.source-legend input[data-source="${AIGS_2022}"]`).uncheck();
    await page.waitForFunction((s2022) => {
      const view = window.workbench!.view;
      return view.visible().edges.every((e) => {
        const list = (view.graph.getEdgeAttribute(e, "sources") as string[] | undefined) ?? [];
        return !(list.length === 1 && list[0] === s2022);
      });
    }, AIGS_2022);
    await frames(page);
    const without2022 = await shownEdges(page);
    expect(without2022.some((e) => e.sources.includes(AIGS_2019) && e.sources.includes(AIGS_2022))).toBe(true);

    // Colour by source: one source's relations take its legend colour, several sources' the corroborated colour
    // (the selected relation keeps the selection's colour: select nothing first).
    await page.locator("#colour-by-source").focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.workbench!.store.get().selection.kind === "none");
    await page.locator(`.source-legend input[data-source="${AIGS_2022}"]`).check();
    await page.check("#colour-by-source");
    await frames(page);
    await page.waitForFunction(() => {
      const view = window.workbench!.view;
      return view.visible().edges.some((e) => ((view.graph.getEdgeAttribute(e, "sources") as string[] | undefined) ?? []).length > 1 && view.sigma.getEdgeDisplayData(e)!.color === "#111111");
    });
    const coloured = await shownEdges(page);
    const swatch = await page.locator(`.source-legend input[data-source="${AIGS_2019}"] ~ .swatch`).evaluate((el) => getComputedStyle(el).backgroundColor);
    const only2019 = coloured.filter((e) => e.sources.length === 1 && e.sources[0] === AIGS_2019);
    const toHex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
    if (only2019.length > 0) expect(only2019.every((e) => e.color === toHex(swatch))).toBe(true);
    expect(coloured.filter((e) => e.sources.length > 1).every((e) => e.color === "#111111")).toBe(true);
  });

  it("the source settings are session steps: undone and redone, saved and reopened, autosaved over a reload, carried by a share link", async () => {
    const { page } = await workbench.open();
    await ready(page);
    const lastLabel = () => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.label);
    const filters = (p: Page) => p.evaluate(() => {
      const f = window.workbench!.store.get().filters;
      return { hiddenSources: f.hiddenSources ?? [], minSources: f.minSources ?? 1, colourBySource: f.colourBySource ?? false };
    });
    /** Every shown relation is stated by two sources or more, and several-source ones are drawn in the corroborated colour. */
    const appliedOn = (p: Page) => p.waitForFunction(() => {
      const view = window.workbench!.view;
      const edges = view.visible().edges.filter((e) => !view.sigma.getEdgeDisplayData(e)?.hidden);
      const sources = (e: string) => (view.graph.getEdgeAttribute(e, "sources") as string[] | undefined) ?? [];
      return edges.length > 0 && edges.every((e) => sources(e).length >= 2) && edges.some((e) => view.sigma.getEdgeDisplayData(e)!.color === "#111111");
    }, undefined, { timeout: 20_000 });
    const set = { hiddenSources: [AIGS_2022], minSources: 2, colourBySource: true };

    await page.click("#tab-filters");
    await page.locator(".source-filter .source-legend li").first().waitFor();
    await page.locator(`.source-legend input[data-source="${AIGS_2022}"]`).uncheck();
    await page.waitForFunction(() => (window.workbench!.store.get().filters.hiddenSources ?? []).length === 1);
    expect(await lastLabel()).toBe("Hide source Carnegie AI Global Surveillance Index, 2022 update");
    await page.fill("#min-sources", "2");
    await page.dispatchEvent("#min-sources", "change");
    await page.waitForFunction(() => window.workbench!.store.get().filters.minSources === 2);
    expect(await lastLabel()).toBe("Relations stated by ≥ 2 sources");
    await page.check("#colour-by-source");
    await page.waitForFunction(() => window.workbench!.store.get().filters.colourBySource === true);
    expect(await lastLabel()).toBe("Colour relations by source");
    expect(await filters(page)).toEqual(set);
    await appliedOn(page);

    // Undo takes the colour away (and the checkbox follows); redo brings it back.
    await page.click("#undo");
    await page.waitForFunction(() => !window.workbench!.store.get().filters.colourBySource);
    expect(await page.locator("#colour-by-source").isChecked()).toBe(false);
    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.store.get().filters.minSources === undefined);
    expect(await page.locator("#min-sources").inputValue()).toBe("1");
    expect(await page.locator(`.source-legend input[data-source="${AIGS_2022}"]`).isChecked()).toBe(false);
    await page.click("#redo");
    await page.click("#redo");
    await page.waitForFunction(() => window.workbench!.store.get().filters.colourBySource === true);
    expect(await filters(page)).toEqual(set);
    expect(await page.locator("#min-sources").inputValue()).toBe("2");
    await appliedOn(page);

    // Saved in the session file, and the file opened in a fresh page applies them.
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const file = join(tmpdir(), `sources-session-${Date.now()}.json`);
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.state.filters).toMatchObject(set);
    const fresh = (await workbench.open()).page;
    await ready(fresh);
    expect(await filters(fresh)).toEqual({ hiddenSources: [], minSources: 1, colourBySource: false });
    await fresh.setInputFiles("#session-input", file);
    await fresh.waitForFunction(() => window.workbench!.store.get().filters.minSources === 2);
    expect(await filters(fresh)).toEqual(set);
    await appliedOn(fresh);
    await fresh.click("#tab-filters");
    expect(await fresh.locator("#colour-by-source").isChecked()).toBe(true);

    // A share link carries them.
    await page.keyboard.press("Escape");
    await page.click("#session");
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const link = (await page.locator("#session-share").getAttribute("data-link"))!;
    const shared = (await workbench.open(link)).page;
    await ready(shared);
    await shared.waitForFunction(() => window.workbench!.store.get().filters.minSources === 2);
    expect(await filters(shared)).toEqual(set);
    await appliedOn(shared);

    // The autosave keeps them over a reload.
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await filters(page)).toEqual(set);
    await appliedOn(page);
  });
});
