// Steps the endpoint-mode browser tests share: connect the SPARQL panel to an endpoint, find a path there.
import type { Page } from "playwright-core";

/** Opens the SPARQL panel, connects it to `url` and waits for the endpoint's tools. */
export async function connectToEndpoint(page: Page, url: string, options: { timeout?: number; user?: string; password?: string; rows?: number } = {}): Promise<void> {
  await page.click("#sparql-open");
  await page.click("#sparql-connect");
  await page.fill("#ep-url", url);
  if (options.user) await page.fill("#ep-user", options.user);
  if (options.password) await page.fill("#ep-password", options.password);
  if (options.timeout) await page.fill("#ep-timeout", String(options.timeout));
  if (options.rows) await page.fill("#ep-rows", String(options.rows));
  await page.click("#ep-connect");
  await page.waitForSelector("#ep-tools", { state: "visible", timeout: 30_000 });
}

/** Runs the endpoint's path tool from → to and returns the workbench's path state once paths were found. */
export async function pathOnEndpoint(page: Page, from: string, to: string) {
  await page.fill("#ep-from", from);
  await page.fill("#ep-to", to);
  await page.click("#ep-path-run");
  await page.waitForFunction(() => /path(s)? found on the endpoint/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
  return await page.evaluate(() => window.workbench!.store.get().path);
}
