// kg keeps the bundled graph as loaded in a cache: answers are the same with and without it, and a damaged cache is rebuilt.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runKg } from "./run-kg.ts";

const cacheDirectory = join(repoRoot, "node_modules", ".cache", "smartcity-kg");
const cacheFiles = () => (existsSync(cacheDirectory) ? readdirSync(cacheDirectory).filter((name) => name.startsWith("bundled-") && name.endsWith(".v8")) : []);

describe("the bundled graph's load cache", () => {
  it("gives the same answers as parsing, is written by a start and rebuilt when damaged", async () => {
    const commands = [["path", "Huawei", "Kenya", "--json"], ["export", "--format", "ntriples"], ["stats", "--json"]];
    const parsed = await Promise.all(commands.map((args) => runKg(args, { env: { KG_LOAD_CACHE: "0" } })));
    for (const result of parsed) expect(result.code).toBe(0);

    await runKg(["stats"]);
    expect(cacheFiles()).toHaveLength(1);
    for (const [i, args] of commands.entries()) expect((await runKg(args)).stdout).toBe(parsed[i].stdout);

    // A cache file cut short (a full disk, a killed writer) is not a snapshot: kg parses and writes it again.
    writeFileSync(join(cacheDirectory, cacheFiles()[0]), "not a snapshot");
    const afterDamage = await runKg(commands[0]);
    expect(afterDamage.code).toBe(0);
    expect(afterDamage.stdout).toBe(parsed[0].stdout);
    expect((await runKg(commands[1])).stdout).toBe(parsed[1].stdout);
  });

  it("is not used for --data files", async () => {
    const result = await runKg(["stats", "--json", "--data", join(repoRoot, "ontology", "smartcity.ttl")], { env: { KG_LOAD_CACHE: "1" } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).triples).toBeLessThan(JSON.parse((await runKg(["stats", "--json"])).stdout).triples);
  });
});
