// Colour by class group: the bundled ontology's classes fall under its top classes (children of kg:Entity), read from rdfs:subClassOf.
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DataService } from "../../src/workbench/data-service.ts";

const KG = "https://w3id.org/smartcity-kg/ontology#";
const root = resolve(import.meta.dirname, "../..");
const files = ["ontology", "graph-data"].flatMap((dir) =>
  readdirSync(resolve(root, dir)).filter((f) => f.endsWith(".ttl")).map((f) => ({ name: `${dir}/${f}`, text: readFileSync(resolve(root, dir, f), "utf8") })),
);

describe("class groups of the bundled graph", () => {
  it("puts every legend class in exactly one group, each group a top class of the ontology, far fewer groups than classes", async () => {
    const service = new DataService();
    const summary = await service.load(files, true);
    const groups = summary.groups!;
    const grouped = groups.flatMap((g) => g.classes);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(new Set(grouped)).toEqual(new Set(summary.classes.map((c) => c.iri)));
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(summary.classes.reduce((n, c) => n + c.count, 0));
    expect(groups.length).toBeLessThan(summary.classes.length / 3);
    const byIri = new Map(groups.map((g) => [g.iri, g]));
    // Companies and governments are actors; cameras and drones technologies; cities places (ontology/smartcity.ttl).
    const groupOf = (cls: string) => groups.find((g) => g.classes.includes(cls))?.iri;
    expect(groupOf(`${KG}Company`)).toBe(`${KG}Actor`);
    expect(groupOf(`${KG}City`)).toBe(`${KG}Place`);
    expect(byIri.get(`${KG}Actor`)!.label.toLowerCase()).toBe("actor");
    expect(byIri.has(`${KG}Entity`)).toBe(false);
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a));
  });
});
