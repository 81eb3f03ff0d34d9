// Whole-number options take decimal digits only and say their bounds: 1e3, 0x10 and 1_0 were read as numbers, and --k had no upper bound.
import { describe, expect, it } from "vitest";
import { intOption, parseCommand, type CommandSpec } from "../../src/cli/args.ts";
import { fixture, runKg } from "./run-kg.ts";

const spec: CommandSpec = {
  name: "path",
  summary: "",
  details: "",
  arguments: "<from> <to>",
  minPositionals: 2,
  maxPositionals: 2,
  options: { k: { type: "string", short: "k", value: "N", help: "" } },
};
const k = (value: string) => () => intOption(parseCommand(spec, ["A", "B", "--k", value]), "path", "k", 3, 1, 100);

describe("intOption", () => {
  it("refuses exponents, hex, separators, signs and fractions", () => {
    for (const value of ["1e3", "0x10", "1_0", "+5", "2.0", " 7", "Infinity", ""]) expect(k(value), value).toThrow(/--k must be an integer from 1 to 100, got /);
  });

  it("takes decimal digits within the bounds", () => {
    expect(k("100")()).toBe(100);
    expect(k("007")()).toBe(7);
    expect(k("101")).toThrow('kg path: --k must be an integer from 1 to 100, got "101"');
  });
});

describe("kg path --k", () => {
  it("says the bound, locally and with --endpoint (which refuses before connecting)", async () => {
    const local = await runKg(["--data", fixture("cli", "mini.ttl"), "path", "Huawei", "Kenya", "--k", "2000"]);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/^kg path: --k must be an integer from 1 to 100, got "2000"/);
    const remote = await runKg(["--endpoint", "http://127.0.0.1:1/sparql", "path", "Huawei", "Kenya", "-k", "1e3"]);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/^kg path: --k must be an integer from 1 to 100, got "1e3"/);
  });
});
