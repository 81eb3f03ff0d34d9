// Sigma programs without instancing: the expanded definition and per-vertex data, against a program shaped like sigma's.
import { describe, expect, it } from "vitest";
import type { InstancedProgramDefinition, ProgramDefinition } from "sigma/rendering";
import { attributeItems, expandDefinition, isSoftwareRenderer, withoutInstancing } from "../../src/workbench/uninstanced.ts";

const FLOAT = 5126;
const UNSIGNED_BYTE = 5121;

/** sigma's NodeCircleProgram definition (3 vertices, an angle constant per vertex), minus the shader text. */
const circle: InstancedProgramDefinition = {
  VERTICES: 3,
  VERTEX_SHADER_SOURCE: "",
  FRAGMENT_SHADER_SOURCE: "",
  METHOD: 4,
  UNIFORMS: ["u_matrix"],
  ATTRIBUTES: [
    { name: "a_position", size: 2, type: FLOAT },
    { name: "a_size", size: 1, type: FLOAT },
    { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
    { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
  ],
  CONSTANT_ATTRIBUTES: [{ name: "a_angle", size: 1, type: FLOAT }],
  CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
};

/**
 * What sigma's Program does with a definition, reduced to the data path: the constructor reads getDefinition()
 * (non-instanced: STRIDE = VERTICES × attribute items), `process` writes item `offset` at offset × STRIDE through
 * processVisibleItem, which fills the item's attributes from startIndex on.
 */
class FakeCircleProgram {
  array = new Float32Array();
  STRIDE: number;
  isInstanced: boolean;
  constructor() {
    const def = this.getDefinition();
    this.isInstanced = "CONSTANT_ATTRIBUTES" in def;
    this.STRIDE = this.isInstanced ? attributeItems(def.ATTRIBUTES) : def.VERTICES * attributeItems(def.ATTRIBUTES);
  }
  getDefinition(): ProgramDefinition | InstancedProgramDefinition {
    return circle;
  }
  reallocate(capacity: number): void {
    this.array = new Float32Array(capacity * this.STRIDE);
  }
  process(id: number, offset: number, data: { x: number; y: number; size: number; color: number }): void {
    this.processVisibleItem(id, offset * this.STRIDE, data);
  }
  processVisibleItem(id: number, startIndex: number, data: { x: number; y: number; size: number; color: number }): void {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = data.color;
    array[startIndex++] = id;
  }
}

describe("expandDefinition", () => {
  it("appends the constant attributes to the per-vertex ones and drops the constants", () => {
    const expanded = expandDefinition(circle);
    expect(expanded.ATTRIBUTES.map((a) => a.name)).toEqual(["a_position", "a_size", "a_color", "a_id", "a_angle"]);
    expect("CONSTANT_ATTRIBUTES" in expanded).toBe(false);
    expect("CONSTANT_DATA" in expanded).toBe(false);
    expect(expanded.VERTICES).toBe(3);
  });

  it("leaves a program that is not instanced as it is, and refuses constants that do not match the vertices", () => {
    const { CONSTANT_ATTRIBUTES: _a, CONSTANT_DATA: _d, ...plain } = circle;
    expect(expandDefinition(plain)).toBe(plain);
    expect(() => expandDefinition({ ...circle, CONSTANT_DATA: [[0]] })).toThrow(/workbench\/uninstanced: 1 constant vectors for 3 vertices/);
  });

  it("counts packed colour attributes as one float each, as sigma does", () => {
    expect(attributeItems(circle.ATTRIBUTES)).toBe(5);
  });
});

describe("withoutInstancing", () => {
  it("writes each item once per vertex, each copy followed by that vertex's constant", () => {
    const Program = withoutInstancing(FakeCircleProgram);
    const program = new Program();
    expect(program.isInstanced).toBe(false);
    expect(program.STRIDE).toBe(3 * 6);
    program.reallocate(2);
    program.process(7, 0, { x: 1, y: 2, size: 3, color: 4 });
    program.process(8, 1, { x: 5, y: 6, size: 7, color: 9 });
    const angles = circle.CONSTANT_DATA.map(([angle]) => Math.fround(angle));
    expect(Array.from(program.array)).toEqual([
      ...[1, 2, 3, 4, 7, angles[0]], ...[1, 2, 3, 4, 7, angles[1]], ...[1, 2, 3, 4, 7, angles[2]],
      ...[5, 6, 7, 9, 8, angles[0]], ...[5, 6, 7, 9, 8, angles[1]], ...[5, 6, 7, 9, 8, angles[2]],
    ]);
  });
});

describe("isSoftwareRenderer", () => {
  it("recognises CPU rasterisers and not GPUs", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
    expect(isSoftwareRenderer("")).toBe(false);
  });
});
