// The timeline in the built workbench (issue 14): a histogram of relation dates, a brush and year fields that hide the
// relations dated elsewhere, undated relations kept or hidden, Play as one History step; undone, kept over a reload. In Chromium.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { flush, ready } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "time-" });
const labels = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.label));
const range = (page: Page) => page.evaluate(() => window.workbench!.store.get().filters.dateRange);

/**
 * Waits until sigma's display data hides exactly the drawn relations the range and the undated choice leave out (a
 * relation is kept when one of its dates meets the range), and says how many it hides and shows.
 */
async function applied(page: Page, from: number | null, to: number | null, hideUndated: boolean): Promise<{ hidden: number; shown: number }> {
  const check = ([from, to, hideUndated]: [number | null, number | null, boolean]) => {
    const view = window.workbench!.view;
    let hidden = 0, shown = 0, wrong = 0;
    view.graph.forEachEdge((edge, attrs, source, target) => {
      const dates = attrs.dates as [number, number][] | undefined;
      const out = dates ? from !== null && to !== null && !dates.some(([a, b]) => a <= to && b >= from) : hideUndated;
      const drawn = view.sigma.getEdgeDisplayData(edge);
      const endsShown = !view.sigma.getNodeDisplayData(source)?.hidden && !view.sigma.getNodeDisplayData(target)?.hidden;
      if (!drawn || !endsShown) return;
      if (out !== Boolean(drawn.hidden)) wrong++;
      else if (out) hidden++;
      else shown++;
    });
    return wrong === 0 ? { hidden, shown } : null;
  };
  const handle = await page.waitForFunction(check, [from, to, hideUndated] as [number | null, number | null, boolean], { timeout: 20_000 });
  return (await handle.jsonValue())!;
}

/** Drags across the histogram from one year's bar to another's, as an analyst does with the mouse. */
async function brush(page: Page, from: number, to: number): Promise<void> {
  const centre = async (year: number) => {
    const box = (await page.locator(`.time-histogram rect.bar[data-year="${year}"]`).boundingBox())!;
    return { x: box.x + box.width / 2, y: (await page.locator(".time-histogram").boundingBox())!.y + 20 };
  };
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  await page.mouse.up();
}

describe("the timeline (built site in Chromium)", () => {
  it("brushes years, hides undated relations, plays as one step, undoes, and keeps the filter over a reload", async () => {
    const { page } = await workbench.open();
    await ready(page);
    await page.click("#tab-filters");
    const histogram = page.locator(".time-histogram");
    await histogram.waitFor();
    // A bar per year of the bundled graph's dates, each with its count; no markup from data (the labels are text nodes).
    const bars = await page.locator(".time-histogram rect.bar").evaluateAll((rects) => rects.map((r) => [Number(r.getAttribute("data-year")), Number(r.getAttribute("data-count"))]));
    expect(bars.length).toBeGreaterThan(5);
    expect(bars.some(([year, count]) => year === 2019 && count > 100)).toBe(true);
    expect(await histogram.getAttribute("role")).toBe("img");
    const everything = await applied(page, null, null, false);
    expect(everything.hidden).toBe(0);

    // The brush: 2019–2020 by mouse, one step, and the relations dated only elsewhere are hidden.
    await brush(page, 2019, 2020);
    await page.waitForFunction(() => window.workbench!.store.get().filters.dateRange?.from === 2019);
    expect(await range(page)).toEqual({ from: 2019, to: 2020 });
    expect((await labels(page)).at(-1)).toBe("Dates 2019–2020");
    const brushed = await applied(page, 2019, 2020, false);
    expect(brushed.hidden).toBeGreaterThan(0);
    expect(brushed.shown).toBeGreaterThan(0);
    expect([await page.inputValue("#date-from"), await page.inputValue("#date-to")]).toEqual(["2019", "2020"]);

    // Undated relations hidden: a visible choice, a step of its own.
    await page.uncheck("#show-undated");
    await page.waitForFunction(() => window.workbench!.store.get().filters.hideUndated === true);
    expect((await labels(page)).at(-1)).toBe("Hide undated relations");
    const dated = await applied(page, 2019, 2020, true);
    expect(dated.hidden).toBeGreaterThan(brushed.hidden);

    // The keyboard's way: the From field.
    await page.fill("#date-from", "2014");
    await page.waitForFunction(() => window.workbench!.store.get().filters.dateRange?.from === 2014);
    expect((await labels(page)).at(-1)).toBe("Dates 2014–2020");
    await applied(page, 2014, 2020, true);

    // Play from all years: a year at a time, no step per year, one step when stopped.
    await page.click("#date-all");
    await page.waitForFunction(() => window.workbench!.store.get().filters.dateRange === null);
    const before = (await labels(page)).length;
    await page.click("#time-play");
    expect(await page.getAttribute("#time-play", "aria-pressed")).toBe("true");
    // Stopped from within the page as soon as the run reaches 2014 (a click from here could come after the run ended
    // by itself on a loaded machine, and start another).
    const stoppedEarly = await page.waitForFunction(() => {
      const play = document.getElementById("time-play")!;
      if ((window.workbench!.store.get().filters.dateRange?.from ?? 0) < 2014 && play.getAttribute("aria-pressed") === "true") return false;
      const steps = window.workbench!.session!.controller.history.entries.length;
      const running = play.getAttribute("aria-pressed") === "true";
      if (running) play.click();
      return { steps, running };
    }, undefined, { timeout: 20_000 });
    const { steps, running } = (await stoppedEarly.jsonValue()) as { steps: number; running: boolean };
    expect([steps, running]).toEqual([before, true]);
    expect(await page.getAttribute("#time-play", "aria-pressed")).toBe("false");
    const played = (await range(page))!;
    expect(played.from).toBe(played.to);
    const afterPlay = await labels(page);
    expect(afterPlay.length).toBe(before + 1);
    expect(afterPlay.at(-1)).toBe(`Play dates 2012 … ${played.from}`);
    await applied(page, played.from, played.to, true);
    // Stopped means stopped: the range stays.
    await page.waitForTimeout(1500);
    expect(await range(page)).toEqual(played);

    // Undo takes the whole run back in one; redo brings it again.
    await page.click("#undo");
    await page.waitForFunction(() => window.workbench!.store.get().filters.dateRange === null);
    await applied(page, null, null, true);
    expect(await page.inputValue("#date-from")).toBe(String(bars[0][0]));
    await page.click("#redo");
    await page.waitForFunction((from) => window.workbench!.store.get().filters.dateRange?.from === from, played.from);

    // Undo while a run goes on takes back that run (ended as its step first), not the step before it.
    await page.click("#time-play");
    const undoneEarly = await page.waitForFunction((from) => {
      const play = document.getElementById("time-play")!;
      if ((window.workbench!.store.get().filters.dateRange?.from ?? 0) === from && play.getAttribute("aria-pressed") === "true") return false;
      const running = play.getAttribute("aria-pressed") === "true";
      if (running) document.getElementById("undo")!.click();
      return { running };
    }, played.from, { timeout: 20_000 });
    expect(await undoneEarly.jsonValue()).toEqual({ running: true });
    await page.waitForFunction((from) => window.workbench!.store.get().filters.dateRange?.from === from, played.from);
    expect(await page.getAttribute("#time-play", "aria-pressed")).toBe("false");
    expect((await labels(page)).at(-1)).toMatch(new RegExp(`^Play dates ${played.from + 1} … \\d{4}$`));
    expect(await page.evaluate(() => window.workbench!.session!.controller.canRedo)).toBe(true);

    // The autosave keeps the filter over a reload, and the timeline shows it.
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => window.workbench!.store.get().filters)).toMatchObject({ dateRange: played, hideUndated: true });
    await page.click("#tab-filters");
    await page.locator(".time-histogram").waitFor();
    expect([await page.inputValue("#date-from"), await page.isChecked("#show-undated")]).toEqual([String(played.from), false]);
    await applied(page, played.from, played.to, true);
    const cursorLabel = await page.evaluate(() => {
      const h = window.workbench!.session!.controller.history;
      return h.entries[h.cursor].label;
    });
    expect(cursorLabel).toBe(`Play dates 2012 … ${played.from}`);
  });

  it("a session file and a share link carry the range, the undated choice and the ForceAtlas2 settings", async () => {
    const { page } = await workbench.open();
    await ready(page);
    await page.click("#tab-filters");
    await page.locator(".time-histogram").waitFor();
    await page.fill("#date-to", "2019");
    await page.fill("#date-from", "2015");
    await page.waitForFunction(() => window.workbench!.store.get().filters.dateRange?.from === 2015);
    await page.uncheck("#show-undated");
    await page.locator("#fa2-gravity").fill("4");
    await page.locator("#fa2-gravity").dispatchEvent("change");
    await page.waitForFunction(() => window.workbench!.store.get().view.forceAtlas2?.gravity === 4);
    const chosen = { dateRange: { from: 2015, to: 2019 }, hideUndated: true };
    const fa2 = { scalingRatio: 6, gravity: 4, linLogMode: false, adjustSizes: false };
    const carried = async (other: Page) => {
      await other.waitForFunction(() => window.workbench!.store.get().view.forceAtlas2?.gravity === 4, undefined, { timeout: 20_000 });
      expect(await other.evaluate(() => window.workbench!.store.get().filters)).toMatchObject(chosen);
      expect(await other.evaluate(() => window.workbench!.store.get().view.forceAtlas2)).toEqual(fa2);
      await applied(other, 2015, 2019, true);
      await other.click("#tab-filters");
      await other.locator(".time-histogram").waitFor();
      expect([await other.inputValue("#date-from"), await other.inputValue("#date-to"), await other.isChecked("#show-undated"), await other.inputValue("#fa2-gravity")]).toEqual(["2015", "2019", false, "4"]);
    };

    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const file = join(tmpdir(), `time-session-${Date.now()}.json`);
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.state.filters).toMatchObject(chosen);
    expect(saved.state.view.forceAtlas2).toEqual(fa2);
    const fresh = (await workbench.open()).page;
    await ready(fresh);
    await fresh.setInputFiles("#session-input", file);
    await carried(fresh);

    await page.keyboard.press("Escape");
    await page.click("#session");
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const shared = (await workbench.open((await page.locator("#session-share").getAttribute("data-link"))!)).page;
    await ready(shared);
    await carried(shared);
  });
});
