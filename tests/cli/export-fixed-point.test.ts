// kg export is deterministic: exporting, loading the export and exporting again gives the same bytes in every format.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-fixed-point-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kg export: one round trip is a fixed point", () => {
  const formats = [["turtle", "ttl"], ["ntriples", "nt"], ["nquads", "nq"], ["trig", "trig"]] as const;
  const inputs: [string, string[]][] = [
    ["the bundled graph", []],
    ["blank nodes, cycles and lists", ["--data", fixture("rdf", "blank-nodes.ttl"), fixture("rdf", "lists.ttl")]],
    ["named graphs", ["--data", fixture("rdf", "graphs.trig")]],
  ];
  for (const [name, data] of inputs) {
    it(`${name}: export, load the export, export again`, async () => {
      for (const [format, extension] of formats) {
        const first = join(dir, `${format}-${name.length}-1.${extension}`);
        const once = await runKg([...data, "export", "--format", format, "-o", first]);
        expect(once.code, once.stderr).toBe(0);
        const again = await runKg(["--data", first, "export", "--format", format]);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout === readFileSync(first, "utf8"), `${name} as ${format}`).toBe(true);
      }
    }, 60_000);
  }
});
