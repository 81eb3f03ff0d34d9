// The free part of the graph area that Fit frames nodes in: each overlay cut off along the side that keeps the most.
import { describe, expect, it } from "vitest";
import { freeArea } from "../../src/workbench/fit-camera.ts";

const area = { left: 0, top: 0, right: 1000, bottom: 700 };

describe("freeArea", () => {
  it("leaves the part above a legend at the bottom, beside a panel down one side, and ignores what lies outside", () => {
    expect(freeArea(area, [{ left: 10, top: 500, right: 600, bottom: 690 }])).toEqual({ left: 0, top: 0, right: 1000, bottom: 500 });
    expect(freeArea(area, [{ left: 700, top: 0, right: 1000, bottom: 700 }])).toEqual({ left: 0, top: 0, right: 700, bottom: 700 });
    expect(freeArea(area, [{ left: 0, top: 700, right: 1000, bottom: 800 }])).toEqual(area);
  });

  it("takes every overlay in turn: a notice at the top and a legend at the bottom leave the band between", () => {
    const covers = [{ left: 10, top: 10, right: 990, bottom: 50 }, { left: 10, top: 520, right: 500, bottom: 690 }];
    expect(freeArea(area, covers)).toEqual({ left: 0, top: 50, right: 1000, bottom: 520 });
  });
});
