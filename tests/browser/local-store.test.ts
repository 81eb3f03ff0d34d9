// The workbench in Chromium on kg's local Virtuoso store served by `kg store serve`: no proxy, the store's own CORS for the workbench's origin.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kgBin, repoRoot } from "../cli/run-kg.ts";
import { connectToEndpoint, pathOnEndpoint } from "./endpoint-steps.ts";
import { useWorkbenchSite } from "./harness.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
const workbench = useWorkbenchSite({ screenshotPrefix: "local-store-" });
const cache = mkdtempSync(join(tmpdir(), "kg-store-browser-"));
let server: ChildProcessWithoutNullStreams | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    const closed = new Promise((resolve) => server!.on("close", resolve));
    server.kill("SIGINT");
    await closed;
  }
  rmSync(cache, { recursive: true, force: true });
});

/** Starts kg store serve on the bundled graph, allowing the test site's origin, and returns the URL it prints. */
async function serveStore(origin: string): Promise<string> {
  const child = spawn(process.execPath, [kgBin, "store", "serve", "--origin", origin], { cwd: repoRoot, env: { ...process.env, KG_CACHE_DIR: cache }, stdio: ["pipe", "pipe", "pipe"] });
  server = child;
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
    });
    child.on("close", (code) => reject(new Error(`kg store serve ended (exit ${code}) before printing its URL:\n${stderr}`)));
  });
}

describe("the workbench on kg store serve (Chromium, Virtuoso's own CORS)", () => {
  it("connects to the served store and finds the path Huawei → Kenya there, with its evidence", async () => {
    const url = await serveStore(new URL(workbench.site.url).origin);
    const { page } = await workbench.open();
    await connectToEndpoint(page, url);
    const state = await pathOnEndpoint(page, "Huawei", "Kenya");
    expect(state.status).toBe("done");
    const first = state.results[0];
    expect(first.nodes[0]).toBe(`${KGR}huawei`);
    expect(first.nodes[first.nodes.length - 1]).toBe(`${KGR}kenya`);
    for (const step of first.steps) expect(step.evidence.length).toBeGreaterThan(0);
  });
});
