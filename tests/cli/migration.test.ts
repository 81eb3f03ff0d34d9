// kg names with model-1 IRIs on the bundled graph: an old predicate in an option names the predicate that replaced it.
import { describe, expect, it } from "vitest";
import { runKg } from "./run-kg.ts";

describe("kg with old predicate names (ontology/migration.ttl)", () => {
  it("kg neighbours --predicates kg:donatesTo follows kg:suppliesTo", async () => {
    const result = await runKg(["neighbours", "Huawei", "--direction", "out", "--predicates", "kg:donatesTo", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { edges: { predicate: string; target: string }[] };
    expect(json.edges.map((e) => e.predicate)).toEqual(["https://w3id.org/smartcity-kg/ontology#suppliesTo", "https://w3id.org/smartcity-kg/ontology#suppliesTo"]);
    expect(json.edges.map((e) => e.target).sort()).toEqual([
      "https://w3id.org/smartcity-kg/resource/kenyan-government",
      "https://w3id.org/smartcity-kg/resource/pakistani-ministry-of-health",
    ]);
  });
});
