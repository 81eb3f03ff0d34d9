// thousands(): the CLI's digit grouping without Intl must print exactly what toLocaleString("en-US") prints.
import { describe, expect, it } from "vitest";
import { plural, thousands } from "../../src/cli/format.ts";

describe("thousands", () => {
  it("groups whole numbers as en-US does, signs and powers of ten included", () => {
    const values = [0, 7, 42, 999, 1000, 1001, 99_999, 100_000, 123_456, 1_000_000, 6_640, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, -999, -1000, -1_234_567];
    for (const n of values) expect(thousands(n)).toBe(n.toLocaleString("en-US"));
  });

  it("leaves fractions to Intl", () => {
    expect(thousands(1234.5)).toBe("1,234.5");
  });

  it("plural counts with the grouping", () => {
    expect(plural(1, "file")).toBe("1 file");
    expect(plural(12_345, "triple")).toBe("12,345 triples");
  });
});
