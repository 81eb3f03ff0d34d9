// An expansion at the edge of a "show only" neighbourhood grows it by the neighbours found, one hop further.
import { describe, expect, it } from "vitest";
import { getEmptySession } from "../../src/session/producers.ts";
import { widenNeighbourhood } from "../../src/session/reveal.ts";
import type { SessionState } from "../../src/session/types.ts";

function withResult(): SessionState {
  const s = getEmptySession();
  return {
    ...s,
    focus: "neighbourhood",
    neighbourhood: { ...s.neighbourhood, mode: "only", status: "done", result: { centers: ["c"], nodes: [{ node: "c", depth: 0 }, { node: "a", depth: 1 }], edges: ["e1"], truncated: false } },
  };
}

describe("widenNeighbourhood", () => {
  it("adds the new nodes one hop beyond the expanded node and the new edges, once each", () => {
    const next = widenNeighbourhood("a", ["c", "x", "y", "x"], ["e1", "e2"])(withResult());
    expect(next.neighbourhood.result!.nodes).toEqual([{ node: "c", depth: 0 }, { node: "a", depth: 1 }, { node: "x", depth: 2 }, { node: "y", depth: 2 }]);
    expect(next.neighbourhood.result!.edges).toEqual(["e1", "e2"]);
  });

  it("returns the same state when there is nothing new or no result", () => {
    const state = withResult();
    expect(widenNeighbourhood("a", ["c"], ["e1"])(state)).toBe(state);
    const empty = getEmptySession();
    expect(widenNeighbourhood("a", ["x"], [])(empty)).toBe(empty);
  });
});
