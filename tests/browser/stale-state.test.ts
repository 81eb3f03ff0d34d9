// Issue 19 in the built workbench (Chromium): no stale error after a later successful load; a share link naming relations the data lacks is refused.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { getEmptySession } from "../../src/session/producers.ts";
import { encodeShareState } from "../../src/session/share.ts";
import { fileURLToPath } from "node:url";
import { useWorkbenchSite } from "./harness.ts";
import { HUAWEI, KGR, loadOwnFile, ready } from "./session-helpers.ts";

const fixture = (...parts: string[]) => fileURLToPath(new URL(`../fixtures/${parts.join("/")}`, import.meta.url));
const workbench = useWorkbenchSite({ screenshotPrefix: "stale-state-" });

async function open(url?: string): Promise<Page> {
  const { page } = await workbench.open(url);
  await ready(page);
  return page;
}

describe("stale state (built site in Chromium)", () => {
  it("a successful load after a failed one takes the error away", async () => {
    const page = await open();
    await page.setInputFiles("#file-input", { name: "broken.ttl", mimeType: "text/turtle", buffer: Buffer.from(`@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n  nope:x "y" .\n`) });
    await page.locator("#error").waitFor({ state: "visible" });
    expect(await page.locator("#error .error-text").textContent()).toMatch(/broken\.ttl:3:\d+/);
    await loadOwnFile(page, "good", `@prefix kgr: <${KGR}> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\nkgr:stale-test-node skos:prefLabel "Stale test node"@en .\n`);
    await page.waitForFunction(() => window.workbench!.view.graph.hasNode("https://w3id.org/smartcity-kg/resource/stale-test-node"));
    expect(await page.locator("#error").isHidden()).toBe(true);
  });

  it("a session file that opens after one that failed takes the error away", async () => {
    const page = await open();
    await page.setInputFiles("#session-input", fixture("session", "corrupted.session.json"));
    await page.locator("#error").waitFor({ state: "visible" });
    await page.setInputFiles("#session-input", fixture("session", "huawei-kenya.session.json"));
    await page.waitForFunction(() => window.workbench!.store.get().path.results.length > 0);
    expect(await page.locator("#error").isHidden()).toBe(true);
  });

  it("refuses a share link whose relations (edge keys) the data lacks, saying which, and keeps the view", async () => {
    const state = getEmptySession();
    const link = encodeShareState({ ...state, added: { nodes: [HUAWEI], edges: ["e999999"] } });
    const page = await open(`${workbench.site.url}#view=${link}`);
    await page.locator("#error").waitFor({ state: "visible" });
    expect(await page.locator("#error .error-text").textContent()).toContain("1 relation of the link is not in the data: e999999");
    expect(await page.evaluate(() => window.workbench!.store.get().added.edges)).toEqual([]);
  });
});
