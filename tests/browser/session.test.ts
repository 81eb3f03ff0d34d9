// Sessions in the built workbench in Chromium: autosave and reload, save/open in a fresh profile, undo/redo, bad files, share links.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SESSION_VERSION } from "../../src/session/format.ts";
import { SCREENSHOTS, useWorkbenchSite } from "./harness.ts";
import { dragNode, flush, HUAWEI, KENYA, KGR, loadOwnFile, pick, position, ready, runPath, selectBySearch, writeNodeNote, writeSessionNote } from "./session-helpers.ts";

// A test may crash a page on purpose; its screenshot is then skipped.
const workbench = useWorkbenchSite({ screenshotPrefix: "session-", pagesMayCrash: true });

/** Opens the workbench in a fresh profile (a new browser context: its own IndexedDB and storage). */
async function open(url?: string): Promise<Page> {
  const o = await workbench.open(url);
  await ready(o.page);
  return o.page;
}

/** Every drawn node's position in graph coordinates. */
const allPositions = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, [number, number]> = {};
    window.workbench!.view.graph.forEachNode((node, a) => (out[node] = [a.x, a.y]));
    return out;
  });

/** How far the node that moved most between two position sets went (nodes missing from either count as far). */
function largestMove(a: Record<string, [number, number]>, b: Record<string, [number, number]>): number {
  let most = Object.keys(a).length === Object.keys(b).length ? 0 : Infinity;
  for (const [node, [x, y]] of Object.entries(a)) {
    const other = b[node];
    most = Math.max(most, other ? Math.hypot(other[0] - x, other[1] - y) : Infinity);
  }
  return most;
}

/** Everything the analyst would check by eye, read from the page. */
async function viewState(page: Page) {
  return page.evaluate(() => {
    const wb = window.workbench!;
    const state = wb.store.get();
    const c = wb.session!.controller;
    const chosen = state.path.chosen >= 0 ? state.path.results[state.path.chosen] : null;
    return {
      focus: state.focus,
      pathNodes: chosen?.nodes ?? [],
      pathCount: state.path.results.length,
      hiddenClasses: state.filters.hiddenClasses,
      hiddenNodes: state.filters.hiddenNodes,
      selection: state.selection,
      notes: c.notes,
      pinned: [...c.pinned],
      appearance: c.appearance,
      drawnSize: (() => {
        const huawei = "https://w3id.org/smartcity-kg/resource/huawei";
        return wb.view.graph.hasNode(huawei) ? wb.view.sigma.getNodeDisplayData(huawei)?.size : null;
      })(),
      labels: c.history.entries.map((e) => e.label),
      cursor: c.history.cursor,
      chainShown: document.querySelector("#path-results .path-result.chosen .path-chain")?.textContent ?? "",
    };
  });
}

/** Builds the scenario of the issue: a path Huawei → Kenya, a note on Huawei, a session note, Kenya dragged. */
async function buildSession(page: Page): Promise<void> {
  await runPath(page);
  await selectBySearch(page, "Huawei", HUAWEI);
  await writeNodeNote(page, "Supplier of the Nairobi safe city project.");
  await writeSessionNote(page, "How does Huawei reach Kenya?");
  await dragNode(page, KENYA, 90, 60);
}

describe("sessions (built site in Chromium)", () => {
  it("autosaves and restores everything on reload, without a prompt", async () => {
    const page = await open();
    await buildSession(page);
    const before = await viewState(page);
    const kenya = await position(page, KENYA);
    expect(before.focus).toBe("path");
    expect(before.pathNodes[0]).toBe(HUAWEI);
    expect(before.pathNodes.at(-1)).toBe(KENYA);
    expect(before.notes.nodes[HUAWEI]).toBe("Supplier of the Nairobi safe city project.");
    expect(before.notes.session).toBe("How does Huawei reach Kenya?");
    expect(before.labels).toEqual(["Start", "Path Huawei → Kenya", "Add Huawei", "Note on Huawei", "Edit session note", "Move Kenya"].filter((l) => before.labels.includes(l)));
    expect(before.labels.at(-1)).toBe("Move Kenya");
    await flush(page);
    // A crash or a closed tab: the page goes away without any goodbye; the last autosave wins.
    await page.reload();
    await ready(page);
    const after = await viewState(page);
    expect(after).toEqual(before);
    const restored = await position(page, KENYA);
    expect(restored[0]).toBeCloseTo(kenya[0], 1);
    expect(restored[1]).toBeCloseTo(kenya[1], 1);
    // The widgets show it too: the path chain, the note in the details panel, the session note, the history.
    expect(after.chainShown).toMatch(/^Huawei → .* → Kenya$|^Huawei → Kenya$/);
    // Dragging Kenya selected it; Huawei's note is in the notes panel and in its details.
    await page.click("#tab-notes");
    expect(await page.inputValue("#session-note")).toBe("How does Huawei reach Kenya?");
    expect(await page.locator("#notes-list .note-text").allTextContents()).toEqual(["Supplier of the Nairobi safe city project."]);
    await page.locator("#notes-list .note-item button").first().click();
    await page.waitForFunction((k) => {
      const s = window.workbench!.store.get().selection;
      return s.kind === "node" && s.node === k;
    }, HUAWEI);
    await page.locator("#node-note").waitFor();
    expect(await page.inputValue("#node-note")).toBe("Supplier of the Nairobi safe city project.");
    await page.click("#tab-history");
    expect(await page.locator("#history-list .step.current .step-label").textContent()).toBe("Move Kenya");
  });

  it("after a crash of the tab, a new tab restores the last autosave", async () => {
    const page = await open();
    const o = workbench.pages.at(-1)!;
    await runPath(page);
    await selectBySearch(page, "Huawei", HUAWEI);
    await writeNodeNote(page, "Written just before the crash.");
    // No explicit save: wait for the autosave that follows every change, then crash the renderer.
    await page.waitForFunction(() => window.workbench!.session!.controller.notes.nodes["https://w3id.org/smartcity-kg/resource/huawei"] !== undefined);
    const saves = await page.evaluate(() => window.workbench!.session!.saves);
    await page.waitForFunction((n) => window.workbench!.session!.saves > n, saves, { timeout: 10_000 });
    const before = await viewState(page);
    const cdp = await o.context.newCDPSession(page);
    // The renderer dies without answering; the page's crash event says it happened.
    const crashed = page.waitForEvent("crash", { timeout: 10_000 });
    void cdp.send("Page.crash").catch(() => undefined);
    await crashed;
    const next = await o.context.newPage();
    next.on("pageerror", (error) => o.errors.push(String(error)));
    await next.goto(workbench.site.url);
    await ready(next);
    expect(await viewState(next)).toEqual(before);
    await next.screenshot({ path: join(SCREENSHOTS, "session-after-crash.png") });
    await next.close();
  });

  it("a saved file opens in a fresh browser profile with the same view", async () => {
    const page = await open();
    await buildSession(page);
    const before = await viewState(page);
    const kenya = await position(page, KENYA);
    const camera = await page.evaluate(() => window.workbench!.view.sigma.getCamera().getState());
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const file = join(tmpdir(), `session-${Date.now()}.json`);
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.format).toBe("smartcity-kg-session");
    expect(saved.version).toBe(SESSION_VERSION);
    expect(saved.sources.every((s: { kind: string }) => s.kind === "bundled")).toBe(true);

    const fresh = await open();
    expect((await viewState(fresh)).pathCount).toBe(0);
    await fresh.setInputFiles("#session-input", file);
    await fresh.waitForFunction(() => window.workbench!.store.get().focus === "path");
    // The saved camera is placed two frames after the path's own fit starts, so "not animating" can be seen in
    // between: wait for the camera to settle on the saved ratio (a timeout here fails the test as before).
    await fresh.waitForFunction((ratio) => {
      const cam = window.workbench!.view.sigma.getCamera();
      return !cam.isAnimated() && Math.abs(cam.getState().ratio - ratio) < 0.005;
    }, camera.ratio);
    const after = await viewState(fresh);
    expect(after).toEqual(before);
    const opened = await position(fresh, KENYA);
    expect(opened[0]).toBeCloseTo(kenya[0], 1);
    expect(opened[1]).toBeCloseTo(kenya[1], 1);
    const freshCamera = await fresh.evaluate(() => window.workbench!.view.sigma.getCamera().getState());
    expect(freshCamera.ratio).toBeCloseTo(camera.ratio, 2);
    // Same path highlighted: every node of the chosen path is drawn with the highlight (forced label).
    const highlighted = await fresh.evaluate((nodes) => nodes.every((n) => window.workbench!.view.sigma.getNodeDisplayData(n)?.forceLabel === true), after.pathNodes);
    expect(highlighted).toBe(true);
    await fresh.waitForTimeout(300);
    await fresh.screenshot({ path: join(SCREENSHOTS, "session-opened-in-fresh-profile.png") });
  });

  it("undo and redo go through every step but the notes, with the buttons and the keyboard", async () => {
    const page = await open();
    const states = [await viewState(page)];
    const positions = [await position(page, KENYA)];
    const step = async () => {
      states.push(await viewState(page));
      positions.push(await position(page, KENYA));
    };
    await runPath(page);
    await step();
    await selectBySearch(page, "Huawei", HUAWEI);
    await writeNodeNote(page, "First note");
    await step();
    await page.click("#pin-node");
    await page.waitForFunction((k) => window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    await step();
    await page.locator('#legend button[data-class$="#Country"]').click();
    await page.waitForFunction(() => window.workbench!.store.get().filters.hiddenClasses.length === 1);
    await step();
    await page.locator('#legend button[data-class$="#Country"]').click();
    await step();
    await dragNode(page, KENYA, -70, 40);
    await step();
    await writeSessionNote(page, "Session note");
    await step();
    await page.click("#tab-filters");
    await page.locator("#node-scale").fill("2");
    await page.locator("#node-scale").dispatchEvent("change");
    await page.waitForFunction(() => window.workbench!.session!.controller.appearance.nodeScale === 2);
    await step();
    expect(states.at(-1)!.drawnSize).toBeCloseTo(2 * states.at(-2)!.drawnSize!, 1);
    const labels = states.at(-1)!.labels;
    expect(labels).toEqual(["Start", "Path Huawei → Kenya", expect.stringMatching(/Note on Huawei/), "Pin Huawei", "Show/hide class country", "Show/hide class country", "Move Kenya", "Edit session note", "Appearance: node size ×2"]);
    // One user action, one step.
    expect(states.map((s) => s.cursor)).toEqual([...states.keys()]);
    // Every step is in the history panel.
    await page.click("#tab-history");
    expect(await page.locator("#history-list .step").count()).toBe(labels.length);

    const notes = states.at(-1)!.notes;
    const same = (a: Awaited<ReturnType<typeof viewState>>, b: Awaited<ReturnType<typeof viewState>>) => {
      // The history keeps its later steps while undone (for redo): only the cursor says where the session is.
      expect(a.cursor).toBe(b.cursor);
      // Notes are never undone: they stay as the analyst last left them.
      expect(a.notes).toEqual(notes);
      const { cursor: _a, selection: _s1, chainShown: _c1, labels: _l1, notes: _n1, ...x } = a;
      const { cursor: _b, selection: _s2, chainShown: _c2, labels: _l2, notes: _n2, ...y } = b;
      return expect(x).toEqual(y);
    };
    // Undo passes over note steps: it lands just before each step that changed more than a note; redo comes back
    // through that step and the note steps after it.
    const isNote = (i: number) => /^Note on |session note$/.test(labels[i]);
    const changes = [...labels.keys()].filter((i) => i > 0 && !isNote(i));
    const undoTo = [...changes].reverse().map((i) => i - 1);
    const redoTo = changes.map((i, k) => (k + 1 < changes.length ? changes[k + 1] - 1 : labels.length - 1));
    expect(undoTo).toEqual([7, 5, 4, 3, 2, 0]);
    // Back through every step: the keyboard (focus on the page, not a text field) and the button alternately.
    await page.locator("#graph").click({ position: { x: 3, y: 3 } });
    for (const [k, i] of undoTo.entries()) {
      if (k % 2) await page.keyboard.press("Control+z");
      else await page.click("#undo");
      await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c, states[i].cursor);
      same(await viewState(page), states[i]);
      const p = await position(page, KENYA);
      expect(p[0]).toBeCloseTo(positions[i][0], 1);
      expect(p[1]).toBeCloseTo(positions[i][1], 1);
    }
    expect(await page.locator("#undo").isDisabled()).toBe(true);
    // And forward again.
    for (const [k, i] of redoTo.entries()) {
      if (k % 3 === 0) await page.keyboard.press("Control+y");
      else if (k % 2) await page.keyboard.press("Control+Shift+Z");
      else await page.click("#redo");
      await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c, states[i].cursor);
      same(await viewState(page), states[i]);
      const p = await position(page, KENYA);
      expect(p[0]).toBeCloseTo(positions[i][0], 1);
      expect(p[1]).toBeCloseTo(positions[i][1], 1);
    }
    expect(await page.locator("#redo").isDisabled()).toBe(true);
    // Held down, Ctrl+Z runs through several steps before the view has caught up: the last one is what shows.
    await page.locator("#graph").click({ position: { x: 3, y: 3 } });
    for (let i = 0; i < 4; i++) await page.keyboard.press("Control+z");
    const target = undoTo[3];
    await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c, target);
    await page.waitForTimeout(300);
    same(await viewState(page), states[target]);
    const q = await position(page, KENYA);
    expect(q[0]).toBeCloseTo(positions[target][0], 1);
    // The history panel goes straight to a step.
    await page.click("#tab-history");
    await page.locator('#history-list .step[data-index="1"] button').click();
    await page.waitForFunction(() => window.workbench!.session!.controller.history.cursor === 1);
    same(await viewState(page), states[1]);
    await page.screenshot({ path: join(SCREENSHOTS, "session-history-panel.png") });
  });

  it("corrupted and hostile session files are refused with a message, and nothing is lost", async () => {
    const page = await open();
    await buildSession(page);
    const before = await viewState(page);
    const kenya = await position(page, KENYA);
    const dir = join(tmpdir(), `bad-sessions-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const good = readFileSync((await download.path())!, "utf8");
    const cases: [string, string, RegExp][] = [
      ["not-json.json", good.slice(0, good.length / 2), /not JSON/],
      ["future.json", good.replace(`"version": ${SESSION_VERSION}`, '"version": 7'), /newer than/],
      ["other.json", JSON.stringify({ hello: "world" }), /not a smartcity-kg session/],
      ["proto.json", good.replace('"notes": {', '"notes": { "__proto__": { "polluted": true },'), /__proto__|not allowed/],
      ["unknown-node.json", good.split(HUAWEI).join(`${KGR}hauwei`), /not in the data/],
      ["hostile-iri.json", good.replace(`"${KENYA}"`, '"javascript:alert(1)//<img src=x onerror=alert(2)>"'), /IRI|not in the data/],
      ["oversize.json", good.replace('"session": "', `"session": "${"x".repeat(21 * 1024 * 1024)}`), /larger than|longer than/],
    ];
    for (const [name, text, message] of cases) {
      await page.setInputFiles("#session-input", write(name, text));
      await page.locator("#error").waitFor({ state: "visible" });
      const shown = (await page.locator("#error .error-text").textContent()) ?? "";
      expect(shown).toContain(name);
      expect(shown).toMatch(message);
      expect(await viewState(page)).toEqual(before);
      const p = await position(page, KENYA);
      expect(p[0]).toBeCloseTo(kenya[0], 3);
      await page.click("#error .close");
    }
    await page.setInputFiles("#session-input", write("not-json.json", "{ broken"));
    await page.locator("#error").waitFor({ state: "visible" });
    await page.screenshot({ path: join(SCREENSHOTS, "session-corrupted-file-error.png") });
    await page.click("#error .close");
    // A well-formed session whose strings are hostile opens, and its strings stay text.
    const hostile = JSON.parse(good);
    hostile.name = "<img src=x onerror=alert(1)>";
    hostile.notes.session = "<script>alert(1)</script><img src=x onerror=alert(3)>";
    hostile.notes.nodes[HUAWEI] = "<b onmouseover=alert(4)>bold?</b>";
    await page.setInputFiles("#session-input", write("hostile.json", JSON.stringify(hostile)));
    await page.waitForFunction(() => window.workbench!.session!.controller.notes.session.startsWith("<script>"));
    await page.click("#tab-notes");
    expect(await page.inputValue("#session-note")).toBe(hostile.notes.session);
    expect(await page.locator("#notes-list .note-text").first().textContent()).toBe(hostile.notes.nodes[HUAWEI]);
    expect(await page.locator("#session-name").textContent()).toBe(hostile.name);
    expect(await page.locator("img, script:not([src]):not([type]) ~ b, b").count()).toBe(0);
  });

  it("a share link opens the same view in a new page", async () => {
    const page = await open();
    await runPath(page);
    await selectBySearch(page, "Huawei", HUAWEI);
    await page.click("#pin-node");
    await page.waitForFunction((k) => window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    const before = await viewState(page);
    const huawei = await position(page, HUAWEI);
    await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
    const camera = await page.evaluate(() => window.workbench!.view.sigma.getCamera().getState());
    await page.click("#session");
    expect(await page.locator("#session-share").isDisabled()).toBe(false);
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const link = (await page.locator("#session-share").getAttribute("data-link"))!;
    expect(link).toMatch(/#view=1\.[A-Za-z0-9_-]+\.[0-9a-f]{10}$/);
    expect(link.length).toBeLessThan(4000);

    const other = await open(link);
    await other.waitForFunction(() => window.workbench!.store.get().focus === "path");
    const after = await viewState(other);
    expect(after.pathNodes).toEqual(before.pathNodes);
    expect(after.selection).toEqual(before.selection);
    expect(after.pinned).toEqual([HUAWEI]);
    expect(after.chainShown).toBe(before.chainShown);
    const p = await position(other, HUAWEI);
    expect(p[0]).toBeCloseTo(huawei[0], 1);
    expect(p[1]).toBeCloseTo(huawei[1], 1);
    // As for session files: wait for the camera to settle on the shared state, not merely to stop animating.
    await other.waitForFunction((ratio) => {
      const cam = window.workbench!.view.sigma.getCamera();
      return !cam.isAnimated() && Math.abs(cam.getState().ratio - ratio) < 0.005;
    }, camera.ratio);
    const otherCamera = await other.evaluate(() => window.workbench!.view.sigma.getCamera().getState());
    expect(otherCamera.ratio).toBeCloseTo(camera.ratio, 2);
    expect(otherCamera.x).toBeCloseTo(camera.x, 2);
    expect(otherCamera.y).toBeCloseTo(camera.y, 2);
    // The link is consumed: the address bar no longer carries it (a reload restores the autosave instead).
    expect(await other.evaluate(() => location.hash)).toBe("");
  });

  it("a share link of a neighbourhood re-runs it in the new page, with its filters", async () => {
    const page = await open();
    await page.click("#tab-neighbourhood");
    await pick(page, "#nb-centre", "Dahua");
    await page.selectOption("#nb-depth", "2");
    await page.click("#nb-run");
    await page.locator("#nb-result .nb-summary").waitFor();
    await page.locator('#legend button[data-class$="#Concept"]').click();
    await page.waitForFunction(() => window.workbench!.store.get().filters.hiddenClasses.length === 1);
    const before = await page.evaluate(() => {
      const s = window.workbench!.store.get();
      return { nodes: s.neighbourhood.result!.nodes.map((n) => n.node).sort(), depth: s.neighbourhood.depth, hidden: s.filters.hiddenClasses };
    });
    await page.click("#session");
    await page.click("#session-share");
    await page.waitForFunction(() => !!document.getElementById("session-share")!.dataset.link);
    const link = (await page.locator("#session-share").getAttribute("data-link"))!;

    const other = await open(link);
    await other.waitForFunction(() => window.workbench!.store.get().focus === "neighbourhood");
    const after = await other.evaluate(() => {
      const s = window.workbench!.store.get();
      return { nodes: s.neighbourhood.result!.nodes.map((n) => n.node).sort(), depth: s.neighbourhood.depth, hidden: s.filters.hiddenClasses };
    });
    expect(after).toEqual(before);
    expect(await other.locator("#nb-depth").inputValue()).toBe("2");
    expect(await other.locator('#legend button[data-class$="#Concept"]').getAttribute("aria-pressed")).toBe("false");
  });

  it("the report is one self-contained HTML file with the view, the path, its evidence, the notes and the Turtle", async () => {
    const page = await open();
    await buildSession(page);
    await page.evaluate(() => window.workbench!.session!.controller.act({ action: { kind: "note", params: { target: "node", key: "https://w3id.org/smartcity-kg/resource/kenya" } }, notes: (n) => ({ ...n, nodes: { ...n.nodes, "https://w3id.org/smartcity-kg/resource/kenya": "<script>alert(1)</script> & more" } }) }));
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-report")]);
    expect(download.suggestedFilename()).toMatch(/\.report\.html$/);
    const html = readFileSync((await download.path())!, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,[A-Za-z0-9+/]{1000,}/);
    expect(html).toContain("Huawei");
    expect(html).toContain("Supplier of the Nairobi safe city project.");
    expect(html).toContain("How does Huawei reach Kenya?");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).not.toMatch(/<script/i);
    // The Turtle of the path: its prefixes and the relation Huawei → Kenya.
    expect(html).toMatch(/@prefix/);
    expect(html).toMatch(/kgr:huawei|resource\/huawei/);
    // Nothing is fetched from elsewhere: no external stylesheet, script or image.
    expect(html).not.toMatch(/<link[^>]+href=|src="https?:/i);
    const viewer = await open();
    await viewer.setContent(html);
    await viewer.screenshot({ path: join(SCREENSHOTS, "session-report.png"), fullPage: true });
  });

  it("sessions kept in the browser can be switched, renamed and deleted; New session starts empty", async () => {
    const page = await open();
    await runPath(page);
    await flush(page);
    const first = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
    await page.click("#session");
    await page.click("#session-new");
    await page.waitForFunction(() => window.workbench!.store.get().path.results.length === 0);
    expect(await page.evaluate(() => window.workbench!.session!.controller.history.entries.length)).toBe(1);
    await writeSessionNote(page, "Second session");
    await flush(page);
    await page.click("#session");
    await page.click("#session-list-open");
    await page.locator("#session-list .session-item").nth(1).waitFor();
    expect(await page.locator("#session-list .session-item").count()).toBe(2);
    // Rename the current one, then switch to the other (the first).
    await page.locator("#session-list .session-item.current .session-name").fill("Kenya questions");
    await page.locator("#session-list .session-item.current .session-name").press("Enter");
    await page.waitForFunction(() => document.getElementById("session-name")!.textContent === "Kenya questions");
    await page.locator("#session-list .session-item:not(.current) .session-open").click();
    await page.waitForFunction(() => window.workbench!.store.get().path.results.length > 0);
    expect(await page.evaluate(() => window.workbench!.session!.controller.history.entries.length)).toBe(first);
    expect(await page.evaluate(() => window.workbench!.session!.controller.notes.session)).toBe("");
    // Back to the renamed one: its note is there.
    await page.click("#session");
    await page.click("#session-list-open");
    await page.locator("#session-list .session-item:not(.current) .session-open").click();
    await page.waitForFunction(() => window.workbench!.session!.controller.notes.session === "Second session");
    expect(await page.locator("#session-name").textContent()).toBe("Kenya questions");
    // Delete the other one.
    await page.click("#session");
    await page.click("#session-list-open");
    await page.locator("#session-list .session-item:not(.current) .session-delete").click();
    await page.waitForFunction(() => document.querySelectorAll("#session-list .session-item").length === 1);
    await page.screenshot({ path: join(SCREENSHOTS, "session-list.png") });
    await page.click("#sessions-close");
  });

  it("a layout run started with the button is one step: Ctrl+Z puts the nodes back, Ctrl+Shift+Z moves them again", async () => {
    const page = await open();
    await page.waitForFunction(() => !document.getElementById("layout-toggle")!.classList.contains("running"));
    const steps = await page.evaluate(() => window.workbench!.session!.controller.history.entries.length);
    const before = await allPositions(page);
    await page.click("#layout-toggle");
    await page.waitForFunction(() => document.getElementById("layout-toggle")!.classList.contains("running"));
    await page.waitForTimeout(1500);
    await page.click("#layout-toggle");
    await page.waitForFunction((n) => window.workbench!.session!.controller.history.entries.length > n, steps);
    expect(await page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.action.kind).filter((k) => k === "layout"))).toEqual(["layout"]);
    expect(await page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.label)).toBe("Layout run");
    const ran = await allPositions(page);
    expect(largestMove(before, ran)).toBeGreaterThan(1);

    await page.keyboard.press("Control+z");
    await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c, steps - 1);
    await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
    expect(largestMove(before, await allPositions(page))).toBeLessThan(0.01);
    await page.keyboard.press("Control+Shift+Z");
    await page.waitForFunction((c) => window.workbench!.session!.controller.history.cursor === c, steps);
    await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
    expect(largestMove(ran, await allPositions(page))).toBeLessThan(0.01);
  });

  it("a class colour chosen in the legend is how its nodes are drawn, and undo brings the old colour back", async () => {
    const page = await open();
    const cls = await page.evaluate((k) => window.workbench!.view.graph.getNodeAttribute(k, "colourClass") as string, KENYA);
    const drawn = () => page.evaluate((k) => window.workbench!.view.sigma.getNodeDisplayData(k)!.color, KENYA);
    // The reducers apply on sigma's next frame, which a busy machine draws later: wait for it, then compare.
    const drawnAs = async (colour: string) => {
      await page.waitForFunction(([k, c]) => window.workbench!.view.sigma.getNodeDisplayData(k)!.color === c, [KENYA, colour], { timeout: 10_000 }).catch(() => undefined);
      return drawn();
    };
    const old = await drawn();
    const picker = page.locator(`#legend input[type="color"][data-class="${cls}"]`);
    expect(await picker.inputValue()).toBe(old);
    const chosen = old === "#ff00aa" ? "#00aaff" : "#ff00aa";
    await picker.fill(chosen);
    await picker.dispatchEvent("change");
    await page.waitForFunction((c) => window.workbench!.session!.controller.history.entries.at(-1)!.action.kind === "appearance" && Object.keys(window.workbench!.session!.controller.appearance.colours).includes(c), cls);
    expect(await drawnAs(chosen)).toBe(chosen);
    expect(await page.locator(`#legend input[type="color"][data-class="${cls}"]`).inputValue()).toBe(chosen);
    expect(await page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.label)).toMatch(/^Appearance: colour of /);

    await page.click("#undo");
    await page.waitForFunction(() => Object.keys(window.workbench!.session!.controller.appearance.colours).length === 0);
    expect(await drawnAs(old)).toBe(old);
    expect(await page.locator(`#legend input[type="color"][data-class="${cls}"]`).inputValue()).toBe(old);
    await page.click("#redo");
    await page.waitForFunction(() => Object.keys(window.workbench!.session!.controller.appearance.colours).length === 1);
    expect(await drawnAs(chosen)).toBe(chosen);
  });

  it("a session file dropped on the page opens as a session; pinned nodes stay put when the layout runs", async () => {
    const page = await open();
    await buildSession(page);
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const text = readFileSync((await download.path())!, "utf8");
    const before = await viewState(page);

    const fresh = await open();
    const dataTransfer = await fresh.evaluateHandle((json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], "dropped.session.json", { type: "application/json" }));
      return transfer;
    }, text);
    await fresh.dispatchEvent("#graph", "dragover", { dataTransfer });
    await fresh.dispatchEvent("#graph", "drop", { dataTransfer });
    await fresh.waitForFunction(() => window.workbench!.store.get().focus === "path");
    expect(await viewState(fresh)).toEqual(before);

    await selectBySearch(fresh, "Huawei", HUAWEI);
    await fresh.click("#pin-node");
    await fresh.waitForFunction((k) => window.workbench!.session!.controller.pinned.includes(k), HUAWEI);
    const pinned = await position(fresh, HUAWEI);
    const other = await position(fresh, KENYA);
    await fresh.click("#layout-toggle");
    await fresh.waitForTimeout(1500);
    await fresh.click("#layout-toggle");
    await fresh.waitForFunction(() => !document.getElementById("layout-toggle")!.classList.contains("running"));
    await fresh.waitForTimeout(500);
    // ForceAtlas2 hands positions back as 32-bit floats: the pinned node stays to within their precision.
    const held = await position(fresh, HUAWEI);
    expect(held[0]).toBeCloseTo(pinned[0], 2);
    expect(held[1]).toBeCloseTo(pinned[1], 2);
    expect(await position(fresh, KENYA)).not.toEqual(other);
  });

  it("a note on a relation is kept by its triple and comes back after a reload", async () => {
    const page = await open();
    await selectBySearch(page, "Huawei", HUAWEI);
    await page.locator("#details .relation button[title='Select this relation']").first().click();
    await page.locator("#edge-note").waitFor();
    const edge = await page.evaluate(() => {
      const s = window.workbench!.store.get().selection;
      if (s.kind !== "edge") return null;
      const g = window.workbench!.view.graph;
      return { key: s.edge, triple: `${g.source(s.edge)} ${g.getEdgeAttribute(s.edge, "predicate")} ${g.target(s.edge)}` };
    });
    expect(edge).not.toBeNull();
    await page.fill("#edge-note", "Check the date of this one.");
    await page.locator("#edge-note").blur();
    await page.waitForFunction(() => Object.keys(window.workbench!.session!.controller.notes.edges).length === 1);
    expect(await page.evaluate(() => window.workbench!.session!.controller.notes.edges)).toEqual({ [edge!.triple]: "Check the date of this one." });
    await flush(page);
    await page.reload();
    await ready(page);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "edge", edge: edge!.key });
    await page.locator("#edge-note").waitFor();
    expect(await page.inputValue("#edge-note")).toBe("Check the date of this one.");
    await page.click("#tab-notes");
    expect(await page.locator("#notes-list .note-text").allTextContents()).toEqual(["Check the date of this one."]);
  });

  it("a session whose own data lacks its nodes is refused, and the open session and its data stay as they were", async () => {
    const maker = await open();
    await loadOwnFile(maker, "own", `<${KGR}zz-own-node> <http://www.w3.org/2000/01/rdf-schema#label> "Own node" .\n`);
    await selectBySearch(maker, "Own node", `${KGR}zz-own-node`);
    await maker.click("#session");
    const [download] = await Promise.all([maker.waitForEvent("download"), maker.click("#session-save")]);
    const original = readFileSync((await download.path())!, "utf8");
    // Every mention of the node now names one the file's own data lacks (the data itself is left intact).
    const edited = JSON.parse(original.split(`${KGR}zz-own-node`).join(`${KGR}zz-missing-node`));
    edited.sources = JSON.parse(original).sources;
    const text = JSON.stringify(edited);
    const bad = join(tmpdir(), `missing-${Date.now()}.json`);
    writeFileSync(bad, text);

    const page = await open();
    await buildSession(page);
    const before = await viewState(page);
    const kenya = await position(page, KENYA);
    const order = await page.evaluate(() => window.workbench!.view.graph.order);
    await page.setInputFiles("#session-input", bad);
    await page.locator("#error").waitFor({ state: "visible" });
    expect(await page.locator("#error .error-text").textContent()).toMatch(/missing-.*\.json.*not in the data.*zz-missing-node/);
    await page.waitForFunction(() => window.workbench!.store.get().focus === "path");
    expect(await viewState(page)).toEqual(before);
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(order);
    expect(await page.evaluate((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-own-node`)).toBe(false);
    const p = await position(page, KENYA);
    expect(p[0]).toBeCloseTo(kenya[0], 1);
    expect(p[1]).toBeCloseTo(kenya[1], 1);
  });

  it("share links are disabled, with the reason, when the session uses the analyst's own files", async () => {
    const page = await open();
    await loadOwnFile(page, "own", `<${KGR}zz-own-node> <http://www.w3.org/2000/01/rdf-schema#label> "Own node" .\n`);
    await page.click("#session");
    expect(await page.locator("#session-share").isDisabled()).toBe(true);
    expect(await page.locator("#session-share").getAttribute("title")).toMatch(/bundled graph only/);
    await page.click("#session");
    // The file's content is part of the session: after a reload the data, the node and its note are back.
    await selectBySearch(page, "Own node", `${KGR}zz-own-node`);
    await writeNodeNote(page, "From my own file");
    await flush(page);
    await page.reload();
    await ready(page);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-own-node`);
    expect(await page.evaluate(() => window.workbench!.session!.controller.notes.nodes)).toEqual({ [`${KGR}zz-own-node`]: "From my own file" });
    const selection = await page.evaluate(() => window.workbench!.store.get().selection);
    expect(selection).toEqual({ kind: "node", node: `${KGR}zz-own-node` });
    expect(await page.locator("#details .details-title").textContent()).toBe("Own node");
  });

  it("a loaded file's text is kept once beside the autosaves: reload brings its graph back, the saved file carries it, deleting the session frees it", async () => {
    const page = await open();
    const turtle = [
      `<${KGR}zz-kept-a> <http://www.w3.org/2000/01/rdf-schema#label> "Kept A" .`,
      `<${KGR}zz-kept-b> <http://www.w3.org/2000/01/rdf-schema#label> "Kept B" .`,
      `<${KGR}zz-kept-a> <https://w3id.org/smartcity-kg/ontology#includes> <${KGR}zz-kept-b> .`,
      "",
    ].join("\n");
    const file = await loadOwnFile(page, "kept", turtle);
    await selectBySearch(page, "Kept A", `${KGR}zz-kept-a`);
    await flush(page);
    // The autosave names the file by hash only; its text is stored once, however many steps were saved.
    const stored = await page.evaluate(storedInBrowser);
    expect(stored.sessions).toHaveLength(1);
    const autosaved = JSON.parse(stored.sessions[0].text);
    const own = autosaved.sources.find((s: { kind: string }) => s.kind === "file");
    expect(own).toMatchObject({ name: file.split("/").pop(), kind: "file" });
    expect(own.content).toBeUndefined();
    expect(stored.sessions[0].sources).toEqual([own.sha256]);
    expect(stored.texts).toEqual({ [own.sha256]: turtle });

    await page.reload();
    await ready(page);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-kept-b`);
    expect(await page.evaluate((k) => window.workbench!.view.graph.edges(k, "https://w3id.org/smartcity-kg/resource/zz-kept-b").length, `${KGR}zz-kept-a`)).toBe(1);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: `${KGR}zz-kept-a` });
    expect(await page.locator("#details .details-title").textContent()).toBe("Kept A");

    // The downloaded session file is self-contained: it carries the text.
    await page.click("#session");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const saved = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(saved.sources.find((s: { kind: string }) => s.kind === "file").content).toBe(turtle);

    // Deleting the session deletes the text no session refers to any more.
    await page.click("#session");
    await page.click("#session-new");
    await page.waitForFunction((k) => !window.workbench!.view.graph.hasNode(k), `${KGR}zz-kept-b`);
    await flush(page);
    await page.click("#session");
    await page.click("#session-list-open");
    await page.locator("#session-list .session-item:not(.current) .session-delete").click();
    await page.waitForFunction(() => document.querySelectorAll("#session-list .session-item").length === 1);
    await page.click("#sessions-close");
    expect((await page.evaluate(storedInBrowser)).texts).toEqual({});
  });

  it("a session file whose carried text was altered is refused by the data worker, and the open session stays", async () => {
    const maker = await open();
    await loadOwnFile(maker, "own", `<${KGR}zz-own-node> <http://www.w3.org/2000/01/rdf-schema#label> "Own node" .\n`);
    await maker.click("#session");
    const [download] = await Promise.all([maker.waitForEvent("download"), maker.click("#session-save")]);
    const original = readFileSync((await download.path())!, "utf8");
    const altered = original.replace('\\"Own node\\"', '\\"Own node, altered\\"');
    expect(altered).not.toBe(original);
    const bad = join(tmpdir(), `altered-${Date.now()}.json`);
    writeFileSync(bad, altered);

    const page = await open();
    await runPath(page);
    const before = await viewState(page);
    await page.setInputFiles("#session-input", bad);
    await page.locator("#error").waitFor({ state: "visible" });
    expect(await page.locator("#error .error-text").textContent()).toMatch(/sources\[\d+\]\.sha256: does not match the content of "own-.*\.ttl" \(the file was changed or damaged\)/);
    await page.waitForFunction(() => window.workbench!.store.get().focus === "path");
    expect(await viewState(page)).toEqual(before);
    expect(await page.evaluate((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-own-node`)).toBe(false);
  });

  it("a session autosaved by the previous database version (file text inline) is restored after the upgrade, then kept by reference", async () => {
    const maker = await open();
    const turtle = `<${KGR}zz-legacy> <http://www.w3.org/2000/01/rdf-schema#label> "Legacy node" .\n`;
    await loadOwnFile(maker, "legacy", turtle);
    await selectBySearch(maker, "Legacy node", `${KGR}zz-legacy`);
    await maker.click("#session");
    const [download] = await Promise.all([maker.waitForEvent("download"), maker.click("#session-save")]);
    const legacyText = readFileSync((await download.path())!, "utf8");

    // A profile whose database is still version 1: a session record with the file's text inline, marked current.
    const page = await open();
    const workbenchUrl = await leaveWorkbench(page);
    await page.evaluate(
      ({ text }) =>
        new Promise<void>((resolve, reject) => {
          const deleting = indexedDB.deleteDatabase("smartcity-kg");
          deleting.onerror = () => reject(deleting.error);
          deleting.onsuccess = () => {
            const req = indexedDB.open("smartcity-kg", 1);
            req.onupgradeneeded = () => {
              req.result.createObjectStore("sessions", { keyPath: "id" });
              req.result.createObjectStore("meta");
            };
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const tx = db.transaction(["sessions", "meta"], "readwrite");
              tx.objectStore("sessions").put({ id: "s-legacy", name: "Legacy", savedAt: "2026-11-01T10:00:00.000Z", text });
              tx.objectStore("meta").put("s-legacy", "current");
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          };
        }),
      { text: legacyText },
    );
    await page.goto(workbenchUrl);
    await ready(page);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-legacy`);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: `${KGR}zz-legacy` });
    expect(await page.locator("#session-name").textContent()).toBe(JSON.parse(legacyText).name);
    await flush(page);
    const stored = await page.evaluate(storedInBrowser);
    expect(stored.sessions.map((s) => s.id)).toEqual(["s-legacy"]);
    const own = JSON.parse(stored.sessions[0].text).sources.find((s: { kind: string }) => s.kind === "file");
    expect(own.content).toBeUndefined();
    expect(stored.texts).toEqual({ [own.sha256]: turtle });
  });

  it("a file the previous release kept as a string (before Blobs) still restores its session", async () => {
    const page = await open();
    const turtle = `<${KGR}zz-as-text> <http://www.w3.org/2000/01/rdf-schema#label> "Kept as text" .\n`;
    await loadOwnFile(page, "as-text", turtle);
    await selectBySearch(page, "Kept as text", `${KGR}zz-as-text`);
    await flush(page);
    // The kept Blob becomes the string an older save wrote.
    const workbenchUrl = await leaveWorkbench(page);
    const rewritten = await page.evaluate(
      (text) =>
        new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open("smartcity-kg");
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction("sources", "readwrite");
            const keys = tx.objectStore("sources").getAllKeys();
            keys.onsuccess = () => keys.result.forEach((key) => tx.objectStore("sources").put(text, key));
            tx.oncomplete = () => {
              db.close();
              resolve(keys.result.map(String));
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      turtle,
    );
    expect(rewritten).toHaveLength(1);
    await page.goto(workbenchUrl);
    await ready(page);
    await page.waitForFunction((k) => window.workbench!.view.graph.hasNode(k), `${KGR}zz-as-text`);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: `${KGR}zz-as-text` });
  });
});

/** Writes `turtle` to a new temporary file, opens it in the page and waits for its load step; returns the file's path. */
/**
 * Takes the page off the workbench (to one of its scripts, shown as text), so that no page holds the database open
 * while a test rewrites it; returns the workbench's address to come back to.
 */
async function leaveWorkbench(page: Page): Promise<string> {
  const workbenchUrl = page.url();
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
  await page.goto(await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[src]")!.src));
  return workbenchUrl;
}

/** The sessions and the texts of the kept files (Blobs, or strings from older saves) in the page's IndexedDB (runs in the page). */
function storedInBrowser(): Promise<{ sessions: { id: string; text: string; sources?: string[] }[]; texts: Record<string, string> }> {
  return new Promise<{ sessions: { id: string; text: string; sources?: string[] }[]; files: [string, Blob | string][] }>((resolve, reject) => {
    const req = indexedDB.open("smartcity-kg");
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(["sessions", "sources"]);
      const sessions = tx.objectStore("sessions").getAll();
      const keys = tx.objectStore("sources").getAllKeys();
      const values = tx.objectStore("sources").getAll();
      tx.oncomplete = () => {
        db.close();
        resolve({ sessions: sessions.result, files: keys.result.map((k, i) => [String(k), values.result[i]]) });
      };
      tx.onerror = () => reject(tx.error);
    };
  }).then(async ({ sessions, files }) => ({
    sessions,
    texts: Object.fromEntries(await Promise.all(files.map(async ([key, file]) => [key, typeof file === "string" ? file : await file.text()]))),
  }));
}
