// The renderer strategy: one switch at start-up; the GPU path draws through the view's own reducers, unwrapped.
import { describe, expect, it } from "vitest";

// sigma's program modules read WebGL constants when they load; Node has none, and their values do not matter here.
const constants = new Proxy({}, { get: () => 5126 });
Object.assign(globalThis, { WebGLRenderingContext: constants, WebGL2RenderingContext: constants });
const { chooseRenderer, gpuRenderer } = await import("../../src/workbench/renderer-strategy.ts");

describe("chooseRenderer", () => {
  it("takes the address's renderer= over the probe, and a GPU when the probe finds no software renderer", () => {
    expect(chooseRenderer("?renderer=software").kind).toBe("software");
    expect(chooseRenderer("?renderer=gpu").kind).toBe("gpu");
    // In Node there is no WebGL to probe: the renderer string is empty, which is no software renderer.
    expect(chooseRenderer("").kind).toBe("gpu");
    expect(chooseRenderer("?renderer=other").kind).toBe("gpu");
  });

  it("gives the GPU sigma's instanced programs and the view's reducers as they are", () => {
    const node = () => ({ hidden: false });
    const edge = () => ({ hidden: false });
    const settings = gpuRenderer().settings(node, edge);
    expect(settings.nodeReducer).toBe(node);
    expect(settings.edgeReducer).toBe(edge);
    expect(Object.keys(settings.edgeProgramClasses).sort()).toEqual(["arrow", "curved"]);
  });

  it("wraps the reducers on software WebGL and registers the curved-edge program late (the warm-up compiles it)", () => {
    const node = () => ({ hidden: false });
    const edge = () => ({ hidden: false });
    const settings = chooseRenderer("?renderer=software").settings(node, edge);
    expect(settings.nodeReducer).not.toBe(node);
    expect(settings.edgeReducer).not.toBe(edge);
    // Before start() there is no warm-up, layout or deferral: the wrapped reducers answer as the view's.
    expect(settings.edgeReducer("e1", { predicate: "p", label: "" })).toEqual({ hidden: false });
    expect(Object.keys(settings.edgeProgramClasses)).toEqual(["arrow"]);
  });
});
