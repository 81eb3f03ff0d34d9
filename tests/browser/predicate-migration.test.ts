// A share link naming an old predicate in its hidden-predicate filter (made before a rename, ontology/migration.ttl) hides the replacement's relations.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { ready } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "predicate-migration-" });
const OLD = "https://w3id.org/smartcity-kg/ontology#donatesTo";
const CURRENT = "https://w3id.org/smartcity-kg/ontology#suppliesTo";

async function open(url?: string): Promise<Page> {
  const o = await workbench.open(url);
  await ready(o.page);
  return o.page;
}

/** Whether sigma draws each relation of a predicate (after the reducers of its next frame). */
const drawn = (page: Page, predicate: string) =>
  page.evaluate((p) => {
    const { graph, sigma } = window.workbench!.view;
    return graph.filterEdges((_, a) => a.predicate === p).map((edge) => !sigma.getEdgeDisplayData(edge)?.hidden);
  }, predicate);

describe("hidden-predicate filters with old predicate names", () => {
  it("a share link hiding kg:donatesTo hides the kg:suppliesTo relations, and showing them takes the old name out", async () => {
    const page = await open();
    expect((await drawn(page, CURRENT)).length).toBeGreaterThan(1);
    // A link made before the rename: its filter names the old predicate (as a saved link from then would).
    await page.evaluate((old) => window.workbench!.store.apply((s) => ({ ...s, filters: { ...s.filters, hiddenPredicates: [old] } })), OLD);
    await page.click("#session");
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const link = (await page.locator("#session-share").getAttribute("data-link"))!;

    const other = await open(link);
    await other.waitForFunction((old) => window.workbench!.store.get().filters.hiddenPredicates.includes(old), OLD);
    await other.waitForFunction((p) => {
      const { graph, sigma } = window.workbench!.view;
      const edges = graph.filterEdges((_, a) => a.predicate === p);
      return edges.length > 1 && edges.every((edge) => sigma.getEdgeDisplayData(edge)?.hidden);
    }, CURRENT);
    const box = other.locator(`.predicate-filter input[data-predicate="${CURRENT}"]`);
    expect(await box.isChecked()).toBe(false);

    await other.click("#tab-filters");
    await box.check();
    await other.waitForFunction(() => window.workbench!.store.get().filters.hiddenPredicates.length === 0);
    await other.waitForFunction((p) => {
      const { graph, sigma } = window.workbench!.view;
      return graph.filterEdges((_, a) => a.predicate === p).every((edge) => !sigma.getEdgeDisplayData(edge)?.hidden);
    }, CURRENT);
    expect((await drawn(other, CURRENT)).every(Boolean)).toBe(true);
  });
});
