// Evidence-first authoring in the built workbench (Chromium): open a PDF, accept a candidate, author one from a selected
// quote, find it in a path, export the changes, and keep it all over a reload.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { useWorkbenchSite } from "./harness.ts";
import { flush, pick, ready, runPath } from "./session-helpers.ts";
import { authorSeriesRelation, selectInReader } from "./reader-helpers.ts";
import { repoRoot, runKg } from "../cli/run-kg.ts";

const pdf = fileURLToPath(new URL("../fixtures/sources/catalogue-record.pdf", import.meta.url));
const workbench = useWorkbenchSite({ screenshotPrefix: "authoring-" });
const QUOTE = "the concept was endorsed by President Xi Jinping";

describe("authoring (built site in Chromium)", () => {
  it("opens a PDF, accepts a candidate, authors a relation from a selection, finds it in a path, exports it, keeps it over a reload", async () => {
    const { page } = await workbench.open();
    await ready(page);
    await page.setInputFiles("#source-input", pdf);
    await page.locator("#source-reader:not([hidden])").waitFor({ timeout: 60_000 });
    // Its pages, and the known entities it names highlighted.
    expect(await page.locator("#source-reader-text .page-label").allTextContents()).toEqual(["Page 1", "Page 2"]);
    expect(await page.locator("#source-reader-text mark.mention").count()).toBeGreaterThan(10);
    expect(await page.locator("#source-reader-text mark.mention", { hasText: "Digital Silk Road" }).count()).toBe(1);

    // Accept the first candidate as it is offered.
    await page.locator("#candidate-list .candidate .accept").first().click();
    await page.locator("#relation-form:not([hidden])").waitFor();
    await page.fill("#relation-analyst", "Ana Lyst");
    await page.locator("#relation-predicate option").first().waitFor({ state: "attached" });
    await page.click("#relation-add");
    await page.locator("#relation-form[hidden]").waitFor({ state: "attached", timeout: 60_000 });
    // A named step of its own (undoable), not a data load: "Accept relation: subject – predicate – object".
    const accepted = await page.evaluate(() => window.workbench!.session!.controller.history.entries.map((e) => e.label));
    expect(accepted.at(-1)).toMatch(/^Accept relation: .+ – .+ – .+$/);
    expect(accepted.at(-2)).toMatch(/^Add source: /);

    // Author one from a selected quote: Xi Jinping promotes the 13th Five-Year Plan.
    await selectInReader(page, QUOTE);
    await page.click("#new-relation");
    expect(await page.locator("#relation-form .relation-quote").textContent()).toBe(QUOTE);
    expect(await page.locator("#relation-form .relation-place").textContent()).toMatch(/^p\. 1 · Abstract · characters \d+–\d+$/);
    await pick(page, "#relation-subject", "Xi Jinping");
    await pick(page, "#relation-object", "13th Five-Year Plan");
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLOptionElement>("#relation-predicate option")].some((o) => o.value.endsWith("#promotes")));
    // Predicates whose domain and range fit come first.
    expect(await page.locator("#relation-predicate optgroup").first().getAttribute("label")).toBe("Domain and range fit");
    await page.selectOption("#relation-predicate", "https://w3id.org/smartcity-kg/ontology#promotes");
    await page.click("#relation-add");
    await page.locator("#relation-form[hidden]").waitFor({ state: "attached", timeout: 60_000 });

    // A new entity on the way: the brief is part of the EUISS Policy Brief series (a new publication entity).
    await authorSeriesRelation(page);

    // An invalid one says why: a quote that does not fit the predicate's range.
    await selectInReader(page, "Digital Silk Road");
    await page.click("#new-relation");
    await pick(page, "#relation-subject", "Digital Silk Road");
    await pick(page, "#relation-object", "Kenya");
    await page.waitForFunction(() => document.querySelectorAll("#relation-predicate option").length > 0);
    await page.selectOption("#relation-predicate", "https://w3id.org/smartcity-kg/ontology#suppliesTo");
    await page.click("#relation-add");
    await page.locator("#relation-form .relation-problems li", { hasText: "domain-range" }).first().waitFor({ timeout: 60_000 });
    await page.click("#relation-form .relation-buttons button:not(.primary)");

    // A path a minute later uses the new relation, with its quote.
    await page.click("#source-reader .close");
    await runPath(page, "Xi Jinping", "13th Five-Year Plan");
    const results = await page.locator("#path-results").textContent();
    expect(results).toContain(QUOTE);
    await runPath(page, "EUISS Brief 10/2020", "EUISS Policy Briefs");
    expect(await page.locator("#path-results").textContent()).toContain("Policy Brief 10");

    // The changes export as Turtle: both relations, who and from which source.
    const download = page.waitForEvent("download");
    await page.locator("#source-select").focus();
    await page.waitForFunction(() => document.querySelectorAll("#source-select option").length > 3);
    const pdfSource = await page.locator("#source-select option", { hasText: "Towards Urban Decoupling" }).last().getAttribute("value");
    await page.selectOption("#source-select", pdfSource!);
    await page.locator("#source-reader:not([hidden])").waitFor();
    await page.screenshot({ path: join(repoRoot, "test-results", "browser", "authoring-reader.png") });
    await page.click("#export-changes");
    const saved = await (await download).path();
    const turtle = readFileSync(saved!, "utf8");
    const file = join(mkdtempSync(join(tmpdir(), "kg-changes-")), (await download).suggestedFilename());
    writeFileSync(file, turtle);
    expect(turtle).toContain("kg:promotes kgr:13th-five-year-plan");
    expect(turtle).toContain(`oa:exact "${QUOTE}"`);
    expect(turtle).toContain('foaf:name "Ana Lyst"');
    expect((turtle.match(/a rdf:Statement, kg:Evidence/g) ?? []).length).toBe(3);
    expect(turtle).toMatch(/kgr:euiss-policy-briefs a kg:Publication ;\s+skos:prefLabel "EUISS Policy Briefs"@en/);
    // It loads in rapper and in kg --data, whose path finds the new relation.
    const rapper = spawnSync("rapper", ["-i", "turtle", "-c", file], { encoding: "utf8" });
    expect(rapper.status).toBe(0);
    const ttl = (dir: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => join(repoRoot, dir, f));
    const kg = await runKg(["path", "Xi Jinping", "13th Five-Year Plan", "-k", "1", "--data", ...ttl("ontology"), ...ttl("graph-data"), file]);
    expect(kg.code).toBe(0);
    expect(kg.stdout).toContain(`“${QUOTE}”`);
    // And merges into a store with kg source import-changes: the source's text leaves the graph for sources/.
    const store = mkdtempSync(join(tmpdir(), "kg-store-"));
    const imported = await runKg(["source", "import-changes", file, "--into", store]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported \d+ triples \(3 evidence nodes, 1 source text\)/m);
    expect(readFileSync(join(store, "authored.ttl"), "utf8")).not.toContain("prov:value");

    // The session file carries the additions as one data file (a session has at most 32 sources), with its text.
    await page.click("#session");
    const [sessionDownload] = await Promise.all([page.waitForEvent("download"), page.click("#session-save")]);
    const sessionText = readFileSync((await sessionDownload.path())!, "utf8");
    // The path's evidence says who stated the new relation.
    expect(sessionText).toContain('"by": "Ana Lyst"');
    const sessionFile = JSON.parse(sessionText) as { sources: { name: string; kind: string; content?: string }[] };
    const own = sessionFile.sources.filter((source) => source.kind === "file");
    expect(own.map((source) => source.name)).toEqual(["authored.ttl"]);
    expect(own[0].content).toContain(QUOTE);
    await page.keyboard.press("Escape");

    // The session keeps all of it: after a reload the path is found again with the quote.
    await flush(page);
    await page.reload();
    await ready(page);
    await runPath(page, "Xi Jinping", "13th Five-Year Plan");
    expect(await page.locator("#path-results").textContent()).toContain(QUOTE);
    // "show in source" opens the added source's text at the quote.
    await page.locator("#path-results .path-result").first().getByText("show in source").first().click();
    await page.locator("#source-viewer mark").waitFor();
    expect(await page.locator("#source-viewer mark").textContent()).toBe(QUOTE);
  }, 240_000);
});
