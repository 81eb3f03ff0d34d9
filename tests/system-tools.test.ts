// The run fails when a program some suites need is missing: those suites were left out (vite.config.ts), not passed.
import { describe, expect, it } from "vitest";
import { missingSystemTools, suitesWithout } from "./setup/system-tools.ts";

describe("system tools", () => {
  it("chromium, rapper and virtuoso-t are installed, so no suite was left out", () => {
    const missing = missingSystemTools();
    expect(
      missing.map((tool) => tool.program),
      `left out for want of ${missing.map((t) => t.debianPackage).join(", ")}: ${suitesWithout(missing).join(", ")} (see the first and last lines of this run)`,
    ).toEqual([]);
  });
});
