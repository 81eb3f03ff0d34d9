// PositionStream: a layout run is a stream of whole-graph position updates; one update alone (noverlap, undo) is not.
import { describe, expect, it } from "vitest";
import Graph from "graphology";
import { PositionStream, type Timers } from "../../src/workbench/position-stream.ts";
import { applyPositions } from "../../src/workbench/fa2-supervisor.ts";

/** A clock and timers the test moves by hand. */
function manualTime() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(next, { at: now + ms, run });
      return next++;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.run();
      }
    }
  };
  return { timers, now: () => now, advance };
}

function setup() {
  const graph = new Graph();
  for (let i = 0; i < 3; i++) graph.addNode(`n${i}`, { x: i, y: i });
  const time = manualTime();
  const changes: boolean[] = [];
  const stream = new PositionStream(graph, (streaming) => changes.push(streaming), 600, time.now, time.timers);
  const move = () => applyPositions(graph, new Float32Array(6).map(() => Math.random()));
  return { graph, time, changes, stream, move };
}

describe("PositionStream", () => {
  it("starts with the second position update in a row and ends when they stop", () => {
    const { time, changes, stream, move } = setup();
    move();
    expect(changes).toEqual([]);
    time.advance(250);
    move();
    expect(changes).toEqual([true]);
    expect(stream.streaming).toBe(true);
    time.advance(250);
    move();
    time.advance(599);
    expect(changes).toEqual([true]);
    time.advance(1);
    expect(changes).toEqual([true, false]);
    expect(stream.streaming).toBe(false);
  });

  it("is no stream for updates far apart, nor for updates that are not positions", () => {
    const { graph, time, changes, move } = setup();
    move();
    time.advance(700);
    move();
    graph.updateEachNodeAttributes((_n, a) => ({ ...a, size: 3 }), { attributes: ["size"] });
    time.advance(100);
    graph.updateEachNodeAttributes((_n, a) => ({ ...a, size: 4 }), { attributes: ["size"] });
    time.advance(1000);
    expect(changes).toEqual([]);
  });

  it("hears nothing after kill()", () => {
    const { time, changes, stream, move } = setup();
    stream.kill();
    move();
    time.advance(100);
    move();
    expect(changes).toEqual([]);
  });
});
