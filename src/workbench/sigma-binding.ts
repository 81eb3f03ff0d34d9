// Sigma 3's private binding to its graph, used only to detach its listeners during a bulk change (no public API does).
import type Sigma from "sigma";
import type { EdgeAttributes, NodeAttributes } from "./view-attributes.ts";

/**
 * Sigma 3's binding to its graph, as `setGraph` uses it (not in its typings): while detached, changes to the graph
 * cost sigma nothing; the full refresh that follows re-indexes everything once. `renderFrame` is sigma's pending
 * draw, which must not run on the stale indices before that refresh.
 */
export interface SigmaGraphBinding {
  bindGraphHandlers(): void;
  unbindGraphHandlers(): void;
  renderFrame: number | null;
}

export function graphBinding(sigma: Sigma<NodeAttributes, EdgeAttributes>): SigmaGraphBinding | null {
  const binding = sigma as unknown as Partial<SigmaGraphBinding>;
  return typeof binding.bindGraphHandlers === "function" && typeof binding.unbindGraphHandlers === "function" ? (binding as SigmaGraphBinding) : null;
}
