// Steps an analyst takes in the source reader (issue 17), shared by the authoring browser tests.
import type { Page } from "playwright-core";

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
