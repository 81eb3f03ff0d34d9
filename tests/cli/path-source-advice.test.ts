// kg path with --min-sources/--source and no path: the advice drops each restriction in turn, the corroboration ones
// included, and computes every suggestion under the others (bundled graph: the EUISS brief and the Carnegie index).
import { describe, expect, it } from "vitest";
import { runKg } from "./run-kg.ts";

const BRIEF = "kgr:euiss-brief-2020-10";

/** The hops of the shortest path kg path finds with these arguments, or undefined when it finds none. */
async function hops(args: string[]): Promise<number | undefined> {
  const result = await runKg(["path", ...args, "--json", "--k", "1", "--rank", "shortest"]);
  expect(result.code).toBe(0);
  const paths = JSON.parse(result.stdout).paths as { edges: unknown[] }[];
  return paths[0]?.edges.length;
}

describe("kg path: which option to loosen, with corroboration constraints", () => {
  it("names --source, and not --min-sources, when only dropping --source lets a path through", async () => {
    const args = ["Huawei", "Ecuador", "--min-sources", "2", "--source", BRIEF];
    const result = await runKg(["path", ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No path between Huawei and Ecuador within 6 hops\.\nTry:\n/);
    // Huawei → Ecuador is the Carnegie index's (both vintages): with --min-sources 2 alone it is there, 1 hop.
    expect(await hops(["Huawei", "Ecuador", "--min-sources", "2"])).toBe(1);
    expect(await hops(["Huawei", "Ecuador", "--source", BRIEF])).toBeUndefined();
    expect(result.stdout).toContain("  - drop --source: then a connection of 1 hop exists");
    expect(result.stdout).not.toContain("drop --min-sources");
  });

  it("names --min-sources N with the hops of the path it then finds", async () => {
    const result = await runKg(["path", "DJI", "Digital Silk Road", "--min-sources", "2"]);
    expect(result.code).toBe(0);
    const loose = await hops(["DJI", "Digital Silk Road"]);
    expect(loose).toBeGreaterThan(0);
    expect(result.stdout).toContain(`  - drop --min-sources 2: then a connection of ${loose} hops exists`);
  });

  it("computes the other options' advice under --source: dropping --directed gives the path --source allows", async () => {
    const result = await runKg(["path", "Dahua", "Kenya", "--source", BRIEF, "--directed"]);
    expect(result.code).toBe(0);
    const underSource = await hops(["Dahua", "Kenya", "--source", BRIEF]);
    const withoutSource = await hops(["Dahua", "Kenya"]);
    // The brief alone joins them by a longer route than the whole graph (4 hops against 3 when this was written).
    expect(underSource).toBeGreaterThan(withoutSource!);
    expect(result.stdout).toContain(`  - drop --directed: then a connection of ${underSource} hops exists`);
  });

  it("does not suggest dropping an option that is not enough under --min-sources", async () => {
    const result = await runKg(["path", "DJI", "Digital Silk Road", "--min-sources", "2", "--directed"]);
    expect(result.code).toBe(0);
    // Each single drop leaves no path: undirected with --min-sources 2, and directed without it.
    expect(await hops(["DJI", "Digital Silk Road", "--min-sources", "2"])).toBeUndefined();
    expect(await hops(["DJI", "Digital Silk Road", "--directed"])).toBeUndefined();
    expect(result.stdout).not.toContain("drop --directed");
    expect(result.stdout).toContain("  - no single option dropped is enough: loosen several of --directed, --min-sources 2");
  });
});
