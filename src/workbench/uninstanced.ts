// Sigma's instanced WebGL programs redrawn as plain vertex arrays, for software WebGL, which pays for each instance drawn.
import type { InstancedProgramDefinition, ProgramAttributeSpecification, ProgramDefinition } from "sigma/rendering";

/**
 * Why: software renderers (SwiftShader, llvmpipe: headless Chromium, machines without a usable GPU) run an instanced
 * draw as one draw per instance. Measured in headless Chromium on the 2,000-node / 7,109-edge overview, one frame
 * took ~500 ms of GPU-process time with sigma's instanced programs and ~80 ms with the same vertices written out,
 * and the page's main thread waits for it in every compositor commit. The same shaders run unchanged: an instanced
 * program's per-vertex constants become ordinary attributes, written after each vertex's copy of the item's data.
 */

/** Attribute items (floats) one attribute takes in sigma's buffers: normalized byte vectors are packed in one float. */
export function attributeItems(attributes: readonly ProgramAttributeSpecification[]): number {
  return attributes.reduce((sum, attr) => sum + (attr.normalized ? 1 : attr.size), 0);
}

/** The non-instanced definition of a program: its constant attributes are appended to the per-vertex ones. */
export function expandDefinition<U extends string>(definition: ProgramDefinition<U> | InstancedProgramDefinition<U>): ProgramDefinition<U> {
  if (!("CONSTANT_ATTRIBUTES" in definition)) return definition;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...rest } = definition;
  if (CONSTANT_DATA.length !== definition.VERTICES) {
    throw new Error(`workbench/uninstanced: ${CONSTANT_DATA.length} constant vectors for ${definition.VERTICES} vertices; the program is not a sigma instanced program.`);
  }
  return { ...rest, ATTRIBUTES: [...definition.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
}

/** How one item is laid out once expanded: its instance data, then each vertex's constants, repeated per vertex. */
export interface ExpandedLayout {
  /** Floats of the item's own (per-instance) data. */
  itemFloats: number;
  /** Per vertex, the constant floats (sigma's CONSTANT_DATA). */
  constants: readonly (readonly number[])[];
}

export function expandedLayout(definition: ProgramDefinition | InstancedProgramDefinition): ExpandedLayout {
  return {
    itemFloats: attributeItems(definition.ATTRIBUTES),
    constants: "CONSTANT_DATA" in definition ? definition.CONSTANT_DATA : [],
  };
}

/** Writes one item's data (`item`, itemFloats long) once per vertex, each copy followed by that vertex's constants. */
export function writeExpandedItem(layout: ExpandedLayout, item: Float32Array, target: Float32Array, start: number): void {
  let at = start;
  const floats = layout.itemFloats;
  for (const constants of layout.constants) {
    for (let i = 0; i < floats; i++) target[at++] = item[i];
    for (let i = 0; i < constants.length; i++) target[at++] = constants[i];
  }
}

/** What withoutInstancing needs of a sigma program class (sigma's Program: definition, data array, per-item writer). */
interface SigmaProgram {
  array: Float32Array;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(id: number, startIndex: number, ...data: unknown[]): void;
}

/**
 * A subclass of an instanced sigma program class (node or edge) that draws without instancing; programs that are not
 * instanced come back working as before. The item writer of the original fills a scratch array, then each vertex
 * gets a copy, so the program's own processing and shaders are reused as they are.
 */
export function withoutInstancing<C>(ProgramClass: C): C {
  const Base = ProgramClass as unknown as new (...args: unknown[]) => SigmaProgram;
  class Uninstanced extends Base {
    declare private layout: ExpandedLayout | undefined;
    declare private scratch: Float32Array | undefined;

    override getDefinition(): ProgramDefinition {
      return expandDefinition(super.getDefinition());
    }

    override processVisibleItem(id: number, startIndex: number, ...data: unknown[]): void {
      if (!this.layout) {
        const original = super.getDefinition();
        if (!("CONSTANT_ATTRIBUTES" in original)) {
          super.processVisibleItem(id, startIndex, ...data);
          return;
        }
        this.layout = expandedLayout(original);
        this.scratch = new Float32Array(this.layout.itemFloats);
      }
      const target = this.array;
      this.array = this.scratch!;
      try {
        super.processVisibleItem(id, 0, ...data);
      } finally {
        this.array = target;
      }
      writeExpandedItem(this.layout, this.scratch!, target, startIndex);
    }
  }
  return Uninstanced as unknown as C;
}

let probedRenderer: string | undefined;

/** The renderer behind WebGL when the browser tells (WEBGL_debug_renderer_info), else "". */
export function webglRenderer(): string {
  // The answer holds while the page lives, and asking costs a WebGL context of its own: ask once.
  return (probedRenderer ??= probeRenderer());
}

function probeRenderer(): string {
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return "";
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return renderer;
  } catch {
    return "";
  }
}

/** Whether WebGL is rasterised on the CPU, where instancing costs a draw per instance. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(renderer);
}
