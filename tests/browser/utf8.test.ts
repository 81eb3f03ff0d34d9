// A picked file that is not UTF-8 is refused at the first bad byte's file:line:column, and the graph stays as it was.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { useWorkbenchSite } from "./harness.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "utf8-" });

describe("workbench: files that are not UTF-8", () => {
  it("shows the place of the first bad byte instead of merging the IRIs it made", async () => {
    const { page } = await workbench.open();
    const before = await page.evaluate(() => window.workbench!.view.graph.order);
    await page.setInputFiles("#file-input", resolve(import.meta.dirname, "../fixtures/cli/invalid-utf8.ttl"));
    await page.locator("#error").waitFor();
    const message = (await page.locator("#error .error-text").textContent())!;
    expect(message).toBe("invalid-utf8.ttl:4:25: not UTF-8 (byte 0xe9); RDF files must be UTF-8");
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(before);
  });
});
