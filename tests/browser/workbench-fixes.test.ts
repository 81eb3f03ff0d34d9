// The fixes of issue 14 in the built workbench: Fit frames what is shown clear of the overlays, reports list a
// neighbourhood's relations, the toolbar fits from 1024×700 to 2560×1440, paths say which way each hop runs and
// export one or all, a CONSTRUCT answer is highlighted, messages dismiss themselves (errors stay).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { FADED_EDGE, FADED_NODE } from "../../src/workbench/view-attributes.ts";
import { emptyGraphPoint, SCREENSHOTS, useWorkbenchSite } from "./harness.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { KGR, pick, ready, runPath } from "./session-helpers.ts";

const DAHUA = `${KGR}dahua`;
const workbench = useWorkbenchSite({ screenshotPrefix: "fixes-" });

async function open(size?: { width: number; height: number }): Promise<Page> {
  const { page } = await workbench.open();
  if (size) await page.setViewportSize(size);
  await ready(page);
  return page;
}

/** "Show only the neighbourhood" of Dahua (depth 1), from the Neighbourhood tab. */
async function dahuaOnly(page: Page): Promise<void> {
  await page.click("#tab-neighbourhood");
  await pick(page, "#nb-centre", "Dahua");
  await page.check("#nb-only");
  await page.click("#nb-run");
  await page.waitForFunction(() => window.workbench!.store.get().neighbourhood.status === "done");
}

const cameraStill = (page: Page) => page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());

/** Each shown node's disc in page coordinates (centre and drawn radius). */
const shownNodes = (page: Page) =>
  page.evaluate(() => {
    const { view } = window.workbench!;
    const box = view.sigma.getContainer().getBoundingClientRect();
    return view.visible().nodes.map((key) => {
      const data = view.sigma.getNodeDisplayData(key)!;
      const p = view.sigma.framedGraphToViewport(data);
      return { key, x: box.left + p.x, y: box.top + p.y, r: view.sigma.scaleSize(data.size) };
    });
  });

const rectOf = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, selector);

describe("issue 14 fixes (built site in Chromium)", () => {
  it("Fit frames the nodes a 'show only' neighbourhood leaves, in the area the legend leaves free", async () => {
    const page = await open();
    await dahuaOnly(page);
    const total = await page.evaluate(() => window.workbench!.view.graph.order);
    await page.locator("#graph").click({ position: { x: 5, y: 5 } });
    await page.click("#fit");
    await page.waitForTimeout(100);
    await cameraStill(page);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const nodes = await shownNodes(page);
    expect(nodes.map((n) => n.key)).toContain(DAHUA);
    expect(nodes.length).toBe(await page.evaluate(() => window.workbench!.store.get().neighbourhood.result!.nodes.length));
    expect(nodes.length).toBeLessThan(total / 4);
    const graph = await rectOf(page, "#graph");
    const legend = await rectOf(page, "#legend");
    for (const n of nodes) {
      // Inside the graph area, and clear of the legend.
      expect(n.x - n.r).toBeGreaterThanOrEqual(graph.left);
      expect(n.x + n.r).toBeLessThanOrEqual(graph.right);
      expect(n.y - n.r).toBeGreaterThanOrEqual(graph.top);
      expect(n.y + n.r).toBeLessThanOrEqual(graph.bottom);
      const underLegend = n.x + n.r > legend.left && n.x - n.r < legend.right && n.y + n.r > legend.top && n.y - n.r < legend.bottom;
      expect(underLegend, `${n.key} under the legend`).toBe(false);
    }
    // Framed: the nodes span most of the free area's width or height (not a small cluster in a corner).
    const spanX = Math.max(...nodes.map((n) => n.x)) - Math.min(...nodes.map((n) => n.x));
    const spanY = Math.max(...nodes.map((n) => n.y)) - Math.min(...nodes.map((n) => n.y));
    const free = { width: graph.right - graph.left, height: legend.top - graph.top };
    expect(Math.max(spanX / free.width, spanY / free.height)).toBeGreaterThan(0.5);
    await page.screenshot({ path: join(SCREENSHOTS, "fixes-fit-dahua.png") });
  });

  it("the HTML report lists a neighbourhood's relations as the workbench showed them", async () => {
    const page = await open();
    await dahuaOnly(page);
    const summary = (await page.locator("#nb-result .nb-summary").textContent())!;
    const [, nodes, relations] = /^(\d+) nodes and (\d+) relations/.exec(summary)!;
    expect(Number(relations)).toBeGreaterThan(0);
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-report")]);
    const html = readFileSync((await download.path())!, "utf8");
    expect(html).toContain(`<p>${nodes} nodes, ${relations} relations.</p>`);
    const step = await page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.recorded!.edges.length);
    expect(step).toBe(Number(relations));
  });

  it("path titles point each arrow the way its relation runs; Export offers the highlighted path and all paths, and says which", async () => {
    const page = await open();
    await runPath(page, "Kenya", "Huawei");
    const results = await page.evaluate(() => window.workbench!.store.get().path.results);
    expect(results.length).toBeGreaterThan(1);
    const titles = await page.locator("#path-results .path-chain").allTextContents();
    expect(titles.length).toBe(results.length);
    titles.forEach((title, i) => {
      const arrows = [...title.matchAll(/[→←]/g)].map((m) => m[0]);
      expect(arrows, title).toEqual(results[i].steps.map((s) => (s.forward ? "→" : "←")));
    });
    // Kenya → Huawei runs against Huawei's relations: a title shows it.
    expect(titles.join(" ")).toContain("←");

    await page.click("#export");
    expect(await page.locator("#export-query").textContent()).toBe("Turtle: query result (path 1, the one highlighted)");
    expect(await page.locator("#export-paths").textContent()).toBe(`Turtle: all ${results.length} paths found (as kg path --turtle)`);
    const turtleOf = async (button: string) => {
      if (!(await page.locator("#export-menu").isVisible())) await page.click("#export");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      const quads = [...(await loadDataset([{ name: "x.ttl", text: readFileSync((await download.path())!, "utf8") }])).quads()];
      return (step: { from: string; to: string; predicate: string; forward: boolean }) => {
        const [s, o] = step.forward ? [step.from, step.to] : [step.to, step.from];
        return quads.some((q) => q.subject.value === s && q.predicate.value === step.predicate && q.object.value === o);
      };
    };
    const chosen = await turtleOf("#export-query");
    const all = await turtleOf("#export-paths");
    for (const step of results[0].steps) expect(chosen(step)).toBe(true);
    for (const step of results.flatMap((r) => r.steps)) expect(all(step), `${step.from} ${step.predicate} ${step.to}`).toBe(true);
    // The highlighted path's file holds only that path: some step of another path is missing from it.
    const others = results.slice(1).flatMap((r) => r.steps).filter((s) => !results[0].steps.some((t) => t.edge === s.edge));
    expect(others.length).toBeGreaterThan(0);
    expect(others.some((s) => !chosen(s))).toBe(true);
  });

  it("a CONSTRUCT answer is highlighted as a query result (over the path shown before); Esc ends it", async () => {
    const page = await open();
    await runPath(page, "Huawei", "Kenya");
    await page.click("#sparql-open");
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>("#sparql-query")?.value ?? "").includes("PREFIX kg:"));
    const header = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value.split("\n").filter((l) => l.startsWith("PREFIX")).join("\n"));
    await page.fill("#sparql-query", `${header}\n\nCONSTRUCT { ?company kg:suppliesTo ?recipient } WHERE { ?company a kg:Company ; kg:suppliesTo ?recipient }`);
    await page.click("#sparql-run");
    const summary = (await page.locator("#sparql-graph-summary").textContent())!;
    const [, nodes, edges] = /; (\d+) nodes and (\d+) relations drawn/.exec(summary)!;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const drawn = await page.evaluate(({ faded, fadedEdge }) => {
      const { view, store } = window.workbench!;
      const answer = view.answer.current(store.get())!;
      const colour = (k: string) => view.sigma.getNodeDisplayData(k)!.color;
      const path = store.get().path.results[0].nodes;
      return {
        nodes: answer.nodes.size,
        edges: answer.edges.size,
        answerFaded: [...answer.nodes].filter((k) => colour(k) === faded).length,
        answerEdgesFaded: [...answer.edges].filter((e) => view.sigma.getEdgeDisplayData(e)!.color === fadedEdge).length,
        othersEdgesFaded: view.visible().edges.filter((e) => !answer.edges.has(e)).every((e) => view.sigma.getEdgeDisplayData(e)!.color === fadedEdge),
        // The path highlighted before: its nodes outside the answer now fade with the rest.
        pathOutside: path.filter((k) => !answer.nodes.has(k)).map((k) => colour(k) === faded),
        othersFaded: view.visible().nodes.filter((k) => !answer.nodes.has(k)).every((k) => colour(k) === faded),
      };
    }, { faded: FADED_NODE, fadedEdge: FADED_EDGE });
    expect(drawn).toMatchObject({ nodes: Number(nodes), edges: Number(edges), answerFaded: 0, answerEdgesFaded: 0, othersFaded: true, othersEdgesFaded: true });
    expect(drawn.pathOutside.length).toBeGreaterThan(0);
    expect(drawn.pathOutside.every(Boolean)).toBe(true);
    // The answer is framed in the part of the graph the SPARQL panel leaves free.
    await page.waitForTimeout(100);
    await cameraStill(page);
    const panel = await rectOf(page, "#sparql-panel");
    const graph = await rectOf(page, "#graph");
    const answerNodes = new Set(await page.evaluate(() => [...window.workbench!.view.answer.current(window.workbench!.store.get())!.nodes]));
    for (const n of (await shownNodes(page)).filter((n) => answerNodes.has(n.key))) {
      expect(n.y + n.r, `${n.key} under the SPARQL panel`).toBeLessThanOrEqual(panel.top);
      expect(n.x - n.r).toBeGreaterThanOrEqual(graph.left);
      expect(n.x + n.r).toBeLessThanOrEqual(graph.right);
      expect(n.y - n.r).toBeGreaterThanOrEqual(graph.top);
    }
    await page.screenshot({ path: join(SCREENSHOTS, "fixes-construct-highlight.png") });
    // Esc (nothing selected, out of the query editor) ends the answer's highlight; the path's comes back.
    expect(await page.evaluate(() => window.workbench!.store.get().selection.kind)).toBe("none");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => window.workbench!.view.answer.current(window.workbench!.store.get()))).toBeNull();
    expect(await page.evaluate(() => window.workbench!.store.get().focus)).toBe("path");
  });

  it("messages: information goes by itself (held while hovered), errors stay until closed; both announced, with a named close button", async () => {
    const { page, context } = await workbench.open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: workbench.site.url });
    await ready(page);
    // An error: nothing to export yet.
    await page.click("#export");
    await page.click("#export-query");
    const error = page.locator("#error");
    await error.waitFor();
    expect(await error.getAttribute("role")).toBe("alert");
    // Information: the share link copied.
    await page.click("#session");
    await page.click("#session-share");
    const info = page.getByRole("status").filter({ hasText: "Share link copied" });
    await info.waitFor();
    expect(await page.locator("#info .close").getAttribute("aria-label")).toBe("Dismiss the message");
    // Held while the pointer is on it, for longer than its reading time.
    const box = (await info.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + box.height / 2);
    await page.waitForTimeout(7_000);
    expect(await info.isVisible()).toBe(true);
    const empty = await emptyGraphPoint(page);
    await page.mouse.move(empty.x, empty.y);
    await info.waitFor({ state: "hidden", timeout: 9_000 });
    // The error is still there, and goes with its close button.
    expect(await error.isVisible()).toBe(true);
    await page.getByRole("button", { name: "Dismiss the error" }).click();
    await error.waitFor({ state: "hidden" });
  });

  for (const [width, height] of [[1024, 700], [1440, 900], [1920, 1080], [2560, 1440]]) {
    it(`at ${width}×${height} every toolbar control is whole, on screen and clickable, and the graph keeps a sensible width`, async () => {
      const page = await open({ width, height });
      const controls = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>(".toolbar > button, .toolbar > label, .toolbar > .menu-wrap > button"), (e) => {
          const r = e.getBoundingClientRect();
          const under = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            name: e.textContent!.trim(),
            inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && r.width > 0,
            // Its text is not cut (no overflow) and not wrapped onto a second line.
            whole: e.scrollWidth <= e.clientWidth + 1 && r.height < 40,
            clickable: under !== null && (under === e || e.contains(under)),
          };
        }),
      );
      expect(controls.map((c) => c.name)).toEqual(expect.arrayContaining(["Fit", "Open data…", "SPARQL…", "?", "Export ▾", "Session ▾"]));
      for (const c of controls) expect(c, c.name).toMatchObject({ inside: true, whole: true, clickable: true });
      const graph = await rectOf(page, "#graph");
      expect(graph.right - graph.left).toBeGreaterThanOrEqual(Math.max(480, width * 0.45));
      expect(graph.bottom - graph.top).toBeGreaterThanOrEqual(height * 0.6);
      await page.click("#help");
      await page.locator("#shortcuts").waitFor();
      await page.keyboard.press("Escape");
      await page.screenshot({ path: join(SCREENSHOTS, `fixes-workbench-${width}x${height}.png`) });
    });
  }
});
