// The label-density slider's steps as sigma settings: off at 0, today's defaults at 1, more labels per step above.
import { describe, expect, it } from "vitest";
import { labelSettings } from "../../src/workbench/label-density.ts";

const steps = Array.from({ length: 12 }, (_, i) => (i + 1) / 4);

describe("labelSettings", () => {
  it("draws no labels at 0 (and for a value that is not a number)", () => {
    expect(labelSettings(0).renderLabels).toBe(false);
    expect(labelSettings(Number.NaN).renderLabels).toBe(false);
  });

  it("is sigma's default view at 1: one label per 120 px cell, nodes of 8 px and more", () => {
    expect(labelSettings(1)).toEqual({ renderLabels: true, labelDensity: 0.07, labelGridCellSize: 120, labelRenderedSizeThreshold: 8 });
  });

  it("every quarter step up has smaller cells and a lower size threshold (more labels qualify)", () => {
    const settings = steps.map(labelSettings);
    for (let i = 1; i < settings.length; i++) {
      expect(settings[i].renderLabels).toBe(true);
      expect(settings[i].labelGridCellSize).toBeLessThan(settings[i - 1].labelGridCellSize);
      expect(settings[i].labelRenderedSizeThreshold).toBeLessThan(settings[i - 1].labelRenderedSizeThreshold);
    }
  });
});
