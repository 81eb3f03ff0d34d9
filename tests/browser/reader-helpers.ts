// Steps an analyst takes in the source reader (issue 17), shared by the authoring browser tests.
import type { Page } from "playwright-core";
import { pick } from "./session-helpers.ts";

/** Selects the characters of `text` in the reader's text, as a person dragging over them would. */
export async function selectInReader(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    // The text runs through several nodes (mentions are marks): find the start and end across them.
    const root = document.querySelector("#source-reader-text")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Node; from: number }[] = [];
    let all = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.classList.contains("page-label")) continue;
      nodes.push({ node, from: all.length });
      all += node.textContent;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`not in the reader: ${wanted}`);
    const place = (offset: number, end: boolean) => {
      const i = nodes.findLastIndex((n) => (end ? n.from < offset : n.from <= offset));
      return [nodes[i].node, offset - nodes[i].from] as const;
    };
    const range = document.createRange();
    range.setStart(...place(at, false));
    range.setEnd(...place(at + wanted.length, true));
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, text);
  await page.locator("#new-relation:not([disabled])").waitFor();
}

/**
 * Authors "EUISS Brief 10/2020 is part of EUISS Policy Briefs" from the selected "Policy Brief 10", the series a new
 * publication entity; `analyst` fills the analyst's name first when given. Returns once the form has closed.
 */
export async function authorSeriesRelation(page: Page, analyst?: string): Promise<void> {
  await selectInReader(page, "Policy Brief 10");
  await page.click("#new-relation");
  if (analyst !== undefined) await page.fill("#relation-analyst", analyst);
  await pick(page, "#relation-subject", "EUISS Brief 10/2020");
  await page.check("#relation-form .relation-object input[type=checkbox]");
  await page.locator("#relation-form .relation-object select option").first().waitFor({ state: "attached" });
  await page.selectOption("#relation-form .relation-object select", "https://w3id.org/smartcity-kg/ontology#Publication");
  await page.fill("#relation-form .relation-object input[type=text]", "EUISS Policy Briefs");
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLOptionElement>("#relation-predicate option")].some((o) => o.value.endsWith("#isPartOf")));
  await page.selectOption("#relation-predicate", "https://w3id.org/smartcity-kg/ontology#isPartOf");
  await page.click("#relation-add");
  await page.locator("#relation-form[hidden]").waitFor({ state: "attached", timeout: 60_000 });
}
