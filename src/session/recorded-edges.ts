// What a query step found, with the relations older workbench builds left out of neighbourhood steps taken from the step's snapshot.
import type { SessionFile } from "./format.ts";
import type { EdgeTriple, HistoryEntry, RecordedResult } from "./history.ts";

/**
 * The step's recorded result and whether its relations are known. Workbench builds before issue 14 recorded a
 * neighbourhood's nodes but not its relations; the step's snapshot still names the relations the workbench showed
 * (edge keys, resolved through the file's edge table), so they are taken from there when every key resolves.
 * `relations` is "recorded" (the step has them), "snapshot" (taken from the snapshot) or "unknown".
 */
export function recordedWithEdges(file: SessionFile, entry: HistoryEntry): { recorded: RecordedResult | undefined; relations: "recorded" | "snapshot" | "unknown" } {
  const recorded = entry.recorded;
  const a = entry.action;
  if (!recorded) return { recorded, relations: "unknown" };
  if (a.kind !== "neighbourhood" || recorded.edges.length > 0 || recorded.nodes.length <= new Set(a.params.centers).size) {
    return { recorded, relations: a.kind === "expand" && recorded.edges.length === 0 ? "unknown" : "recorded" };
  }
  const keys = entry.snapshot?.state.neighbourhood.result?.edges ?? [];
  const triples = keys.map((key) => (Object.hasOwn(file.edges, key) ? file.edges[key] : undefined));
  if (keys.length > 0 && triples.every((t) => t !== undefined)) return { recorded: { ...recorded, edges: triples as EdgeTriple[] }, relations: "snapshot" };
  return { recorded, relations: "unknown" };
}
